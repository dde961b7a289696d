/**
 * Browser walk (Debian Chromium) of the handoff on the web: the citizen is
 * refused, presses "Hỏi cán bộ"; staff sign in, see the ticket on the
 * Tickets page and reply; the reply appears on the citizen's page (tab title
 * flagged) and the ticket is answered. Saves
 * docs/screenshots/handoff-citizen.png and handoff-staff.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium } from '../helpers/browser.js';
import { screenshotDir } from '../helpers/screenshots.js';
import { ADMIN_TOKEN, type HandoffBot, startHandoffBot, tempDataDir, testClock } from './helpers.js';

const SHOTS = screenshotDir();
const REFUSED = 'Lệ phí ngoài phạm vi của thủ tục cấp giấy phép bán lẻ rượu là bao nhiêu?';
const REPLY = 'Chào chị, lệ phí thủ tục này theo biểu phí hiện hành của tỉnh; chị có thể nộp hồ sơ trực tuyến hoặc tại bộ phận một cửa.';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact?: string; nodes: unknown[] }>;
  passes: unknown[];
}

/** Serious and critical accessibility violations (axe-core) on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
  expect(result.passes.length).toBeGreaterThan(0); // axe did run
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

function watchCsp(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

describe.skipIf(!HAS_CHROMIUM)('handoff in a browser', () => {
  let bot: HandoffBot;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    bot = await startHandoffBot({ dataDir: tempDataDir(), clock: testClock(new Date('2026-12-02T02:00:00Z')) });
    await bot.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(bot.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  it('refused → Hỏi cán bộ → staff reply in the console → shown on the citizen page; ticket answered', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const citizen = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
    const citizenCsp = watchCsp(citizen);
    await citizen.goto(`${base}/`);
    await citizen.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    await citizen.fill('#input', REFUSED);
    await citizen.press('#input', 'Enter');
    const refusal = citizen.locator('.msg.bot.answer.abstained').first();
    await refusal.waitFor();
    await refusal.locator('.chip[data-callback="hd:ask"]', { hasText: 'Hỏi cán bộ' }).click();
    await citizen.locator('.msg.bot .bubble', { hasText: 'yêu cầu #1' }).waitFor();

    // Staff: sign in, open the Tickets page, reply.
    const staff = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    const staffCsp = watchCsp(staff);
    await staff.goto(`${base}/admin/tickets`);
    await staff.waitForSelector('form#login');
    await staff.fill('input[name="token"]', ADMIN_TOKEN);
    await staff.click('form#login button[type="submit"]');
    await staff.waitForURL(`${base}/admin`);
    await staff.goto(`${base}/admin/tickets`);
    const ticket = staff.locator('article[data-ticket="1"]');
    await ticket.waitFor();
    expect(await ticket.locator('.line.citizen').first().textContent()).toContain(REFUSED);
    expect(await staff.locator('#ticket-counts').textContent()).toContain('Đang chờ trả lời: 1');
    await ticket.locator('textarea[name="text"]').fill(REPLY);
    await ticket.locator('button[type="submit"]').click();
    await staff.locator('article[data-ticket="1"] .result', { hasText: 'trang web của người dân sẽ hiện' }).waitFor();
    expect(await staff.locator('article[data-ticket="1"] .status').textContent()).toBe('Đã trả lời');
    await staff.screenshot({ path: path.join(SHOTS, 'handoff-staff.png'), fullPage: true });
    expect(await axeViolations(staff)).toEqual([]);

    // Citizen: the page polls its inbox; the reply appears and the tab title is flagged.
    const shown = citizen.locator('.msg.staff-reply .bubble', { hasText: 'biểu phí hiện hành' });
    await shown.waitFor({ timeout: 15_000 });
    expect(await citizen.title()).toMatch(/^\(1\) 💬 Cán bộ đã trả lời/);
    await citizen.screenshot({ path: path.join(SHOTS, 'handoff-citizen.png') });
    expect(await axeViolations(citizen)).toEqual([]);
    await citizen.click('#input');
    expect(await citizen.title()).toBe('Trợ lý tra cứu cải cách hành chính');

    // The ticket is answered, and its reply is marked as shown.
    const t = bot.tickets.get(1, { role: 'admin' });
    expect(t.status).toBe('answered');
    expect(t.messages.at(-1)).toMatchObject({ author: 'staff', text: REPLY, delivery: 'sent' });

    // After "Trò chuyện mới" a later reply to the earlier ticket still reaches this browser.
    await citizen.click('#new-chat');
    await citizen.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    await bot.tickets.reply(1, 'Bổ sung: chị mang theo bản sao giấy đăng ký kinh doanh.', { viewer: { role: 'admin' } });
    await citizen.locator('.msg.staff-reply .bubble', { hasText: 'Bổ sung: chị mang theo' }).waitFor({ timeout: 15_000 });
    expect(await citizen.locator('.msg.staff-reply').count()).toBe(1);
    expect(citizenCsp).toEqual([]);
    expect(staffCsp).toEqual([]);
  });
});
