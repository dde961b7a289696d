/**
 * Console API through fastify.inject: the answer loop. Curated answers
 * (add, paraphrase, edit, retire, hits), the gap queue (grouped, each
 * action takes the group out), the retrieval test, staff invites and roles,
 * and usage figures, charts and CSV — with the bad-input refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, login, startConsole } from './harness.js';

const OUT_OF_SCOPE = 'Thủ tục đăng ký khuyến mại cần những giấy tờ gì?';
const OUT_OF_SCOPE_REWORDED = 'cho em hỏi thủ tục đăng ký khuyến mại cần hồ sơ gì ạ';
const CURATED = 'Thông báo khuyến mại nộp theo mẫu của cơ quan quản lý (câu trả lời thử nghiệm, không phải quy định thật).';

describe('admin console: the answer loop', () => {
  let h: ConsoleHarness;
  let cookie: string;

  beforeAll(async () => {
    h = await startConsole();
    cookie = await login(h.app);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const ask = async (text: string, sessionId?: string) =>
    (await h.app.inject({ method: 'POST', url: '/api/chat', payload: { text, ...(sessionId ? { sessionId } : {}) } })).json() as {
      answer: string;
      abstained: boolean;
      exchangeId?: string;
    };
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('retrieval test: ranked passages with scores and features, the answer, and whether it refuses', async () => {
    const res = await call('POST', '/admin/api/retrieval-test', { question: 'Kế hoạch 1523/KH-SCT có mục đích gì?' });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits[0]).toMatchObject({
      rank: 1,
      citation: expect.stringMatching(/^\[.+, .+\]$/),
      score: expect.any(Number),
      coverage: expect.any(Number),
      rrf: expect.any(Number),
    });
    expect(r.hits[0].score).toBeGreaterThanOrEqual(r.hits.at(-1).score);
    expect(r.refused).toBe(false);
    expect(r.answer.text).toContain('1523/KH-SCT');
    expect(r.features).toMatchObject({ vocabulary: expect.any(Number), evidence: expect.any(Number) });
    const refused = (await call('POST', '/admin/api/retrieval-test', { question: 'Thời tiết Hà Nội ngày mai thế nào?' })).json();
    expect(refused.refused).toBe(true);
    expect(refused.answer.abstained).toBe(true);
    const bad = await call('POST', '/admin/api/retrieval-test', { question: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('câu hỏi') });
    expect((await call('POST', '/admin/api/retrieval-test', { question: 'x'.repeat(2000) })).statusCode).toBe(400);
  });

  it('gap queue: refused and 👎 questions grouped by similarity with counts', async () => {
    expect((await ask(OUT_OF_SCOPE)).abstained).toBe(true);
    expect((await ask(OUT_OF_SCOPE)).abstained).toBe(true);
    expect((await ask(OUT_OF_SCOPE_REWORDED)).abstained).toBe(true);
    await ask('Thời tiết Hà Nội ngày mai thế nào?');
    await ask('Giá vé xem phim hôm nay bao nhiêu?');
    const { groups } = (await call('GET', '/admin/api/gaps')).json() as {
      groups: Array<{ key: string; question: string; count: number; variants: unknown[] }>;
    };
    const promo = groups.find((g) => g.question === OUT_OF_SCOPE);
    expect(promo).toMatchObject({
      count: 3,
      variants: [
        { question: OUT_OF_SCOPE, count: 2 },
        { question: OUT_OF_SCOPE_REWORDED, count: 1 },
      ],
    });
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups[0]?.count).toBe(3);
  });

  it('gap action "answer": a curated answer for the group; the group leaves the queue and the question is answered', async () => {
    const { groups } = (await call('GET', '/admin/api/gaps')).json() as { groups: Array<{ key: string; question: string }> };
    const promo = groups.find((g) => g.question === OUT_OF_SCOPE);
    const short = await call('POST', '/admin/api/gaps/action', { key: promo?.key, action: 'answer', answer: 'ngắn' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('10 ký tự');
    const res = await call('POST', '/admin/api/gaps/action', { key: promo?.key, action: 'answer', answer: CURATED });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ action: 'answer', questions: 3, entryId: expect.stringMatching(/^console-\d+$/) });
    const after = (await call('GET', '/admin/api/gaps')).json() as { groups: Array<{ question: string }>; history: Array<{ action: string }> };
    expect(after.groups.some((g) => g.question === OUT_OF_SCOPE)).toBe(false);
    expect(after.history[0]?.action).toBe('answer');
    const answered = await ask(OUT_OF_SCOPE_REWORDED);
    expect(answered.abstained).toBe(false);
    expect(answered.answer).toContain(CURATED);
    expect(answered.answer).toContain('[Câu trả lời đã duyệt:');
    // Answered now, so it does not come back to the queue.
    expect(((await call('GET', '/admin/api/gaps')).json() as { groups: Array<{ question: string }> }).groups.some((g) => g.question === OUT_OF_SCOPE)).toBe(
      false,
    );
  });

  it('gap actions "out_of_scope", "dismiss" and "attach" take their groups out; unknown groups 404, bad actions 400', async () => {
    const groups = () => call('GET', '/admin/api/gaps').then((r) => r.json().groups as Array<{ key: string; question: string }>);
    const weather = (await groups()).find((g) => g.question.startsWith('Thời tiết'));
    expect((await call('POST', '/admin/api/gaps/action', { key: weather?.key, action: 'out_of_scope' })).statusCode).toBe(200);
    const cinema = (await groups()).find((g) => g.question.startsWith('Giá vé'));
    expect((await call('POST', '/admin/api/gaps/action', { key: cinema?.key, action: 'dismiss' })).statusCode).toBe(200);
    expect((await groups()).some((g) => g.question.startsWith('Thời tiết') || g.question.startsWith('Giá vé'))).toBe(false);

    // 👎 on an answered question puts it in the queue; attaching a passage answers it with that passage.
    const q = 'Kế hoạch 1523/KH-SCT có mục đích gì?';
    const first = await ask(q, 'session-vote-1');
    const vote = await h.app.inject({ method: 'POST', url: '/api/feedback', payload: { exchangeId: first.exchangeId, vote: 'down' } });
    expect(vote.statusCode).toBeLessThan(300);
    const group = (await groups()).find((g) => g.question === q);
    expect(group).toBeDefined();
    const hits = (await call('POST', '/admin/api/retrieval-test', { question: q })).json().hits as Array<{ id: string; citation: string; text: string }>;
    const chosen = hits[1] ?? hits[0];
    const noPassage = await call('POST', '/admin/api/gaps/action', { key: group?.key, action: 'attach' });
    expect(noPassage.statusCode).toBe(400);
    const attach = await call('POST', '/admin/api/gaps/action', { key: group?.key, action: 'attach', passageId: chosen?.id });
    expect(attach.statusCode).toBe(200);
    expect((await groups()).some((g) => g.question === q)).toBe(false);
    expect((await ask(q)).answer).toContain((chosen?.text ?? '').slice(0, 40));

    const unknown = await call('POST', '/admin/api/gaps/action', { key: 'khong co nhom nay', action: 'dismiss' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await call('POST', '/admin/api/gaps/action', { key: 'x', action: 'explode' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('thao tác');
  });

  it('curated answers: add, a reworded question gets it, another question does not, edit, retire, hit counts', async () => {
    const question = 'Giờ tiếp nhận hồ sơ tại quầy thử nghiệm là mấy giờ?';
    const answer = 'Quầy thử nghiệm tiếp nhận hồ sơ từ 7 giờ 30 (câu trả lời thử nghiệm).';
    const res = await call('POST', '/admin/api/answers', { question, answer, source: '1523/KH-SCT' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ id: expect.any(Number), entryId: `console-${created.id}`, source: '1523/KH-SCT', retired: false });
    expect((await ask('cho hỏi quầy thử nghiệm tiếp nhận giấy tờ lúc mấy giờ vậy')).answer).toContain(answer);
    expect((await ask('Giờ tiếp nhận hồ sơ tại quầy thử nghiệm là mấy giờ?')).answer).toContain('[Câu trả lời đã duyệt: 1523/KH-SCT]');
    expect((await ask('Quầy thử nghiệm ở tầng mấy?')).answer).not.toContain(answer);

    const list = (await call('GET', '/admin/api/answers')).json();
    expect(list.items.find((a: { id: number }) => a.id === created.id).hits).toBe(2);
    expect(Array.isArray(list.files)).toBe(true);

    const edited = await call('PATCH', `/admin/api/answers/${created.id}`, { answer: 'Quầy thử nghiệm tiếp nhận hồ sơ từ 8 giờ (đã sửa, thử nghiệm).' });
    expect(edited.statusCode).toBe(200);
    expect((await ask(question)).answer).toContain('từ 8 giờ');
    const retired = await call('DELETE', `/admin/api/answers/${created.id}`);
    expect(retired.json()).toEqual({ id: created.id, retired: true });
    expect((await ask(question)).answer).not.toContain('từ 8 giờ');
    expect((await call('PATCH', `/admin/api/answers/${created.id}`, { retired: false })).json().retired).toBe(false);
    expect((await ask(question)).answer).toContain('từ 8 giờ');
  });

  it('curated answers: bad input is a Vietnamese 400, unknown ids 404', async () => {
    const cases: Array<[object, string]> = [
      [{ question: 'Câu hỏi?', answer: 'ngắn' }, '10 ký tự'],
      [{ answer: 'Một câu trả lời đủ dài để lưu.' }, 'thiếu câu hỏi'],
      [{ question: 'Câu hỏi thử?', answer: 'Một câu trả lời đủ dài để lưu.', source: 'Văn bản không tồn tại' }, 'không có trong kho tri thức'],
      [{ question: 'Câu hỏi thử?', answer: 'Một câu trả lời đủ dài để lưu.', extra: 1 }, 'extra'],
    ];
    for (const [payload, message] of cases) {
      const res = await call('POST', '/admin/api/answers', payload);
      expect(res.statusCode, message).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining(message) });
    }
    const invalidJson = await h.app.inject({
      method: 'POST',
      url: '/admin/api/answers',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(invalidJson.statusCode).toBe(400);
    expect(invalidJson.json().message).toMatch(/JSON/);
    expect((await call('PATCH', '/admin/api/answers/9999', { retired: true })).statusCode).toBe(404);
    expect((await call('DELETE', '/admin/api/answers/abc')).statusCode).toBe(400);
  });

  it('staff: invite with a unit from units.yaml, register, change role, revoke; invites withdrawn', async () => {
    const res = await call('POST', '/admin/api/invites', { unit: 'Văn phòng Sở', role: 'staff' });
    expect(res.statusCode).toBe(201);
    const { code } = res.json() as { code: string };
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const staff = () => call('GET', '/admin/api/staff').then((r) => r.json());
    expect((await staff()).invites.some((i: { code: string }) => i.code === code)).toBe(true);
    expect((await staff()).units.some((u: { name: string }) => u.name === 'Văn phòng Sở')).toBe(true);

    expect(h.chatStore.redeemInvite(code, { channel: 'telegram', userId: '777' }, new Date()).ok).toBe(true);
    const listed = (await staff()).staff.find((s: { userId: string }) => s.userId === '777');
    expect(listed).toMatchObject({ channel: 'telegram', unit: 'Văn phòng Sở', role: 'staff', lastSeenAt: expect.any(String) });
    const promoted = await call('PATCH', '/admin/api/staff/telegram/777', { role: 'admin' });
    expect(promoted.json()).toMatchObject({ role: 'admin' });
    expect((await call('PATCH', '/admin/api/staff/telegram/777', { role: 'boss' })).statusCode).toBe(400);
    expect((await call('DELETE', '/admin/api/staff/telegram/777')).json()).toMatchObject({ revoked: true });
    expect(h.chatStore.getIdentity('telegram', '777')?.role).toBe('citizen');
    expect((await call('DELETE', '/admin/api/staff/telegram/777')).statusCode).toBe(404);

    const admin = (await call('POST', '/admin/api/invites', { unit: 'van-phong-so', role: 'admin' })).json();
    expect(admin).toMatchObject({ unit: 'Văn phòng Sở', role: 'admin' });
    expect((await call('DELETE', `/admin/api/invites/${admin.code}`)).json()).toMatchObject({ revoked: true });
    expect((await call('DELETE', `/admin/api/invites/${admin.code}`)).statusCode).toBe(404);

    // Any spelling the unit list knows: short name, alias, no diacritics.
    for (const mention of ['VP', 'van phong so', 'Văn phòng Sở Công Thương']) {
      const r = await call('POST', '/admin/api/invites', { unit: mention, role: 'staff' });
      expect(r.statusCode, mention).toBe(201);
      expect(r.json().unit).toBe('Văn phòng Sở');
    }
    const unknownUnit = await call('POST', '/admin/api/invites', { unit: 'Phòng Không Có', role: 'staff' });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().message).toContain('units.yaml');
    expect((await call('POST', '/admin/api/invites', { unit: 'Văn phòng Sở', role: 'citizen' })).statusCode).toBe(400);
    expect((await call('POST', '/admin/api/invites', {})).statusCode).toBe(400);
  });

  it('usage: figures, SVG charts and CSV; bad period 400', async () => {
    const s = (await call('GET', '/admin/api/usage?days=7')).json();
    expect(s.days).toHaveLength(7);
    expect(s.questions).toBeGreaterThan(5);
    expect(s.channels).toContain('web');
    expect(s.refused).toBeGreaterThan(0);
    expect(s.refusalRate).toBeGreaterThan(0);
    expect(s.votesDown).toBe(1);
    expect(s.downRate).toBe(1);
    expect(s.medianAnswerMs).toEqual(expect.any(Number));
    expect(s.topQuestions[0]).toMatchObject({ count: expect.any(Number) });
    const svg = await call('GET', '/admin/usage/daily.svg?days=7');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect(svg.body).toContain('qua Web');
    expect((await call('GET', '/admin/usage/rates.svg')).body).toContain('Tỷ lệ từ chối');
    const csv = await call('GET', '/admin/usage.csv?days=7');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="su-dung-/);
    expect(csv.body).toContain('Ngày,Web,Tổng');
    expect(csv.body.split('\r\n').length).toBeGreaterThan(8);
    for (const q of ['days=0', 'days=abc', 'days=1000', 'x=1']) {
      const bad = await call('GET', `/admin/api/usage?${q}`);
      expect(bad.statusCode, q).toBe(400);
      expect(bad.json().code).toBe('INPUT_INVALID');
    }
  });
});
