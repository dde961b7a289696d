/**
 * End to end: the staff activity-report flow through the real channel
 * adapters — report, correct one field, save, list, export, and a repeated
 * delivery — once through the Telegram emulator and once through the Zalo
 * OA fake. The bot is composed with the same factories as `src/main.ts`
 * (see ./helpers.ts); invites are created with the real admin CLI.
 *
 * What is checked where:
 * - Telegram: every step goes through telegraf and telegram-test-api,
 *   including the export: the three files arrive as `sendDocument` uploads,
 *   answered by a small proxy in front of the emulator (which has no
 *   `sendDocument`); the CSV and XLSX are read back from those uploads.
 *   Repeated delivery is a webhook-mode matter (long polling never
 *   redelivers), so the last step stops polling and posts the updates the
 *   emulator already delivered to `/webhooks/telegram` again, twice each.
 * - Zalo: every step is a signed webhook POST to the real HTTP app
 *   (`inject`); replies are read from the fake OA API. `/xuat` over Zalo
 *   only says the files cannot be sent there (that is the product's
 *   behaviour), so the export content is checked with the admin CLI
 *   (`report export`) on the same database.
 * - Both: the database (exactly one report row, corrected field saved).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeZaloSignature } from '../../src/channels/zalo/index.js';
import type { Invite } from '../../src/chat/chat-store.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { staffCommand } from '../../src/cli/commands/staff.js';
import { localDate } from '../../src/reports/period.js';
import { type FakeZaloApi, startFakeZaloApi } from '../channels/helpers/fake-zalo-api.js';
import { freePort, until } from '../channels/helpers/fakes.js';
import {
  type E2eBot,
  parseCsv,
  reportRowCount,
  runCli,
  type SendDocumentProxy,
  startBot,
  startSendDocumentProxy,
  tempDataDir,
  xlsxReportRows,
} from './helpers.js';

const STEP_TIMEOUT = 30_000;
/** The Lưu / Sửa / Hủy row; each payload carries the token of its card (`rp:save:<card>`). */
const CONFIRM_KEYBOARD = [
  [
    { text: '💾 Lưu', callback_data: expect.stringMatching(/^rp:save:[a-z0-9]+$/) },
    { text: '✏️ Sửa', callback_data: expect.stringMatching(/^rp:edit:[a-z0-9]+$/) },
    { text: '✖️ Hủy', callback_data: expect.stringMatching(/^rp:cancel:[a-z0-9]+$/) },
  ],
];
/** A button of a draft that is no longer open. */
const NO_DRAFT = 'Thẻ này đã hết hiệu lực. Bản nháp của thẻ này không còn mở (đã lưu, đã hủy hoặc quá hạn). Gõ /baocaocuatoi để xem các báo cáo đã lưu.';
/** Payloads without their card token. */
const bare = (payloads: string[]) => payloads.map((p) => p.replace(/^(rp:(?:save|edit|cancel)):[a-z0-9]+$/, '$1'));

/** dd/mm/yyyy, as the bot prints dates. */
const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function createInvite(bot: E2eBot, unit: string, admin = false): Promise<Invite> {
  const { code, out } = await runCli(staffCommand, ['invite', '--unit', unit, '--json', ...(admin ? ['--admin'] : [])], bot.config);
  expect(code).toBe(0);
  return JSON.parse(out) as Invite;
}

// ---------------------------------------------------------------------------
// Telegram
// ---------------------------------------------------------------------------

const TG_TOKEN = '777001:E2E_REPORT_FLOW_TOKEN_0123456789abc';
const TG_SECRET = 'e2e-webhook_SECRET-42';
const TG_STAFF = 501;
const TG_ADMIN = 502;
const TG_UNIT = 'Phòng Quản lý Thương mại';
const TG_REPORT = 'Hôm qua đăng 2 tin về cải cách thủ tục hành chính trên Cổng TTĐT của Sở';
/** The description after "số lượng 3": the new count is written in. */
const TG_CORRECTED = TG_REPORT.replace('đăng 2 tin', 'đăng 3 tin');

