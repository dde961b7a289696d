/**
 * The reports admin area: one encapsulated Fastify plugin registered with
 * `prefix: '/admin'`, mounted through
 * `buildHttpApp({ plugins: [{ plugin: adminRoutes, opts }] })`.
 *
 * - No `adminToken` configured → no routes at all (404).
 * - Authentication lives in the plugin's own `onRequest` hook (admin-auth.ts),
 *   so it covers every route the plugin owns however the path is encoded.
 * - Query strings are validated with zod; errors leave as `{code, message}`.
 * - Page script and style are static assets (/admin/assets/*) so the CSP set
 *   by the app (helmet, `script-src 'self'`) needs no 'unsafe-inline'.
 */
import { readFileSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installOriginCheck } from '../../admin/origin-check.js';
import { ADMIN_TOKEN_MIN_LENGTH } from '../../config.js';
import { AppError } from '../../errors.js';
import { type TicketRoutesOptions, ticketRoutes } from '../../handoff/http/ticket-routes.js';
import type { KnowledgeReview } from '../../knowledge/review.js';
import type { MountedPlugin } from '../../server/app.js';
import { widgetSnippet } from '../../server/widget-snippet.js';
import { buildExport } from '../export/index.js';
import { localDate } from '../period.js';
import type { ReportStore } from '../store/report-store.js';
import type { UnansweredQuestion } from '../store/unanswered-questions.js';
import type { ContentAreaInfo } from '../types.js';
import { type AdminErrorBody, installAdminAuth } from './admin-auth.js';
import { buildAdminSummary, knownUnits } from './admin-data.js';
import { adminPageHtml } from './admin-page.js';
import { exportQuerySchema, filtersToQuery, type ReportFilters, reportFiltersSchema } from './admin-query.js';
import { createAdminSessions } from './admin-session.js';
import { sessionSecret } from './auth.js';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle.js';

/** Options of {@link adminRoutes}. */
export interface AdminRoutesOptions {
  store: ReportStore;
  areas: readonly ContentAreaInfo[];
  /** `config.server.adminToken`; when absent the admin area does not exist. */
  adminToken?: string;
  /** The unanswered-questions queue; null/absent when the chat tables are not there. */
  unanswered?: () => UnansweredQuestion[] | null;
  /** The knowledge review (`cli knowledge review`); absent when the knowledge base is not loaded. */
  knowledgeReview?: () => KnowledgeReview;
  departmentName?: string;
  /** `config.server.publicUrl`, for the embeddable widget's snippet. */
  publicUrl?: string;
  now?: () => Date;
  /** Session lifetime (default 8 h). */
  sessionTtlMs?: number;
  /** Failed-login policy (default 5 per 15 min per IP). */
  loginThrottle?: Omit<LoginThrottleOptions, 'now'>;
  /** Handoff tickets (page /admin/tickets, /admin/api/tickets…), behind the same authentication. */
  tickets?: TicketRoutesOptions;
  /** More admin sections (the console, src/admin/), registered inside this authenticated scope. */
  extensions?: readonly MountedPlugin[];
  /** Origins accepted besides the request's own host on state-changing requests (e.g. PUBLIC_URL). */
  allowedOrigins?: readonly string[];
}

const ASSETS_DIR = new URL('./assets/', import.meta.url);
const ASSETS = [
  { url: '/assets/admin.js', file: 'admin.js', type: 'text/javascript; charset=utf-8' },
  { url: '/assets/admin.css', file: 'admin.css', type: 'text/css; charset=utf-8' },
] as const;

const FASTIFY_4XX: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu dữ liệu gửi lên không được hỗ trợ.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Dữ liệu gửi lên đang trống.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
};

/** `{code, message}` for any error thrown inside the admin area; never a stack trace. */
function adminErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const message = err.validation.map((v) => v.message).join('; ');
    return reply.code(400).send({ code: 'INPUT_INVALID', message } satisfies AdminErrorBody);
  }
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err }, 'admin request failed');
    return reply.code(500).send({ code: 'INTERNAL', message: 'Hệ thống đang gặp sự cố, vui lòng thử lại sau.' } satisfies AdminErrorBody);
  }
  const code = typeof err.code === 'string' ? err.code : 'BAD_REQUEST';
  return reply.code(status).send({ code, message: FASTIFY_4XX[code] ?? 'Yêu cầu không hợp lệ.' } satisfies AdminErrorBody);
}

