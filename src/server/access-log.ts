/**
 * One compact access-log line per completed request, sized so that a flood
 * cannot inflate the log: method, route pattern (never the URL or its query
 * string), status and time. Successes and server errors are logged at info;
 * rejected requests (4xx, 503 overload) at debug, and counted into one info
 * summary per minute (`{ rejected: { "429": 812, "404": 3 } }`).
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger.js';

export interface AccessLogOptions {
  logger: Pick<Logger, 'info' | 'debug'>;
  /** How often rejected requests are summarised (ms); default 60 000. */
  summaryEveryMs?: number;
  now?: () => number;
}

/** Whether a status is the kind floods produce (client errors, overload). */
export const isRejection = (status: number): boolean => (status >= 400 && status < 500) || status === 503;

/** Add the `onResponse` hook (and flush the last summary on close). */
export function installAccessLog(app: FastifyInstance, opts: AccessLogOptions): void {
  const now = opts.now ?? Date.now;
  const every = opts.summaryEveryMs ?? 60_000;
  let windowStart = now();
  let counts: Record<string, number> = {};
  let pending = 0;

  const flush = () => {
    if (pending > 0) opts.logger.info({ rejected: counts, windowS: Math.round((now() - windowStart) / 1000) }, 'rejected requests');
    counts = {};
    pending = 0;
    windowStart = now();
  };

  app.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const line = { m: request.method, route: request.routeOptions.url ?? '-', s: status, ms: Math.round(reply.elapsedTime) };
    if (isRejection(status)) {
      counts[status] = (counts[status] ?? 0) + 1;
      pending++;
      opts.logger.debug(line, 'rejected');
    } else {
      opts.logger.info(line, 'req');
    }
    if (now() - windowStart >= every) flush();
    done();
  });
  app.addHook('onClose', (_app, done) => {
    flush();
    done();
  });
}
