/**
 * The HTTP application (Fastify), built but not listening: `src/main.ts`
 * calls `listen`, tests call `app.inject`. Other modules mount their routes
 * (Telegram/Zalo webhooks, the admin page) through `plugins`.
 */
import cluster from 'node:cluster';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ChatStore } from '../chat/chat-store.js';
import type { Config } from '../config.js';
import type { ConversationHandler } from '../core/messages.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/database.js';
import { installAccessLog } from './access-log.js';
import { HTTP_ERRORS, installErrorHandlers } from './error-handler.js';
import { limitInFlight, registerOverloadProtection } from './overload.js';
import { chatRoutes } from './routes/chat.js';
import { chatHistoryRoutes } from './routes/chat-history.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes, type IndexStatus } from './routes/health.js';
import { inboxRoutes } from './routes/inbox.js';
import { webPageRoutes } from './routes/web-page.js';
import { SECURITY_HEADERS } from './security-headers.js';

/** Largest request body accepted anywhere (a question is ≤ 1000 characters). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** The inbox's per-IP limit is this many times `RATE_LIMIT_PER_MINUTE`. */
export const INBOX_RATE_FACTOR = 4;

/** A plugin mounted by another module, e.g. `{ plugin: telegramWebhook, opts: { ... } }`. */
export interface MountedPlugin {
  // Plugins have their own option types; the app only passes them through.
  // biome-ignore lint/suspicious/noExplicitAny: each plugin has its own option type; the app only passes them through
  plugin: FastifyPluginAsync<any>;
  opts?: object;
}

export interface HttpAppDeps {
  config: Pick<Config, 'server'>;
  logger: Logger;
  /** The conversation engine. */
  handler: ConversationHandler;
  /** For feedback and the database health check. */
  store: ChatStore;
  /** The shared database: `/healthz` reads every table (omit only in tests of other routes). */
  db?: Db;
  /** Whether the knowledge index is loaded, and its size. */
  indexStatus: () => IndexStatus;
  plugins?: MountedPlugin[];
  /** Staff replies waiting for a web session (handoff tickets); without it the inbox is always empty. */
  webInbox?: (sessionId: string) => Array<{ text: string; at: string }>;
  /** Override the web page's directory (tests). */
  publicDir?: string;
  now?: () => Date;
  /**
   * Shed load (event-loop lag, heap, in-flight limit from `config.server.overload`).
   * `src/main.ts` turns it on; tests of other routes leave it off, since a
   * busy test runner stalls the loop and would trip it.
   */
  shedLoad?: boolean;
  /** Overload sampling interval (ms), for tests; default 1000. */
  overloadSampleIntervalMs?: number;
}

/**
 * Build the Fastify app with every route registered and `ready()` awaited.
 * @example
 * const app = await buildHttpApp({ config, logger, handler: engine, store, indexStatus: () => ({ loaded: true, chunks: 120 }) });
 * await app.listen({ host: config.server.host, port: config.server.port });
 */
export async function buildHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const { timeouts, overload } = deps.config.server;
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps the default instance type.
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Fastify's per-request lines (full URL, headers) are replaced by src/server/access-log.ts.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.server.trustProxy ?? false,
    // Slow clients are cut off: idle sockets, slow headers, slow bodies (checked every connectionsCheckingInterval).
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
    },
  });
  // Route schemas are zod schemas (fastify-type-provider-zod), for every route of every module.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: text/plain bodies get 415 like any other type (webhook plugins install their own parsers).
  app.removeContentTypeParser('text/plain');

  installErrorHandlers(app, { retryAfterSeconds: overload.retryAfterSeconds });
  installAccessLog(app, { logger: deps.logger });
  await app.register(helmet, SECURITY_HEADERS); // CSP and security headers on every response
  if (deps.shedLoad) {
    await registerOverloadProtection(app, {
      limits: overload,
      ...(deps.overloadSampleIntervalMs ? { sampleIntervalMs: deps.overloadSampleIntervalMs } : {}),
    });
  }
  await app.register(healthRoutes, {
    store: deps.store,
    indexStatus: deps.indexStatus,
    ...(deps.db ? { db: deps.db } : {}),
    ...(cluster.isWorker ? { worker: deps.config.server.workerIndex } : {}),
  });
  await app.register(webPageRoutes, {
    ...(deps.publicDir ? { publicDir: deps.publicDir } : {}),
    widgetAllowedOrigins: deps.config.server.widgetAllowedOrigins ?? ['*'],
  });

  // === /api/*: JSON endpoints, rate-limited per client IP
  await app.register(async (api) => {
    if (deps.shedLoad) limitInFlight(api, overload.maxInFlight);
    await api.register(rateLimit, {
      max: deps.config.server.rateLimitPerMinute,
      timeWindow: 60_000,
      // Thrown into the common error handler: 429 {code: 'RATE_LIMITED', message}.
      errorResponseBuilder: () => new AppError('RATE_LIMITED', HTTP_ERRORS.RATE_LIMITED.message),
    });
    await api.register(chatRoutes, { handler: deps.handler, now });
    await api.register(chatHistoryRoutes, { store: deps.store, now });
    await api.register(feedbackRoutes, { store: deps.store, now });
  });

  // === /api/chat/inbox: polled by every open page, so it has its own, wider per-IP budget
  // (a shared office IP must not use up the chat's limit by leaving pages open).
  await app.register(async (inbox) => {
    await inbox.register(rateLimit, {
      max: deps.config.server.rateLimitPerMinute * INBOX_RATE_FACTOR,
      timeWindow: 60_000,
      errorResponseBuilder: () => new AppError('RATE_LIMITED', HTTP_ERRORS.RATE_LIMITED.message),
    });
    await inbox.register(inboxRoutes, { take: deps.webInbox ?? (() => []) });
  });

  // === mounted plugins (channels' webhooks, reports admin page)
  for (const p of deps.plugins ?? []) {
    await app.register(p.plugin, p.opts ?? {});
  }

  await app.ready();
  return app;
}