/** The encapsulated admin area; registered by {@link adminRoutes} with `prefix: '/admin'`. */
const adminArea: FastifyPluginAsync<AdminRoutesOptions & { adminToken: string }> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  const year = () => Number(localDate(now()).slice(0, 4));

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(adminErrorHandler);
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', message: 'Không tìm thấy trang quản trị này.' } satisfies AdminErrorBody),
  );
  await app.register(fastifyCookie, { secret: sessionSecret(opts.adminToken), hook: 'onRequest' });
  // The login form; skipped when an outer scope already parses urlencoded bodies.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody, { bodyLimit: 4096 });

  // Cross-site check first: a state-changing request from another site is refused whoever sends it.
  installOriginCheck(app, { allowedOrigins: opts.allowedOrigins ?? [] });
  installAdminAuth(app, {
    token: opts.adminToken,
    sessions: createAdminSessions({ now, ...(opts.sessionTtlMs ? { ttlMs: opts.sessionTtlMs } : {}) }),
    throttle: createLoginThrottle({ ...opts.loginThrottle, now }),
    departmentName: opts.departmentName,
  });

  if (opts.tickets) await app.register(ticketRoutes, opts.tickets);

  for (const a of ASSETS) {
    const body = readFileSync(new URL(a.file, ASSETS_DIR));
    app.get(a.url, { config: { adminAccess: 'public' } }, async (_request, reply) => reply.type(a.type).send(body));
  }

  app.get('/', { config: { adminAccess: 'page' } }, async (request, reply) => {
    // The portal snippet names the bot's public address (PUBLIC_URL), else the address the admin used.
    const baseUrl = opts.publicUrl ?? `${request.protocol}://${request.host}`;
    const snippet = widgetSnippet({ baseUrl, ...(opts.departmentName ? { title: `Hỏi đáp – ${opts.departmentName}` } : {}) });
    return reply.type('text/html; charset=utf-8').send(adminPageHtml({ departmentName: opts.departmentName, currentYear: year(), widgetSnippet: snippet }));
  });

  const filters = { schema: { querystring: reportFiltersSchema } };

  app.get('/api/reports', filters, async (request) => {
    const q = filtersToQuery(request.query as ReportFilters, year());
    const reports = opts.store.list(q);
    return { year: q.year, count: reports.length, reports };
  });

  app.get('/api/summary', filters, async (request) => {
    const q = filtersToQuery(request.query as ReportFilters, year());
    return buildAdminSummary(opts.store.list(q), opts.areas, q.year ?? year(), knownUnits(opts.store));
  });

  app.get('/api/unanswered', async () => {
    const items = opts.unanswered?.() ?? null;
    return { available: items !== null, items: items ?? [] };
  });

  app.get('/api/knowledge-review', async () => {
    const review = opts.knowledgeReview?.() ?? null;
    return { available: review !== null, items: review?.items ?? [], actionable: review?.actionable ?? 0 };
  });

  app.get('/export', { schema: { querystring: exportQuerySchema } }, async (request, reply) => {
    const query = request.query as ReportFilters & { format: 'csv' | 'xlsx' | 'docx' };
    const q = filtersToQuery(query, year());
    const file = await buildExport(query.format, opts.store.list(q), opts.areas, {
      year: q.year ?? year(),
      departmentName: opts.departmentName,
    });
    return reply.type(file.mimeType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.content);
  });

  for (const ext of opts.extensions ?? []) await app.register(ext.plugin, ext.opts ?? {});
};

/**
 * The admin page, its JSON API and the export download, under `/admin`.
 * @throws AppError CONFIG_INVALID when the token is shorter than {@link ADMIN_TOKEN_MIN_LENGTH}.
 */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, opts) => {
  const token = opts.adminToken;
  if (!token) return; // not configured: every /admin URL is a 404
  if (token.length < ADMIN_TOKEN_MIN_LENGTH) {
    throw new AppError('CONFIG_INVALID', `ADMIN_TOKEN: must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters`);
  }
  await app.register(adminArea, { ...opts, adminToken: token, prefix: '/admin' });
};
