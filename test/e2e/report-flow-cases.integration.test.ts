/**
 * End to end, the cases of issue 11, run once through the Telegram emulator
 * (telegram-test-api; updates posted to the real webhook route, replies read
 * from the emulator) and once through the Zalo OA fake (signed webhook POSTs,
 * replies read from the fake OA API). Buttons are pressed with the payload
 * the bot actually sent.
 *
 * Cases: a link with `?`; a question during a draft (answered, draft
 * unchanged); a planned future activity; an invalid date; two spellings of
 * one unit (one unit in the summary); mixed kinds (separate totals); a
 * correction reflected in every export.
 */
import JSZip from 'jszip';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeZaloSignature } from '../../src/channels/zalo/index.js';
import type { Invite } from '../../src/chat/chat-store.js';
import { staffCommand } from '../../src/cli/commands/staff.js';
import { vietnamDate } from '../../src/core/vietnam-time.js';
import { buildExport } from '../../src/reports/export/index.js';
import { draftKey } from '../../src/reports/flow/report-flow.js';
import { type FakeZaloApi, startFakeZaloApi } from '../channels/helpers/fake-zalo-api.js';
import { freePort, until } from '../channels/helpers/fakes.js';
import { type E2eBot, parseCsv, runCli, type SendDocumentProxy, startBot, startSendDocumentProxy, tempDataDir, xlsxReportRows } from './helpers.js';

const STEP = 30_000;

/** One bot reply as a person sees it: text and buttons (label → payload). */
interface Seen {
  text: string;
  buttons: Array<{ label: string; data: string }>;
}

/** A channel, driven like a person would: type, press a button the bot sent. */
interface Driver {
  name: string;
  bot: E2eBot;
  /** The staff member's and the admin's ids on this channel. */
  staffId: string;
  adminId: string;
  /** Send text as `userId` and return every reply it produced. */
  say(userId: string, text: string): Promise<Seen[]>;
  /** Press a button (its payload) as `userId`. */
  press(userId: string, data: string): Promise<Seen[]>;
  /** The export files of `/xuat <year>` (Telegram: the uploads; Zalo: built from the same store). */
  exportFiles(year: number): Promise<{ csv: Buffer; xlsx: Buffer; docx: Buffer }>;
  close(): Promise<void>;
}

const joined = (seen: Seen[]) => seen.map((s) => s.text).join('\n');
const buttonOf = (seen: Seen[], label: RegExp): string => {
  const b = seen.flatMap((s) => s.buttons).find((x) => label.test(x.label));
  if (!b) throw new Error(`no button ${label} in: ${JSON.stringify(seen)}`);
  return b.data;
};

async function register(d: Driver, userId: string, unit: string, admin: boolean): Promise<void> {
  const { out } = await runCli(staffCommand, ['invite', '--unit', unit, '--json', ...(admin ? ['--admin'] : [])], d.bot.config);
  const invite = JSON.parse(out) as Invite;
  expect(joined(await d.say(userId, `/dangky ${invite.code}`))).toContain('Đăng ký thành công!');
}

// ---------------------------------------------------------------------------
// Telegram: telegram-test-api, webhook mode
// ---------------------------------------------------------------------------

/** Telegram messages are sent as HTML: read them back as the user sees them. */
const unescapeHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const TG_TOKEN = '777002:E2E_REPORT_CASES_TOKEN_0123456789ab';
const TG_SECRET = 'e2e-cases_SECRET-7';

