/**
 * Render an {@link OutgoingReply} as Zalo consultation messages: plain text
 * split at 2000 characters, buttons as a text+buttons template
 * (`oa.query.show`, at most 4, titles ≤ 35 characters) on the last part.
 */
import type { OutgoingReply } from '../../core/messages.js';
import { composeReplyText, flattenButtons } from '../reply-text.js';
import { splitMessage } from '../split-message.js';
import type { ZaloOutgoingMessage } from './zalo-client.js';

/** Zalo's text limit ("Giới hạn tối đa là 2.000 ký tự"). */
export const ZALO_MAX_TEXT = 2000;
export const ZALO_MAX_BUTTONS = 4;
export const ZALO_MAX_BUTTON_TITLE = 35;

/** Count characters as code points ("ký tự"), after NFC. */
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export interface RenderedZaloReply {
  messages: ZaloOutgoingMessage[];
  /** Payloads of the buttons sent (so a later text equal to one is a button press). */
  payloads: string[];
  /** Buttons left out (over the limit of 4). */
  droppedButtons: string[];
}

/** Shorten a title to ≤ 35 characters, ending with "…" when cut. */
export function buttonTitle(label: string): string {
  const chars = [...label.normalize('NFC').trim()];
  return chars.length <= ZALO_MAX_BUTTON_TITLE ? chars.join('') : chars.slice(0, ZALO_MAX_BUTTON_TITLE - 1).join('') + '…';
}

/** Render a reply into one or more Zalo messages, in sending order. */
export function renderZaloReply(reply: OutgoingReply): RenderedZaloReply {
  let text = composeReplyText(reply);
  const files = (reply.attachments ?? []).map((a) => `“${a.filename}”`);
  if (files.length > 0) {
    text += `\n\n(Tệp ${files.join(', ')} chưa gửi được qua Zalo. Vui lòng dùng kênh Telegram để nhận tệp.)`;
  }
  const parts = splitMessage(text, ZALO_MAX_TEXT, codePoints);
  const all = flattenButtons(reply);
  const kept = all.slice(0, ZALO_MAX_BUTTONS);
  if (parts.length === 0 && kept.length > 0) parts.push('Mời bạn chọn:');
  const messages: ZaloOutgoingMessage[] = parts.map((p) => ({ text: p }));
  const last = messages[messages.length - 1];
  if (last && kept.length > 0) {
    last.attachment = {
      type: 'template',
      payload: { buttons: kept.map((b) => ({ title: buttonTitle(b.label), type: 'oa.query.show', payload: b.data })) },
    };
  }
  return {
    messages,
    payloads: kept.map((b) => b.data),
    droppedButtons: all.slice(ZALO_MAX_BUTTONS).map((b) => b.data),
  };
}
