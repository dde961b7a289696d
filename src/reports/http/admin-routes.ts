/**
 * Fastify plugin for the reports admin page, mounted through
 * `buildHttpApp({ plugins: [{ plugin: adminRoutes, opts }] })`.
 *
 * - No `adminToken` configured → no routes at all (404).
 * - Every `/admin*` route needs the token (Bearer header or `?token=`) → 401 otherwise.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { buildExport, isExportFormat } from '../export/index.js';
import { localDate } from '../period.js';
import type { ReportStore } from '../store/report-store.js';
import type { UnansweredQuestion } from '../store/unanswered-questions.js';
import type { ContentAreaInfo } from '../types.js';
import { buildAdminSummary, knownUnits, queryFromFilters } from './admin-data.js';
import { adminPageHtml } from './admin-page.js';
import { presentedToken, tokenMatches } from './auth.js';

/** Options of {@link adminRoutes}. */
export interface AdminRoutesOptions {
  store: ReportStore;
  areas: readonly ContentAreaInfo[];
  /** `config.server.adminToken`; when absent the admin page does not exist. */
  adminToken?: string;
  /** The unanswered-questions queue; null/absent when the chat tables are not there. */
  unanswered?: () => UnansweredQuestion[] | null;
  departmentName?: string;
  now?: () => Date;
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;

function unauthorized(reply: FastifyReply): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer realm="admin"')
    .headers(SECURITY_HEADERS)
    .send({ code: 'UNAUTHORIZED', message: 'Cần mã quản trị (ADMIN_TOKEN) hợp lệ.' });
}

/** The admin page, its JSON API and the export download. */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, opts) => {
  const token = opts.adminToken;
  if (!token) return; // not configured: every /admin URL is a 404
  const now = opts.now ?? (() => new Date());
  const year = () => Number(localDate(now()).slice(0, 4));

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/admin')) return;
    const given = presentedToken(request.headers, request.query);
    if (given === null || !tokenMatches(given, token)) return unauthorized(reply);
    reply.headers(SECURITY_HEADERS);
    return undefined;
  });

  app.get('/admin', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(adminPageHtml({ departmentName: opts.departmentName, currentYear: year() })),
  );

  app.get('/admin/api/reports', async (request) => {
    const q = queryFromFilters((request.query ?? {}) as Record<string, unknown>, year());
    const reports = opts.store.list(q);
    return { year: q.year, count: reports.length, reports };
  });

  app.get('/admin/api/summary', async (request) => {
    const q = queryFromFilters((request.query ?? {}) as Record<string, unknown>, year());
    return buildAdminSummary(opts.store.list(q), opts.areas, q.year ?? year(), knownUnits(opts.store));
  });

  app.get('/admin/api/unanswered', async () => {
    const items = opts.unanswered?.() ?? null;
    return { available: items !== null, items: items ?? [] };
  });

  app.get('/admin/export', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const format = typeof query.format === 'string' ? query.format : '';
    if (!isExportFormat(format)) {
      return reply.code(400).send({ code: 'INPUT_INVALID', message: 'format phải là csv, xlsx hoặc docx' });
    }
    const q = queryFromFilters(query, year());
    const file = await buildExport(format, opts.store.list(q), opts.areas, {
      year: q.year ?? year(),
      departmentName: opts.departmentName,
    });
    return reply
      .type(file.mimeType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.content);
  });
};
