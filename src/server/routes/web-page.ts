/**
 * The web chat page: static files from `src/server/public/`, read once when
 * the app is built. The Content-Security-Policy and the other security
 * headers come from helmet (src/server/security-headers.ts); the page has no
 * inline script or style and loads nothing from another origin.
 *
 * `/widget.js` is the embeddable bubble for other sites (the department's
 * portal): it opens `/?embed=1` in an iframe, so the chat page — and only
 * the chat page — may be framed by `WIDGET_ALLOWED_ORIGINS`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import { CROSS_ORIGIN_SCRIPT_HEADERS, embeddableChatHeaders } from '../security-headers.js';

/** Default location of the page's files. */
export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

interface StaticFile {
  url: string;
  file: string;
  type: string;
  /** Route-level helmet options (merged over the global ones). */
  helmet?: (opts: ResolvedOptions) => FastifyHelmetOptions;
}

interface ResolvedOptions {
  widgetAllowedOrigins: readonly string[];
}

const FILES: readonly StaticFile[] = [
  { url: '/', file: 'index.html', type: 'text/html; charset=utf-8', helmet: (o) => embeddableChatHeaders(o.widgetAllowedOrigins) },
  { url: '/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { url: '/app.css', file: 'app.css', type: 'text/css; charset=utf-8' },
  { url: '/inbox.js', file: 'inbox.js', type: 'text/javascript; charset=utf-8' },
  { url: '/widget.js', file: 'widget.js', type: 'text/javascript; charset=utf-8', helmet: () => CROSS_ORIGIN_SCRIPT_HEADERS },
];

export interface WebPageOptions {
  publicDir?: string;
  /** `frame-ancestors` sources for the chat page (default any: `['*']`). */
  widgetAllowedOrigins?: readonly string[];
}

/** Register `GET /`, `/app.js`, `/app.css`, `/widget.js`. */
export const webPageRoutes: FastifyPluginAsync<WebPageOptions> = async (app, opts) => {
  const dir = opts.publicDir ?? DEFAULT_PUBLIC_DIR;
  const resolved: ResolvedOptions = { widgetAllowedOrigins: opts.widgetAllowedOrigins ?? ['*'] };
  for (const f of FILES) {
    const body = await readFile(join(dir, f.file));
    app.get(f.url, f.helmet ? { helmet: f.helmet(resolved) } : {}, async (_request, reply) => {
      void reply.type(f.type).header('cache-control', 'no-cache');
      return body;
    });
  }
};
