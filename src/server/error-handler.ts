/**
 * One error handler for the whole HTTP app: maps Fastify, rate-limit and
 * {@link AppError} failures to a status code and a Vietnamese JSON message.
 * Stack traces and internal messages never reach the client.
 */
import type { FastifyInstance } from 'fastify';
import { isAppError, type AppErrorCode } from '../errors.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  code: string;
}

const APP_STATUS: Partial<Record<AppErrorCode, number>> = {
  INPUT_TOO_LONG: 413,
  INPUT_INVALID: 400,
  REPORT_INVALID: 400,
  SIGNATURE_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Dữ liệu gửi lên đang trống.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Chỉ chấp nhận dữ liệu dạng JSON (Content-Type: application/json).',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài nội dung không khớp.',
};

const RATE_LIMITED = 'Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một phút rồi thử lại.';
const GENERIC_4XX = 'Yêu cầu không hợp lệ.';
const GENERIC_5XX = 'Hệ thống đang gặp sự cố, vui lòng thử lại sau.';

/** Status and client-safe body for any thrown value. */
export function describeError(err: unknown): { status: number; body: ErrorBody } {
  if (isAppError(err)) {
    const status = APP_STATUS[err.code] ?? 500;
    return { status, body: { error: status < 500 ? err.message : GENERIC_5XX, code: err.code } };
  }
  const e = (err ?? {}) as { statusCode?: unknown; code?: unknown };
  const status = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  const code = typeof e.code === 'string' ? e.code : status === 429 ? 'RATE_LIMITED' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
  if (status === 429) return { status, body: { error: RATE_LIMITED, code: 'RATE_LIMITED' } };
  if (status >= 500) return { status, body: { error: GENERIC_5XX, code: 'INTERNAL' } };
  if (err instanceof SyntaxError) return { status: 400, body: { error: FASTIFY_MESSAGES.FST_ERR_CTP_INVALID_JSON_BODY as string, code } };
  return { status, body: { error: FASTIFY_MESSAGES[code] ?? GENERIC_4XX, code } };
}

/** Install the error and not-found handlers on the root instance. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = describeError(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ status, code: body.code }, 'request rejected');
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply
      .status(404)
      .type('application/json; charset=utf-8')
      .send({ error: 'Không tìm thấy trang hoặc địa chỉ API này.', code: 'NOT_FOUND' } satisfies ErrorBody);
  });
}
