/**
 * Structured logs (pino) to stderr, so stdout stays clean for the CLI's JSON
 * contract. Secrets are redacted wherever they appear in logged objects.
 */
import pino, { type Logger } from 'pino';

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
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-zevent-signature"]',
  'req.headers.access_token',
  'headers.access_token',
];

/** Create the process logger. `level: 'silent'` for tests. */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, pino.destination(2));
}
