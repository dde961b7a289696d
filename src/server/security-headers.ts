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
