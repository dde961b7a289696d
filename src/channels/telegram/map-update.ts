/**
 * Telegram update → {@link IncomingMessage}. Pure, total functions: any
 * input, however malformed, gives a message or null (ignored), never a
 * throw. Shapes are checked with the zod schemas of update-schema.ts.
 */
import type { IncomingMessage } from '../../core/messages.js';
import { type TelegramUser, telegramCallbackQuerySchema, telegramMessageSchema, telegramUpdateSchema } from './update-schema.js';

/** A mapped update: the message for the handler and, for a button press, the query to answer. */
export interface TelegramInbound {
  message: IncomingMessage;
  /** Set for a button press: answer it first (the client shows a spinner until then). */
  callbackQueryId?: string;
}

function displayName(user: TelegramUser): string | undefined {
  const full = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return (full || user.username || undefined)?.normalize('NFC');
}

/**
 * Map a text message. Ids become strings; the text is NFC-normalised.
 * Returns null for anything that is not a text message with a sender and a chat.
 */
export function mapTextMessage(message: unknown): IncomingMessage | null {
  const parsed = telegramMessageSchema.safeParse(message);
  if (!parsed.success) return null;
  const m = parsed.data;
  if (typeof m.text !== 'string' || m.text === '' || !m.from) return null;
  const msg: IncomingMessage = {
    channel: 'telegram',
    userId: String(m.from.id),
    chatId: String(m.chat.id),
    messageId: String(m.message_id),
    text: m.text.normalize('NFC'),
    time: new Date(m.date * 1000),
  };
  const name = displayName(m.from);
  if (name) msg.userName = name;
  const replied = m.reply_to_message;
  if (typeof replied?.text === 'string') msg.replyTo = { text: replied.text.normalize('NFC'), fromBot: replied.from?.is_bot === true };
  return msg;
}

/**
 * Map a button press. `callbackData` carries the button's data, which is
 * also used as the text. Returns null for queries without data (games) or
 * without a sender.
 * @param now - the time to stamp (callback queries carry no date)
 */
export function mapCallbackQuery(query: unknown, now: Date = new Date()): IncomingMessage | null {
  const parsed = telegramCallbackQuerySchema.safeParse(query);
  if (!parsed.success) return null;
  const q = parsed.data;
  if (typeof q.data !== 'string' || q.data === '') return null;
  const msg: IncomingMessage = {
    channel: 'telegram',
    userId: String(q.from.id),
    chatId: String(q.message?.chat.id ?? q.from.id),
    messageId: `cb:${q.id}`,
    text: q.data,
    callbackData: q.data,
    time: now,
  };
  const name = displayName(q.from);
  if (name) msg.userName = name;
  return msg;
}

/**
 * Map a whole update (text message or button press); null for every other
 * update type and every unexpected shape.
 */
export function mapUpdate(update: unknown, now: Date = new Date()): TelegramInbound | null {
  const parsed = telegramUpdateSchema.safeParse(update);
  if (!parsed.success) return null;
  const u = parsed.data;
  if (u.message) {
    const message = mapTextMessage(u.message);
    return message ? { message } : null;
  }
  if (u.callback_query) {
    const message = mapCallbackQuery(u.callback_query, now);
    return message ? { message, callbackQueryId: u.callback_query.id } : null;
  }
  return null;
}

/** Safe fields to log about an update: its id and which kind it is (no text). */
export function describeUpdate(update: unknown): Record<string, unknown> {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return { kind: typeof update };
  const record = update as Record<string, unknown>;
  const kinds = Object.keys(record).filter((k) => k !== 'update_id');
  return { update_id: record.update_id, kind: kinds.slice(0, 3).join(',') || '(none)' };
}
