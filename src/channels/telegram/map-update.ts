/**
 * Telegram update → {@link IncomingMessage}. Pure functions, no telegraf
 * runtime: they read the Bot API shapes only.
 */
import type { CallbackQuery, Message, User } from 'telegraf/types';
import type { IncomingMessage } from '../../core/messages.js';

function displayName(user: User): string | undefined {
  const full = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return (full || user.username || undefined)?.normalize('NFC');
}

/**
 * Map a text message. Ids become strings; the text is NFC-normalised.
 * Returns null for messages without text or sender.
 */
export function mapTextMessage(message: Message): IncomingMessage | null {
  if (!('text' in message) || typeof message.text !== 'string' || !message.from) return null;
  const msg: IncomingMessage = {
    channel: 'telegram',
    userId: String(message.from.id),
    chatId: String(message.chat.id),
    messageId: String(message.message_id),
    text: message.text.normalize('NFC'),
    time: new Date(message.date * 1000),
  };
  const name = displayName(message.from);
  if (name) msg.userName = name;
  return msg;
}

/**
 * Map a button press. `callbackData` carries the button's data, which is
 * also used as the text. Returns null for queries without data (games).
 * @param now - the time to stamp (callback queries carry no date)
 */
export function mapCallbackQuery(query: CallbackQuery, now: Date = new Date()): IncomingMessage | null {
  if (!('data' in query) || typeof query.data !== 'string') return null;
  const chatId = query.message?.chat.id ?? query.from.id;
  const msg: IncomingMessage = {
    channel: 'telegram',
    userId: String(query.from.id),
    chatId: String(chatId),
    messageId: `cb:${query.id}`,
    text: query.data,
    callbackData: query.data,
    time: now,
  };
  const name = displayName(query.from);
  if (name) msg.userName = name;
  return msg;
}
