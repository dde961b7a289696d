/**
 * Admin authentication: `Authorization: Bearer <ADMIN_TOKEN>` or
 * `?token=<ADMIN_TOKEN>`, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two secrets (hashed first, so lengths do not leak). */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The token a request presents, from the Bearer header or the `token` query parameter. */
export function presentedToken(headers: Record<string, unknown>, query: unknown): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m?.[1]) return m[1];
  }
  if (query && typeof query === 'object' && 'token' in query) {
    const t = (query as { token?: unknown }).token;
    if (typeof t === 'string' && t.length > 0) return t;
  }
  return null;
}
