import Fastify, { type FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdminRoutesOptions, adminRoutes } from '../../src/reports/http/admin-routes.js';
import { tokenMatches } from '../../src/reports/http/auth.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import { readUnansweredQuestions } from '../../src/reports/store/unanswered-questions.js';
import type { Db } from '../../src/store/database.js';
import { newReport, planAreas, tempDb } from './helpers.js';

const TOKEN = 'test-admin-token-0123456789abcdef';
const NOW = new Date('2026-11-25T03:00:00Z');
const areas = planAreas();
const apps: FastifyInstance[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dbs.splice(0)) d.close();
});

async function setup(over: Partial<AdminRoutesOptions> = {}) {
  const { db } = tempDb();
  dbs.push(db);
  const store = new SqliteReportStore(db);
  store.confirm(newReport({ date: '2026-03-10', area: 'II.1.c', unit: 'Phòng Thử nghiệm A', count: 2 }), NOW);
  store.confirm(newReport({ date: '2026-11-20', area: 'II.2.h', indicator: 'PAPI', channel: 'social', unit: 'Phòng Thử nghiệm B', count: 5 }), NOW);
  store.confirm(newReport({ date: '2025-06-01', area: 'II.3.a', indicator: 'PCI' }), NOW);
  const app = Fastify();
  await app.register(adminRoutes, {
    store,
    areas,
    adminToken: TOKEN,
    now: () => NOW,
    unanswered: () => readUnansweredQuestions(db),
    ...over,
  });
  await app.ready();
  apps.push(app);
  return { app, db, store };
}

const bearer = { authorization: `Bearer ${TOKEN}` };

