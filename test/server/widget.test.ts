/**
 * The embeddable widget on the server side: /widget.js, which pages may
 * frame the chat page (WIDGET_ALLOWED_ORIGINS), and the snippet helper.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import { adminRoutes } from '../../src/reports/http/admin-routes.js';
import { SESSION_COOKIE } from '../../src/reports/http/admin-session.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import { buildHttpApp } from '../../src/server/app.js';
import { DEFAULT_WIDGET_TITLE, widgetSnippet } from '../../src/server/widget-snippet.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';
import { planAreas, tempDb } from '../reports/helpers.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const TOKEN = 'widget-test-token-0123456789abcdef';

async function build(env: Record<string, string> = {}, publicUrl?: string) {
  const store = createMemoryChatStore();
  const reports = new SqliteReportStore(tempDb().db);
  app = await buildHttpApp({
    plugins: [
      {
        plugin: adminRoutes,
        opts: {
          store: reports,
          areas: planAreas(),
          adminToken: TOKEN,
          unanswered: () => [],
          departmentName: 'Sở Thử Nghiệm',
          ...(publicUrl ? { publicUrl } : {}),
        },
      },
    ],
    config: createConfig({ RATE_LIMIT_PER_MINUTE: '100', ADMIN_TOKEN: TOKEN, ...env }),
    logger: silentLogger,
    handler: createConversationEngine({ answerer: new FakeAnswerer(), store, logger: silentLogger, department }),
    store,
    indexStatus: () => ({ loaded: true, chunks: 1 }),
  });
  return app;
}

describe('/widget.js and framing', () => {
  it('serves the widget script readable from other origins, with no cookies', async () => {
    const a = await build();
    const res = await a.inject({ url: '/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('/?embed=1');
    expect(res.body).not.toMatch(/document\.cookie|localStorage|innerHTML/);
  });

  it('lets any page frame the chat page by default, and only the chat page', async () => {
    const a = await build();
    const chat = await a.inject({ url: '/?embed=1&title=x' });
    expect(String(chat.headers['content-security-policy'])).toContain('frame-ancestors *');
    expect(chat.headers['x-frame-options']).toBeUndefined();
    expect(chat.headers['set-cookie']).toBeUndefined();
    for (const url of ['/app.js', '/healthz', '/api/chat/history?sessionId=abcdefgh', '/nowhere']) {
      const res = await a.inject({ url });
      expect(String(res.headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('limits framing to WIDGET_ALLOWED_ORIGINS when set', async () => {
    const a = await build({ WIDGET_ALLOWED_ORIGINS: 'https://congthuong.quangngai.gov.vn/, https://*.quangngai.gov.vn' });
    const csp = String((await a.inject({ url: '/' })).headers['content-security-policy']);
    expect(csp).toContain('frame-ancestors https://congthuong.quangngai.gov.vn https://*.quangngai.gov.vn');
    expect(csp).not.toContain('frame-ancestors *');
  });

  it('rejects an origin with a path, naming the variable', () => {
    expect(() => createConfig({ WIDGET_ALLOWED_ORIGINS: 'https://portal.gov.vn/trang-chu' })).toThrow(/WIDGET_ALLOWED_ORIGINS/);
  });
});

describe('admin page', () => {
  it('shows the portal snippet for PUBLIC_URL, and is never frameable', async () => {
    const a = await build({}, 'https://chatbot.example.gov.vn');
    const login = await a.inject({ method: 'POST', url: '/admin/login', payload: { token: TOKEN } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const page = await a.inject({ url: '/admin', cookies: { [SESSION_COOKIE]: cookie } });
    expect(page.statusCode).toBe(200);
    const expected = widgetSnippet({ baseUrl: 'https://chatbot.example.gov.vn', title: 'Hỏi đáp – Sở Thử Nghiệm' });
    expect(page.body).toContain(expected.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });
});

describe('widgetSnippet', () => {
  it('builds the script tag with escaped attributes and a checked colour', () => {
    expect(widgetSnippet({ baseUrl: 'https://bot.example.gov.vn/', title: 'Hỏi "CCHC"', color: '#0b5cad', position: 'left' })).toBe(
      '<script src="https://bot.example.gov.vn/widget.js" data-title="Hỏi &quot;CCHC&quot;" data-color="#0b5cad" data-position="left" defer></script>',
    );
    const plain = widgetSnippet({ baseUrl: 'http://127.0.0.1:3000', color: 'red;x' });
    expect(plain).toContain(`data-title="${DEFAULT_WIDGET_TITLE}"`);
    expect(plain).not.toContain('data-color');
    expect(plain).toContain('data-position="right"');
  });
});
