/**
 * The web chat as a citizen meets it, in Debian Chromium at 375×740 (phone)
 * and 1280×800 (desktop), answering from the repository's real knowledge
 * base: answer-first scrolling, cited-only source chips, the long-paste
 * notice, history after a reload = the follow-up's context, the widget on a
 * host page served from another port, and axe-core on every page.
 * Saves docs/screenshots/web-chat-phone.png, web-chat-desktop.png, widget-host.png.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import type { Answer, AskOptions, QuestionAnswerer } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { adminRoutes } from '../../src/reports/http/admin-routes.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import { buildHttpApp } from '../../src/server/app.js';
import { widgetSnippet } from '../../src/server/widget-snippet.js';
import type { Db } from '../../src/store/database.js';
import { department, silentLogger } from '../chat/fakes.js';
import { type AxeSummary, HAS_CHROMIUM, launchChromium, runAxe } from '../helpers/browser.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';
import { screenshotDir } from '../helpers/screenshots.js';
import { planAreas, tempDb } from '../reports/helpers.js';

const SHOTS = screenshotDir();
const TOKEN = 'layout-test-token-0123456789abcdef';
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** Questions the real knowledge base answers with citations. */
const Q_DUTIES = 'Văn phòng Sở có trách nhiệm gì trong kế hoạch 1523?';
const Q_GOAL = 'Kế hoạch 1523 có mục tiêu gì?';
const Q_PCI = 'Chỉ số PCI là gì?';
const Q_FOLLOW = 'còn Phòng Kế hoạch - Tài chính - Tổng hợp thì sao?';

/** The real answerer, recording what each call was given (the follow-up context). */
class RecordingAnswerer implements QuestionAnswerer {
  calls: Array<{ question: string; previousQuestion?: string }> = [];
  constructor(private readonly inner: QuestionAnswerer) {}
  ask(question: string, options?: AskOptions): Promise<Answer> {
    this.calls.push({ question, ...(options?.previousQuestion ? { previousQuestion: options.previousQuestion } : {}) });
    return this.inner.ask(question, options);
  }
}