describe('admin routes', () => {
  it('answers 401 without credentials, with a wrong Bearer token, or with ?token= (no longer accepted)', async () => {
    const { app } = await setup();
    for (const url of ['/admin/api/reports', '/admin/api/summary', '/admin/api/unanswered', '/admin/export?format=csv']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['www-authenticate']).toContain('Bearer');
      expect(res.json()).toEqual({ code: 'UNAUTHORIZED', message: expect.stringContaining('Bearer') });
      const sep = url.includes('?') ? '&' : '?';
      expect((await app.inject({ url: `${url}${sep}token=${TOKEN}` })).statusCode, `${url} ?token=`).toBe(401);
    }
    expect((await app.inject({ url: '/admin/api/reports', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    // The page with ?token= shows the login form, not the data page.
    const page = await app.inject({ url: `/admin?token=${TOKEN}` });
    expect(page.body).toContain('action="/admin/login"');
    expect(page.body).not.toContain('id="reports-table"');
  });

  it('is a 404 when no token is configured', async () => {
    const { app } = await setup({ adminToken: undefined });
    expect((await app.inject({ url: '/admin', headers: bearer })).statusCode).toBe(404);
    expect((await app.inject({ url: '/admin/api/reports' })).statusCode).toBe(404);
  });

  it('refuses to mount with a token shorter than 24 characters', async () => {
    await expect(setup({ adminToken: 'short-token' })).rejects.toThrow(/ADMIN_TOKEN/);
  });

  it('serves the page with a Bearer header; script and style are same-origin assets, nothing inline', async () => {
    const { app } = await setup();
    const page = await app.inject({ url: '/admin', headers: bearer });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Báo cáo hoạt động truyền thông – Kế hoạch 1523/KH-SCT');
    expect(page.body).toContain('<script src="/admin/assets/admin.js" defer></script>');
    expect(page.body).not.toMatch(/<script(?![^>]*(\ssrc="\/admin\/assets\/|type="application\/json"))/); // no inline script
    expect(page.body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i); // no inline style or handler
    expect(page.body).not.toMatch(/(src|href)="https?:/); // nothing from a CDN
    const js = await app.inject({ url: '/admin/assets/admin.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).toMatch(/credentials:\s*'same-origin'/);
    expect(js.body).not.toMatch(/token=|Authorization|innerHTML/);
    const css = await app.inject({ url: '/admin/assets/admin.css' });
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('validates query strings and answers {code, message}', async () => {
    const { app } = await setup();
    for (const [url, word] of [
      ['/admin/api/reports?year=abc', 'year'],
      ['/admin/api/reports?year=1800', 'year'],
      ['/admin/api/summary?indicator=XYZ', 'indicator'],
      ['/admin/api/reports?channel=tv', 'channel'],
      ['/admin/export?format=pdf', 'format phải là csv, xlsx hoặc docx'],
      ['/admin/export', 'format'],
    ] as const) {
      const res = await app.inject({ url, headers: bearer });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual({ code: 'INPUT_INVALID', message: expect.stringContaining(word) });
    }
    // Empty parameters count as absent (the page's empty selects).
    expect((await app.inject({ url: '/admin/api/reports?indicator=&unit=&year=', headers: bearer })).json().count).toBe(2);
    const missing = await app.inject({ url: '/admin/khong-co', headers: bearer });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('returns filtered reports and the year coverage', async () => {
    const { app } = await setup();
    const all = (await app.inject({ url: '/admin/api/reports', headers: bearer })).json();
    expect(all.year).toBe(2026);
    expect(all.reports.map((r: { area: string }) => r.area)).toEqual(['II.2.h', 'II.1.c']);
    const papi = (await app.inject({ url: '/admin/api/reports?indicator=PAPI&year=2026', headers: bearer })).json();
    expect(papi.count).toBe(1);
    const byUnit = (await app.inject({ url: `/admin/api/reports?unit=${encodeURIComponent('Phòng Thử nghiệm A')}`, headers: bearer })).json();
    expect(byUnit.reports[0].area).toBe('II.1.c');
    const y2025 = (await app.inject({ url: '/admin/api/reports?year=2025', headers: bearer })).json();
    expect(y2025.reports.map((r: { area: string }) => r.area)).toEqual(['II.3.a']);

    const s = (await app.inject({ url: '/admin/api/summary?year=2026', headers: bearer })).json();
    expect(s.activities).toBe(2);
    expect(s.areas).toHaveLength(22);
    const c = s.areas.find((a: { code: string }) => a.code === 'II.1.c');
    expect(c.months[2]).toBe(1);
    expect(c.activities).toBe(1);
    expect(s.uncovered).toHaveLength(20);
    expect(s.units).toEqual(['Phòng Thử nghiệm A', 'Phòng Thử nghiệm B']);
  });

  it('degrades gracefully without chat tables, and lists abstained and 👎 questions with them', async () => {
    const { app, db } = await setup();
    expect((await app.inject({ url: '/admin/api/unanswered', headers: bearer })).json()).toEqual({ available: false, items: [] });
    db.exec(`CREATE TABLE exchanges (id TEXT PRIMARY KEY, channel TEXT, chat_id TEXT, user_id TEXT, question TEXT, answer TEXT,
      abstained INTEGER, sources_json TEXT, created_at TEXT);
      CREATE TABLE feedback (exchange_id TEXT PRIMARY KEY, vote TEXT, created_at TEXT);
      INSERT INTO exchanges VALUES ('e1','web','c','u','Câu hỏi ngoài phạm vi?','Tôi chưa có thông tin',1,'[]','2026-11-20T01:00:00Z');
      INSERT INTO exchanges VALUES ('e2','web','c','u','Câu hỏi trả lời sai?','...',0,'[]','2026-11-21T01:00:00Z');
      INSERT INTO exchanges VALUES ('e3','web','c','u','Câu hỏi trả lời tốt?','...',0,'[]','2026-11-22T01:00:00Z');
      INSERT INTO feedback VALUES ('e2','down','2026-11-21T02:00:00Z');
      INSERT INTO feedback VALUES ('e3','up','2026-11-22T02:00:00Z');`);
    const res = (await app.inject({ url: '/admin/api/unanswered', headers: bearer })).json();
    expect(res.available).toBe(true);
    expect(res.items.map((q: { id: string; reason: string }) => [q.id, q.reason])).toEqual([
      ['e2', 'downvoted'],
      ['e1', 'abstained'],
    ]);
  });

  it('downloads exports', async () => {
    const { app } = await setup();
    const csv = await app.inject({ url: '/admin/export?format=csv&year=2026', headers: bearer });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('bao-cao-hoat-dong-2026.csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
    const docx = await app.inject({ url: '/admin/export?format=docx&year=2026', headers: bearer });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Kết quả thực hiện Kế hoạch số 1523/KH-SCT');
    expect((await app.inject({ url: '/admin/export?format=pdf', headers: bearer })).statusCode).toBe(400);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
  });
});
