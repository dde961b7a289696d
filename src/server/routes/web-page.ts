/**
 * The web chat page: static files from `src/server/public/`, read once when
 * the app is built. The Content-Security-Policy and the other security
 * headers come from helmet (src/server/security-headers.ts); the page has no
 * inline script or style and loads nothing from another origin.
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
  { url: '/inbox.js', file: 'inbox.js', type: 'text/javascript; charset=utf-8' },
];

export interface WebPageOptions {
  publicDir?: string;
}

/** Register `GET /`, `/app.js`, `/app.css`. */
export const webPageRoutes: FastifyPluginAsync<WebPageOptions> = async (app, opts) => {
  const dir = opts.publicDir ?? DEFAULT_PUBLIC_DIR;
  for (const f of FILES) {
    const body = await readFile(join(dir, f.file));
    app.get(f.url, async (_request, reply) => {
      void reply.type(f.type).header('cache-control', 'no-cache');
      return body;
    });
  }
};