/** What the emulator's client sees: the bot's raw sendMessage parameters. */
interface TgBotMessage {
  chat_id: string | number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}
type TgClient = ReturnType<TelegramServer['getClient']>;

describe('report flow through the Telegram emulator (telegram-test-api)', () => {
  let server: TelegramServer;
  let proxy: SendDocumentProxy;
  let bot: E2eBot;
  let staff: TgClient;
  let admin: TgClient;
  /** Updates exactly as the emulator delivered them, for the redelivery step. */
  let reportUpdate: object;
  let saveUpdate: object;
  let reportId: number;
  let reportDate: string;
  /** The Lưu payload of the latest card. */
  let savePayload = '';

  /** The bot's next `count` messages to this client's chat. */
  async function receive(client: TgClient, count = 1): Promise<TgBotMessage[]> {
    const out: TgBotMessage[] = [];
    while (out.length < count) {
      const res = await client.getUpdates();
      out.push(...res.result.map((r) => r.message as unknown as TgBotMessage));
    }
    return out;
  }

  /** Bot messages to a chat that nobody has read yet. */
  const unread = (chatId: number) => server.storage.botMessages.filter((u) => String(u.message.chat_id) === String(chatId) && !u.isRead);

  /** The update the emulator built for the latest user action matching `pick`. */
  function delivered(pick: (u: (typeof server.storage.userMessages)[number]) => boolean): object {
    const u = [...server.storage.userMessages].reverse().find(pick);
    if (!u) throw new Error('update not found in the emulator');
    // Same shape as TelegramServer.formatUpdate (private in its typings).
    return 'callbackQuery' in u
      ? {
          update_id: u.updateId,
          callback_query: { id: String(u.callbackId), from: u.callbackQuery.from, message: u.callbackQuery.message, data: u.callbackQuery.data },
        }
      : { update_id: u.updateId, message: { ...u.message, message_id: u.messageId } };
  }

  beforeAll(async () => {
    server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storage: 'RAM', storeTimeout: 600 });
    await server.start();
    proxy = await startSendDocumentProxy(server.config.apiURL);
    bot = await startBot({
      DATA_DIR: tempDataDir(),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: proxy.url,
    });
    staff = server.getClient(TG_TOKEN, { timeout: 8000, userId: TG_STAFF, chatId: TG_STAFF, firstName: 'Lan', userName: 'lan_qltm' });
    admin = server.getClient(TG_TOKEN, { timeout: 8000, userId: TG_ADMIN, chatId: TG_ADMIN, firstName: 'Hùng', userName: 'hung_vp' });
    // No PUBLIC_URL: main.ts would poll. Polling against the emulator spins a core; the steps stay short.
    bot.telegram?.startPolling();
  });

  afterAll(async () => {
    await bot?.close();
    await proxy?.close();
    await server?.stop();
  });

  it('1. an admin creates invites with the CLI; staff and admin register with /dangky <mã>', { timeout: STEP_TIMEOUT }, async () => {
    const staffInvite = await createInvite(bot, TG_UNIT);
    const adminInvite = await createInvite(bot, 'Văn phòng Sở', true);

    await staff.sendCommand(staff.makeCommand(`/dangky ${staffInvite.code}`));
    const [welcome] = await receive(staff);
    expect(welcome?.text).toContain(`Đăng ký thành công! Bạn được ghi nhận là cán bộ thuộc ${TG_UNIT}.`);

    await admin.sendCommand(admin.makeCommand(`/dangky ${adminInvite.code}`));
    const [adminWelcome] = await receive(admin);
    expect(adminWelcome?.text).toContain('Bạn được ghi nhận là quản trị viên thuộc Văn phòng Sở.');

    expect(bot.chatStore.listStaff().map((s) => [s.channel, s.userId, s.role, s.unit])).toEqual(
      expect.arrayContaining([
        ['telegram', String(TG_STAFF), 'staff', TG_UNIT],
        ['telegram', String(TG_ADMIN), 'admin', 'Văn phòng Sở'],
      ]),
    );
  });

  it('2. a report in one message gets the summary card with Lưu / Sửa / Hủy', { timeout: STEP_TIMEOUT }, async () => {
    await staff.sendMessage(staff.makeMessage(TG_REPORT));
    reportUpdate = delivered((u) => 'message' in u && u.message.text === TG_REPORT);
    // "Hôm qua" is the day before the message's own date, in Vietnam time.
    const sentAt = (reportUpdate as { message: { date: number } }).message.date;
    reportDate = localDate(new Date((sentAt - 24 * 3600) * 1000));
    const [card] = await receive(staff);
    expect(card?.parse_mode).toBe('HTML');
    expect(card?.text).toContain('📝 Báo cáo hoạt động truyền thông (bản nháp):');
    expect(card?.text).toContain(`• Ngày: ${vi(reportDate)}`);
    expect(card?.text).toContain('• Kênh: Cổng/Trang thông tin điện tử');
    expect(card?.text).toContain('• Số lượng: 2');
    expect(card?.text).toContain('• Chỉ số: PAR INDEX');
    expect(card?.text).toContain('• Nội dung: II.1.c – Truyền thông cải cách thủ tục hành chính');
    expect(card?.text).toContain(`• Đơn vị: ${TG_UNIT}`);
    expect(card?.text).toContain(`• Mô tả: ${TG_REPORT}`);
    expect(card?.reply_markup).toEqual({ inline_keyboard: CONFIRM_KEYBOARD });
    expect(reportRowCount(bot.db)).toBe(0); // a draft only
  });

  it('3. a correction in words changes only that field on the card', { timeout: STEP_TIMEOUT }, async () => {
    await staff.sendMessage(staff.makeMessage('số lượng 3'));
    const [card] = await receive(staff);
    expect(card?.text).toContain('✏️ Đã cập nhật.');
    expect(card?.text).toContain('• Số lượng: 3');
    expect(card?.text).not.toContain('• Số lượng: 2');
    expect(card?.text).toContain(`• Ngày: ${vi(reportDate)}`);
    expect(card?.text).toContain('• Nội dung: II.1.c');
    expect(card?.reply_markup).toEqual({ inline_keyboard: CONFIRM_KEYBOARD });
    savePayload = card?.reply_markup?.inline_keyboard[0]?.[0]?.callback_data ?? '';
  });

  it('4. pressing Lưu saves the report and confirms its id', { timeout: STEP_TIMEOUT }, async () => {
    await staff.sendCallback(staff.makeCallbackQuery(savePayload));
    const [saved] = await receive(staff);
    const m = /^✅ Đã lưu báo cáo #(\d+) \(hoạt động ngày \d\d\/\d\d\/\d{4}, 3 tin\/bài\)\. Cảm ơn bạn!$/.exec(saved?.text ?? '');
    expect(m, saved?.text).not.toBeNull();
    reportId = Number(m?.[1]);
    saveUpdate = delivered((u) => 'callbackQuery' in u && u.callbackQuery.data === savePayload);

    expect(reportRowCount(bot.db)).toBe(1);
    expect(bot.reports.store.list()).toEqual([
      expect.objectContaining({
        id: reportId,
        status: 'confirmed',
        reporterChannel: 'telegram',
        reporterId: String(TG_STAFF),
        date: reportDate,
        channel: 'website',
        count: 3,
        indicator: 'PAR INDEX',
        area: 'II.1.c',
        unit: TG_UNIT,
        description: TG_CORRECTED,
        countKind: 'post',
        reporterName: 'Lan',
      }),
    ]);
  });

  it('5. /baocaocuatoi lists the report with the corrected count', { timeout: STEP_TIMEOUT }, async () => {
    await staff.sendCommand(staff.makeCommand('/baocaocuatoi'));
    const [list] = await receive(staff);
    expect(list?.text).toContain('📋 1 báo cáo gần nhất của bạn');
    expect(list?.text).toContain(`#${reportId} · ${vi(reportDate)} · II.1.c · Website · 3 tin/bài · Hôm qua đăng 3 tin về cải cách`);
    expect(list?.reply_markup).toEqual({ inline_keyboard: [[{ text: `🗑 Xóa #${reportId}`, callback_data: `rp:del:${reportId}` }]] });
  });

  it('6. /xuat sends the admin CSV, XLSX and DOCX files holding the corrected report', { timeout: STEP_TIMEOUT }, async () => {
    const year = reportDate.slice(0, 4);
    await admin.sendCommand(admin.makeCommand(`/xuat ${year}`));
    const [note] = await receive(admin);
    expect(note?.text).toContain(`📎 Báo cáo năm ${year}: 1 hoạt động.`);
    await until(() => proxy.documents.length >= 3, 10_000);
    expect(proxy.documents.map((d) => [d.chatId, d.filename])).toEqual([
      [String(TG_ADMIN), `bao-cao-hoat-dong-${year}.csv`],
      [String(TG_ADMIN), `bao-cao-hoat-dong-${year}.xlsx`],
      [String(TG_ADMIN), `bao-cao-ke-hoach-1523-nam-${year}.docx`],
    ]);

    const csv = parseCsv(proxy.documents[0]?.content ?? Buffer.alloc(0));
    expect(csv.rows).toEqual([
      expect.objectContaining({
        Mã: String(reportId),
        Ngày: vi(reportDate),
        'Đơn vị': TG_UNIT,
        'Mã nội dung': 'II.1.c',
        Kênh: 'Website',
        'Số lượng': '3',
        'Đơn vị tính': 'tin/bài',
        'Mô tả': TG_CORRECTED,
        'Người báo cáo': `Lan (${TG_UNIT})`,
      }),
    ]);
    const xlsx = await xlsxReportRows(proxy.documents[1]?.content ?? Buffer.alloc(0));
    expect(xlsx).toEqual([expect.objectContaining({ Mã: reportId, 'Mã nội dung': 'II.1.c', 'Số lượng': 3 })]);
    expect(proxy.documents[2]?.content.subarray(0, 2).toString()).toBe('PK');
  });

  it('7. pressing Lưu again, or the same updates delivered twice, leave exactly one report', { timeout: STEP_TIMEOUT }, async () => {
    // A second press of the same button (a new callback query).
    await staff.sendCallback(staff.makeCallbackQuery(savePayload));
    const [again] = await receive(staff);
    expect(again?.text).toBe(NO_DRAFT);

    // Webhook mode (main.ts with PUBLIC_URL and the secret): Telegram redelivers
    // an update when our 200 is late. Redeliver the report message and the Lưu press.
    await bot.telegram?.stop();
    const post = (update: object) =>
      bot.app.inject({
        method: 'POST',
        url: '/webhooks/telegram',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
        payload: JSON.stringify(update),
      });

    const first = await post(reportUpdate);
    expect(first.json()).toEqual({ ok: true });
    const [known] = await receive(staff);
    expect(known?.text).toBe(`Báo cáo này đã được lưu (mã #${reportId}).`);
    const second = await post(reportUpdate);
    expect(second.json()).toEqual({ ok: true, duplicate: true });

    expect((await post(saveUpdate)).json()).toEqual({ ok: true });
    const [noDraft] = await receive(staff);
    expect(noDraft?.text).toBe(NO_DRAFT);
    expect((await post(saveUpdate)).json()).toEqual({ ok: true, duplicate: true });

    await new Promise((r) => setTimeout(r, 200));
    await bot.telegram?.drain();
    expect(unread(TG_STAFF)).toHaveLength(0); // the dropped repeats were not answered
    expect(reportRowCount(bot.db)).toBe(1);
    expect(bot.reports.store.list()[0]).toMatchObject({ id: reportId, count: 3 });
  });
});

