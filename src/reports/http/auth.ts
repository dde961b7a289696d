/**
 * Admin credentials: `Authorization: Bearer <ADMIN_TOKEN>` for API clients,
 * the login form's `token` field for people. Never a URL query parameter.
 * Secrets are compared in constant time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two secrets (hashed first, so lengths do not leak). */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer …` header; null when there is none. */
export function bearerToken(headers: Record<string, unknown>): string | null {
  const auth = headers.authorization;
  if (typeof auth !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  return m?.[1] ?? null;
}

/**
 * The key that signs session cookies, derived from the admin token: a new
 * ADMIN_TOKEN invalidates every session, and restarts keep them.
 */
export function sessionSecret(adminToken: string): string {
  return createHmac('sha256', adminToken).update('cchc-bot admin session cookie v1').digest('base64url');
}
