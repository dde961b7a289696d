/**
 * The console in Chromium (playwright-core, /usr/bin/chromium): log in,
 * upload the project's PDF fixture, wait for "ready", ask through the web
 * chat and see the citation, delete it; turn a queued question into a
 * curated answer and see it answered. Screenshots of each console page go
 * to docs/screenshots/console-*.png. Skipped when Chromium is not installed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium } from '../helpers/browser.js';
import { screenshotDir } from '../helpers/screenshots.js';
import { buildDecisionPdf, sampleDecisionSpec } from '../knowledge/ingest/fixtures.js';
import { type ConsoleHarness, startConsole, TOKEN } from './harness.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = screenshotDir();
const OUT_OF_SCOPE = 'Thủ tục đăng ký khuyến mại cần những giấy tờ gì?';
const REWORDED = 'cho em hỏi thủ tục đăng ký khuyến mại cần hồ sơ gì ạ';
const CURATED = 'Hồ sơ đăng ký khuyến mại nộp theo mẫu của cơ quan quản lý (câu trả lời thử nghiệm).';

describe.skipIf(!HAS_CHROMIUM)('admin console in a browser', () => {
  let h: ConsoleHarness;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];
  const external: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await startConsole();
    base = await h.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url());
    });
    page.on('dialog', (d) => void d.accept());
    return page;
  };

  /** Serious or critical accessibility violations of the page (axe-core, run through DevTools so the CSP does not apply). */
  const axeViolations = async (page: Page): Promise<string[]> => {
    await page.evaluate(AXE_SOURCE);
    const ids = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact?: string; nodes: unknown[] }> }> } })
        .axe;
      const r = await axe.run(document);
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
    return ids.map((id) => `${page.url()}: ${id}`);
  };
  const a11y: string[] = [];

  /** Ask through the web chat page; returns the last bot message's text. */
  const askInChat = async (chat: Page, question: string): Promise<string> => {
    const before = await chat.locator('.msg.bot.answer').count();
    await chat.fill('#input', question);
    await chat.press('#input', 'Enter');
    const answer = chat.locator('.msg.bot.answer').nth(before);
    await answer.waitFor({ timeout: 15_000 });
    return (await answer.locator('.text').textContent()) ?? '';
  };

  it('runs the whole loop from the console', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = watch(await context.newPage());
    const chat = watch(await context.newPage());

    // Log in.
    await page.goto(`${base}/admin/documents`);
    await page.fill('input[name="token"]', TOKEN);
    await page.click('form#login button[type="submit"]');
    await page.waitForURL(`${base}/admin`);
    await page.click('nav.console-nav a[href="/admin/documents"]');
    await page.waitForSelector('body[data-page="documents"]');

    // Upload the PDF fixture with a title; wait until it is ready.
    const pdf = await buildDecisionPdf(sampleDecisionSpec());
    await page.setInputFiles('#upload-file', { name: 'quyet-dinh-99.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.click('details summary');
    await page.fill('#up-title', 'Quy chế tiếp nhận phản ánh (hư cấu)');
    await page.click('#upload-submit');
    await page.locator('#upload-result', { hasText: 'đang lập chỉ mục' }).waitFor();
    const row = page.locator('#docs-table tbody tr[data-status="ready"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain('99/QĐ-THU');
    await row.locator('button', { hasText: 'Xem' }).click();
    await page.locator('#passages .cite', { hasText: '[99/QĐ-THU, Điều 3]' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'console-documents.png'), fullPage: true });
    a11y.push(...(await axeViolations(page)));

    // Ask through the web chat: the answer cites the uploaded document.
    await chat.goto(base);
    await chat.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    expect(await askInChat(chat, 'Sổ theo dõi phản ánh màu gì?')).toContain('[99/QĐ-THU, Điều 3]');
    await chat.locator('.msg.bot.answer').last().locator('.chip[data-callback^="fb:up:"]').click();
    await chat.locator('.msg.bot .bubble', { hasText: 'Cảm ơn' }).waitFor();

    // Retrieval test page.
    await page.click('nav.console-nav a[href="/admin/retrieval"]');
    await page.fill('#rt-q', 'Sổ theo dõi phản ánh màu gì?');
    await page.click('#retrieval-form button[type="submit"]');
    await page.locator('#rt-hits .cite').first().waitFor();
    expect(await page.locator('#rt-verdict').textContent()).toBe('Bot sẽ trả lời.');
    expect(await page.locator('#rt-hits .cite').first().textContent()).toContain('99/QĐ-THU');
    await page.screenshot({ path: path.join(SHOTS, 'console-retrieval.png'), fullPage: true });
    a11y.push(...(await axeViolations(page)));

    // Delete the document: the chat no longer cites it.
    await page.click('nav.console-nav a[href="/admin/documents"]');
    await page.locator('#docs-table tbody tr[data-status="ready"] button', { hasText: 'Xóa' }).click();
    await page.locator('#upload-result', { hasText: 'Đã xóa' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#docs-table tbody tr[data-id]').count()).toBe(0);
    expect(await askInChat(chat, 'Sổ theo dõi phản ánh màu gì?')).not.toContain('99/QĐ-THU');

    // A question the bot cannot answer goes to the queue; answer it from the console.
    const refused = await askInChat(chat, OUT_OF_SCOPE);
    expect(refused).not.toContain(CURATED);
    await page.click('nav.console-nav a[href="/admin/gaps"]');
    const card = page.locator('#gap-groups article.gap', { hasText: OUT_OF_SCOPE });
    await card.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'console-gaps.png'), fullPage: true });
    a11y.push(...(await axeViolations(page)));
    await card.locator('textarea').fill(CURATED);
    await card.locator('button', { hasText: 'Lưu câu trả lời' }).click();
    await page.locator('#gap-result', { hasText: 'Đã viết câu trả lời' }).waitFor();
    expect(await page.locator('#gap-groups article.gap', { hasText: OUT_OF_SCOPE }).count()).toBe(0);
    expect(await askInChat(chat, REWORDED)).toContain(CURATED);

    // Curated answers page: the new answer, with its hit.
    await page.click('nav.console-nav a[href="/admin/answers"]');
    const answerRow = page.locator('#answers-table tbody tr', { hasText: CURATED });
    await answerRow.waitFor();
    expect(await answerRow.locator('td.num').textContent()).toBe('1');
    await page.screenshot({ path: path.join(SHOTS, 'console-answers.png'), fullPage: true });
    a11y.push(...(await axeViolations(page)));

    // Staff: a colleague who registered earlier through the bot (/dangky) is listed; invite another.
    const earlier = h.chatStore.createInvite({ unit: 'Văn phòng Sở', role: 'staff' }, new Date());
    h.chatStore.touchIdentity({ channel: 'telegram', userId: '424242', displayName: 'Cán bộ thử nghiệm' }, new Date());
    expect(h.chatStore.redeemInvite(earlier.code, { channel: 'telegram', userId: '424242' }, new Date()).ok).toBe(true);
    await page.click('nav.console-nav a[href="/admin/staff"]');
    await page.locator('#staff-table tbody tr', { hasText: 'Cán bộ thử nghiệm' }).waitFor();
    await page.selectOption('#inv-unit', 'Văn phòng Sở');
    await page.click('#invite-form button[type="submit"]');
    const code = (await page.locator('#invite-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await page.locator('#invites-table .code', { hasText: code }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'console-staff.png'), fullPage: true });
    a11y.push(...(await axeViolations(page)));

    // Usage: figures and the server-rendered charts.
    await page.click('nav.console-nav a[href="/admin/usage"]');
    await page.locator('#usage-stats dd').first().waitFor();
    expect(Number(await page.locator('#usage-stats dd').first().textContent())).toBeGreaterThanOrEqual(4);
    await page.waitForFunction(() => {
      const img = document.querySelector('#usage-daily') as HTMLImageElement | null;
      return img?.complete && img.naturalWidth > 0;
    });
    await page.screenshot({ path: path.join(SHOTS, 'console-usage.png'), fullPage: true });
    a11y.push(...(await axeViolations(page)));

    // On a phone.
    const phone = watch(await context.newPage());
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}/admin/gaps`);
    await phone.locator('#gap-history li').first().waitFor();
    await phone.screenshot({ path: path.join(SHOTS, 'console-phone.png'), fullPage: true });

    expect(a11y).toEqual([]);
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
