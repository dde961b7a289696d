import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDedupeStore } from '../../src/channels/dedupe-store.js';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/index.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { capturingLogger, freePort, recordingHandler, silentLogger } from './helpers/fakes.js';

const TOKEN = '123456:POLLING_TEST';

// Kept short on purpose: the emulator answers getUpdates at once, so polling spins a core.
describe('Telegram channel in long-polling mode (telegram-test-api)', () => {
  let server: TelegramServer;
  let channel: TelegramChannel;
  let db: Db;
  const handler = recordingHandler((msg) =>
    msg.callbackData
      ? [{ text: `Đã nhận nút ${msg.callbackData}` }]
      : [{ text: 'Kế hoạch 1523/KH-SCT về cải cách hành chính.', buttons: [[{ label: 'Xem nguồn', data: 'src:1' }]] }],
  );

  beforeAll(async () => {
    const port = await freePort();
    server = new TelegramServer({ port, host: '127.0.0.1', storage: 'RAM', storeTimeout: 60 });
    await server.start();
    db = openDatabase(':memory:');
    channel = createTelegramChannel({
      token: TOKEN,
      apiRoot: server.config.apiURL,
      handler,
      dedupe: createDedupeStore(db),
      logger: silentLogger,
    });
    channel.startPolling();
  });

  afterAll(async () => {
    await channel.stop();
    await server.stop();
    db.close();
  });

  it('answers a question with the handler reply and its inline keyboard, then handles the button', async () => {
    const client = server.getClient(TOKEN, { timeout: 5000, userId: 42, chatId: 42, firstName: 'Lan' });
    await client.sendMessage(client.makeMessage('Kế hoạch 1523 là gì?'));
    const first = await client.getUpdates();
    const reply = first.result[0]?.message as { text: string; parse_mode?: string; reply_markup?: unknown };
    expect(reply.text).toBe('Kế hoạch 1523/KH-SCT về cải cách hành chính.');
    expect(reply.parse_mode).toBe('HTML');
    expect(reply.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Xem nguồn', callback_data: 'src:1' }]] });
    expect(handler.received[0]).toMatchObject({ channel: 'telegram', userId: '42', chatId: '42', text: 'Kế hoạch 1523 là gì?' });

    await client.sendCallback(client.makeCallbackQuery('src:1'));
    const second = await client.getUpdates();
    expect(second.result.map((r) => (r.message as { text: string }).text)).toContain('Đã nhận nút src:1');
    expect(handler.received[1]).toMatchObject({ callbackData: 'src:1', userId: '42' });
  });

  it('stops cleanly even when stop() comes right after startPolling()', async () => {
    const { logger, records } = capturingLogger();
    const other = createTelegramChannel({
      token: '654321:RACE_TEST',
      apiRoot: server.config.apiURL,
      handler,
      dedupe: createDedupeStore(db),
      logger,
    });
    other.startPolling();
    const started = Date.now();
    await expect(other.stop()).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2500);
    expect(records.filter((r) => Number(r.level) >= 40)).toEqual([]);
  });
});
