/**
 * Handoff on Zalo OA, through the signed webhook and a loopback fake of the
 * Zalo API: inside the 48-hour window a staff reply goes out as one
 * customer-service message; with the clock moved 49 hours it is marked
 * "không gửi được (quá 48 giờ)", the console says so, and no call is made.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HANDOFF_ASK_PAYLOAD, type TicketView } from '../../src/handoff/index.js';
import { type FakeZaloApi, startFakeZaloApi } from '../channels/helpers/fake-zalo-api.js';
import { adminHeaders, type HandoffBot, postZaloText, startHandoffBot, type TestClock, tempDataDir, testClock, zaloEnv } from './helpers.js';

const USER = '5521772797175877301'; // > 2^53, kept as a string

describe('handoff on Zalo OA', () => {
  let api: FakeZaloApi;
  let bot: HandoffBot;
  let clock: TestClock;

  beforeEach(async () => {
    api = await startFakeZaloApi();
    clock = testClock();
    bot = await startHandoffBot({ dataDir: tempDataDir(), clock, env: zaloEnv(api.url) });
  });
  afterEach(async () => {
    await bot.close();
    await api.close();
  });

  const textsTo = (user: string) =>
    api
      .messages()
      .filter((m) => (m.body.recipient as { user_id?: string } | undefined)?.user_id === user)
      .map((m) => String((m.body.message as { text?: string } | undefined)?.text ?? ''));
  const reply = (id: number, text: string) =>
    bot.app.inject({ method: 'POST', url: `/admin/api/tickets/${id}/reply`, headers: adminHeaders, payload: { text } });

  it('a refusal offers "Hỏi cán bộ"; pressing it opens a ticket; a reply inside the window is delivered', async () => {
    await postZaloText(bot.app, USER, 'Phí ngoài phạm vi của thủ tục Y là bao nhiêu?', 'z-1');
    await bot.drain();
    const refusal = api.messages().at(-1)?.body.message as { attachment?: { payload: { buttons: Array<{ title: string; payload: string }> } } };
    expect(refusal.attachment?.payload.buttons).toContainEqual({ title: 'Hỏi cán bộ', type: 'oa.query.show', payload: HANDOFF_ASK_PAYLOAD });

    // Zalo sends the button's payload back as text.
    await postZaloText(bot.app, USER, HANDOFF_ASK_PAYLOAD, 'z-2');
    await bot.drain();
    expect(textsTo(USER).at(-1)).toMatch(/yêu cầu #1/);
    const ticket = bot.tickets.get(1, { role: 'admin' });
    expect(ticket).toMatchObject({ channel: 'zalo', chatId: USER, status: 'open' });
    expect(ticket.messages.map((m) => m.text)).toEqual(['Phí ngoài phạm vi của thủ tục Y là bao nhiêu?']);

    clock.advance(47 * 3_600_000);
    const before = api.messages().length;
    const res = await reply(1, 'Phí của thủ tục Y theo quy định hiện hành; anh/chị liên hệ bộ phận một cửa.');
    expect(res.json()).toMatchObject({ delivery: 'sent', ticket: { status: 'answered', undeliverable: false } });
    expect(api.messages().length).toBe(before + 1);
    expect(textsTo(USER).at(-1)).toContain('Cán bộ của Sở trả lời (yêu cầu #1)');
  });

  it("49 hours after the citizen's last message: marked undeliverable, shown in the console, no call made", async () => {
    await postZaloText(bot.app, USER, 'cho toi gap can bo, giay phep cua toi bi ghi sai dia chi', 'z-10');
    // Zalo retries: the same msg_id again makes no second ticket.
    expect((await postZaloText(bot.app, USER, 'cho toi gap can bo, giay phep cua toi bi ghi sai dia chi', 'z-10')).json()).toEqual({
      ok: true,
      duplicate: true,
    });
    await bot.drain();
    expect(bot.tickets.list({}, { role: 'admin' }).counts.total).toBe(1);
    expect(bot.tickets.get(1, { role: 'admin' }).status).toBe('open');

    clock.advance(49 * 3_600_000);
    const before = api.messages().length;
    const res = await reply(1, 'Anh/chị mang giấy phép gốc tới Sở để đính chính.');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ delivery: 'undeliverable', note: 'không gửi được (quá 48 giờ)' });
    expect(api.messages().length).toBe(before);

    const list = (await bot.app.inject({ method: 'GET', url: '/admin/api/tickets?undeliverable=true', headers: adminHeaders })).json() as {
      count: number;
      counts: { undeliverable: number };
      tickets: TicketView[];
    };
    expect(list.count).toBe(1);
    expect(list.counts.undeliverable).toBe(1);
    expect(list.tickets[0]).toMatchObject({ undeliverable: true, replyWindowOpen: false });
    expect(list.tickets[0]?.messages.at(-1)).toMatchObject({ delivery: 'undeliverable', deliveryNote: 'không gửi được (quá 48 giờ)' });
    // Pending deliveries at a restart do not retry it.
    expect(await bot.tickets.deliverPending()).toBe(0);
    expect(api.messages().length).toBe(before);
  });
});
