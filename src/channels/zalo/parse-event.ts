/**
 * Parse a Zalo OA webhook body without losing big ids. Zalo ids are strings
 * in the documented payloads, but they exceed 2^53, so any bare integer that
 * is not a safe JS integer is turned into a string before `JSON.parse`.
 */

/** The fields of a Zalo webhook event that the adapter reads. */
export interface ZaloEvent {
  app_id?: string;
  oa_id?: string;
  event_name?: string;
  timestamp?: string;
  sender?: { id?: string; admin_id?: string };
  recipient?: { id?: string };
  follower?: { id?: string };
  message?: { text?: string; msg_id?: string; attachments?: unknown[] };
}

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

/** A scalar as a string (numbers kept exact by {@link quoteLargeIntegers}). */
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;

const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * Parse and normalise an event body: ids and timestamp as strings.
 * @throws SyntaxError on malformed JSON or a body that is not an object
 */
export function parseZaloEvent(raw: string): ZaloEvent {
  const value: unknown = JSON.parse(quoteLargeIntegers(raw));
  const body = obj(value);
  if (!body) throw new SyntaxError('Zalo event is not a JSON object');
  const sender = obj(body.sender);
  const recipient = obj(body.recipient);
  const follower = obj(body.follower);
  const message = obj(body.message);
  const event: ZaloEvent = {};
  const set = <K extends keyof ZaloEvent>(key: K, v: ZaloEvent[K] | undefined) => {
    if (v !== undefined) event[key] = v;
  };
  set('app_id', str(body.app_id));
  set('oa_id', str(body.oa_id));
  set('event_name', str(body.event_name));
  set('timestamp', str(body.timestamp));
  if (sender) event.sender = clean({ id: str(sender.id), admin_id: str(sender.admin_id) });
  if (recipient) event.recipient = clean({ id: str(recipient.id) });
  if (follower) event.follower = clean({ id: str(follower.id) });
  if (message) {
    event.message = clean({
      text: typeof message.text === 'string' ? message.text : undefined,
      msg_id: str(message.msg_id),
      attachments: Array.isArray(message.attachments) ? message.attachments : undefined,
    });
  }
  return event;
}

function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
