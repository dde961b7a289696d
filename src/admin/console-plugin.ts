/**
 * The admin console: pages, static assets and JSON routes, as one Fastify
 * plugin registered inside the authenticated admin scope (see
 * `AdminRoutesOptions.extensions` in src/reports/http/admin-routes.ts), so
 * the session/Bearer check and the Origin check cover every route here.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { answerRoutes } from './answers.js';
import type { ConsoleContext } from './console-context.js';
import { consoleErrorHandler } from './console-errors.js';
import { CONSOLE_PAGES, consolePageHtml } from './console-pages.js';
import { documentRoutes } from './documents.js';
import { gapRoutes } from './gaps.js';
import { retrievalTestRoutes } from './retrieval-test.js';
import { staffRoutes } from './staff.js';
import { usageRoutes } from './usage.js';

const ASSETS_DIR = new URL('./assets/', import.meta.url);
const ASSETS = [
  { file: 'console.css', type: 'text/css; charset=utf-8' },
  { file: 'console-core.js', type: 'text/javascript; charset=utf-8' },
  ...CONSOLE_PAGES.map((p) => ({ file: `console-${p.id}.js`, type: 'text/javascript; charset=utf-8' })),
];

/** Options of {@link consolePlugin}. */
export interface ConsolePluginOptions {
  ctx: ConsoleContext;
}

/** Register inside the admin scope (prefix `/admin` already applied). */
export const consolePlugin: FastifyPluginAsync<ConsolePluginOptions> = async (app, { ctx }) => {
  app.setErrorHandler(consoleErrorHandler);

  for (const a of ASSETS) {
    const body = readFileSync(new URL(a.file, ASSETS_DIR));
    app.get(`/assets/${a.file}`, { config: { adminAccess: 'public' } }, async (_request, reply) => reply.type(a.type).send(body));
  }
  for (const p of CONSOLE_PAGES) {
    const html = consolePageHtml(p.id, { departmentName: ctx.departmentName });
    app.get(p.path.replace(/^\/admin/, ''), { config: { adminAccess: 'page' } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  }

  await app.register(documentRoutes, { ctx });
  await app.register(retrievalTestRoutes, { ctx });
  await app.register(answerRoutes, { ctx });
  await app.register(gapRoutes, { ctx });
  await app.register(staffRoutes, { ctx });
  await app.register(usageRoutes, { ctx });
};
