/**
 * Handoff on the web channel, through the real HTTP app (fastify.inject):
 * refusal → "Hỏi cán bộ" → ticket → staff see it in /admin/api/tickets →
 * reply → the page's inbox returns it once; the ticket is answered. Also
 * plain words, the one-line problem, follow-ups, reopening within 7 days,
 * a restart, privacy of the staff view and bad input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketView } from '../../src/handoff/index.js';
import { HANDOFF_ASK_PAYLOAD } from '../../src/handoff/index.js';
import { adminHeaders, type HandoffBot, startHandoffBot, type TestClock, tempDataDir, testClock } from './helpers.js';

interface ChatReply {
  text: string;
  abstained: boolean;
  buttons?: Array<Array<{ label: string; data: string }>>;
}

describe('handoff on the web chat', () => {
  let bot: HandoffBot;
  let clock: TestClock;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = tempDataDir();
    // Tuesday 2 Dec 2026, 09:00 in Việt Nam: inside office hours.
    clock = testClock(new Date('2026-12-02T02:00:00Z'));
    bot = await startHandoffBot({ dataDir, clock });
  });
  afterEach(async () => {
    await bot.close();
  });

  const chat = async (sessionId: string, body: { text?: string; callbackData?: string }) => {
    const res = await bot.app.inject({ method: 'POST', url: '/api/chat', payload: { sessionId, ...body } });
    expect(res.statusCode).toBe(200);
    return (res.json() as { replies: ChatReply[] }).replies;
  };
  const listTickets = async (query = '') => {
    const res = await bot.app.inject({ method: 'GET', url: `/admin/api/tickets${query}`, headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    return res.json() as { count: number; counts: Record<string, number>; tickets: TicketView[] };
  };
  const inbox = async (sessionId: string) => {
    const res = await bot.app.inject({ method: 'GET', url: `/api/chat/inbox?sessionId=${sessionId}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { messages: Array<{ text: string; at: string }> };
  };

  it('refusal → Hỏi cán bộ → ticket → staff reply → shown once by the inbox; the ticket is answered', async () => {
    const session = 'web-session-0001';
    const refused = await chat(session, { text: 'Lệ phí ngoài phạm vi của giấy phép X là bao nhiêu?' });
    expect(refused[0]?.abstained).toBe(true);
    const button = refused[0]?.buttons?.flat().find((b) => b.data === HANDOFF_ASK_PAYLOAD);
    expect(button?.label).toBe('Hỏi cán bộ');

    const confirm = await chat(session, { callbackData: HANDOFF_ASK_PAYLOAD });
    expect(confirm[0]?.text).toMatch(/yêu cầu #1/);
    expect(confirm[0]?.text).toContain('7:30–11:30, 13:30–17:00, thứ Hai–thứ Sáu');

    // While the ticket is open the bot still answers, and the message joins the ticket.
    const follow = await chat(session, { text: 'Kế hoạch có mấy nội dung?' });
    expect(follow[0]?.text).toContain('Trả lời: Kế hoạch có mấy nội dung?');
    expect(follow.at(-1)?.text).toContain('yêu cầu #1');

    const list = await listTickets();
    expect(list.count).toBe(1);
    expect(list.counts).toMatchObject({ open: 1, answered: 0, total: 1 });
    const ticket = list.tickets[0] as TicketView;
    expect(ticket.channel).toBe('web');
    expect(ticket.messages.map((m) => m.text)).toEqual(['Lệ phí ngoài phạm vi của giấy phép X là bao nhiêu?', 'Kế hoạch có mấy nội dung?']);
    // Only what the citizen sent: no platform ids, no bot answers.
    expect(JSON.stringify(list)).not.toContain(session);
    expect(ticket.messages.every((m) => m.author === 'citizen')).toBe(true);

    expect((await inbox(session)).messages).toEqual([]);
    const reply = await bot.app.inject({
      method: 'POST',
      url: `/admin/api/tickets/${ticket.id}/reply`,
      headers: adminHeaders,
      payload: { text: 'Lệ phí giấy phép X theo biểu phí hiện hành; anh/chị mang hồ sơ tới bộ phận một cửa.', saveAsAnswer: true },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ delivery: 'pending', savedAsAnswer: true, ticket: { status: 'answered' } });
    expect(bot.saved).toEqual([{ question: 'Kế hoạch có mấy nội dung?', answer: expect.stringContaining('biểu phí hiện hành') }]);

    const first = await inbox(session);
    expect(first.messages).toHaveLength(1);
    expect(first.messages[0]?.text).toMatch(/^Cán bộ của Sở trả lời \(yêu cầu #1\):\n.*biểu phí hiện hành/);
    expect(Number.isNaN(Date.parse(first.messages[0]?.at ?? ''))).toBe(false);
    expect((await inbox(session)).messages).toEqual([]);
    expect((await inbox('web-session-other')).messages).toEqual([]);

    const after = await listTickets('?status=answered');
    expect(after.count).toBe(1);
    expect(after.tickets[0]?.messages.at(-1)).toMatchObject({ author: 'staff', delivery: 'sent' });
    expect((await listTickets('?status=open')).count).toBe(0);
  });

  it('plain words without a problem ask for one line; the line opens the ticket', async () => {
    const session = 'web-session-0002';
    const ask = await chat(session, { text: 'toi muon hoi nguoi that' });
    expect(ask[0]?.text).toMatch(/một dòng mô tả vấn đề/);
    expect((await listTickets()).count).toBe(0);
    const done = await chat(session, { text: 'Hồ sơ của tôi bị trả lại mà không rõ lý do' });
    expect(done[0]?.text).toMatch(/yêu cầu #1/);
    const [ticket] = (await listTickets()).tickets;
    expect(ticket?.messages.map((m) => m.text)).toEqual(['Hồ sơ của tôi bị trả lại mà không rõ lý do']);
    // Asking again while open: the same ticket, no second one.
    const again = await chat(session, { text: '/canbo' });
    expect(again[0]?.text).toMatch(/Yêu cầu #1 của bạn đang chờ/);
    expect((await listTickets()).count).toBe(1);
  });

  it('words that name the problem open the ticket at once, outside office hours said honestly', async () => {
    clock.advance(12 * 3_600_000); // 21:00 in Việt Nam
    const res = await chat('web-session-0003', { text: 'cho em gặp cb, hồ sơ đăng ký kinh doanh nộp từ tháng 9 chưa có kết quả' });
    expect(res[0]?.text).toMatch(/yêu cầu #1/);
    expect(res[0]?.text).toMatch(/ngoài giờ làm việc/);
    expect((await listTickets()).tickets[0]?.messages).toHaveLength(1);
  });

  it('a 👎 reply offers the button; a question about staff does not open a ticket', async () => {
    const session = 'web-session-0004';
    const answer = await chat(session, { text: 'Cán bộ phụ trách PCI là ai?' });
    expect((await listTickets()).count).toBe(0);
    const vote = answer[0]?.buttons?.flat().find((b) => b.data.startsWith('fb:down:'));
    const thanks = await chat(session, { callbackData: vote?.data ?? '' });
    expect(thanks[0]?.buttons?.flat().map((b) => b.data)).toContain(HANDOFF_ASK_PAYLOAD);
  });

  it('a citizen message within 7 days reopens an answered ticket; after 7 days it does not', async () => {
    const session = 'web-session-0005';
    await chat(session, { text: '/canbo giấy phép của công ty tôi bị ghi sai địa chỉ' });
    const id = (await listTickets()).tickets[0]?.id as number;
    await bot.tickets.reply(id, 'Anh/chị gửi bản sao giấy phép để được đính chính.', { viewer: { role: 'admin' } });
    clock.advance(3 * 86_400_000);
    const back = await chat(session, { text: 'Tôi gửi bản sao qua đâu?' });
    expect(back.at(-1)?.text).toMatch(/đã được mở lại/);
    expect((await listTickets()).tickets[0]).toMatchObject({ status: 'open' });

    await bot.tickets.reply(id, 'Qua bộ phận một cửa của Sở.', { viewer: { role: 'admin' } });
    clock.advance(8 * 86_400_000);
    await chat(session, { text: 'Kế hoạch có mấy nội dung?' });
    const t = (await listTickets()).tickets[0];
    expect(t?.status).toBe('answered');
    expect(t?.messages.filter((m) => m.author === 'citizen')).toHaveLength(2);
  });

  it('restart with an open ticket and an unread reply: nothing lost, the reply shown once', async () => {
    const session = 'web-session-0006';
    await chat(session, { text: '/canbo tôi chưa nhận được kết quả thủ tục đã nộp' });
    await chat(session, { text: 'Tôi nộp ngày 1/10' });
    const id = (await listTickets()).tickets[0]?.id as number;
    await bot.tickets.reply(id, 'Sở đã tiếp nhận, đang xử lý.', { viewer: { role: 'admin' } });
    await bot.close();

    bot = await startHandoffBot({ dataDir, clock });
    const [ticket] = (await listTickets()).tickets;
    expect(ticket?.messages.map((m) => m.text)).toEqual(['tôi chưa nhận được kết quả thủ tục đã nộp', 'Tôi nộp ngày 1/10', 'Sở đã tiếp nhận, đang xử lý.']);
    expect(await bot.tickets.deliverPending()).toBe(0); // web replies wait for the page
    expect((await inbox(session)).messages.map((m) => m.text)).toEqual([expect.stringContaining('đang xử lý')]);
    expect((await inbox(session)).messages).toEqual([]);
  });

  it('staff of another unit do not see an assigned ticket; close and filters work', async () => {
    await chat('web-session-0007', { text: '/canbo hỏi về thủ tục cấp giấy chứng nhận' });
    const id = (await listTickets()).tickets[0]?.id as number;
    const assigned = await bot.app.inject({
      method: 'POST',
      url: `/admin/api/tickets/${id}/assign`,
      headers: adminHeaders,
      payload: { unit: 'Phòng Quản lý công nghiệp' },
    });
    expect(assigned.json()).toMatchObject({ ticket: { unit: 'Phòng Quản lý công nghiệp' } });
    expect(bot.tickets.list({}, { role: 'staff', unit: 'Văn phòng Sở' }).tickets).toEqual([]);
    expect(bot.tickets.list({}, { role: 'staff', unit: 'Phòng Quản lý công nghiệp' }).tickets).toHaveLength(1);
    await expect(bot.tickets.reply(id, 'x', { viewer: { role: 'staff', unit: 'Văn phòng Sở' } })).rejects.toThrow(/Không tìm thấy/);
    expect((await listTickets('?unit=Ph%C3%B2ng%20Qu%E1%BA%A3n%20l%C3%BD%20c%C3%B4ng%20nghi%E1%BB%87p')).count).toBe(1);
    expect((await listTickets('?channel=zalo')).count).toBe(0);
    const closed = await bot.app.inject({ method: 'POST', url: `/admin/api/tickets/${id}/close`, headers: adminHeaders });
    expect(closed.json()).toMatchObject({ ticket: { status: 'closed' } });
    expect((await listTickets()).counts).toMatchObject({ closed: 1, open: 0 });
  });

  it('polling the inbox has its own budget: it does not use up the chat rate limit', async () => {
    const tight = await startHandoffBot({ dataDir: tempDataDir(), clock, env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      for (let i = 0; i < 6; i++) {
        expect((await tight.app.inject({ method: 'GET', url: '/api/chat/inbox?sessionId=web-session-limit' })).statusCode).toBe(200);
      }
      const chatOnce = () => tight.app.inject({ method: 'POST', url: '/api/chat', payload: { sessionId: 'web-session-limit', text: 'Kế hoạch là gì?' } });
      expect((await chatOnce()).statusCode).toBe(200);
      expect((await chatOnce()).statusCode).toBe(200);
      expect((await chatOnce()).statusCode).toBe(429);
      const over = [];
      for (let i = 0; i < 4; i++) over.push((await tight.app.inject({ method: 'GET', url: '/api/chat/inbox?sessionId=web-session-limit' })).statusCode);
      expect(over).toEqual([200, 200, 429, 429]);
    } finally {
      await tight.close();
    }
  });

  it('bad input gets a clear Vietnamese {code, message}', async () => {
    const noAuth = await bot.app.inject({ method: 'GET', url: '/admin/api/tickets' });
    expect(noAuth.statusCode).toBe(401);
    const empty = await bot.app.inject({ method: 'POST', url: '/admin/api/tickets/1/reply', headers: adminHeaders, payload: { text: '  ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('không được để trống') });
    const missing = await bot.app.inject({ method: 'POST', url: '/admin/api/tickets/999/reply', headers: adminHeaders, payload: { text: 'Chào anh' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy yêu cầu #999.' });
    const badStatus = await bot.app.inject({ method: 'GET', url: '/admin/api/tickets?status=done', headers: adminHeaders });
    expect(badStatus.statusCode).toBe(400);
    const badSession = await bot.app.inject({ method: 'GET', url: '/api/chat/inbox?sessionId=x' });
    expect(badSession.statusCode).toBe(400);
    expect(badSession.json()).toHaveProperty('code');
    const page = await bot.app.inject({ method: 'GET', url: '/admin/tickets', headers: adminHeaders });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/admin/assets/tickets.js');
    expect(page.body).not.toMatch(/<script>(?!<)/);
  });
});
