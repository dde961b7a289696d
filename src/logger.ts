/**
 * Structured logs (pino) to stderr, so stdout stays clean for the CLI's JSON
 * contract. Secrets are redacted wherever they appear in logged objects, and
 * logged request URLs never carry a secret query parameter (`?token=…`).
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-zevent-signature"]',
  'req.headers.access_token',
  'headers.access_token',
  'res.headers["set-cookie"]',
];

/** Query parameters whose value is a secret; their values never reach a log line. */
const SECRET_QUERY = /^(token|access_token|refresh_token|api_key|apikey|key|secret|password|code|signature|sig)$/i;

/**
 * A URL as it may be logged: the value of every secret-looking query
 * parameter (names compared after percent-decoding) replaced by `[redacted]`.
 * @example redactUrl('/admin?token=abc&year=2026') // → '/admin?token=[redacted]&year=2026'
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        return '[redacted]'; // undecodable name: log nothing of it
      }
      return SECRET_QUERY.test(name.trim()) ? `${rawName}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** The `req` serializer: Fastify's fields, with the URL passed through {@link redactUrl}. */
export function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * Create the process logger. `level: 'silent'` for tests; `destination`
 * replaces stderr (tests capture the lines).
 */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: { req: serializeRequest } }, destination ?? pino.destination(2));
}
