/**
 * Public surface of the Zalo OA channel.
 */
export { createZaloChannel, seedTokens, type ZaloChannel, type ZaloChannelOptions } from './zalo-channel.js';
export { createZaloClient, type ZaloClient, type ZaloClientOptions, type ZaloOutgoingMessage } from './zalo-client.js';
export { createSqliteTokenStore, createMemoryTokenStore, type TokenStore, type ZaloTokenPair } from './token-store.js';
export { ZaloApiError } from './zalo-api-error.js';
export { ZALO_WEBHOOK_PATH, zaloDedupeKey } from './webhook-plugin.js';
export { computeZaloSignature, verifyZaloSignature } from './signature.js';
export { parseZaloEvent, quoteLargeIntegers, type ZaloEvent } from './parse-event.js';
export { renderZaloReply, ZALO_MAX_TEXT } from './render.js';
