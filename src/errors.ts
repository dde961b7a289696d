/**
 * Named errors with stable string codes. Edges (HTTP, CLI) map codes to
 * status codes or exit codes; messages never carry secrets.
 */
export type AppErrorCode =
  | 'CONFIG_INVALID'
  | 'KNOWLEDGE_INVALID'
  | 'KNOWLEDGE_FILE_UNREADABLE'
  | 'INDEX_EMPTY'
  | 'INDEX_CORRUPT'
  | 'KNOWLEDGE_SYNC_FAILED'
  | 'LLM_UNAVAILABLE'
  | 'LLM_TIMEOUT'
  | 'LLM_BAD_OUTPUT'
  | 'EMBEDDING_FAILED'
  | 'INPUT_TOO_LONG'
  | 'INPUT_INVALID'
  | 'SIGNATURE_INVALID'
  | 'CHANNEL_API_ERROR'
  | 'CHANNEL_UNREACHABLE'
  | 'CHANNEL_NOT_CONFIGURED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'REPORT_INVALID'
  | 'DB_ERROR'
  | 'DB_CORRUPT'
  | 'STARTUP_FAILED'
  // HTTP-edge codes (status and wording in src/server/error-handler.ts)
  | 'INVALID_JSON'
  | 'UNAUTHORIZED'
  | 'METHOD_NOT_ALLOWED'
  | 'REQUEST_TIMEOUT'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'OVERLOADED';

export class AppError extends Error {
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Narrow an unknown thrown value to an AppError with the given code. */
export function isAppError(err: unknown, code?: AppErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}
