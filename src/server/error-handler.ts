/**
 * The one error vocabulary of the HTTP app. Every error leaves as
 * `{ code, message }` (Vietnamese message, stable English code) with the
 * status from {@link HTTP_ERRORS}: schema validation, unknown routes and
 * methods, body limits, content types, rate limits, overload, and
 * {@link AppError}s thrown by handlers. Stack traces and internal messages
 * never reach the client. Webhook and admin plugins reply with the same shape
 * by throwing an AppError or calling {@link sendError}.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { type AppErrorCode, isAppError } from '../errors.js';
import { validationMessage } from './validation-message.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  code: string;
  message: string;
}

/** Status and default Vietnamese message of every code the HTTP app sends. */
export const HTTP_ERRORS = {
  INPUT_INVALID: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  INVALID_JSON: { status: 400, message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' },
  REPORT_INVALID: { status: 400, message: 'Báo cáo không hợp lệ.' },
  UNAUTHORIZED: { status: 401, message: 'Cần xác thực để dùng địa chỉ này.' },
  SIGNATURE_INVALID: { status: 401, message: 'Chữ ký không hợp lệ.' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền dùng địa chỉ này.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy trang hoặc địa chỉ API này.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Địa chỉ này không hỗ trợ phương thức HTTP đã dùng.' },
  REQUEST_TIMEOUT: { status: 408, message: 'Yêu cầu gửi lên quá chậm.' },
  INPUT_TOO_LONG: { status: 413, message: 'Nội dung quá dài.' },
  BODY_TOO_LARGE: { status: 413, message: 'Nội dung gửi lên quá lớn.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Chỉ chấp nhận dữ liệu dạng JSON (Content-Type: application/json).',
  },
  RATE_LIMITED: { status: 429, message: 'Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một phút rồi thử lại.' },
  INTERNAL: { status: 500, message: 'Hệ thống đang gặp sự cố, vui lòng thử lại sau.' },
  OVERLOADED: { status: 503, message: 'Hệ thống đang quá tải, vui lòng thử lại sau ít phút.' },
} as const satisfies Partial<Record<AppErrorCode, { status: number; message: string }>>;

/** A code the HTTP app sends. */
export type HttpErrorCode = keyof typeof HTTP_ERRORS;

const isHttpCode = (code: string): code is HttpErrorCode => Object.hasOwn(HTTP_ERRORS, code);

/** Fastify's own failures (body parsing, limits) mapped to our codes. */
const FASTIFY_CODES: Record<string, HttpErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INPUT_INVALID',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INPUT_INVALID',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'INPUT_INVALID',
  FST_UNDER_PRESSURE: 'OVERLOADED',
};

/** Status and body for one code, with an optional more specific message. */
export function errorFor(code: HttpErrorCode, message?: string): { status: number; body: ErrorBody } {
  const entry = HTTP_ERRORS[code];
  return { status: entry.status, body: { code, message: message ?? entry.message } };
}

/** Status and client-safe body for any thrown value. */
export function describeError(err: unknown): { status: number; body: ErrorBody } {
  if (isAppError(err)) {
    if (!isHttpCode(err.code)) return errorFor('INTERNAL');
    return HTTP_ERRORS[err.code].status >= 500 ? errorFor(err.code) : errorFor(err.code, err.message);
  }
  const e = (err ?? {}) as Partial<FastifyError>;
  if (Array.isArray(e.validation)) {
    return errorFor('INPUT_INVALID', validationMessage(e.validation, e.validationContext));
  }
  const mapped = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return errorFor(mapped);
  if (err instanceof SyntaxError) return errorFor('INVALID_JSON');
  const status = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  if (status === 429) return errorFor('RATE_LIMITED');
  if (status === 503) return errorFor('OVERLOADED');
  if (status >= 500) return errorFor('INTERNAL');
  if (status === 404) return errorFor('NOT_FOUND');
  return { status, body: { code: 'INPUT_INVALID', message: HTTP_ERRORS.INPUT_INVALID.message } };
}

/**
 * Send an error in the common shape (for plugins that reply directly).
 * @example return sendError(reply, 'UNAUTHORIZED', 'Cần mã quản trị (ADMIN_TOKEN) hợp lệ.');
 */
export function sendError(reply: FastifyReply, code: HttpErrorCode, message?: string): FastifyReply {
  const { status, body } = errorFor(code, message);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Seconds a client should wait after a 503 (the `Retry-After` header). */
export interface ErrorHandlerOptions {
  retryAfterSeconds: number;
}

/** Install the error and not-found handlers on the root instance. */
export function installErrorHandlers(app: FastifyInstance, opts: ErrorHandlerOptions): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = describeError(err);
    // Overload and client errors are floods' favourite: counted by the access log, not logged here.
    if (status >= 500 && body.code !== 'OVERLOADED') request.log.error({ err }, 'request failed');
    else request.log.debug({ status, code: body.code }, 'request rejected');
    if (status === 503) void reply.header('retry-after', String(opts.retryAfterSeconds));
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = METHODS.filter((method) => method !== request.method && app.hasRoute({ url: path, method }));
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '));
      return sendError(reply, 'METHOD_NOT_ALLOWED');
    }
    return sendError(reply, 'NOT_FOUND');
  });
}
