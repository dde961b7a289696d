/**
 * `GET /healthz`: 200 when the knowledge index is loaded and the database is
 * writable, else 503. Not rate-limited (monitoring polls it).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ChatStore } from '../../chat/chat-store.js';

/** What the health check knows about the knowledge index. */
export interface IndexStatus {
  loaded: boolean;
  chunks: number;
}

export interface HealthRouteOptions {
  store: Pick<ChatStore, 'checkWritable'>;
  indexStatus: () => IndexStatus;
}

/** Register `GET /healthz`. */
export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, opts) => {
  app.get('/healthz', async (request, reply) => {
    const index = opts.indexStatus();
    let dbOk = true;
    try {
      opts.store.checkWritable();
    } catch (err) {
      dbOk = false;
      request.log.error({ err }, 'health: database not writable');
    }
    const ok = index.loaded && index.chunks > 0 && dbOk;
    void reply.status(ok ? 200 : 503).header('cache-control', 'no-store');
    return { ok, index: { loaded: index.loaded, chunks: index.chunks }, db: dbOk ? 'ok' : 'error' };
  });
};
