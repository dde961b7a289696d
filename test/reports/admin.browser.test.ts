import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import { adminRoutes } from '../../src/reports/http/admin-routes.js';
import { indicatorOfArea } from '../../src/reports/labels.js';
import { kindOfChannel } from '../../src/reports/parse/count.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import { readUnansweredQuestions } from '../../src/reports/store/unanswered-questions.js';
import type { ReportChannel } from '../../src/reports/types.js';
import { buildHttpApp } from '../../src/server/app.js';
import type { Db } from '../../src/store/database.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';
import { HAS_CHROMIUM, launchChromium } from '../helpers/browser.js';
import { screenshotDir } from '../helpers/screenshots.js';
import { newReport, planAreas, tempDb } from './helpers.js';

const TOKEN = 'browser-test-token-0123456789abcdef';
const NOW = new Date('2026-11-25T03:00:00Z');
const SCREENSHOT = path.join(screenshotDir(), 'admin.png');

/** [area, month, channel, count, unit] – obvious test data. */
const SEED: Array<[string, number, ReportChannel, number, string]> = [
  ['II.1.a', 1, 'meeting', 60, 'Đơn vị thử nghiệm 1'],
  ['II.1.a', 3, 'website', 2, 'Đơn vị thử nghiệm 1'],
  ['II.1.c', 2, 'website', 4, 'Đơn vị thử nghiệm 2'],
  ['II.1.c', 2, 'social', 3, 'Đơn vị thử nghiệm 2'],
  ['II.1.c', 5, 'print', 200, 'Đơn vị thử nghiệm 2'],
  ['II.1.c', 11, 'direct', 15, 'Đơn vị thử nghiệm 3'],
  ['II.1.h', 6, 'website', 1, 'Đơn vị thử nghiệm 1'],
  ['II.2.b', 4, 'press', 2, 'Đơn vị thử nghiệm 3'],
  ['II.2.đ', 7, 'meeting', 45, 'Đơn vị thử nghiệm 2'],
  ['II.2.h', 9, 'social', 6, 'Đơn vị thử nghiệm 1'],
  ['II.2.h', 10, 'social', 4, 'Đơn vị thử nghiệm 1'],
  ['II.3.a', 8, 'website', 3, 'Đơn vị thử nghiệm 3'],
  ['II.3.e', 10, 'meeting', 80, 'Đơn vị thử nghiệm 2'],
  ['II.3.e', 11, 'press', 1, 'Đơn vị thử nghiệm 2'],
];

