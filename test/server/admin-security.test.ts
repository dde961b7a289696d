/**
 * The admin area inside the real HTTP app (buildHttpApp): path spellings that
 * once bypassed the guard, what reaches the logs, and the security headers
 * of every HTML page.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { adminRoutes } from '../../src/reports/http/admin-routes.js';
import { SESSION_COOKIE } from '../../src/reports/http/admin-session.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import { buildHttpApp } from '../../src/server/app.js';
import type { Db } from '../../src/store/database.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';
import { newReport, planAreas, tempDb } from '../reports/helpers.js';

const TOKEN = 'security-test-token-0123456789abcdef';
const SECRET_UNIT = 'Đơn vị Dữ liệu Mật';
let app: FastifyInstance | undefined;
let db: Db | undefined;
afterEach(async () => {
  await app?.close();
  db?.close();
  app = undefined;
  db = undefined;
});

async function build(lines?: string[]) {
  db = tempDb().db;
  const reports = new SqliteReportStore(db);
  reports.confirm(newReport({ date: '2026-03-10', area: 'II.1.c', unit: SECRET_UNIT, description: 'Mô tả mật' }), new Date('2026-03-10T03:00:00Z'));
  const store = createMemoryChatStore();
  // Debug level: rejected requests are logged too, so the test sees the most the server ever writes.
  const logger = lines ? createLogger('debug', { write: (line: string) => void lines.push(line) }) : silentLogger;
  app = await buildHttpApp({
    config: createConfig({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '1000' }),
    logger,
    handler: createConversationEngine({ answerer: new FakeAnswerer(), store, logger: silentLogger, department }),
    store,
    indexStatus: () => ({ loaded: true, chunks: 1 }),
    plugins: [{ plugin: adminRoutes, opts: { store: reports, areas: planAreas(), adminToken: TOKEN, unanswered: () => [] } }],
  });
  return app;
}

const ATTACK_PATHS = [
  '/%61dmin/api/unanswered',
  '/adm%69n/api/reports',
  '/%61dmin/api/summary',
  '/%61dmin/export?format=csv',
  '/%61dmin/export?format=xlsx',
  '/%61dmin/export?format=docx',
  '/%61%64%6d%69%6e/api/reports',
  '//admin/api/reports',
  '/admin//api/reports',
  '/admin/%2e%2e/admin/api/reports',
  '/admin/./api/reports',
  '/ADMIN/api/reports',
  '/Admin/api/reports',
  '/%41dmin/api/reports',
  '/admin/api/reports/',
  '/admin/api/reports%2f',
  '/admin%2fapi%2freports',
  '/admin/api/reports?token=wrong',
  '/admin/api/%72eports',
  '/admin/unknown',
];

describe('admin area inside the app', () => {
  it.each(ATTACK_PATHS)('%s without credentials never returns data (401/404)', async (url) => {
    const a = await build();
    const res = await a.inject({ url });
    expect([401, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
    expect(res.body).not.toContain(SECRET_UNIT);
    expect(res.body).not.toContain('Mô tả mật');
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('the percent-encoded spellings route to the same guarded handlers: they work with a Bearer token', async () => {
    const a = await build();
    const auth = { authorization: `Bearer ${TOKEN}` };
    const reports = await a.inject({ url: '/adm%69n/api/reports?year=2026', headers: auth });
    expect(reports.statusCode).toBe(200);
    expect(reports.body).toContain(SECRET_UNIT);
    expect((await a.inject({ url: '/%61dmin/api/unanswered', headers: auth })).json()).toEqual({ available: true, items: [] });
    const csv = await a.inject({ url: '/%61dmin/export?format=csv&year=2026', headers: auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(SECRET_UNIT);
  });

  it('the admin token never reaches the logs (?token=, Bearer, login form)', async () => {
    const lines: string[] = [];
    const a = await build(lines);
    await a.inject({ url: `/admin/api/reports?token=${TOKEN}` });
    await a.inject({ url: `/admin?token=${TOKEN}&year=2026` });
    await a.inject({ url: `/admin/export?format=csv&%74oken=${TOKEN}` });
    await a.inject({ url: `/?token=${encodeURIComponent(TOKEN)}` });
    await a.inject({ url: `/admin/khong-co?token=${TOKEN}`, headers: { authorization: `Bearer ${TOKEN}` } });
    await a.inject({ url: `/khong-co?token=${TOKEN}` });
    await a.inject({ url: `/%E0%A4%A?token=${TOKEN}` });
    await a.inject({ method: 'POST', url: `/api/chat?token=${TOKEN}`, payload: '{bad json', headers: { 'content-type': 'application/json' } });
    await a.inject({ url: '/admin/api/reports', headers: { authorization: `Bearer ${TOKEN}` } });
    await a.inject({ url: '/admin/api/reports', headers: { authorization: `Bearer ${TOKEN}x` } });
    const login = await a.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${TOKEN}`,
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    await a.inject({ url: '/admin/api/summary', cookies: { [SESSION_COOKIE]: cookie } });
    const log = lines.join('');
    // The capture works: request lines are there, with the route pattern and never the query string.
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('"route":"/admin/api/reports"');
    expect(log).not.toMatch(/token=/);
    expect(log).toContain('admin login failed');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(cookie);
  });

  it('sends the CSP and security headers on the web chat page, the login page and the admin page; only the chat page may be framed', async () => {
    const a = await build();
    const login = await a.inject({ method: 'POST', url: '/admin/login', payload: { token: TOKEN } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const pages = {
      chat: await a.inject({ url: '/' }),
      login: await a.inject({ url: '/admin' }),
      admin: await a.inject({ url: '/admin', cookies: { [SESSION_COOKIE]: cookie } }),
      adminJs: await a.inject({ url: '/admin/assets/admin.js' }),
    };
    expect(pages.login.body).toContain('action="/admin/login"');
    expect(pages.admin.body).toContain('id="reports-table"');
    for (const [name, res] of Object.entries(pages)) {
      expect(res.statusCode, name).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, name).toContain("default-src 'self'");
      expect(csp, name).toContain("script-src 'self'");
      expect(csp, name).toContain("style-src 'self'");
      // The chat page is embedded by /widget.js (WIDGET_ALLOWED_ORIGINS, default any); the admin area never.
      expect(csp, name).toContain(name === 'chat' ? 'frame-ancestors *' : "frame-ancestors 'none'");
      expect(csp, name).toContain("object-src 'none'");
      expect(csp, name).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(res.headers['x-frame-options'], name).toBe(name === 'chat' ? undefined : 'DENY');
      expect(res.headers['referrer-policy'], name).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], name).toBe('same-origin');
    }
  });
});
