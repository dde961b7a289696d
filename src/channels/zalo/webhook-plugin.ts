/**
 * Zalo's adapter for the shared webhook pipeline (`POST /webhooks/zalo`):
 * the `X-ZEvent-Signature` check over the raw bytes (before any JSON
 * parsing), big-id-safe decoding, the event schema with its freshness window,
 * and the dedupe and ordering keys. Zalo wants the 200 within 2 seconds; the
 * pipeline answers before handling. Responses: docs/channels.md.
 */
import type { FastifyPluginAsync } from 'fastify';
import { createWebhookPlugin } from '../webhook/fastify-plugin.js';
import type { WebhookAdapter, WebhookPipeline } from '../webhook/pipeline.js';
import { decodeZaloBody, describeZaloEvent, mapZaloEvent, validateZaloEvent, type ZaloEvent, type ZaloInbound } from './parse-event.js';
import { verifyZaloRequest } from './signature.js';

/** Route path registered by the plugin. */
export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';
/** Header carrying `mac=<sha256 hex>`. */
export const ZALO_SIGNATURE_HEADER = 'x-zevent-signature';
/** Default freshness window of an event's `timestamp`, seconds. */
export const DEFAULT_ZALO_EVENT_MAX_AGE_SECONDS = 300;

/**
 * Dedupe key: `message.msg_id` for messages; otherwise event name, user and
 * timestamp (follow/unfollow carry no msg_id).
 */
export function zaloDedupeKey(event: ZaloEvent): string {
  if (event.message?.msg_id) return `msg:${event.message.msg_id}`;
  const who = event.follower?.id ?? event.sender?.id ?? '';
  return `${event.event_name}:${who}:${event.timestamp}`;
}

export interface ZaloAdapterOptions {
  appId: string;
  /** OA Secret Key (not the App Secret). */
  oaSecretKey: string;
  /** Freshness window, seconds (`ZALO_EVENT_MAX_AGE_SECONDS`). */
  maxAgeSeconds?: number;
  /** Button payloads we sent (a later text equal to one is a button press). */
  isKnownPayload?: (text: string) => boolean;
  /** Clock, for tests. */
  now?: () => number;
}

/** The adapter. */
export function createZaloAdapter(options: ZaloAdapterOptions): WebhookAdapter<ZaloEvent, ZaloInbound> {
  const maxAgeMs = (options.maxAgeSeconds ?? DEFAULT_ZALO_EVENT_MAX_AGE_SECONDS) * 1000;
  const keys = { appId: options.appId, oaSecretKey: options.oaSecretKey };
  return {
    channel: 'zalo',
    authenticate(req) {
      const header = req.headers[ZALO_SIGNATURE_HEADER];
      if (typeof header !== 'string' || header.trim() === '') return { ok: false, code: 'WEBHOOK_AUTH_MISSING' };
      return verifyZaloRequest(header, req.body, keys) ? { ok: true } : { ok: false, code: 'WEBHOOK_AUTH_INVALID' };
    },
    decode: decodeZaloBody,
    validate: (value) => validateZaloEvent(value, { maxAgeMs, ...(options.now ? { now: options.now } : {}) }),
    dedupeKey: zaloDedupeKey,
    map: (event) => mapZaloEvent(event, options.isKnownPayload),
    orderingKey: (inbound) => (inbound.kind === 'message' ? inbound.message.userId : inbound.userId),
    describe: describeZaloEvent,
  };
}

/** The Fastify plugin over a Zalo pipeline. */
export function createZaloWebhookPlugin(pipeline: WebhookPipeline<ZaloEvent>): FastifyPluginAsync {
  return createWebhookPlugin({ path: ZALO_WEBHOOK_PATH, pipeline });
}
