/**
 * /xuat on Telegram: when `sendDocument` fails, the requester is told which
 * files did not arrive and the failure is logged; the other files still go.
 */
import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFailedText, sendTelegramReply } from '../../src/channels/telegram/send-reply.js';
import { type FakeTelegramApi, startFakeTelegramApi } from './helpers/fake-telegram-api.js';
import { capturingLogger } from './helpers/fakes.js';

const TOKEN = '123456:TEST_TOKEN_export_failure_abcdefghij';
const files = ['bao-cao-2026.csv', 'bao-cao-2026.xlsx', 'bao-cao-2026.docx'].map((filename) => ({
  filename,
  mimeType: 'application/octet-stream',
  content: Buffer.from(`content of ${filename}`),
}));

describe('Telegram export failure', () => {
  let api: FakeTelegramApi;
  beforeEach(async () => {
    api = await startFakeTelegramApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('a refused sendDocument is reported to the requester and logged; the other files still go', async () => {
    const { logger, records } = capturingLogger();
    const telegram = new Telegram(TOKEN, { apiRoot: api.url });
    api.failNext('sendDocument', { error_code: 413, description: 'Request Entity Too Large' });
    await sendTelegramReply(telegram, '42', { kind: 'report', text: '📎 Báo cáo năm 2026: 3 hoạt động.', attachments: files }, logger);

    expect(api.callsOf('sendDocument')).toHaveLength(3);
    const texts = api.callsOf('sendMessage').map((c) => String(c.body.text));
    expect(texts).toEqual(['📎 Báo cáo năm 2026: 3 hoạt động.', exportFailedText(['bao-cao-2026.csv'])]);
    expect(texts[1]).toContain('⚠️ Không gửi được 1 tệp qua Telegram: bao-cao-2026.csv.');
    expect(api.calls.at(-1)?.method).toBe('sendMessage'); // the notice comes after the files
    const logged = records.find((r) => r.msg === 'telegram: sendDocument failed');
    expect(logged).toMatchObject({ level: 50, chatId: '42', filename: 'bao-cao-2026.csv' });
    expect(JSON.stringify(logged)).toContain('Request Entity Too Large');
  });

  it('all files refused: one notice naming all three', async () => {
    const { logger, records } = capturingLogger();
    const telegram = new Telegram(TOKEN, { apiRoot: api.url });
    for (let i = 0; i < 3; i++) api.failNext('sendDocument', { error_code: 500, description: 'Internal Server Error' });
    await sendTelegramReply(telegram, '42', { kind: 'report', text: 'x', attachments: files }, logger);
    const notice = api.callsOf('sendMessage').at(-1);
    expect(String(notice?.body.text)).toContain('Không gửi được 3 tệp qua Telegram: bao-cao-2026.csv, bao-cao-2026.xlsx, bao-cao-2026.docx.');
    expect(records.filter((r) => r.msg === 'telegram: sendDocument failed')).toHaveLength(3);
  });
});
