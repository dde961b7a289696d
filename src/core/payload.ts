/**
 * Button payloads (Telegram `callback_data`, Zalo and web `callbackData`):
 * one discriminated union, one encoder, one decoder. Every button the bot
 * shows is built with {@link encodePayload}; every press is read with
 * {@link decodePayload}, which returns null for anything unknown or garbled
 * (the caller answers that the button is no longer valid, never crashes).
 *
 * Wire format: short ASCII, at most 64 bytes (Telegram's limit):
 * `fb:up:<id>`, `q:<n>`, `rp:save[:<card>]`, `rp:area:II.1.dd`, `rp:ch:website`,
 * `rp:del:<id>`, `rp:delok:<id>`, `rp:delno`, `rp:sum:month`, `hd:ask`, `hd:r:<ticket>`…
 * The letter `đ` of area codes travels as `dd`.
 */
import { type AreaCode, areaCodeSchema, type PeriodKind, periodKindSchema, type ReportChannel, reportChannelSchema } from './vocabulary.js';

/** Period of a `/tonghop` button. */
export type SummaryPeriod = PeriodKind;

/** A button of the report flow. `card` names the draft card it was shown on (stale cards are refused). */
export type ReportAction =
  | { action: 'save'; card?: string }
  | { action: 'edit'; card?: string }
  | { action: 'cancel'; card?: string }
  | { action: 'area'; code: AreaCode; card?: string }
  | { action: 'channel'; channel: ReportChannel; card?: string }
  | { action: 'delete'; id: number }
  | { action: 'delete-confirm'; id: number }
  | { action: 'delete-keep' }
  | { action: 'summary'; period: SummaryPeriod };

/** A button of the handoff: the citizen's "Hỏi cán bộ", or "Trả lời" under a ticket in the staff group. */
export type HandoffAction = { action: 'ask' } | { action: 'staffReply'; ticketId: number };

/** What a button press means. */
export type Payload =
  | { kind: 'feedback'; vote: 'up' | 'down'; exchangeId: string }
  | { kind: 'example'; index: number }
  | ({ kind: 'report' } & ReportAction)
  | ({ kind: 'handoff' } & HandoffAction);

/** Longest payload Telegram accepts, in bytes. */
export const MAX_PAYLOAD_BYTES = 64;

const CARD = /^[a-z0-9]{1,12}$/;
const EXCHANGE = /^[A-Za-z0-9_-]{1,56}$/;

const withCard = (base: string, card: string | undefined) => (card ? `${base}:${card}` : base);

/** The ASCII form of an area code (`II.3.đ` → `II.3.dd`). */
const areaToWire = (code: string) => code.replace(/đ$/, 'dd');
const areaFromWire = (wire: string) => wire.replace(/dd$/, 'đ');

/**
 * The wire form of a payload.
 * @throws Error when the result would be longer than {@link MAX_PAYLOAD_BYTES} (a programming error)
 */
export function encodePayload(p: Payload): string {
  const out = encodeUnchecked(p);
  if (Buffer.byteLength(out, 'utf8') > MAX_PAYLOAD_BYTES) throw new Error(`button payload too long: ${out}`);
  return out;
}

function encodeUnchecked(p: Payload): string {
  switch (p.kind) {
    case 'feedback':
      return `fb:${p.vote}:${p.exchangeId}`;
    case 'example':
      return `q:${p.index}`;
    case 'handoff':
      return p.action === 'ask' ? 'hd:ask' : `hd:r:${p.ticketId}`;
    case 'report':
      switch (p.action) {
        case 'save':
        case 'edit':
        case 'cancel':
          return withCard(`rp:${p.action}`, p.card);
        case 'area':
          return withCard(`rp:area:${areaToWire(p.code)}`, p.card);
        case 'channel':
          return withCard(`rp:ch:${p.channel}`, p.card);
        case 'delete':
          return `rp:del:${p.id}`;
        case 'delete-confirm':
          return `rp:delok:${p.id}`;
        case 'delete-keep':
          return 'rp:delno';
        case 'summary':
          return `rp:sum:${p.period}`;
      }
  }
}

const cardOf = (s: string | undefined): { card?: string } | null => (s === undefined ? {} : CARD.test(s) ? { card: s } : null);
const idOf = (s: string | undefined): number | null => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);

/** Read a button press; null for anything this bot never sent. */
export function decodePayload(data: string | undefined | null): Payload | null {
  if (typeof data !== 'string' || data.length === 0 || Buffer.byteLength(data, 'utf8') > MAX_PAYLOAD_BYTES) return null;
  const [head, a, b, ...rest] = data.split(':');
  if (head === 'fb') {
    if ((a === 'up' || a === 'down') && b !== undefined && EXCHANGE.test(b) && rest.length === 0) return { kind: 'feedback', vote: a, exchangeId: b };
    return null;
  }
  if (head === 'q') {
    const n = a && b === undefined && /^\d{1,2}$/.test(a) ? Number(a) : 0;
    return n > 0 ? { kind: 'example', index: n } : null;
  }
  if (head === 'hd') {
    if (a === 'ask' && b === undefined) return { kind: 'handoff', action: 'ask' };
    const ticketId = a === 'r' && rest.length === 0 ? idOf(b) : null;
    return ticketId === null ? null : { kind: 'handoff', action: 'staffReply', ticketId };
  }
  if (head !== 'rp' || rest.length > 1) return null;
  return decodeReport(a, b, rest[0]);
}

function decodeReport(action: string | undefined, arg: string | undefined, extra: string | undefined): Payload | null {
  switch (action) {
    case 'save':
    case 'edit':
    case 'cancel': {
      if (extra !== undefined) return null;
      const card = cardOf(arg);
      return card ? { kind: 'report', action, ...card } : null;
    }
    case 'area':
    case 'ch': {
      const card = cardOf(extra);
      if (!card || arg === undefined) return null;
      if (action === 'area') {
        const code = areaCodeSchema.safeParse(areaFromWire(arg));
        return code.success ? { kind: 'report', action: 'area', code: code.data, ...card } : null;
      }
      const channel = reportChannelSchema.safeParse(arg);
      return channel.success ? { kind: 'report', action: 'channel', channel: channel.data, ...card } : null;
    }
    case 'del':
    case 'delok': {
      const id = extra === undefined ? idOf(arg) : null;
      if (id === null) return null;
      return { kind: 'report', action: action === 'del' ? 'delete' : 'delete-confirm', id };
    }
    case 'delno':
      return arg === undefined ? { kind: 'report', action: 'delete-keep' } : null;
    case 'sum': {
      const period = periodKindSchema.safeParse(arg);
      return period.success && extra === undefined ? { kind: 'report', action: 'summary', period: period.data } : null;
    }
    default:
      return null;
  }
}
