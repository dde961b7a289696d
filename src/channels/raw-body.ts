/**
 * Raw-body parsing for webhook plugins. Registered inside an encapsulated
 * fastify plugin, it replaces that plugin's parsers only: every body arrives
 * in the handler as the exact bytes received (needed for signatures, and so
 * nothing is parsed before the caller is authenticated).
 */
import type { FastifyInstance } from 'fastify';

/** Make every request body in this (encapsulated) instance a Buffer. */
export function useRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
}

/** The request body as a Buffer (empty when there was none). */
export function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.alloc(0);
}
