/**
 * The web chat page: static files from `src/server/public/`, read once when
 * the app is built, served with a strict Content-Security-Policy (no inline
 * script, no third-party origin).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

/** Default location of the page's files. */
export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

const FILES: ReadonlyArray<{ url: string; file: string; type: string }> = [
  { url: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { url: '/app.css', file: 'app.css', type: 'text/css; charset=utf-8' },
];

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebPageOptions {
  publicDir?: string;
}

/** Register `GET /`, `/app.js`, `/app.css`. */
export const webPageRoutes: FastifyPluginAsync<WebPageOptions> = async (app, opts) => {
  const dir = opts.publicDir ?? DEFAULT_PUBLIC_DIR;
  for (const f of FILES) {
    const body = await readFile(join(dir, f.file));
    app.get(f.url, async (_request, reply) => {
      void reply
        .type(f.type)
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('x-frame-options', 'DENY')
        .header('referrer-policy', 'no-referrer');
      return body;
    });
  }
};
