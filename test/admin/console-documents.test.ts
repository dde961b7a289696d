/**
 * Console API through fastify.inject: authentication and Origin refusals on
 * every route, and the documents loop — upload the PDF fixture, index in
 * the background, answer with its citation, edit its status, survive a
 * restart, delete it from answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecisionPdf, sampleDecisionSpec } from '../knowledge/ingest/fixtures.js';
import { type ConsoleHarness, login, multipartBody, startConsole } from './harness.js';

/** Every console route, with a body that would be valid. */
const ROUTES: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object }> = [
  { method: 'GET', url: '/admin/api/documents' },
  { method: 'POST', url: '/admin/api/documents' },
  { method: 'GET', url: '/admin/api/documents/0123456789ab' },
  { method: 'PATCH', url: '/admin/api/documents/0123456789ab', payload: { status: 'amended' } },
  { method: 'DELETE', url: '/admin/api/documents/0123456789ab' },
  { method: 'POST', url: '/admin/api/retrieval-test', payload: { question: 'giờ làm việc' } },
  { method: 'GET', url: '/admin/api/answers' },
  { method: 'POST', url: '/admin/api/answers', payload: { question: 'Câu hỏi thử?', answer: 'Câu trả lời thử nghiệm.' } },
  { method: 'PATCH', url: '/admin/api/answers/1', payload: { retired: true } },
  { method: 'DELETE', url: '/admin/api/answers/1' },
  { method: 'GET', url: '/admin/api/gaps' },
  { method: 'POST', url: '/admin/api/gaps/action', payload: { key: 'x', action: 'dismiss' } },
  { method: 'GET', url: '/admin/api/staff' },
  { method: 'POST', url: '/admin/api/invites', payload: { unit: 'Văn phòng Sở', role: 'staff' } },
  { method: 'DELETE', url: '/admin/api/invites/ABCDEFGH' },
  { method: 'PATCH', url: '/admin/api/staff/telegram/1', payload: { role: 'admin' } },
  { method: 'DELETE', url: '/admin/api/staff/telegram/1' },
  { method: 'GET', url: '/admin/api/usage' },
  { method: 'GET', url: '/admin/usage/daily.svg' },
  { method: 'GET', url: '/admin/usage/rates.svg' },
  { method: 'GET', url: '/admin/usage.csv' },
];

const PAGES = ['/admin/documents', '/admin/retrieval', '/admin/answers', '/admin/gaps', '/admin/staff', '/admin/usage'];
const COLOUR_QUESTION = 'Sổ theo dõi phản ánh màu gì?';