async function telegramDriver(): Promise<Driver> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storage: 'RAM', storeTimeout: 600 });
  await server.start();
  const proxy: SendDocumentProxy = await startSendDocumentProxy(server.config.apiURL);
  const bot = await startBot({ DATA_DIR: tempDataDir(), TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: proxy.url });
  let updateId = 1000;
  let messageId = 5000;

  type BotMsg = { chat_id: string | number; text: string; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } };
  const botMessages = (chat: string) => server.storage.botMessages.filter((m) => String(m.message.chat_id) === chat).map((m) => m.message as unknown as BotMsg);
  const from = (userId: string) => ({ id: Number(userId), is_bot: false, first_name: userId === '602' ? 'Hùng' : 'Lan' });

  async function deliver(userId: string, update: object): Promise<Seen[]> {
    const before = botMessages(userId).length;
    const res = await bot.app.inject({
      method: 'POST',
      url: '/webhooks/telegram',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
      payload: JSON.stringify(update),
    });
    expect(res.statusCode).toBe(200);
    await until(() => botMessages(userId).length > before, 10_000);
    await bot.telegram?.drain();
    return botMessages(userId)
      .slice(before)
      .map((m) => ({
        text: unescapeHtml(m.text),
        buttons: (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => ({ label: b.text, data: b.callback_data })),
      }));
  }
  const chat = (userId: string) => ({ id: Number(userId), type: 'private', first_name: 'x' });
  const adminId = '602';
  const say = (userId: string, text: string) =>
    deliver(userId, {
      update_id: ++updateId,
      message: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), from: from(userId), chat: chat(userId), text },
    });
  return {
    name: 'Telegram',
    bot,
    staffId: '601',
    adminId,
    say,
    press: (userId, data) =>
      deliver(userId, {
        update_id: ++updateId,
        callback_query: {
          id: String(++messageId),
          chat_instance: 'e2e',
          from: from(userId),
          data,
          message: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: chat(userId), text: 'thẻ' },
        },
      }),
    async exportFiles(year) {
      const before = proxy.documents.length;
      expect(joined(await say(adminId, `/xuat ${year}`))).toContain(`📎 Báo cáo năm ${year}:`);
      await until(() => proxy.documents.length >= before + 3, 10_000);
      const [csv, xlsx, docx] = proxy.documents.slice(before).map((d) => d.content);
      return { csv: csv ?? Buffer.alloc(0), xlsx: xlsx ?? Buffer.alloc(0), docx: docx ?? Buffer.alloc(0) };
    },
    async close() {
      await bot.close();
      await proxy.close();
      await server.stop();
    },
  };
}

// ---------------------------------------------------------------------------
// Zalo: signed webhook POSTs, fake OA API
// ---------------------------------------------------------------------------

const ZALO_APP_ID = '360846524940903968';
const ZALO_OA_SECRET = 'e2e-cases-oa-secret';

async function zaloDriver(): Promise<Driver> {
  const api: FakeZaloApi = await startFakeZaloApi();
  const bot = await startBot({
    DATA_DIR: tempDataDir(),
    ZALO_APP_ID,
    ZALO_APP_SECRET: 'e2e-app-secret',
    ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
    ZALO_OA_ACCESS_TOKEN: 'access-0',
    ZALO_OA_REFRESH_TOKEN: 'refresh-0',
    ZALO_API_BASE: api.url,
    ZALO_OAUTH_BASE: api.url,
  });
  let seq = 0;
  const sentTo = (userId: string): Seen[] =>
    api
      .messages()
      .filter((m) => (m.body.recipient as { user_id?: string } | undefined)?.user_id === userId)
      .map((m) => {
        const message = m.body.message as { text: string; attachment?: { payload: { buttons: Array<{ title: string; payload: string }> } } };
        return { text: message.text, buttons: (message.attachment?.payload.buttons ?? []).map((b) => ({ label: b.title, data: b.payload })) };
      });
  // A Zalo button press is its payload sent back as text (`oa.query.show`).
  async function say(userId: string, text: string): Promise<Seen[]> {
    const before = sentTo(userId).length;
    const timestamp = String(Date.now());
    const raw = JSON.stringify({
      app_id: ZALO_APP_ID,
      user_id_by_app: `app-${userId.slice(-6)}`,
      event_name: 'user_send_text',
      sender: { id: userId },
      recipient: { id: '579745863508352884' },
      message: { text, msg_id: `cases-${++seq}` },
      timestamp,
    });
    const res = await bot.app.inject({
      method: 'POST',
      url: '/webhooks/zalo',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': computeZaloSignature(ZALO_APP_ID, raw, timestamp, ZALO_OA_SECRET) },
      payload: raw,
    });
    expect(res.statusCode).toBe(200);
    await until(() => sentTo(userId).length > before, 10_000);
    await bot.zalo?.drain();
    return sentTo(userId).slice(before);
  }
  const adminId = '4417093851366012302';
  return {
    name: 'Zalo',
    bot,
    staffId: '5521772797175877401',
    adminId,
    say,
    press: say,
    async exportFiles(year) {
      // Zalo OA cannot carry files (the bot says so); the same store builds them.
      expect(joined(await say(adminId, `/xuat ${year}`))).toContain('chưa gửi được qua Zalo');
      const reports = bot.reports.store.list({ year });
      const build = async (f: 'csv' | 'xlsx' | 'docx') => (await buildExport(f, reports, bot.reports.areas, { year })).content;
      return { csv: await build('csv'), xlsx: await build('xlsx'), docx: await build('docx') };
    },
    async close() {
      await bot.close();
      await api.close();
    },
  };
}

