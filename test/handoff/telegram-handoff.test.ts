/**
 * Handoff on Telegram, through the real webhook route and a loopback fake of
 * the Bot API: a citizen's ticket is posted to the staff group with its
 * number and a "Trả lời" button; a staff reply to that post reaches the
 * citizen; two deliveries of one update make one ticket; a restart sends
 * what was pending once and nothing twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteTicketStore } from '../../src/handoff/index.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../channels/helpers/fake-telegram-api.js';
import {
  type HandoffBot,
  postTelegram,
  STAFF_CHAT,
  startHandoffBot,
  type TestClock,
  telegramEnv,
  telegramTextUpdate,
  tempDataDir,
  testClock,
} from './helpers.js';

const CITIZEN = { id: 4242, first_name: 'Lan' };
const STAFF = { id: 777, first_name: 'Cán bộ Minh' };

describe('handoff on Telegram', () => {
  let api: FakeTelegramApi;
  let bot: HandoffBot;
  let clock: TestClock;
  let dataDir: string;

  beforeEach(async () => {
    api = await startFakeTelegramApi();
    dataDir = tempDataDir();
    clock = testClock(new Date('2026-12-02T02:00:00Z'));
    bot = await startHandoffBot({ dataDir, clock, env: telegramEnv(api.url) });
  });
  afterEach(async () => {
    await bot.close();
    await api.close();
  });

  const sentTo = (chatId: string | number) => api.callsOf('sendMessage').filter((c) => String(c.body.chat_id) === String(chatId));
  const textOf = (c: { body: Record<string, unknown> } | undefined) => String(c?.body.text ?? '');

  it('posts the ticket to the staff group once, and a staff reply to the post reaches the citizen', async () => {
    const update = telegramTextUpdate('cho tôi gặp cán bộ, hồ sơ đăng ký của tôi nộp từ tháng 9 chưa có kết quả', CITIZEN);
    expect((await postTelegram(bot.app, update)).json()).toEqual({ ok: true });
    expect((await postTelegram(bot.app, update)).json()).toEqual({ ok: true, duplicate: true });
    await bot.drain();

    const { tickets, counts } = bot.tickets.list({}, { role: 'admin' });
    expect(counts.total).toBe(1);
    const ticket = tickets[0];
    expect(ticket).toMatchObject({ channel: 'telegram', displayName: 'Lan', status: 'open' });
    expect(textOf(sentTo(CITIZEN.id)[0])).toMatch(/yêu cầu #1/);

    const posts = sentTo(STAFF_CHAT);
    expect(posts).toHaveLength(1);
    const post = textOf(posts[0]);
    expect(post).toContain('Yêu cầu #1');
    expect(post).toContain('hồ sơ đăng ký của tôi nộp từ tháng 9');
    expect(JSON.stringify(posts[0]?.body.reply_markup)).toContain('"callback_data":"hd:r:1"');
    expect(JSON.stringify(posts[0]?.body.reply_markup)).toContain('Trả lời');

    // The "Trả lời" button explains how to answer.
    await postTelegram(bot.app, {
      update_id: 990_001,
      callback_query: { id: 'cq-1', from: { ...STAFF, is_bot: false }, data: 'hd:r:1', message: { message_id: 5, date: 0, chat: { id: Number(STAFF_CHAT) } } },
    });
    await bot.drain();
    expect(textOf(sentTo(STAFF_CHAT).at(-1))).toMatch(/Yêu cầu #1: để trả lời người dân/);

    // A staff member replies to the post (HTML-rendered text comes back as plain text).
    const plainPost = post.replace(/<[^>]+>/g, '');
    await postTelegram(
      bot.app,
      telegramTextUpdate('Hồ sơ của chị đã được chuyển phòng chuyên môn, dự kiến có kết quả trong tuần.', STAFF, {
        chatId: Number(STAFF_CHAT),
        replyTo: { text: plainPost, fromBot: true },
      }),
    );
    await bot.drain();
    const delivered = sentTo(CITIZEN.id).at(-1);
    expect(textOf(delivered)).toContain('Cán bộ của Sở trả lời (yêu cầu #1)');
    expect(textOf(delivered)).toContain('đã được chuyển phòng chuyên môn');
    expect(textOf(sentTo(STAFF_CHAT).at(-1))).toMatch(/Đã gửi câu trả lời cho yêu cầu #1 qua Telegram/);
    const after = bot.tickets.get(1, { role: 'admin' });
    expect(after.status).toBe('answered');
    expect(after.messages.at(-1)).toMatchObject({ author: 'staff', delivery: 'sent', staffName: 'Cán bộ Minh' });
  });

  it('a follow-up from the citizen is posted to the group; replying to it answers the same ticket', async () => {
    await postTelegram(bot.app, telegramTextUpdate('/canbo công ty tôi chưa nhận được giấy xác nhận', CITIZEN));
    await bot.drain();
    await postTelegram(bot.app, telegramTextUpdate('Tôi nộp hồ sơ ngày 3/9', CITIZEN));
    await bot.drain();
    expect(textOf(sentTo(CITIZEN.id).at(-1))).toMatch(/chuyển kèm yêu cầu #1/);
    const followUp = textOf(sentTo(STAFF_CHAT).at(-1));
    expect(followUp).toMatch(/Yêu cầu #1 — tin mới từ người dân:\nTôi nộp hồ sơ ngày 3\/9/);
    await postTelegram(
      bot.app,
      telegramTextUpdate('Đã kiểm tra, giấy xác nhận gửi trong tuần này.', STAFF, { chatId: Number(STAFF_CHAT), replyTo: { text: followUp, fromBot: true } }),
    );
    await bot.drain();
    expect(textOf(sentTo(CITIZEN.id).at(-1))).toContain('giấy xác nhận gửi trong tuần này');
    expect(bot.tickets.list({}, { role: 'admin' }).counts).toMatchObject({ total: 1, answered: 1 });
  });

  it('a reply to a message the bot did not send is not taken as a staff answer', async () => {
    await postTelegram(bot.app, telegramTextUpdate('/canbo giấy phép ghi sai tên công ty', CITIZEN));
    await bot.drain();
    const before = sentTo(CITIZEN.id).length;
    await postTelegram(
      bot.app,
      telegramTextUpdate('Yêu cầu #1 trả lời thử', STAFF, { chatId: Number(STAFF_CHAT), replyTo: { text: 'Yêu cầu #1', fromBot: false } }),
    );
    await bot.drain();
    expect(sentTo(CITIZEN.id)).toHaveLength(before);
    expect(bot.tickets.get(1, { role: 'admin' }).status).toBe('open');
  });

  it('restart: a reply left pending is sent once, a sent one never again', async () => {
    await postTelegram(bot.app, telegramTextUpdate('/canbo chưa nhận được giấy phép', CITIZEN));
    await bot.drain();
    await bot.tickets.reply(1, 'Giấy phép đã gửi qua bưu điện.', { viewer: { role: 'admin' } });
    // A crash between storing a reply and sending it leaves it pending.
    new SqliteTicketStore(bot.db).addMessage(1, {
      author: 'staff',
      text: 'Mã bưu gửi: xem tin nhắn trước.',
      at: clock.now().toISOString(),
      delivery: 'pending',
    });
    await bot.close();
    const sentBefore = sentTo(CITIZEN.id).length;

    bot = await startHandoffBot({ dataDir, clock, env: telegramEnv(api.url) });
    expect(await bot.tickets.deliverPending()).toBe(1);
    expect(await bot.tickets.deliverPending()).toBe(0);
    const sent = sentTo(CITIZEN.id).slice(sentBefore);
    expect(sent.map(textOf)).toEqual([expect.stringContaining('Mã bưu gửi')]);
    expect(bot.tickets.get(1, { role: 'admin' }).messages.map((m) => m.text)).toEqual([
      'chưa nhận được giấy phép',
      'Giấy phép đã gửi qua bưu điện.',
      'Mã bưu gửi: xem tin nhắn trước.',
    ]);
  });
});
