/**
 * Handoff against the telegram-test-api emulator, in long-polling mode: a
 * citizen asks for a person, the ticket is posted to the staff group, a
 * staff member replies to that post, and the reply reaches the citizen.
 * Kept short: polling the emulator spins a core.
 */
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../channels/helpers/fakes.js';
import { type HandoffBot, STAFF_CHAT, startHandoffBot, TG_TOKEN, tempDataDir, testClock } from './helpers.js';

interface EmulatedMessage {
  text: string;
  reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> };
}

describe('handoff with the Telegram emulator', () => {
  let server: TelegramServer;
  let bot: HandoffBot;

  beforeAll(async () => {
    const port = await freePort();
    server = new TelegramServer({ port, host: '127.0.0.1', storage: 'RAM', storeTimeout: 60 });
    await server.start();
    bot = await startHandoffBot({
      dataDir: tempDataDir(),
      clock: testClock(),
      env: { TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, TELEGRAM_STAFF_CHAT_ID: STAFF_CHAT },
    });
    bot.channels.telegram?.startPolling();
  });

  afterAll(async () => {
    await bot?.close();
    await server?.stop();
  });

  it('ticket to the staff group, staff reply to the post, reply to the citizen', async () => {
    const citizen = server.getClient(TG_TOKEN, { timeout: 5000, userId: 4242, chatId: 4242, firstName: 'Lan' });
    const staff = server.getClient(TG_TOKEN, { timeout: 5000, userId: 777, chatId: Number(STAFF_CHAT), firstName: 'Minh', type: 'supergroup' });

    await citizen.sendMessage(citizen.makeMessage('cho tôi gặp cán bộ, giấy phép kinh doanh của công ty tôi ghi sai địa chỉ'));
    const confirm = (await citizen.getUpdates()).result.map((r) => r.message as unknown as EmulatedMessage);
    expect(confirm.map((m) => m.text).join('\n')).toMatch(/yêu cầu #1/);

    const posts = (await staff.getUpdates()).result.map((r) => r.message as unknown as EmulatedMessage);
    const post = posts.find((m) => m.text.includes('Yêu cầu #1'));
    expect(post?.text).toContain('giấy phép kinh doanh của công ty tôi ghi sai địa chỉ');
    expect(post?.reply_markup?.inline_keyboard?.[0]?.[0]).toEqual({ text: 'Trả lời', callback_data: 'hd:r:1' });

    await staff.sendMessage(
      staff.makeMessage('Chị gửi bản sao giấy phép qua bộ phận một cửa để được đính chính.', {
        reply_to_message: {
          message_id: 1,
          date: 0,
          chat: { id: Number(STAFF_CHAT), type: 'supergroup' },
          from: { id: 1, is_bot: true, first_name: 'Bot' },
          text: post?.text ?? '',
        },
      }),
    );
    const delivered = (await citizen.getUpdates()).result.map((r) => (r.message as unknown as EmulatedMessage).text);
    expect(delivered.join('\n')).toContain('Cán bộ của Sở trả lời (yêu cầu #1):\nChị gửi bản sao giấy phép');
    const ack = (await staff.getUpdates()).result.map((r) => (r.message as unknown as EmulatedMessage).text);
    expect(ack.join('\n')).toMatch(/Đã gửi câu trả lời cho yêu cầu #1 qua Telegram/);
    expect(bot.tickets.get(1, { role: 'admin' }).status).toBe('answered');
  });
});
