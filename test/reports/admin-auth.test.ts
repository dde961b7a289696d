import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdminRoutesOptions, adminRoutes } from '../../src/reports/http/admin-routes.js';
import { SESSION_COOKIE } from '../../src/reports/http/admin-session.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import type { Db } from '../../src/store/database.js';
import { newReport, planAreas, tempDb } from './helpers.js';

const TOKEN = 'auth-test-token-0123456789abcdef';
const SECRET_UNIT = 'Phòng Dữ liệu Mật';
const apps: FastifyInstance[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dbs.splice(0)) d.close();
});

/** A bare Fastify with only the admin plugin; `clock.t` moves time. */
async function setup(over: Partial<AdminRoutesOptions> = {}, fastifyOpts: { trustProxy?: boolean } = {}) {
  const { db } = tempDb();
  dbs.push(db);
  const clock = { t: new Date('2026-11-25T03:00:00Z').getTime() };
  const store = new SqliteReportStore(db);
  store.confirm(newReport({ date: '2026-03-10', area: 'II.1.c', unit: SECRET_UNIT, count: 2 }), new Date(clock.t));
  const app = Fastify(fastifyOpts);
  await app.register(adminRoutes, { store, areas: planAreas(), adminToken: TOKEN, now: () => new Date(clock.t), ...over });
  await app.ready();
  apps.push(app);
  return { app, clock };
}

const form = (token: string, ip = '10.0.0.1', headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/admin/login',
  remoteAddress: ip,
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  payload: new URLSearchParams({ token }).toString(),
});

async function login(app: FastifyInstance, ip = '10.0.0.1', token = TOKEN): Promise<string> {
  const res = await app.inject(form(token, ip));
  expect(res.statusCode).toBe(303);
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  expect(c).toBeDefined();
  return c!.value;
}

const withCookie = (value: string, url = '/admin/api/reports') => ({ url, cookies: { [SESSION_COOKIE]: value } });

