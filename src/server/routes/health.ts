/**
 * `GET /healthz`: 200 `{status: 'healthy'}` when the knowledge index is
 * loaded and the database answers (every table read, one row written), else
 * 503 `{status: 'unhealthy'}`. Not rate-limited and never shed under load
 * (monitoring polls it).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChatStore } from '../../chat/chat-store.js';
import type { Db } from '../../store/database.js';
import { probeTables } from '../../store/db-health.js';

/** What the health check knows about the knowledge index. */
export interface IndexStatus {
  loaded: boolean;
  chunks: number;
}

export interface HealthRouteOptions {
  store: Pick<ChatStore, 'checkWritable'>;
  /** When given, every table is read on each probe (a damaged file shows here). */
  db?: Db;
  indexStatus: () => IndexStatus;
  /** Index of this HTTP worker when several serve (WORKERS > 1); shown so a probe knows which one answered. */
  worker?: number;
}

/** Body of `/healthz` (both 200 and 503). */
export const HealthBody = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  ok: z.boolean(),
  index: z.object({ loaded: z.boolean(), chunks: z.number().int() }),
  db: z.enum(['ok', 'error']),
  worker: z.number().int().optional(),
});

/** Register `GET /healthz`. */
export const healthRoutes: FastifyPluginAsyncZod<HealthRouteOptions> = async (app, opts) => {
  app.get('/healthz', { schema: { querystring: z.object({}).passthrough(), response: { 200: HealthBody, 503: HealthBody } } }, async (request, reply) => {
    const index = opts.indexStatus();
    let dbOk = true;
    try {
      if (opts.db) probeTables(opts.db);
      opts.store.checkWritable();
    } catch (err) {
      dbOk = false;
      request.log.error({ err }, 'health: database check failed');
    }
    const ok = index.loaded && index.chunks > 0 && dbOk;
    void reply.status(ok ? 200 : 503).header('cache-control', 'no-store');
    return {
      status: ok ? ('healthy' as const) : ('unhealthy' as const),
      ok,
      index: { loaded: index.loaded, chunks: index.chunks },
      db: dbOk ? ('ok' as const) : ('error' as const),
      ...(opts.worker === undefined ? {} : { worker: opts.worker }),
    };
  });
};
