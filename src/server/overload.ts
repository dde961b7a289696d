/**
 * Graceful overload (@fastify/under-pressure): when the event loop lags or
 * the heap grows past the configured limits, requests are refused at once
 * with 503 `{code: 'OVERLOADED', message}` and `Retry-After`, before latency
 * explodes for everyone. `/healthz` is always answered, so monitoring can
 * tell "busy" from "down".
 */
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { HTTP_ERRORS } from './error-handler.js';

/** Event-loop/heap sampling period. A mean over a whole second: one slow answer does not trip it, a loop that stays busy does. */
export const DEFAULT_SAMPLE_INTERVAL_MS = 1000;

/** Routes that are never shed. */
export const OVERLOAD_EXEMPT_ROUTES: ReadonlySet<string> = new Set(['/healthz']);

export interface OverloadOptions {
  limits: Config['server']['overload'];
  /** How often the event loop and heap are sampled (ms); default {@link DEFAULT_SAMPLE_INTERVAL_MS}. Tests use less. */
  sampleIntervalMs?: number;
  /** Source of randomness for proportional shedding (tests pass a fixed one). */
  random?: () => number;
}

/**
 * Admission control for an encapsulated scope (the `/api/*` routes): at most
 * `max` requests in flight; the next ones get 503 OVERLOADED at once instead
 * of queueing behind CPU-bound answers (a queue is what makes p99 explode
 * and starves `/healthz`). 0 turns it off.
 * @example await api.register(async (scope) => limitInFlight(scope, 8));
 */
export function limitInFlight(scope: FastifyInstance, max: number): void {
  if (max <= 0) return;
  let inFlight = 0;
  scope.addHook('onRequest', (_request, reply, done) => {
    if (inFlight >= max) {
      done(new AppError('OVERLOADED', HTTP_ERRORS.OVERLOADED.message));
      return;
    }
    inFlight++;
    // 'close' fires once per response, sent or aborted, so the count cannot leak.
    reply.raw.once('close', () => {
      inFlight--;
    });
    done();
  });
}

/**
 * Event-loop lag sheds in proportion: at twice the limit a quarter of the
 * requests are still admitted, at four times one in sixteen (the square of
 * limit/lag). All-or-nothing shedding would leave the loop idle for a
 * whole sample period and lose answers it could give. Heap pressure always
 * sheds.
 */
export function admitAnyway(type: string, value: number | undefined, maxDelayMs: number, random: () => number): boolean {
  if (type !== underPressure.TYPE_EVENT_LOOP_DELAY || value === undefined || !Number.isFinite(value) || value <= 0) return false;
  return random() < (maxDelayMs / value) ** 2;
}

/** Register load shedding on the root instance (a no-op when every limit is 0). */
export async function registerOverloadProtection(app: FastifyInstance, opts: OverloadOptions): Promise<void> {
  const { maxEventLoopDelayMs, maxHeapMb, retryAfterSeconds } = opts.limits;
  const random = opts.random ?? Math.random;
  const sampleInterval = opts.sampleIntervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS;
  // The first samples measure start-up itself (routes compiled, listen): not a reason to refuse users.
  const graceUntil = Date.now() + 2 * sampleInterval;
  if (maxEventLoopDelayMs === 0 && maxHeapMb === 0) return;
  await app.register(underPressure, {
    ...(maxEventLoopDelayMs > 0 ? { maxEventLoopDelay: maxEventLoopDelayMs } : {}),
    ...(maxHeapMb > 0 ? { maxHeapUsedBytes: maxHeapMb * 1024 * 1024 } : {}),
    retryAfter: retryAfterSeconds,
    sampleInterval,
    // Resolving lets the request through; rejecting sends it to the common error handler (503 + Retry-After).
    pressureHandler: (request, _reply, type, value) =>
      OVERLOAD_EXEMPT_ROUTES.has(request.routeOptions.url ?? '') || Date.now() < graceUntil || admitAnyway(type, value, maxEventLoopDelayMs, random)
        ? Promise.resolve()
        : Promise.reject(new AppError('OVERLOADED', HTTP_ERRORS.OVERLOADED.message)),
  });
}
