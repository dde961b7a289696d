import { describe, expect, it } from 'vitest';
import { composeReplyText } from '../../src/channels/reply-text.js';
import { escapeHtml, renderTelegramReply, TELEGRAM_MAX_TEXT } from '../../src/channels/telegram/index.js';
import type { SourceRef } from '../../src/core/answer.js';

const source = (doc: string, section: string, title: string): SourceRef => ({ doc, section, title, text: '…', score: 1 });

describe('Telegram rendering', () => {
  it('escapes & < > for HTML parse mode', () => {
    expect(escapeHtml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    const { chunks } = renderTelegramReply({ text: 'Chỉ số <PCI> & "PAR"' });
    expect(chunks.map((c) => c.html)).toEqual(['Chỉ số &lt;PCI&gt; &amp; "PAR"']);
    expect(chunks[0]?.plain).toBe('Chỉ số <PCI> & "PAR"');
  });

  it('splits a 9000-character answer on paragraph boundaries, keyboard on the last chunk only', () => {
    const paragraph = (i: number) => `Đoạn ${i}: ` + 'nội dung kế hoạch & chỉ tiêu. '.repeat(9).trim();
    const paragraphs = Array.from({ length: 34 }, (_, i) => paragraph(i));
    const text = paragraphs.join('\n\n');
    expect(text.length).toBeGreaterThan(9000);
    const { chunks } = renderTelegramReply({ text, buttons: [[{ label: 'Xem thêm', data: 'more:1' }]] });
    expect(chunks.length).toBe(3);
    for (const c of chunks) expect(c.html.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
    // Every chunk starts at a paragraph start and nothing is lost.
    for (const c of chunks) expect(c.plain.startsWith('Đoạn ')).toBe(true);
    expect(chunks.map((c) => c.plain).join('\n\n')).toBe(text.trim());
    expect(chunks.slice(0, -1).every((c) => c.keyboard === undefined)).toBe(true);
    expect(chunks[2]?.keyboard).toEqual({ inline_keyboard: [[{ text: 'Xem thêm', callback_data: 'more:1' }]] });
  });

  it('drops buttons whose callback data is not short ASCII', () => {
    const { chunks, droppedButtons } = renderTelegramReply({
      text: 'Chọn',
      buttons: [
        [
          { label: 'Tốt', data: 'fb:up' },
          { label: 'Xấu', data: 'phản hồi' },
        ],
        [{ label: 'Dài', data: 'x'.repeat(65) }],
      ],
    });
    expect(droppedButtons).toEqual(['phản hồi', 'x'.repeat(65)]);
    expect(chunks[0]?.keyboard).toEqual({ inline_keyboard: [[{ text: 'Tốt', callback_data: 'fb:up' }]] });
  });

  it('lists only the cited sources, merged, as one-line labels in a "Nguồn:" block', () => {
    const text = composeReplyText({
      text: 'Trả lời [1523/KH-SCT, II.3.b] và [1523/KH-SCT, IV.2].',
      sources: [
        source('1523/KH-SCT', 'II.3.b', 'II. NỘI DUNG › 3. PCI › b) Tính minh bạch'),
        source('1523/KH-SCT', 'II.3.b', 'trùng'),
        source('26/KH-UBND', 'II', 'không được trích dẫn'),
        source('1523/KH-SCT', 'IV.2', ''),
      ],
    });
    expect(text).toBe('Trả lời [1523/KH-SCT, II.3.b] và [1523/KH-SCT, IV.2].\n\nNguồn:\n• 1523/KH-SCT, II.3.b\n• 1523/KH-SCT, IV.2');
  });

  it('lists no "Nguồn:" block when the answer cites nothing', () => {
    expect(composeReplyText({ text: 'Xin lỗi, chưa tìm thấy.', sources: [source('26/KH-UBND', 'II', 'x')] })).toBe('Xin lỗi, chưa tìm thấy.');
  });
});

describe('telegramWebhookUrl', () => {
  it('joins the public URL and the route without doubling slashes', async () => {
    const { telegramWebhookUrl } = await import('../../src/channels/telegram/index.js');
    expect(telegramWebhookUrl('https://bot.example.vn/')).toBe('https://bot.example.vn/webhooks/telegram');
    expect(telegramWebhookUrl('https://example.vn/chatbot')).toBe('https://example.vn/chatbot/webhooks/telegram');
  });
});