describe.skipIf(!HAS_CHROMIUM)('admin page in a browser', () => {
  let app: FastifyInstance;
  let db: Db;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    db = tempDb().db;
    const store = new SqliteReportStore(db);
    SEED.forEach(([area, month, channel, count, unit], i) => {
      store.confirm(
        newReport({
          area,
          indicator: indicatorOfArea(area),
          date: `2026-${String(month).padStart(2, '0')}-${String(10 + (i % 15)).padStart(2, '0')}`,
          channel,
          count,
          countKind: kindOfChannel(channel),
          unit,
          description: `Hoạt động thử nghiệm số ${i + 1}`,
          link: channel === 'website' ? `https://example.test/tin-${i + 1}` : null,
        }),
        NOW,
      );
    });
    // The chat engine's tables, with one abstained and one 👎 exchange (test data).
    db.exec(`CREATE TABLE exchanges (id TEXT PRIMARY KEY, channel TEXT, chat_id TEXT, user_id TEXT, question TEXT, answer TEXT,
        abstained INTEGER, sources_json TEXT, created_at TEXT);
      CREATE TABLE feedback (exchange_id TEXT PRIMARY KEY, vote TEXT, created_at TEXT);
      INSERT INTO exchanges VALUES ('e1','web','c','u','Câu hỏi thử nghiệm ngoài phạm vi?','',1,'[]','2026-11-20T01:00:00Z');
      INSERT INTO exchanges VALUES ('e2','telegram','c','u','Câu hỏi thử nghiệm bị đánh giá chưa tốt?','...',0,'[]','2026-11-21T01:00:00Z');
      INSERT INTO feedback VALUES ('e2','down','2026-11-21T02:00:00Z');`);
    // The real app (helmet CSP included), with the admin plugin mounted as main.ts does.
    const chatStore = createMemoryChatStore();
    app = await buildHttpApp({
      config: createConfig({ ADMIN_TOKEN: TOKEN }),
      logger: silentLogger,
      handler: createConversationEngine({ answerer: new FakeAnswerer(), store: chatStore, logger: silentLogger, department }),
      store: chatStore,
      indexStatus: () => ({ loaded: true, chunks: 1 }),
      plugins: [
        {
          plugin: adminRoutes,
          opts: {
            store,
            areas: planAreas(),
            adminToken: TOKEN,
            now: () => NOW,
            departmentName: 'Đơn vị thử nghiệm',
            unanswered: () => readUnansweredQuestions(db),
          },
        },
      ],
    });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    db?.close();
  });

  it('draws the coverage chart and the table from the seeded reports', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const external: string[] = [];
    const urls: string[] = [];
    page.on('request', (r) => {
      urls.push(r.url());
      if (!r.url().startsWith(base)) external.push(r.url());
    });
    // Anything the CSP blocks shows up as a console error.
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('pageerror', (e) => cspErrors.push(String(e)));

    // Log in through the form.
    await page.goto(`${base}/admin`);
    await page.waitForSelector('form#login');
    await page.fill('input[name="token"]', 'wrong-token');
    await page.click('form#login button[type="submit"]');
    expect(await page.locator('.error').textContent()).toContain('Mã quản trị không đúng.');
    await page.fill('input[name="token"]', TOKEN);
    await page.click('form#login button[type="submit"]');
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'cchc_admin');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin' });
    expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly: invisible to scripts

    const rows = page.locator('#coverage-chart g.area-row');
    expect(await rows.count()).toBe(22);
    expect(await page.locator('#coverage-chart g.area-row[data-covered="true"]').count()).toBe(8);
    expect(await page.locator('g.area-row[data-code="II.1.c"]').getAttribute('data-activities')).toBe('4');
    expect(await page.locator('g.area-row[data-code="II.1.c"] rect[data-month="2"]').getAttribute('data-count')).toBe('2');
    expect(await page.locator('g.area-row[data-code="II.1.b"]').getAttribute('data-covered')).toBe('false');
    expect(await page.locator('#stats').textContent()).toContain('14 hoạt động');
    expect(await page.locator('#breakdown').textContent()).toContain('Đơn vị thử nghiệm 2 (6)');

    expect(await page.locator('#reports-table tbody tr').count()).toBe(SEED.length);
    expect(await page.locator('#reports-table tbody tr').first().locator('td').nth(4).textContent()).toBe('II.3.e'); // newest first

    // Filters narrow the table.
    await page.selectOption('select[name="indicator"]', 'PCI');
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('#reports-table tbody tr').length === 3);
    await page.selectOption('select[name="indicator"]', '');
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction((n) => document.querySelectorAll('#reports-table tbody tr').length === n, SEED.length);

    expect(await page.locator('#export-docx').getAttribute('href')).toBe('/admin/export?format=docx&year=2026');
    // The export link works with the session cookie alone.
    const download = await page.evaluate(async () => {
      const r = await fetch((document.getElementById('export-csv') as HTMLAnchorElement).href);
      return { status: r.status, type: r.headers.get('content-type') };
    });
    expect(download).toEqual({ status: 200, type: 'text/csv; charset=utf-8' });
    expect(await page.locator('#unanswered li').count()).toBe(2);
    expect(await page.locator('#unanswered li').first().textContent()).toContain('Câu hỏi thử nghiệm bị đánh giá chưa tốt?');
    expect(external).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(urls.filter((u) => u.includes(TOKEN))).toEqual([]);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);

    // Logout returns to the login form; the API refuses the browser afterwards.
    await page.click('#logout');
    await page.waitForSelector('form#login');
    expect(await page.evaluate(async () => (await fetch('/admin/api/reports')).status)).toBe(401);
    await page.close();
  });
});
