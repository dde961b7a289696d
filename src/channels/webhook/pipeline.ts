/**
 * One webhook pipeline for every channel. A request goes through:
 *
 *   raw bytes → authenticate (adapter, constant time) → content type
 *   → decode JSON → validate (adapter, zod) → durable dedupe → answer
 *   → later, guarded: map (adapter) → handle (channel), per conversation.
 *
 * The adapter only says how to authenticate, decode, validate, map and key
 * an event; the order, the responses, the logging and the guarantee that no
 * event can stop the process live here, once. `receive` is independent of
 * the HTTP framework (see fastify-plugin.ts for the Fastify side).
 */
import type { Logger } from '../../logger.js';
import type { DedupeStore } from '../dedupe-store.js';
import { createGuardedDispatcher, type GuardedDispatcher } from './guarded-dispatcher.js';
import { rejection, type WebhookAuthCode, type WebhookDropCode, type WebhookResponse } from './outcome.js';

/** A webhook request as the pipeline sees it: headers and the exact bytes received. */
export interface RawWebhookRequest {
  /** Header names in lower case (as Node gives them). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
  /** Client address, for logs only. */
  ip?: string;
}

export type AuthResult = { ok: true } | { ok: false; code: WebhookAuthCode };

export type ValidateResult<E> =
  | { ok: true; event: E }
  | { ok: false; code: WebhookDropCode /** Safe details for the log line (no secrets, no message text). */; detail?: Record<string, unknown> };

/** What a channel supplies. Every function must be cheap and synchronous. */
export interface WebhookAdapter<E, M> {
  /** Channel name: dedupe namespace and log prefix. */
  channel: string;
  /** Check the secret header or the signature over `req.body`; runs before anything is parsed. */
  authenticate(req: RawWebhookRequest): AuthResult;
  /** Bytes → JSON value. Throwing means "not JSON". Default: UTF-8 `JSON.parse`. */
  decode?(body: Buffer): unknown;
  /** JSON value → typed event (zod), or a drop code. Also used for polled updates. */
  validate(value: unknown): ValidateResult<E>;
  /** Key for the durable dedupe store, unique per delivery of the same event. */
  dedupeKey(event: E): string;
  /** Event → what the channel handles; null when the event is of no interest. Must not throw. */
  map(event: E): M | null;
  /** The conversation a mapped event belongs to (events of one conversation run in order). */
  orderingKey(message: M): string;
  /** Safe fields to log about an event (ids and type, never message text). */
  describe(event: E): Record<string, unknown>;
}

export interface WebhookPipelineOptions<E, M> {
  adapter: WebhookAdapter<E, M>;
  dedupe: DedupeStore;
  logger: Logger;
  /** Handle one mapped event; may be slow, may fail (it is guarded). */
  handle(message: M, signal: AbortSignal): Promise<void>;
  /** Time limit of one `handle` call, ms (default 90 s). */
  handlerTimeoutMs?: number;
}

export interface WebhookPipeline<E> {
  /** Run the synchronous part and return the response; handling is scheduled after it. */
  receive(req: RawWebhookRequest): WebhookResponse;
  /**
   * Map and handle an already validated event (no auth, no dedupe), e.g. a
   * polled Telegram update. Settles when handled; never rejects.
   */
  deliver(event: E): Promise<void>;
  /** Resolves when nothing is scheduled, queued or running. */
  idle(): Promise<void>;
}

/** True for `application/json` and `application/*+json`, parameters (charset) ignored. */
export function isJsonContentType(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return false;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

const defaultDecode = (body: Buffer): unknown => JSON.parse(body.toString('utf8'));

/** Create the pipeline of one channel. */
export function createWebhookPipeline<E, M>(options: WebhookPipelineOptions<E, M>): WebhookPipeline<E> {
  const { adapter, dedupe, logger } = options;
  const channel = adapter.channel;
  const decode = adapter.decode ?? defaultDecode;
  const dispatcher: GuardedDispatcher = createGuardedDispatcher({
    channel,
    logger,
    ...(options.handlerTimeoutMs !== undefined ? { timeoutMs: options.handlerTimeoutMs } : {}),
  });
  const scheduled = new Set<Promise<void>>();

  const describe = (event: E): Record<string, unknown> => {
    try {
      return adapter.describe(event);
    } catch {
      return {};
    }
  };

  const deliver = async (event: E): Promise<void> => {
    const context = describe(event);
    try {
      const message = adapter.map(event);
      if (message === null) {
        logger.debug(context, `${channel}: event ignored`);
        return;
      }
      await dispatcher.dispatch(adapter.orderingKey(message), context, (signal) => options.handle(message, signal));
    } catch (err) {
      // map/orderingKey are meant to be total; this is the safety net.
      logger.error({ ...context, err }, `${channel}: event could not be mapped; ignored`);
    }
  };

  const schedule = (event: E): void => {
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => deliver(event))
      // deliver() does not reject; this keeps it so even if a logger throws.
      .catch(() => undefined);
    scheduled.add(done);
    void done.finally(() => scheduled.delete(done));
  };

  const receive = (req: RawWebhookRequest): WebhookResponse => {
    const auth = adapter.authenticate(req);
    if (!auth.ok) {
      logger.warn({ code: auth.code, ip: req.ip }, `${channel} webhook: request not authenticated`);
      return rejection(auth.code);
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      logger.warn({ code: 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE', contentType: req.headers['content-type'] }, `${channel} webhook: not JSON`);
      return rejection('WEBHOOK_UNSUPPORTED_MEDIA_TYPE');
    }
    let value: unknown;
    try {
      value = decode(req.body);
    } catch {
      logger.warn({ code: 'WEBHOOK_INVALID_JSON', bytes: req.body.length }, `${channel} webhook: malformed JSON dropped`);
      return rejection('WEBHOOK_INVALID_JSON');
    }
    const result = adapter.validate(value);
    if (!result.ok) {
      logger.warn({ code: result.code, ...result.detail }, `${channel} webhook: event dropped`);
      return rejection(result.code);
    }
    const event = result.event;
    const key = adapter.dedupeKey(event);
    if (!dedupe.firstSeen(channel, key)) {
      logger.info({ ...describe(event), key }, `${channel} webhook: repeated event dropped`);
      return { status: 200, body: { ok: true, duplicate: true } };
    }
    // Handled after the response is on its way; the dedupe row makes it at most once.
    schedule(event);
    return { status: 200, body: { ok: true } };
  };

  return {
    receive,
    deliver,
    async idle() {
      while (scheduled.size > 0) await Promise.allSettled([...scheduled]);
      await dispatcher.idle();
    },
  };
}