describe('admin console: documents', () => {
  let h: ConsoleHarness;
  let cookie: string;
  let pdf: Buffer;

  beforeAll(async () => {
    h = await startConsole();
    cookie = await login(h.app);
    pdf = await buildDecisionPdf(sampleDecisionSpec());
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const ask = async (text: string) =>
    (await h.app.inject({ method: 'POST', url: '/api/chat', payload: { text } })).json() as { answer: string; abstained: boolean };
  const upload = (files: Array<{ name: string; data: Buffer }>, fields: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const mp = multipartBody(files, fields);
    return h.app.inject({ method: 'POST', url: '/admin/api/documents', headers: { ...mp.headers, cookie, ...headers }, payload: mp.payload });
  };

  it('refuses every console route without a session (401 {code,message})', async () => {
    for (const r of ROUTES) {
      const res = await h.app.inject({ method: r.method, url: r.url, ...(r.payload ? { payload: r.payload } : {}) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('đăng nhập') });
    }
  });

  it('shows the login form instead of a console page without a session, the page with one', async () => {
    for (const url of PAGES) {
      const anon = await h.app.inject({ method: 'GET', url });
      expect(anon.body).toContain('name="token"');
      const page = await h.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('class="console-nav"');
      expect(page.body).toContain('aria-current="page"');
      expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
    }
    const reports = await h.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    expect(reports.body).toContain('href="/admin/documents"');
  });

  it('refuses state-changing requests from another site (403), with or without a session', async () => {
    for (const r of ROUTES.filter((x) => x.method !== 'GET')) {
      for (const headers of [
        { origin: 'https://evil.example', cookie },
        { referer: 'https://evil.example/page', cookie },
        { origin: 'null', cookie },
      ]) {
        const res = await h.app.inject({ method: r.method, url: r.url, headers, ...(r.payload ? { payload: r.payload } : {}) });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'ORIGIN_MISMATCH', message: expect.stringContaining('trang khác') });
      }
    }
    // The login form too.
    const res = await h.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'token=x',
    });
    expect(res.statusCode).toBe(403);
  });

  it('accepts the same origin', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/admin/api/retrieval-test',
      headers: { cookie, origin: 'http://localhost:80' },
      payload: { question: 'Kế hoạch 1523 có mục đích gì?' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('rejects bad uploads with a Vietnamese 400 and stores nothing', async () => {
    const cases: Array<[Array<{ name: string; data: Buffer }>, Record<string, string>, string]> = [
      [[{ name: 'virus.exe', data: Buffer.from('MZ...') }], {}, 'chỉ nhận PDF, DOCX, HTML hoặc TXT'],
      [[{ name: 'fake.pdf', data: Buffer.from('not a pdf at all') }], {}, 'không phải tệp PDF hợp lệ'],
      [[{ name: 'empty.txt', data: Buffer.alloc(0) }], {}, 'đang trống'],
      [[{ name: 'ok.pdf', data: pdf }], { date: '2024-13-45' }, 'ngày'],
      [[{ name: 'ok.pdf', data: pdf }], { status: 'maybe' }, 'status'],
      [
        [
          { name: 'ok.pdf', data: pdf },
          { name: 'bad.exe', data: Buffer.from('x') },
        ],
        {},
        'bad.exe',
      ],
    ];
    for (const [files, fields, message] of cases) {
      const res = await upload(files, fields);
      expect(res.statusCode, message).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining(message) });
    }
    const none = await upload([], { title: 'x' });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('Chưa chọn tệp');
    const json = await h.app.inject({ method: 'POST', url: '/admin/api/documents', headers: { cookie }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('INPUT_INVALID');
    expect((await h.app.inject({ method: 'GET', url: '/admin/api/documents', headers: { cookie } })).json().items).toEqual([]);
  });

  it('404/400 for unknown or malformed document ids', async () => {
    const missing = await h.app.inject({ method: 'GET', url: '/admin/api/documents/0123456789ab', headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await h.app.inject({ method: 'DELETE', url: '/admin/api/documents/..%2F..%2Fetc', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INPUT_INVALID');
  });

  it('uploads the PDF, indexes it in the background, answers from it with its citation, edits and deletes it', async () => {
    expect((await ask(COLOUR_QUESTION)).answer).not.toContain('99/QĐ-THU');
    const res = await upload([{ name: 'quyet-dinh-99.pdf', data: pdf }], { title: 'Quy chế tiếp nhận phản ánh (hư cấu)' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    // Answering does not wait for the index.
    const during = await ask('Kế hoạch 1523 có mục đích gì?');
    expect(during.answer.length).toBeGreaterThan(0);
    await h.ctx.library.whenIdle();

    const doc = (await h.app.inject({ method: 'GET', url: `/admin/api/documents/${id}`, headers: { cookie } })).json();
    expect(doc).toMatchObject({ id, status: 'ready', docId: '99/QĐ-THU', originalName: 'quyet-dinh-99.pdf' });
    expect(doc.passages.length).toBeGreaterThan(2);
    const article3 = doc.passages.find((p: { citation: string }) => p.citation === '[99/QĐ-THU, Điều 3]');
    expect(article3.text).toContain('sổ theo dõi màu xanh lam');
    const list = (await h.app.inject({ method: 'GET', url: '/admin/api/documents', headers: { cookie } })).json();
    expect(list.items[0]).toMatchObject({ id, status: 'ready', passages: doc.passages.length });
    expect(list.items[0].storedName).toBeUndefined();

    const answered = await ask(COLOUR_QUESTION);
    expect(answered.answer).toContain('[99/QĐ-THU, Điều 3]');
    expect(answered.answer).toContain('xanh lam');

    const patched = await h.app.inject({ method: 'PATCH', url: `/admin/api/documents/${id}`, headers: { cookie }, payload: { status: 'replaced' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().meta).toMatchObject({ status: 'replaced', title: 'Quy chế tiếp nhận phản ánh (hư cấu)' });
    const badPatch = await h.app.inject({ method: 'PATCH', url: `/admin/api/documents/${id}`, headers: { cookie }, payload: { status: 'gone' } });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().message).toContain('trạng thái');
    await h.ctx.library.whenIdle();
    const kbDoc = h.live.current()?.snapshot.documents.find((d) => d.id === '99/QĐ-THU');
    expect(kbDoc?.status).toBe('replaced');

    const del = await h.app.inject({ method: 'DELETE', url: `/admin/api/documents/${id}`, headers: { cookie } });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ id, deleted: true });
    expect((await ask(COLOUR_QUESTION)).answer).not.toContain('99/QĐ-THU');
    expect(h.live.current()?.snapshot.documents.some((d) => d.id === '99/QĐ-THU')).toBe(false);
    expect((await h.app.inject({ method: 'DELETE', url: `/admin/api/documents/${id}`, headers: { cookie } })).statusCode).toBe(404);
  }, 60_000);

  it('cites an upload without a số hiệu by its file name', async () => {
    const text = Buffer.from('Điều 1. Giờ mở cửa\nThư viện thử nghiệm mở cửa lúc 7 giờ 15 phút mỗi sáng thứ Bảy.\n');
    const res = await upload([{ name: 'Nội quy thư viện.txt', data: text }]);
    await h.ctx.library.whenIdle();
    expect((await h.app.inject({ method: 'GET', url: `/admin/api/documents/${res.json().id}`, headers: { cookie } })).json()).toMatchObject({
      status: 'ready',
      docId: 'noi-quy-thu-vien',
    });
    expect((await ask('Thư viện thử nghiệm mở cửa lúc mấy giờ sáng thứ Bảy?')).answer).toContain('[noi-quy-thu-vien, Điều 1]');
    expect((await h.app.inject({ method: 'DELETE', url: `/admin/api/documents/${res.json().id}`, headers: { cookie } })).statusCode).toBe(200);
  }, 60_000);

  it('marks a file with no text rejected, with the reason', async () => {
    const res = await upload([{ name: 'trang-trong.txt', data: Buffer.from('   \n\n   \n') }]);
    expect(res.statusCode).toBe(201);
    await h.ctx.library.whenIdle();
    const doc = (await h.app.inject({ method: 'GET', url: `/admin/api/documents/${res.json().id}`, headers: { cookie } })).json();
    expect(doc.status).toBe('rejected');
    expect(doc.reason).toMatch(/\S/);
    expect(doc.reason).not.toContain('_uploads');
  }, 60_000);

  it('keeps uploaded documents across a restart', async () => {
    const res = await upload([{ name: 'quyet-dinh-99.pdf', data: pdf }]);
    await h.ctx.library.whenIdle();
    const id = res.json().id as string;
    await h.close();
    h = await startConsole({ dataDir: h.dataDir });
    cookie = await login(h.app);
    const doc = (await h.app.inject({ method: 'GET', url: `/admin/api/documents/${id}`, headers: { cookie } })).json();
    expect(doc.status).toBe('ready');
    expect((await ask(COLOUR_QUESTION)).answer).toContain('[99/QĐ-THU, Điều 3]');
  }, 90_000);
});
