/**
 * Security headers for every response of the HTTP app (@fastify/helmet,
 * registered once in app.ts): the web chat page, the admin and login pages,
 * the JSON API. The Content-Security-Policy allows scripts and styles from
 * this origin only — no inline script or style, no CDN — which is what
 * src/server/public/* and the admin page's /admin/assets/* are built for.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';

/** The CSP directives, one place for the whole app. */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** Options passed to `app.register(helmet, SECURITY_HEADERS)`. */
export const SECURITY_HEADERS: FastifyHelmetOptions = {
  global: true,
  // No helmet defaults for CSP: its default `upgrade-insecure-requests` would
  // break the plain-http loopback setup (http://127.0.0.1:3000).
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Only meaningful over https (browsers ignore it on http); not for sibling subdomains.
  strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
};

/**
 * The chat page's headers when a portal embeds it (the /widget.js iframe):
 * the same CSP except `frame-ancestors`, which lists the allowed origins
 * (`WIDGET_ALLOWED_ORIGINS`, default any), and no `X-Frame-Options` (it can
 * only say DENY or SAMEORIGIN). Every other page — the admin area included —
 * keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 * @param origins `frame-ancestors` sources, e.g. `['https://congthuong.quangngai.gov.vn']` or `['*']`
 */
export function embeddableChatHeaders(origins: readonly string[]): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES, 'frame-ancestors': [...origins] } },
    frameguard: false,
  };
}

/** `/widget.js` is loaded by other sites' pages: readable cross-origin, nothing else relaxed. */
export const CROSS_ORIGIN_SCRIPT_HEADERS: FastifyHelmetOptions = {
  crossOriginResourcePolicy: { policy: 'cross-origin' },
};
