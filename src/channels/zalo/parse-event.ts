/**
 * Zalo OA webhook body → typed event → {@link IncomingMessage}.
 *
 * - {@link decodeZaloBody}: JSON without losing big ids. Zalo ids are strings
 *   in the documented payloads, but they exceed 2^53, so any bare integer
 *   that is not a safe JS integer is turned into a string before `JSON.parse`.
 * - {@link validateZaloEvent}: the zod schema of the fields we read, and the
 *   freshness window on `timestamp` (epoch milliseconds).
 * - {@link mapZaloEvent}: total; every event of no interest gives null.
 */
import { z } from 'zod';
import type { IncomingMessage } from '../../core/messages.js';
import type { ValidateResult } from '../webhook/pipeline.js';

const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/** Wrap every bare integer literal outside strings that is not a safe integer in quotes. */
export function quoteLargeIntegers(json: string): string {
  let out = '';
  let i = 0;
  while (i < json.length) {
    const ch = json[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      out += json.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(json);
      if (m) {
        const token = m[0];
        const integer = m[1] === undefined && m[2] === undefined;
        out += integer && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token;
        i += token.length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** An id: a string, or a (safe) integer turned into its decimal string. */
const idString = z.union([z.string().min(1), z.number().int()]).transform(String);
/** Epoch milliseconds, as a digit string (Zalo sends a string) or a number. */
const epochMs = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(String);

/** The fields of a Zalo webhook event that the adapter reads (others are dropped). */
export const zaloEventSchema = z.object({
  app_id: idString.optional(),
  oa_id: idString.optional(),
  event_name: z.string().min(1),
  timestamp: epochMs,
  sender: z.object({ id: idString.optional(), admin_id: idString.optional() }).optional(),
  recipient: z.object({ id: idString.optional() }).optional(),
  follower: z.object({ id: idString.optional() }).optional(),
  message: z
    .object({
      text: z.string().optional(),
      msg_id: idString.optional(),
      attachments: z.array(z.unknown()).optional(),
    })
    .optional(),
});

export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/**
 * Decode a body to a JSON value, big integers kept as strings.
 * @throws SyntaxError on malformed JSON
 */
export function decodeZaloBody(raw: Buffer | string): unknown {
  return JSON.parse(quoteLargeIntegers(typeof raw === 'string' ? raw : raw.toString('utf8')));
}

export interface ZaloValidateOptions {
  /** Largest accepted distance between the event's `timestamp` and now, ms. */
  maxAgeMs: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Validate a decoded body: the schema, then the freshness window (both
 * directions, so a clock far in the future is refused too).
 */
export function validateZaloEvent(value: unknown, options: ZaloValidateOptions): ValidateResult<ZaloEvent> {
  const parsed = zaloEventSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
    return { ok: false, code: 'WEBHOOK_INVALID_EVENT', detail: { issues } };
  }
  const event = parsed.data;
  const ageMs = (options.now ?? Date.now)() - Number(event.timestamp);
  if (!(Math.abs(ageMs) <= options.maxAgeMs)) {
    return { ok: false, code: 'WEBHOOK_EVENT_STALE', detail: { event: event.event_name, ageMs, maxAgeMs: options.maxAgeMs } };
  }
  return { ok: true, event };
}

/**
 * Parse a whole body (decode + schema, no freshness window).
 * @throws SyntaxError on malformed JSON or a body that is not a Zalo event
 */
export function parseZaloEvent(raw: Buffer | string): ZaloEvent {
  const parsed = zaloEventSchema.safeParse(decodeZaloBody(raw));
  if (!parsed.success) throw new SyntaxError('not a Zalo event');
  return parsed.data;
}

/** A mapped event: a message for the handler, or a non-text message to answer with a note. */
export type ZaloInbound = { kind: 'message'; message: IncomingMessage } | { kind: 'not-text'; userId: string };

/**
 * Map an event (any value: a wrong shape gives null). `follow` becomes `/start`; `user_send_*` from a user becomes a
 * message (or `not-text` for stickers, images…); everything else, including
 * OA echo events (`oa_send_*`, `sender.admin_id`), gives null.
 * @param isKnownPayload - true for button payloads we sent (the user's app sends them back as text)
 */
export function mapZaloEvent(value: unknown, isKnownPayload: (text: string) => boolean = () => false): ZaloInbound | null {
  const parsed = zaloEventSchema.safeParse(value);
  if (!parsed.success) return null;
  const event = parsed.data;
  const name = event.event_name;
  const ms = Number(event.timestamp);
  const time = new Date(Number.isFinite(ms) && ms > 0 ? ms : Date.now());
  if (name === 'follow') {
    const id = event.follower?.id;
    if (!id) return null;
    return { kind: 'message', message: { channel: 'zalo', userId: id, chatId: id, messageId: `follow:${event.timestamp}`, text: '/start', time } };
  }
  if (!name.startsWith('user_send_') || event.sender?.admin_id) return null;
  const userId = event.sender?.id;
  if (!userId) return null;
  const text = (event.message?.text ?? '').normalize('NFC').trim();
  if (text === '') return { kind: 'not-text', userId };
  const message: IncomingMessage = {
    channel: 'zalo',
    userId,
    chatId: userId,
    messageId: event.message?.msg_id ?? `${name}:${event.timestamp}`,
    text,
    time,
  };
  if (isKnownPayload(text)) message.callbackData = text;
  return { kind: 'message', message };
}

/** Safe fields to log about an event: its name and ids (no text). */
export function describeZaloEvent(event: ZaloEvent): Record<string, unknown> {
  return { event: event.event_name, msgId: event.message?.msg_id, timestamp: event.timestamp };
}
