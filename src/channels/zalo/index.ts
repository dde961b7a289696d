/**
 * Public surface of the Zalo OA channel.
 */

export {
  decodeZaloBody,
  mapZaloEvent,
  parseZaloEvent,
  quoteLargeIntegers,
  validateZaloEvent,
  type ZaloEvent,
  type ZaloInbound,
} from './parse-event.js';
export { renderZaloReply, ZALO_MAX_TEXT } from './render.js';
export { computeZaloSignature, timestampCandidates, verifyZaloRequest, verifyZaloSignature } from './signature.js';
export { createMemoryTokenStore, createSqliteTokenStore, type TokenStore, type ZaloTokenPair } from './token-store.js';
export { createZaloAdapter, DEFAULT_ZALO_EVENT_MAX_AGE_SECONDS, ZALO_WEBHOOK_PATH, zaloDedupeKey } from './webhook-plugin.js';
export { ZaloApiError } from './zalo-api-error.js';
export { createZaloChannel, seedTokens, type ZaloChannel, type ZaloChannelOptions } from './zalo-channel.js';
export { createZaloClient, type ZaloClient, type ZaloClientOptions, type ZaloOutgoingMessage } from './zalo-client.js';