// ---------------------------------------------------------------------------
// The cases, for both channels
// ---------------------------------------------------------------------------

const STAFF_UNIT = 'Văn phòng Sở';

describe.each([
  ['Telegram emulator', telegramDriver],
  ['Zalo OA fake', zaloDriver],
])('report cases through the %s', (_name, start) => {
  let d: Driver;
  const staffSay = (t: string) => d.say(d.staffId, t);
  const staffPress = (data: string) => d.press(d.staffId, data);
  const draftOf = () => d.bot.reports.store.getDraft(draftKey({ channel: d.name === 'Zalo' ? 'zalo' : 'telegram', chatId: d.staffId, userId: d.staffId }));
  const yearOf = () => Number((d.bot.reports.store.list()[0]?.date ?? vietnamDate(new Date())).slice(0, 4));

  beforeAll(async () => {
    d = await start();
    await register(d, d.staffId, STAFF_UNIT, false);
    await register(d, d.adminId, STAFF_UNIT, true);
  }, STEP);
  afterAll(async () => {
    await d?.close();
  });

  it('a report with a link holding "?" opens a draft with that link', { timeout: STEP }, async () => {
    const link = 'https://www.facebook.com/permalink.php?story_fbid=123456&id=789';
    const card = joined(await staffSay(`Ngày 20/11 chia sẻ 1 bài trên fanpage Sở về dịch vụ công trực tuyến ${link}`));
    expect(card).toContain('📝 Báo cáo hoạt động truyền thông (bản nháp):');
    expect(card).toContain(`• Liên kết: ${link}`);
    expect(card).toContain('• Kênh: Mạng xã hội');
    expect(draftOf()?.state.fields.link).toBe(link);
  });

  it('a question during the draft is answered and the draft stays as it was', { timeout: STEP }, async () => {
    const before = draftOf()?.state.fields;
    const seen = await staffSay('Văn phòng Sở có nhiệm vụ gì?');
    const all = joined(seen);
    expect(all).toContain('Đây là câu trả lời mẫu cho câu hỏi.');
    expect(all).toContain('📝 Bản nháp báo cáo của bạn vẫn đang mở, chưa thay đổi');
    expect(all).not.toContain('Đã cập nhật');
    expect(draftOf()?.state.fields).toEqual(before);
    expect(joined(await staffSay('hủy'))).toContain('Đã hủy bản nháp');
  });

  it('a planned activity (a date still to come) is asked about, not moved to last year', { timeout: STEP }, async () => {
    const later = new Date(Date.now() + 5 * 24 * 3600 * 1000);
    const iso = vietnamDate(later);
    const when = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    const card = joined(await staffSay(`Ngày ${when} phòng QLCN sẽ tổ chức hội nghị phổ biến chỉ số PCI cho doanh nghiệp`));
    expect(card).toContain('Hoạt động này đã diễn ra chưa?');
    expect(card).toContain(`Ngày ${when} chưa tới`);
    expect(draftOf()?.state.fields.date).toBeNull();
    expect(joined(await staffSay('hủy'))).toContain('Đã hủy bản nháp');
  });

  it('an invalid date is named and asked again', { timeout: STEP }, async () => {
    const card = joined(await staffSay('Ngày 31/11 đăng 2 tin trên Cổng TTĐT của Sở về cải cách thủ tục hành chính'));
    expect(card).toContain('Ngày «31/11» không có trên lịch');
    expect(card).toContain('❓ Hoạt động diễn ra ngày nào?');
    const fixed = joined(await staffSay('30/11'));
    expect(fixed).toMatch(/• Ngày: 30\/11\/\d{4}/);
    expect(joined(await staffSay('hủy'))).toContain('Đã hủy bản nháp');
  });

  it('two spellings of one unit are one unit in the summary', { timeout: STEP }, async () => {
    for (const t of [
      'Ngày 19/11 phong QLTM đăng 2 tin về gia nhập thị trường trên cổng TTĐT của Sở, nội dung II.3.a',
      'Ngày 18/11 Phòng Quản lý thương mại đăng 1 bài về gia nhập thị trường trên Cổng TTĐT, nội dung II.3.a',
    ]) {
      const card = await staffSay(t);
      expect(joined(await staffPress(buttonOf(card, /Lưu/)))).toMatch(/✅ Đã lưu báo cáo #\d+/);
    }
    const sum = joined(await d.say(d.adminId, `/tonghop ${yearOf()}`));
    const units = sum.split('Theo đơn vị:')[1]?.split('Theo kênh:')[0] ?? '';
    expect(units.trim().split('\n')).toEqual(['• Phòng Quản lý thương mại: 2 hoạt động (3 tin/bài)']);
  });

  it('mixed kinds are totalled separately, never added together', { timeout: STEP }, async () => {
    for (const t of [
      'Ngày 20/11 phát 200 tờ gấp về phòng, chống nhũng nhiễu cho doanh nghiệp, nội dung II.3.đ',
      'Ngày 20/11 tổ chức hội nghị đối thoại doanh nghiệp, 45 doanh nghiệp dự, nội dung II.3.đ',
      'Ngày 20/11 đăng 5 bài trên Cổng TTĐT của Sở về chi phí không chính thức, nội dung II.3.đ',
    ]) {
      const card = await staffSay(t);
      expect(joined(await staffPress(buttonOf(card, /Lưu/)))).toMatch(/✅ Đã lưu báo cáo #\d+/);
    }
    const sum = joined(await d.say(d.adminId, `/tonghop ${yearOf()}`));
    expect(sum).toContain('• II.3.đ – Truyền thông về chỉ số "Chi phí không chính thức": 3 hoạt động (5 tin/bài, 200 tờ/ấn phẩm, 45 lượt người)');
    expect(sum).toContain('• PCI: 5 hoạt động (8 tin/bài, 200 tờ/ấn phẩm, 45 lượt người)');
    expect(sum).not.toMatch(/\b250\b|\b253\b/);
  });

  it('a correction is reflected in the description and every export', { timeout: STEP }, async () => {
    await staffSay('Ngày 24/11 đăng 2 bài trên trang Zalo OA của Sở hướng dẫn doanh nghiệp sử dụng dịch vụ công trực tuyến');
    expect(joined(await staffSay('sửa ngày thành 21/11'))).toMatch(/• Ngày: 21\/11\/\d{4}/);
    const card = await staffSay('số lượng 4');
    expect(joined(card)).toContain('• Số lượng: 4 tin/bài');
    expect(joined(await staffPress(buttonOf(card, /Lưu/)))).toMatch(/✅ Đã lưu báo cáo #\d+ \(hoạt động ngày 21\/11\/\d{4}, 4 tin\/bài\)/);
    const saved = d.bot.reports.store.list().find((r) => r.description.includes('Zalo OA'));
    const year = Number(saved?.date?.slice(0, 4));
    const full = `21/11/${year}`;
    expect(saved).toMatchObject({ date: `${year}-11-21`, count: 4, countKind: 'post' });
    expect(saved?.description).toBe(`Ngày ${full} đăng 4 bài trên trang Zalo OA của Sở hướng dẫn doanh nghiệp sử dụng dịch vụ công trực tuyến`);

    const files = await d.exportFiles(year);
    const row = parseCsv(files.csv).rows.find((r) => r['Mô tả']?.includes('Zalo OA'));
    expect(row).toMatchObject({ Ngày: full, 'Số lượng': '4', 'Đơn vị tính': 'tin/bài', 'Mô tả': saved?.description });
    const xrow = (await xlsxReportRows(files.xlsx)).find((r) => String(r['Mô tả']).includes('Zalo OA'));
    expect(xrow).toMatchObject({ Ngày: new Date(`${year}-11-21T00:00:00Z`), 'Số lượng': 4, 'Mô tả': saved?.description });
    const xml = await (await JSZip.loadAsync(files.docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`Ngày ${full}, ${STAFF_UNIT} (hình thức: mạng xã hội; số lượng: 4 tin/bài)`);
    expect(xml).not.toContain('24/11');
  });
});