describe('admin login', () => {
  it('GET /admin without a session shows the Vietnamese login form and no data', async () => {
    const { app } = await setup();
    const res = await app.inject({ url: '/admin' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<form method="post" action="/admin/login"');
    expect(res.body).toContain('name="token" type="password"');
    expect(res.body).toContain('Đăng nhập');
    expect(res.body).not.toContain('id="reports-table"');
    expect(res.body).not.toMatch(/(src|href)="https?:/);
  });

  it('the form sets a signed, HttpOnly, SameSite=Strict, Path=/admin, expiring cookie that opens the page and the API', async () => {
    const { app } = await setup();
    const res = await app.inject(form(TOKEN));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Strict');
    expect(raw).toContain('Path=/admin');
    expect(raw).not.toContain('Secure'); // plain http
    expect(raw).not.toContain(TOKEN);
    expect(raw).toContain('Max-Age=28800'); // 8 h
    const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
    const page = await app.inject(withCookie(c.value, '/admin'));
    expect(page.body).toContain('id="reports-table"');
    const api = await app.inject(withCookie(c.value));
    expect(api.statusCode).toBe(200);
    expect(api.json().reports[0].unit).toBe(SECRET_UNIT);
  });

  it('marks the cookie Secure behind an https proxy (trustProxy)', async () => {
    const { app } = await setup({}, { trustProxy: true });
    const res = await app.inject(form(TOKEN, '10.0.0.1', { 'x-forwarded-proto': 'https' }));
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });

  it('a wrong token answers 401 with the form again (HTML) or {code, message} (JSON), and sets no cookie', async () => {
    const { app } = await setup();
    const html = await app.inject(form('wrong-token', '10.0.0.1', { accept: 'text/html' }));
    expect(html.statusCode).toBe(401);
    expect(html.body).toContain('Mã quản trị không đúng.');
    expect(html.headers['set-cookie']).toBeUndefined();
    const json = await app.inject({ method: 'POST', url: '/admin/login', payload: { token: 'wrong-token' } });
    expect(json.statusCode).toBe(401);
    expect(json.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Mã quản trị không đúng.' });
    const missing = await app.inject({ method: 'POST', url: '/admin/login', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ code: 'INPUT_INVALID', message: 'Thiếu mã quản trị (trường token).' });
  });

  it('refuses an expired cookie', async () => {
    const { app, clock } = await setup();
    const value = await login(app);
    clock.t += 8 * 60 * 60 * 1000 - 60_000;
    expect((await app.inject(withCookie(value))).statusCode).toBe(200);
    clock.t += 2 * 60_000;
    expect((await app.inject(withCookie(value))).statusCode).toBe(401);
    expect((await app.inject(withCookie(value, '/admin'))).body).toContain('action="/admin/login"');
  });

  it('refuses tampered, unsigned and foreign cookies', async () => {
    const { app } = await setup();
    const value = await login(app);
    const [payload, sig] = [value.slice(0, value.lastIndexOf('.')), value.slice(value.lastIndexOf('.') + 1)];
    // Push the expiry a year ahead, keep the signature.
    const later = payload.replace(/^v1\.(\d+)/, (_m, ms: string) => `v1.${Number(ms) + 365 * 86_400_000}`);
    const otherToken = 'another-token-0123456789abcdefgh';
    const foreign = await login((await setup({ adminToken: otherToken })).app, '10.0.0.1', otherToken);
    for (const bad of [`${later}.${sig}`, payload, `${payload}.${'A'.repeat(sig.length)}`, foreign, 'v1.9999999999999.00000000000000000000000000000000', '']) {
      const res = await app.inject(withCookie(bad));
      expect(res.statusCode, bad).toBe(401);
      expect(res.body).not.toContain(SECRET_UNIT);
    }
  });

  it('logout clears the cookie and revokes the session server-side', async () => {
    const { app } = await setup();
    const value = await login(app);
    const out = await app.inject({ method: 'POST', url: '/admin/logout', cookies: { [SESSION_COOKIE]: value } });
    expect(out.statusCode).toBe(303);
    const cleared = out.cookies.find((x) => x.name === SESSION_COOKIE)!;
    expect(cleared.value).toBe('');
    expect(new Date(cleared.expires!).getTime()).toBeLessThan(Date.now());
    // The old cookie, replayed, no longer works.
    expect((await app.inject(withCookie(value))).statusCode).toBe(401);
    // Other sessions are unaffected.
    expect((await app.inject(withCookie(await login(app)))).statusCode).toBe(200);
  });
});

describe('failed-login throttle', () => {
  it('5 failures per IP → 429 with Retry-After and {code, message}, even for the right token; other IPs unaffected; lifted after 15 min', async () => {
    const { app, clock } = await setup();
    for (let i = 0; i < 5; i++) expect((await app.inject(form(`wrong-${i}`))).statusCode).toBe(401);
    const blocked = await app.inject(form(TOKEN));
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(blocked.json()).toEqual({ code: 'RATE_LIMITED', message: expect.stringContaining('quá nhiều lần') });
    expect(blocked.headers['set-cookie']).toBeUndefined();
    expect((await app.inject({ url: '/admin/api/reports', remoteAddress: '10.0.0.1', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(429);
    expect((await app.inject(form(TOKEN, '10.0.0.2'))).statusCode).toBe(303);
    clock.t += 15 * 60 * 1000 + 1000;
    expect((await app.inject(form(TOKEN))).statusCode).toBe(303);
  });

  it('counts wrong Bearer tokens, not successful logins', async () => {
    const { app } = await setup();
    for (let i = 0; i < 10; i++) await login(app);
    for (let i = 0; i < 4; i++) expect((await app.inject(form(`wrong-${i}`))).statusCode).toBe(401);
    expect((await app.inject(form(TOKEN))).statusCode).toBe(303); // 4 failures: still allowed
    const bearerWrong = await app.inject({ url: '/admin/api/summary', remoteAddress: '10.0.0.1', headers: { authorization: 'Bearer nope' } });
    expect(bearerWrong.statusCode).toBe(401);
    expect((await app.inject(form(TOKEN))).statusCode).toBe(429); // the 5th failure was a Bearer one
  });

  it('a valid session keeps working while its IP is throttled', async () => {
    const { app } = await setup();
    const value = await login(app);
    for (let i = 0; i < 6; i++) await app.inject(form(`wrong-${i}`));
    expect((await app.inject({ ...withCookie(value), remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
  });
});
