/**
 * Cross-site request check for the admin area: a state-changing request
 * (POST, PUT, PATCH, DELETE) whose `Origin` (or, without it, `Referer`)
 * names another site is refused with 403 before its body is used. Requests
 * with neither header (API clients with a Bearer token, `curl`) pass: the
 * session cookie is SameSite=Strict, so a browser on another site cannot
 * send it anyway. This is the second lock on the same door.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConsoleErrorBody } from './console-errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Options of {@link installOriginCheck}. */
export interface OriginCheckOptions {
  /** Extra accepted origins, e.g. `PUBLIC_URL` behind a reverse proxy. */
  allowedOrigins?: readonly string[];
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
};

/**
 * True when the request comes from this site (or carries no origin information).
 * `Sec-Fetch-Site` (set by browsers, not by page scripts) decides first; pages
 * with `Referrer-Policy: no-referrer` make Chromium send `Origin: null` even
 * for their own form posts, which is accepted only when it says same-origin.
 */
export function sameOrigin(request: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  if (origin === 'null' && site === 'same-origin') return true;
  const claimed = typeof origin === 'string' && origin !== '' ? origin : typeof referer === 'string' && referer !== '' ? referer : null;
  if (claimed === null) return true;
  const host = hostOf(claimed);
  if (host === null) return false; // "null" without a same-origin fetch, file://, or garbage
  // The Host header may carry the scheme's default port (`localhost:80`), which URL drops.
  const own = String(request.headers.host ?? '');
  return host === hostOf(`http://${own}`) || host === hostOf(`https://${own}`) || allowed.has(host);
}

/** Install the check as an `onRequest` hook on the (admin) instance. */
export function installOriginCheck(app: FastifyInstance, opts: OriginCheckOptions = {}): void {
  const allowed = new Set((opts.allowedOrigins ?? []).map(hostOf).filter((h): h is string => h !== null));
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE.has(request.method) || sameOrigin(request, allowed)) return undefined;
    request.log.warn({ origin: request.headers.origin, referer: request.headers.referer }, 'admin: cross-site request refused');
    const body: ConsoleErrorBody = {
      code: 'ORIGIN_MISMATCH',
      message: 'Yêu cầu đến từ một trang khác nên bị từ chối. Hãy thao tác trực tiếp trên trang quản trị.',
    };
    return reply.code(403).send(body);
  });
}
