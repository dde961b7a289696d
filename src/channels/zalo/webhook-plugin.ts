/**
 * Fastify plugin for Zalo OA events: `POST /webhooks/zalo`.
 *
 * Order: signature header present → JSON (ids kept as strings) → signature
 * (constant time, over the raw bytes) → dedupe → 200 at once; the event is
 * handled asynchronously because Zalo wants the 200 within 2 seconds.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from '../../logger.js';
import type { DedupeStore } from '../dedupe-store.js';
import { bodyBytes, useRawBodies } from '../raw-body.js';
import { parseZaloEvent, type ZaloEvent } from './parse-event.js';
import { computeZaloSignature, verifyZaloSignature } from './signature.js';

/** Route path registered by the plugin. */
export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';

export interface ZaloWebhookDeps {
  appId: string;
  oaSecretKey: string;
  dedupe: DedupeStore;
  logger: Logger;
  /** Called after the 200 is sent; must not throw synchronously. */
  process(event: ZaloEvent): void;
}

/**
 * Dedupe key: `message.msg_id` for messages; otherwise event name, user and
 * timestamp (follow/unfollow carry no msg_id).
 */
export function zaloDedupeKey(event: ZaloEvent): string {
  if (event.message?.msg_id) return `msg:${event.message.msg_id}`;
  const who = event.follower?.id ?? event.sender?.id ?? '';
  return `${event.event_name ?? ''}:${who}:${event.timestamp ?? ''}`;
}

/**
 * Build the webhook plugin. Responses: 401 missing or wrong signature,
 * 400 malformed JSON, 200 accepted (also for a repeat, which is dropped).
 */
export function createZaloWebhookPlugin(deps: ZaloWebhookDeps): FastifyPluginAsync {
  return async (app) => {
    useRawBodies(app);
    app.post(ZALO_WEBHOOK_PATH, async (req, reply) => {
      const header = req.headers['x-zevent-signature'];
      if (typeof header !== 'string' || header === '') {
        return reply.code(401).send({ ok: false, error: 'missing signature' });
      }
      const rawBody = bodyBytes(req.body).toString('utf8');
      let event: ZaloEvent;
      try {
        event = parseZaloEvent(rawBody);
      } catch {
        return reply.code(400).send({ ok: false, error: 'malformed JSON' });
      }
      const params = { appId: deps.appId, rawBody, timestamp: event.timestamp ?? '', oaSecretKey: deps.oaSecretKey };
      if (!verifyZaloSignature(header, params)) {
        const expected = computeZaloSignature(params.appId, rawBody, params.timestamp, params.oaSecretKey);
        deps.logger.warn(
          { got: header.slice(0, 12), expected: expected.slice(0, 12), bodyAppId: event.app_id, numRetry: req.headers['num_retry'] },
          'zalo webhook: signature mismatch',
        );
        return reply.code(401).send({ ok: false, error: 'bad signature' });
      }
      if (!deps.dedupe.firstSeen('zalo', zaloDedupeKey(event))) {
        deps.logger.info({ event: event.event_name, key: zaloDedupeKey(event) }, 'zalo webhook: repeated event dropped');
        return reply.code(200).send({ ok: true, duplicate: true });
      }
      setImmediate(() => deps.process(event));
      return reply.code(200).send({ ok: true });
    });
  };
}