describe.skipIf(!HAS_CHROMIUM)('web chat layout, sources, history, widget and accessibility', () => {
  let kb: KnowledgeBase;
  let db: Db;
  let app: FastifyInstance;
  let host: Server;
  let browser: Browser;
  let base: string;
  let hostUrl: string;
  let answerer: RecordingAnswerer;
  const axe: Record<string, AxeSummary> = {};

  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
    answerer = new RecordingAnswerer(kb.answerer);
    db = tempDb().db;
    const store = createMemoryChatStore();
    app = await buildHttpApp({
      config: createConfig({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '1000' }),
      logger: silentLogger,
      handler: createConversationEngine({ answerer, store, logger: silentLogger, department }),
      store,
      indexStatus: () => ({ loaded: true, chunks: kb.chunkCount }),
      plugins: [{ plugin: adminRoutes, opts: { store: new SqliteReportStore(db), areas: planAreas(), adminToken: TOKEN, unanswered: () => [] } }],
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // A stand-in for the department's portal, on another origin (another port).
    const snippet = widgetSnippet({ baseUrl: base, title: 'Hỏi đáp cải cách hành chính', color: '#8a1c1c', position: 'right' });
    const portal = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thông tin thử nghiệm</title></head><body style="margin:0;font-family:sans-serif;background:#eef1f4">
<header style="background:#1d3f6e;color:#fff;padding:16px 24px"><h1 style="margin:0;font-size:22px">Cổng thông tin điện tử (trang thử nghiệm)</h1></header>
<main style="padding:24px;max-width:900px"><h2>Tin tức – sự kiện</h2><p>Trang này là trang thử nghiệm của bộ kiểm thử, đặt bong bóng trò chuyện bằng một dòng mã nhúng.</p>
<p>Nội dung giả lập của cổng thông tin.</p></main>${snippet}</body></html>`;
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'portal_session=host-only; Path=/; SameSite=Lax' });
      res.end(portal);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    // The counts for the closing note.
    const counts = Object.fromEntries(Object.entries(axe).map(([k, v]) => [k, { ...v.counts, passedRules: v.passes }]));
    console.info(`axe-core violations by impact: ${JSON.stringify(counts)}`);
    await browser?.close();
    await app?.close();
    await new Promise((r) => host?.close(r));
    await kb?.close();
    db?.close();
  });

  async function openChat(viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(`${base}/`);
    await page.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    return page;
  }

  async function ask(page: Page, text: string): Promise<void> {
    const before = await page.locator('.msg.bot.answer').count();
    await page.fill('#input', text);
    await page.press('#input', 'Enter');
    await page.locator('.msg.bot.answer').nth(before).waitFor({ timeout: 30_000 });
  }

  /** Where the newest answer's first line and its question sit, against the message area. */
  function placement(page: Page) {
    return page.evaluate(() => {
      const area = (document.getElementById('messages') as HTMLElement).getBoundingClientRect();
      const answers = document.querySelectorAll('.msg.bot.answer');
      const text = answers[answers.length - 1]?.querySelector('.text') as HTMLElement;
      const range = document.createRange();
      range.setStart(text.firstChild as Node, 0);
      range.setEnd(text.firstChild as Node, 1);
      const line = range.getBoundingClientRect();
      const questions = document.querySelectorAll('.msg.user .bubble');
      const q = (questions[questions.length - 1] as HTMLElement).getBoundingClientRect();
      return { areaTop: area.top, areaBottom: area.bottom, lineTop: line.top, lineBottom: line.bottom, qTop: q.top, qBottom: q.bottom };
    });
  }

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`${name} ${viewport.width}×${viewport.height}: a new answer shows from its first line, under its question, and stays put`, async () => {
      const page = await openChat(viewport);
      const header = await page.locator('header.top').boundingBox();
      if (name === 'phone') expect(header?.height).toBeLessThanOrEqual(64);
      await ask(page, Q_GOAL);
      await ask(page, Q_DUTIES); // the second answer arrives below earlier content: the case that used to land off-screen
      const p = await placement(page);
      expect(p.lineTop).toBeGreaterThanOrEqual(p.areaTop);
      expect(p.lineBottom).toBeLessThanOrEqual(p.areaBottom);
      // The question is visible right above the answer.
      expect(p.qBottom).toBeGreaterThan(p.areaTop);
      expect(p.lineTop - p.qBottom).toBeLessThan(80);
      // Nothing moves while the user reads.
      const scroll = await page.evaluate(() => (document.getElementById('messages') as HTMLElement).scrollTop);
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => (document.getElementById('messages') as HTMLElement).scrollTop)).toBe(scroll);
      expect((await placement(page)).lineTop).toBe(p.lineTop);
      if (name === 'desktop') await page.screenshot({ path: path.join(SHOTS, 'web-chat-desktop.png') });
      await page.close();
    }, 90_000);
  }

  it('shows only the cited sources by default, as one-line chips; the rest behind "Xem thêm nguồn"', async () => {
    const page = await openChat(PHONE);
    const response = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.request().postData()?.includes('PCI') === true);
    await ask(page, Q_PCI);
    const body = (await (await response).json()) as { replies: Array<{ text: string; sources: unknown[] }> };
    const answer = page.locator('.msg.bot.answer').last();
    // The phone screenshot: a real answer as it arrives, its cited source and "Xem thêm nguồn".
    await page.screenshot({ path: path.join(SHOTS, 'web-chat-phone.png') });
    const text = (await answer.locator('.text').textContent()) ?? '';
    const visible = answer.locator('.source-chip:visible');
    const shown = await visible.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(body.replies[0]?.sources.length ?? 0);
    for (const chip of shown) {
      const label = chip.replace(/^\[\d+\]\s*/, '');
      expect(text, chip).toContain(`[${label}`); // every default chip is a citation of the answer
    }
    // One line each: a chip is no taller than one line of text plus padding.
    for (const box of await visible.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeLessThanOrEqual(40);
    // The uncited passages are behind "Xem thêm nguồn", and are not citations.
    const more = answer.locator('.more-sources');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    const extra = await answer.locator('.source-chip:visible').allTextContents();
    expect(extra.length).toBeGreaterThan(shown.length);
    for (const chip of extra.slice(shown.length)) expect(text).not.toContain(`[${chip.replace(/^\[\d+\]\s*/, '')}]`);
    // A chip opens its passage, once.
    await visible.first().click();
    const panel = answer.locator('.passage-panel');
    await panel.waitFor({ state: 'visible' });
    expect(((await panel.locator('.passage').textContent()) ?? '').length).toBeGreaterThan(20);
    await page.close();
  }, 60_000);

  it('says when a paste is too long and what will be sent, then sends just that', async () => {
    const page = await openChat(PHONE);
    const paste = `${Q_DUTIES} ${'Nội dung dán thêm từ văn bản dài. '.repeat(150)}`.slice(0, 4999) + '.';
    await page.fill('#input', paste);
    const note = page.locator('#limit-note');
    await note.waitFor({ state: 'visible' });
    expect(await note.textContent()).toMatch(/dài 5\.000 ký tự, vượt giới hạn 1\.000.*chỉ [\d.]+ ký tự đầu được gửi/);
    expect(await page.locator('#counter').textContent()).toBe('5.000/1.000');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat') && r.method() === 'POST' && (r.postData() ?? '').includes('dán thêm'));
    await page.press('#input', 'Enter');
    const payload = JSON.parse((await sent).postData() ?? '{}') as { text: string };
    expect(payload.text.length).toBeLessThanOrEqual(1000);
    expect(paste.startsWith(payload.text)).toBe(true);
    await page.locator('.msg.bot.answer').last().waitFor({ timeout: 30_000 });
    expect(await page.locator('.msg.user .msg-note').last().textContent()).toContain(`Đã gửi ${payload.text.length.toLocaleString('vi-VN')} / 5.000`);
    expect(await page.locator('.msg.bot.error').count()).toBe(0);
    expect(await note.isHidden()).toBe(true);
    // Focus stays in the composer.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    await page.close();
  }, 60_000);

  it('after a reload shows the same history the next follow-up is resolved against; a new chat has none', async () => {
    const page = await openChat(DESKTOP);
    await ask(page, Q_DUTIES);
    await page.reload();
    await page.locator('.msg.bot.answer').first().waitFor();
    const shownQuestions = await page.locator('.msg.user .bubble').allTextContents();
    expect(shownQuestions).toEqual([Q_DUTIES]);
    expect(await page.locator('.msg.bot.answer .source-chip').count()).toBeGreaterThan(0);
    const before = answerer.calls.length;
    await ask(page, Q_FOLLOW);
    expect(answerer.calls[before]).toEqual({ question: Q_FOLLOW, previousQuestion: shownQuestions.at(-1) });
    // "Trò chuyện mới": nothing on screen, no context on the server.
    await page.click('#new-chat');
    await page.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    expect(await page.locator('.msg.user').count()).toBe(0);
    const n = answerer.calls.length;
    await ask(page, Q_FOLLOW);
    expect(answerer.calls[n]).toEqual({ question: Q_FOLLOW });
    await page.close();
  }, 60_000);

  it('a second tab that has not seen a newer answer is not answered against it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const tabA = await context.newPage();
    await tabA.goto(`${base}/`);
    await tabA.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    await ask(tabA, Q_DUTIES);
    const tabB = await context.newPage(); // same session (localStorage), loads the history: Q_DUTIES
    await tabB.goto(`${base}/`);
    await tabB.locator('.msg.bot.answer').first().waitFor();
    await ask(tabA, Q_GOAL); // tab B does not show this one
    const n = answerer.calls.length;
    await ask(tabB, Q_FOLLOW);
    expect(answerer.calls[n]).toEqual({ question: Q_FOLLOW, previousQuestion: Q_DUTIES });
    await context.close();
  }, 60_000);

  it('offers a retry when the request fails, and the retry answers', async () => {
    const page = await openChat(PHONE);
    let fail = true;
    await page.route('**/api/chat', (route) => (fail ? route.abort('connectionrefused') : route.continue()));
    await page.fill('#input', Q_GOAL);
    await page.press('#input', 'Enter');
    const retry = page.locator('.msg.bot.error button.retry');
    await retry.waitFor();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Không kết nối được');
    fail = false;
    await retry.click();
    await page.locator('.msg.bot.answer').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.msg.bot.error').count()).toBe(0);
    expect(await page.locator('.msg.user').count()).toBe(1); // the question is not repeated
    await expect.poll(() => page.locator('#status').textContent()).toContain('Trợ lý trả lời');
    await page.close();
  }, 60_000);

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`${name}: the widget on a host page (another port) opens the chat in an iframe and answers; no cookies cross`, async () => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(hostUrl);
      const bubble = page.locator('[data-cchc-chat-widget] button[aria-haspopup="dialog"]');
      await bubble.waitFor();
      expect(await bubble.getAttribute('aria-label')).toBe('Mở Hỏi đáp cải cách hành chính');
      expect(await page.locator('[data-cchc-chat-widget] iframe').count()).toBe(0); // loaded on first open only
      await bubble.click();
      const iframe = page.locator('[data-cchc-chat-widget] iframe');
      await iframe.waitFor();
      expect(await iframe.getAttribute('src')).toMatch(new RegExp(`^${base}/\\?embed=1`));
      const chat = page.frameLocator('[data-cchc-chat-widget] iframe');
      await chat.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
      // Focus goes into the chat's composer.
      await expect.poll(() => chat.locator('#input').evaluate((e) => e === document.activeElement)).toBe(true);
      expect(await chat.locator('#title').textContent()).toBe('Hỏi đáp cải cách hành chính');
      await chat.locator('#input').fill(Q_DUTIES);
      await chat.locator('#input').press('Enter');
      await chat.locator('.msg.bot.answer').first().waitFor({ timeout: 30_000 });
      expect(await chat.locator('.msg.bot.answer .text').textContent()).toContain('[1523/KH-SCT, IV.2]');
      // The panel sits on the page: full screen on a phone, a panel beside the bubble on a desktop.
      const panel = await iframe.boundingBox();
      if (name === 'phone') expect(panel?.width).toBe(viewport.width);
      else expect(panel?.width).toBeLessThan(500);
      // No cookie of the bot reaches the host page, and the host's cookie stays its own.
      expect(await page.evaluate(() => document.cookie)).toBe('portal_session=host-only');
      const cookies = await context.cookies();
      expect(cookies.map((c) => c.name)).toEqual(['portal_session']);
      if (name === 'desktop') await page.screenshot({ path: path.join(SHOTS, 'widget-host.png') });
      // Closing from inside the chat hands focus back to the bubble.
      await chat.locator('#close-embed').click();
      await expect.poll(() => iframe.isVisible()).toBe(false);
      expect(await bubble.getAttribute('aria-expanded')).toBe('false');
      const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-haspopup'));
      expect(focused).toBe('dialog');
      await context.close();
    }, 90_000);
  }

  it('axe-core: no serious or critical violations on the chat page, the widget (host page and iframe) and the admin page', async () => {
    // Chat page with an answer, its passage open and the extra sources shown.
    const page = await openChat(PHONE);
    await ask(page, Q_PCI);
    const answer = page.locator('.msg.bot.answer').last();
    await answer.locator('.more-sources').click();
    await answer.locator('.source-chip').first().click();
    await page.fill('#input', 'x'.repeat(1200)); // the limit notice too
    axe.chat = await runAxe(page);
    await page.close();

    const hostPage = await browser.newPage({ viewport: DESKTOP });
    await hostPage.goto(hostUrl);
    await hostPage.locator('[data-cchc-chat-widget] button').click();
    const frame = await (await hostPage.locator('[data-cchc-chat-widget] iframe').elementHandle())?.contentFrame();
    await frame?.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    axe.widgetHost = await runAxe(hostPage);
    if (frame) axe.widgetFrame = await runAxe(frame);
    await hostPage.close();

    const admin = await browser.newPage({ viewport: DESKTOP });
    await admin.goto(`${base}/admin`);
    axe.adminLogin = await runAxe(admin);
    await admin.fill('input[name="token"]', TOKEN);
    await admin.click('form#login button[type="submit"]');
    await admin.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
    // The admin page shows the portal snippet for this bot.
    expect(await admin.locator('#widget-snippet pre.snippet code').textContent()).toBe(widgetSnippet({ baseUrl: base }));
    axe.admin = await runAxe(admin);
    await admin.close();

    for (const [name, summary] of Object.entries(axe)) {
      expect(summary.severe, name).toEqual([]);
      expect(summary.passes, name).toBeGreaterThan(10);
    }
    expect(Object.keys(axe)).toEqual(['chat', 'widgetHost', 'widgetFrame', 'adminLogin', 'admin']);
  }, 120_000);
});
