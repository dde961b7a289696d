/**
 * Constant-time string comparison for webhook secrets and signatures.
 */
import { timingSafeEqual } from 'node:crypto';

/**
 * True when `given` equals `expected`, compared with `crypto.timingSafeEqual`
 * on equal-length buffers. A length mismatch returns false after a dummy
 * comparison of the same cost as a real one.
 * @param given - the untrusted value (header)
 * @param expected - the value computed or configured on our side
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}
