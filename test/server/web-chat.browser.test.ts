/**
 * End-to-end: the real page in Debian Chromium against the real app (fake
 * answerer), on 127.0.0.1 only. Screenshots of real answers are taken by
 * web-chat-layout.browser.test.ts.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import type { Answer, AskOptions, QuestionAnswerer } from '../../src/core/answer.js';
import { buildHttpApp } from '../../src/server/app.js';
import { department, silentLogger } from '../chat/fakes.js';
import { HAS_CHROMIUM, launchChromium } from '../helpers/browser.js';

/** Passage IV.2 of the plan, as the real index would return it. */
const PASSAGE =
  'Văn phòng Sở làm đầu mối triển khai thực hiện Kế hoạch, theo dõi, đôn đốc các phòng, đơn vị tập trung thực hiện Kế hoạch. ' +
  'Hàng năm, rà soát, cập nhật các nội dung, hình thức và biện pháp truyền thông bổ sung vào Kế hoạch đảm bảo cho công tác nâng cao các chỉ số của Sở, ' +
  'góp phần đạt hiệu quả trong việc nâng cao các chỉ số của tỉnh. Định kỳ hàng năm (trước 30/11) báo cáo cho UBND tỉnh (qua Sở Thông tin và Truyền thông) để theo dõi.';

/** Cites IV.2 for every question; echoes the question so escaping can be checked. */
class CitingAnswerer implements QuestionAnswerer {
  calls: Array<{ question: string; options?: AskOptions }> = [];
  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.calls.push({ question, ...(options ? { options } : {}) });
    return {
      answer: `Bạn hỏi: "${question}"\nTheo Kế hoạch, Văn phòng Sở làm đầu mối triển khai thực hiện Kế hoạch, theo dõi, đôn đốc các phòng, đơn vị [1523/KH-SCT, IV.2].`,
      abstained: false,
      sources: [{ doc: '1523/KH-SCT', section: 'IV.2', title: 'IV. TỔ CHỨC THỰC HIỆN', text: PASSAGE, score: 1 }],
      ms: 3,
    };
  }
}

describe.skipIf(!HAS_CHROMIUM)('web chat in a browser', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const answerer = new CitingAnswerer();
  const store = createMemoryChatStore();

  beforeAll(async () => {
    const handler = createConversationEngine({ answerer, store, logger: silentLogger, department });
    app = await buildHttpApp({
      config: createConfig({ RATE_LIMIT_PER_MINUTE: '100' }),
      logger: silentLogger,
      handler,
      store,
      indexStatus: () => ({ loaded: true, chunks: 1 }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks a question, shows the cited answer, expands the source, votes, and keeps text as text', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 }, deviceScaleFactor: 1 });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url());
    });
    // The page must work under the app's CSP (helmet): any blocked script or style is logged as a console error.
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(base);

    // Greeting from /start, with example-question chips.
    await page.locator('.msg.bot .bubble', { hasText: 'Xin chào' }).waitFor();
    expect(await page.locator('.chip[data-callback^="q:"]').count()).toBeGreaterThanOrEqual(3);

    await page.fill('#input', 'Văn phòng Sở có nhiệm vụ gì trong kế hoạch?');
    await page.press('#input', 'Enter');
    const answer = page.locator('.msg.bot.answer').first();
    await answer.waitFor();
    expect(await answer.locator('.text').textContent()).toContain('[1523/KH-SCT, IV.2]');
    expect(answerer.calls[0]?.question).toBe('Văn phòng Sở có nhiệm vụ gì trong kế hoạch?');

    // The cited source as a one-line chip; its passage opens on click.
    const chip = answer.locator('.source-chip').first();
    expect(await chip.textContent()).toBe('[1] 1523/KH-SCT, IV.2');
    const passage = answer.locator('.passage-panel');
    expect(await passage.isVisible()).toBe(false);
    await chip.click();
    await passage.waitFor({ state: 'visible' });
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    expect(await passage.locator('.passage').textContent()).toContain('trước 30/11');

    // The session persists: a follow-up carries the previous question.
    await page.fill('#input', '<b id="xss">còn PCI thì sao?</b>');
    await page.press('#input', 'Enter');
    await page.locator('.msg.bot.answer').nth(1).waitFor();
    expect(answerer.calls[1]?.options?.previousQuestion).toBe('Văn phòng Sở có nhiệm vụ gì trong kế hoạch?');
    expect(await page.locator('#xss').count()).toBe(0);
    expect(await page.locator('.msg.user .bubble').last().textContent()).toBe('<b id="xss">còn PCI thì sao?</b>');

    // 👍 on the first answer is stored.
    await answer.locator('.chip[data-callback^="fb:up:"]').click();
    await page.locator('.msg.bot .bubble', { hasText: 'Cảm ơn bạn đã góp ý' }).waitFor();
    expect(await answer.locator('.chip[data-callback^="fb:"]').first().isDisabled()).toBe(true);
    expect(await answer.locator('.chip.chosen').getAttribute('data-callback')).toMatch(/^fb:up:[0-9a-f]{16}$/);
    expect(await page.locator('.msg.bot.answer').nth(1).locator('.chip:disabled').count()).toBe(0);

    // No request left the loopback server (no CDN, no fonts).
    expect(external).toEqual([]);
    expect(cspErrors).toEqual([]);
    await page.close();
  });
});
