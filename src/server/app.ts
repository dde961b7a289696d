/**
 * The HTTP application (Fastify), built but not listening: `src/main.ts`
 * calls `listen`, tests call `app.inject`. Other modules mount their routes
 * (Telegram/Zalo webhooks, the admin page) through `plugins`.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { ChatStore } from '../chat/chat-store.js';
import type { Config } from '../config.js';
import type { ConversationHandler } from '../core/messages.js';
import type { Logger } from '../logger.js';
import { installErrorHandlers } from './error-handler.js';
import { chatRoutes } from './routes/chat.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes, type IndexStatus } from './routes/health.js';
import { webPageRoutes } from './routes/web-page.js';
import { SECURITY_HEADERS } from './security-headers.js';

/** Largest request body accepted anywhere (a question is ≤ 1000 characters). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** A plugin mounted by another module, e.g. `{ plugin: telegramWebhook, opts: { ... } }`. */
export interface MountedPlugin {
  // Plugins have their own option types; the app only passes them through.
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
  /** Whether the knowledge index is loaded, and its size. */
  indexStatus: () => IndexStatus;
  plugins?: MountedPlugin[];
  /** Override the web page's directory (tests). */
  publicDir?: string;
  now?: () => Date;
}

/**
 * Build the Fastify app with every route registered and `ready()` awaited.
 * @example
 * const app = await buildHttpApp({ config, logger, handler: engine, store, indexStatus: () => ({ loaded: true, chunks: 120 }) });
 * await app.listen({ host: config.server.host, port: config.server.port });
 */
export async function buildHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps the default instance type.
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.server.trustProxy ?? false,
  });

  installErrorHandlers(app);
  await app.register(helmet, SECURITY_HEADERS); // CSP and security headers on every response
  await app.register(healthRoutes, { store: deps.store, indexStatus: deps.indexStatus });
  await app.register(webPageRoutes, deps.publicDir ? { publicDir: deps.publicDir } : {});

  // === /api/*: JSON endpoints, rate-limited per client IP
  await app.register(async (api) => {
    await api.register(rateLimit, {
      max: deps.config.server.rateLimitPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        code: 'RATE_LIMITED',
        message: 'Too many requests',
      }),
    });
    await api.register(chatRoutes, { handler: deps.handler, now });
    await api.register(feedbackRoutes, { store: deps.store, now });
  });

  // === mounted plugins (channels' webhooks, reports admin page)
  for (const p of deps.plugins ?? []) {
    await app.register(p.plugin, p.opts ?? {});
  }

  await app.ready();
  return app;
}
