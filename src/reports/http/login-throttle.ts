/**
 * Failed admin logins per client IP (the login form and wrong Bearer tokens
 * alike): after `maxFailures` within `windowMs`, every further attempt from
 * that IP is refused until the oldest failure leaves the window. Successful
 * logins are not counted. Memory is bounded: at most `maxTrackedIps` IPs.
 */

/** Default policy: 5 failures per 15 minutes. */
export const LOGIN_THROTTLE_DEFAULTS = { maxFailures: 5, windowMs: 15 * 60 * 1000, maxTrackedIps: 10_000 } as const;

/** See {@link createLoginThrottle}. */
export interface LoginThrottle {
  /** Seconds until `ip` may try again; 0 when it may try now. */
  retryAfterSeconds(ip: string): number;
  /** Record one failed attempt from `ip`. */
  recordFailure(ip: string): void;
}

/** Options of {@link createLoginThrottle}. */
export interface LoginThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
  maxTrackedIps?: number;
  now?: () => Date;
}

/** An in-memory sliding-window {@link LoginThrottle}. */
export function createLoginThrottle(opts: LoginThrottleOptions = {}): LoginThrottle {
  const max = opts.maxFailures ?? LOGIN_THROTTLE_DEFAULTS.maxFailures;
  const windowMs = opts.windowMs ?? LOGIN_THROTTLE_DEFAULTS.windowMs;
  const maxIps = opts.maxTrackedIps ?? LOGIN_THROTTLE_DEFAULTS.maxTrackedIps;
  const now = () => (opts.now ? opts.now() : new Date()).getTime();
  /** ip → failure times (ms), oldest first, at most `max` kept. */
  const failures = new Map<string, number[]>();

  const recent = (ip: string, t: number): number[] => {
    const list = (failures.get(ip) ?? []).filter((at) => at > t - windowMs);
    if (list.length === 0) failures.delete(ip);
    else failures.set(ip, list);
    return list;
  };

  return {
    retryAfterSeconds(ip) {
      const t = now();
      const list = recent(ip, t);
      if (list.length < max) return 0;
      const oldest = list[list.length - max] ?? t;
      return Math.max(1, Math.ceil((oldest + windowMs - t) / 1000));
    },
    recordFailure(ip) {
      const t = now();
      const list = recent(ip, t);
      list.push(t);
      while (list.length > max) list.shift();
      failures.delete(ip); // re-insert: Map order is least recently failed first
      failures.set(ip, list);
      while (failures.size > maxIps) {
        const first = failures.keys().next();
        if (first.done) break;
        failures.delete(first.value);
      }
    },
  };
}