// ---------------------------------------------------------------------------
// Zalo OA
// ---------------------------------------------------------------------------

const ZALO_APP_ID = '360846524940903967';
const ZALO_OA_SECRET = 'e2e-oa-secret-key';
const ZALO_STAFF = '5521772797175877301'; // > 2^53, kept as a string end to end
const ZALO_ADMIN = '4417093851366012202';
const ZALO_UNIT = 'Phòng Quản lý Công nghiệp';
const ZALO_REPORT = 'Ngày 24/11 đăng 2 bài trên trang Zalo OA của Sở hướng dẫn doanh nghiệp sử dụng dịch vụ công trực tuyến';

interface ZaloSent {
  text: string;
  buttons: Array<{ title: string; type: string; payload: string }>;
}

describe('report flow through the Zalo OA webhook (signed POSTs, fake OA API)', () => {
  let api: FakeZaloApi;
  let bot: E2eBot;
  let msgSeq = 0;
  let reportId: number;
  let savedDate: string;
  let savePayload = '';

  /** A signed `user_send_text` event, as Zalo posts it. */
  function textEvent(userId: string, text: string): { raw: string; signature: string } {
    const timestamp = String(Date.now());
    const raw = JSON.stringify({
      app_id: ZALO_APP_ID,
      user_id_by_app: `app-${userId.slice(-6)}`,
      event_name: 'user_send_text',
      sender: { id: userId },
      recipient: { id: '579745863508352884' },
      message: { text, msg_id: `e2e-msg-${++msgSeq}` },
      timestamp,
    });
    return { raw, signature: computeZaloSignature(ZALO_APP_ID, raw, timestamp, ZALO_OA_SECRET) };
  }

  const post = (event: { raw: string; signature: string }) =>
    bot.app.inject({
      method: 'POST',
      url: '/webhooks/zalo',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': event.signature },
      payload: event.raw,
    });

  /** Messages the OA sent to a user, oldest first. */
  const sentTo = (userId: string): ZaloSent[] =>
    api
      .messages()
      .filter((m) => (m.body.recipient as { user_id?: string } | undefined)?.user_id === userId)
      .map((m) => {
        const message = m.body.message as { text: string; attachment?: { payload: { buttons: ZaloSent['buttons'] } } };
        return { text: message.text, buttons: message.attachment?.payload.buttons ?? [] };
      });

  /** Post an event and return the replies it produced for its sender. */
  async function say(userId: string, event: { raw: string; signature: string }, replies = 1): Promise<ZaloSent[]> {
    const before = sentTo(userId).length;
    const res = await post(event);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    await until(() => sentTo(userId).length >= before + replies, 10_000);
    await bot.zalo?.drain();
    return sentTo(userId).slice(before);
  }

  beforeAll(async () => {
    api = await startFakeZaloApi();
    bot = await startBot({
      DATA_DIR: tempDataDir(),
      ZALO_APP_ID,
      ZALO_APP_SECRET: 'e2e-app-secret',
      ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
      ZALO_OA_ACCESS_TOKEN: 'access-0',
      ZALO_OA_REFRESH_TOKEN: 'refresh-0',
      ZALO_API_BASE: api.url,
      ZALO_OAUTH_BASE: api.url,
    });
  });

  afterAll(async () => {
    await bot?.close();
    await api?.close();
  });

  it('1. an admin creates invites with the CLI; staff and admin register with /dangky <mã>', { timeout: STEP_TIMEOUT }, async () => {
    const staffInvite = await createInvite(bot, ZALO_UNIT);
    const adminInvite = await createInvite(bot, 'Văn phòng Sở', true);
    const [welcome] = await say(ZALO_STAFF, textEvent(ZALO_STAFF, `/dangky ${staffInvite.code}`));
    expect(welcome?.text).toContain(`Đăng ký thành công! Bạn được ghi nhận là cán bộ thuộc ${ZALO_UNIT}.`);
    const [adminWelcome] = await say(ZALO_ADMIN, textEvent(ZALO_ADMIN, `/dangky ${adminInvite.code}`));
    expect(adminWelcome?.text).toContain('Bạn được ghi nhận là quản trị viên thuộc Văn phòng Sở.');
    expect(bot.chatStore.listStaff().map((s) => [s.channel, s.userId, s.role])).toEqual(
      expect.arrayContaining([
        ['zalo', ZALO_STAFF, 'staff'],
        ['zalo', ZALO_ADMIN, 'admin'],
      ]),
    );
  });

  it('2. a report in one message gets the card with a Lưu / Sửa / Hủy buttons template; a repeat is dropped', { timeout: STEP_TIMEOUT }, async () => {
    const event = textEvent(ZALO_STAFF, ZALO_REPORT);
    const [card, ...more] = await say(ZALO_STAFF, event);
    expect(more).toEqual([]);
    expect(card?.text).toContain('📝 Báo cáo hoạt động truyền thông (bản nháp):');
    expect(card?.text).toMatch(/• Ngày: 24\/11\/\d{4}/);
    expect(card?.text).toContain('• Kênh: Mạng xã hội (Zalo, Facebook…)');
    expect(card?.text).toContain('• Số lượng: 2');
    expect(card?.text).toContain('• Nội dung: II.2.h – Truyền thông nội dung "Quản trị điện tử"');
    expect(card?.text).toContain(`• Đơn vị: ${ZALO_UNIT}`);
    expect(card?.buttons.map((b) => [b.title, b.type])).toEqual([
      ['💾 Lưu', 'oa.query.show'],
      ['✏️ Sửa', 'oa.query.show'],
      ['✖️ Hủy', 'oa.query.show'],
    ]);
    expect(bare(card?.buttons.map((b) => b.payload) ?? [])).toEqual(['rp:save', 'rp:edit', 'rp:cancel']);

    // Zalo retries the same event (same msg_id): acknowledged, not handled again.
    const repeat = await post(event);
    expect(repeat.json()).toEqual({ ok: true, duplicate: true });
    await new Promise((r) => setTimeout(r, 100));
    await bot.zalo?.drain();
    expect(sentTo(ZALO_STAFF)).toHaveLength(2); // welcome + one card
  });

  it('3. "sửa ngày 21/11" changes only the date on the card', { timeout: STEP_TIMEOUT }, async () => {
    const [card] = await say(ZALO_STAFF, textEvent(ZALO_STAFF, 'sửa ngày 21/11'));
    expect(card?.text).toContain('✏️ Đã cập nhật.');
    expect(card?.text).toMatch(/• Ngày: 21\/11\/\d{4}/);
    expect(card?.text).not.toContain('• Ngày: 24/11/');
    expect(card?.text).toContain('• Số lượng: 2');
    expect(card?.text).toContain('• Nội dung: II.2.h');
    expect(bare(card?.buttons.map((b) => b.payload) ?? [])).toEqual(['rp:save', 'rp:edit', 'rp:cancel']);
    savePayload = card?.buttons[0]?.payload ?? '';
  });

  it('4. the Lưu button (its payload sent back as text) saves once, even when delivered twice', { timeout: STEP_TIMEOUT }, async () => {
    const press = textEvent(ZALO_STAFF, savePayload);
    const [saved] = await say(ZALO_STAFF, press);
    const m = /^✅ Đã lưu báo cáo #(\d+) \(hoạt động ngày \d\d\/\d\d\/\d{4}, 2 tin\/bài\)\. Cảm ơn bạn!$/.exec(saved?.text ?? '');
    expect(m, saved?.text).not.toBeNull();
    reportId = Number(m?.[1]);

    expect((await post(press)).json()).toEqual({ ok: true, duplicate: true });
    // A second, distinct press finds no open draft.
    const [again] = await say(ZALO_STAFF, textEvent(ZALO_STAFF, savePayload));
    expect(again?.text).toBe(NO_DRAFT);

    expect(reportRowCount(bot.db)).toBe(1);
    const [row] = bot.reports.store.list();
    expect(row).toMatchObject({
      id: reportId,
      status: 'confirmed',
      reporterChannel: 'zalo',
      reporterId: ZALO_STAFF,
      channel: 'social',
      count: 2,
      indicator: 'PAPI',
      area: 'II.2.h',
      unit: ZALO_UNIT,
    });
    expect(row?.date).toMatch(/^\d{4}-11-21$/);
    savedDate = row?.date ?? '';
    // The corrected date is written into the description too.
    expect(row?.description).toBe(ZALO_REPORT.replace('24/11', vi(savedDate)));
  });

  it('5. /baocaocuatoi lists the report with the corrected date', { timeout: STEP_TIMEOUT }, async () => {
    const [list] = await say(ZALO_STAFF, textEvent(ZALO_STAFF, '/baocaocuatoi'));
    expect(list?.text).toContain('📋 1 báo cáo gần nhất của bạn');
    expect(list?.text).toContain(`#${reportId} · ${vi(savedDate)} · II.2.h · Mạng xã hội · 2 tin/bài · Ngày ${vi(savedDate)} đăng 2 bài`);
    expect(list?.buttons).toEqual([{ title: `🗑 Xóa #${reportId}`, type: 'oa.query.show', payload: `rp:del:${reportId}` }]);
  });

  it('6. /xuat over Zalo points to Telegram for the files; the CLI export holds the corrected report', { timeout: STEP_TIMEOUT }, async () => {
    const year = savedDate.slice(0, 4);
    const [note] = await say(ZALO_ADMIN, textEvent(ZALO_ADMIN, `/xuat ${year}`));
    expect(note?.text).toContain(`📎 Báo cáo năm ${year}: 1 hoạt động.`);
    expect(note?.text).toContain('chưa gửi được qua Zalo. Vui lòng dùng kênh Telegram để nhận tệp.');

    // Zalo cannot carry the files, so the export itself is read through the admin CLI.
    const csvFile = path.join(bot.config.dataDir, `e2e-${year}.csv`);
    expect((await runCli(reportCommand, ['export', '--format', 'csv', '--year', year, '--out', csvFile], bot.config)).code).toBe(0);
    expect(parseCsv(readFileSync(csvFile)).rows).toEqual([
      expect.objectContaining({
        Mã: String(reportId),
        Ngày: vi(savedDate),
        'Đơn vị': ZALO_UNIT,
        'Mã nội dung': 'II.2.h',
        Kênh: 'Mạng xã hội',
        'Số lượng': '2',
        'Mô tả': ZALO_REPORT.replace('24/11', vi(savedDate)),
        'Người báo cáo': `Chưa có tên (${ZALO_UNIT})`,
      }),
    ]);
    const xlsxFile = path.join(bot.config.dataDir, `e2e-${year}.xlsx`);
    expect((await runCli(reportCommand, ['export', '--format', 'xlsx', '--year', year, '--out', xlsxFile], bot.config)).code).toBe(0);
    expect(await xlsxReportRows(readFileSync(xlsxFile))).toEqual([expect.objectContaining({ Mã: reportId, Ngày: new Date(`${savedDate}T00:00:00Z`) })]);
  });

  it('7. after all the repeats the database holds exactly one report, with the corrected date', { timeout: STEP_TIMEOUT }, () => {
    expect(reportRowCount(bot.db)).toBe(1);
    expect(bot.reports.store.list().map((r) => [r.id, r.date, r.count])).toEqual([[reportId, savedDate, 2]]);
  });
});
