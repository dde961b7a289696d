/**
 * Admin sessions. The cookie value is `v1.<expiresAtMs>.<nonce>`, signed by
 * @fastify/cookie (HMAC-SHA256): the expiry sits inside the signed value and
 * is checked here on every request, whatever the browser does with Max-Age.
 * Logout revokes the nonce until the session would have expired anyway.
 */
import { randomBytes } from 'node:crypto';

/** Name of the session cookie (Path=/admin). */
export const SESSION_COOKIE = 'cchc_admin';

/** Default lifetime of a session: 8 hours. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** Issues, checks and revokes session values (the unsigned part of the cookie). */
export interface AdminSessions {
  /** A new session value and when it expires. */
  issue(): { value: string; issuedAt: Date; expiresAt: Date };
  /** True while the value is well formed, unexpired and not revoked. */
  isValid(value: string): boolean;
  /** Revoke a value (logout). Unknown or malformed values are ignored. */
  revoke(value: string): void;
}

const VALUE = /^v1\.(\d{13})\.([0-9a-f]{32})$/;

/** In-memory {@link AdminSessions}; `now` is injectable for tests. */
export function createAdminSessions(opts: { ttlMs?: number; now?: () => Date } = {}): AdminSessions {
  const ttl = opts.ttlMs ?? SESSION_TTL_MS;
  const now = () => (opts.now ? opts.now() : new Date()).getTime();
  /** nonce → expiry (ms), for revoked sessions not yet expired. */
  const revoked = new Map<string, number>();
  const prune = (t: number) => {
    for (const [nonce, exp] of revoked) if (exp <= t) revoked.delete(nonce);
  };
  const parse = (value: string): { expiresAt: number; nonce: string } | null => {
    const m = VALUE.exec(value);
    return m?.[1] && m[2] ? { expiresAt: Number(m[1]), nonce: m[2] } : null;
  };
  return {
    issue() {
      const issuedAt = now();
      const expiresAt = issuedAt + ttl;
      return { value: `v1.${expiresAt}.${randomBytes(16).toString('hex')}`, issuedAt: new Date(issuedAt), expiresAt: new Date(expiresAt) };
    },
    isValid(value) {
      const s = parse(value);
      const t = now();
      // A value claiming to outlive the TTL was not issued by this code.
      return s !== null && s.expiresAt > t && s.expiresAt <= t + ttl && !revoked.has(s.nonce);
    },
    revoke(value) {
      const s = parse(value);
      if (!s) return;
      prune(now());
      revoked.set(s.nonce, s.expiresAt);
    },
  };
}
