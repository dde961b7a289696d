/**
 * Render an {@link OutgoingReply} for Telegram: HTML parse mode, escaped
 * text split under the 4096 limit, buttons as an inline keyboard on the last
 * chunk only.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { OutgoingReply } from '../../core/messages.js';
import { composeReplyText } from '../reply-text.js';
import { splitMessage } from '../split-message.js';

/** Telegram's sendMessage limit, in UTF-16 code units after entity parsing. */
export const TELEGRAM_MAX_TEXT = 4096;

/** callback_data: 1–64 bytes; we also require printable ASCII (short ids such as `faq:12`). */
const CALLBACK_DATA = /^[\x20-\x7e]{1,64}$/;

/** One message to send: the HTML text, its plain form (fallback) and maybe a keyboard. */
export interface TelegramChunk {
  html: string;
  plain: string;
  keyboard?: InlineKeyboardMarkup;
}

export interface RenderedTelegramReply {
  chunks: TelegramChunk[];
  /** Buttons dropped because their data is not short ASCII. */
  droppedButtons: string[];
}

/** Escape the three characters Telegram's HTML mode reserves: `& < >`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True when `data` is valid `callback_data` under our rules. */
export function isValidCallbackData(data: string): boolean {
  return CALLBACK_DATA.test(data);
}

/**
 * Render a reply into Telegram messages.
 * @param maxLength - limit per message (default 4096), measured on the escaped text
 */
export function renderTelegramReply(reply: OutgoingReply, maxLength = TELEGRAM_MAX_TEXT): RenderedTelegramReply {
  const plainChunks = splitMessage(composeReplyText(reply), maxLength, (s) => escapeHtml(s).length);
  const droppedButtons: string[] = [];
  const rows: InlineKeyboardButton[][] = [];
  for (const row of reply.buttons ?? []) {
    const out: InlineKeyboardButton[] = [];
    for (const b of row) {
      if (isValidCallbackData(b.data)) out.push({ text: b.label.normalize('NFC'), callback_data: b.data });
      else droppedButtons.push(b.data);
    }
    if (out.length > 0) rows.push(out);
  }
  const keyboard: InlineKeyboardMarkup | undefined = rows.length > 0 ? { inline_keyboard: rows } : undefined;
  // Buttons need a message to hang on.
  if (plainChunks.length === 0 && keyboard) plainChunks.push('…');
  const chunks = plainChunks.map((plain, i): TelegramChunk => {
    const chunk: TelegramChunk = { html: escapeHtml(plain), plain };
    if (keyboard && i === plainChunks.length - 1) chunk.keyboard = keyboard;
    return chunk;
  });
  return { chunks, droppedButtons };
}
