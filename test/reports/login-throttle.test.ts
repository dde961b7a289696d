import { describe, expect, it } from 'vitest';
import { createAdminSessions } from '../../src/reports/http/admin-session.js';
import { createLoginThrottle } from '../../src/reports/http/login-throttle.js';

describe('createLoginThrottle', () => {
  it('is a sliding window: the wait ends when the oldest counted failure leaves it', () => {
    let t = 0;
    const th = createLoginThrottle({ maxFailures: 3, windowMs: 60_000, now: () => new Date(t) });
    th.recordFailure('a');
    t = 20_000;
    th.recordFailure('a');
    th.recordFailure('a');
    expect(th.retryAfterSeconds('a')).toBe(40);
    t = 60_001; // the first failure left the window
    expect(th.retryAfterSeconds('a')).toBe(0);
    expect(th.retryAfterSeconds('b')).toBe(0);
  });

  it('keeps at most maxTrackedIps addresses (least recently failed dropped)', () => {
    const th = createLoginThrottle({ maxFailures: 1, maxTrackedIps: 2, now: () => new Date(0) });
    th.recordFailure('a');
    th.recordFailure('b');
    th.recordFailure('c');
    expect(th.retryAfterSeconds('a')).toBe(0);
    expect(th.retryAfterSeconds('b')).toBeGreaterThan(0);
    expect(th.retryAfterSeconds('c')).toBeGreaterThan(0);
  });
});

describe('createAdminSessions', () => {
  it('accepts its own values until they expire; refuses revoked, malformed and over-long ones', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const s = createAdminSessions({ ttlMs: 1000, now: () => new Date(t) });
    const a = s.issue();
    expect(a.expiresAt.getTime() - a.issuedAt.getTime()).toBe(1000);
    expect(s.isValid(a.value)).toBe(true);
    expect(s.isValid(`v1.${t + 10_000}.${'0'.repeat(32)}`)).toBe(false); // claims more than the TTL
    expect(s.isValid('v1.abc.def')).toBe(false);
    const b = s.issue();
    s.revoke(b.value);
    expect(s.isValid(b.value)).toBe(false);
    t += 1000;
    expect(s.isValid(a.value)).toBe(false);
  });
});
