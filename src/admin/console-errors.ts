/**
 * Errors of the console routes: every refusal leaves as `{code, message}`
 * with a Vietnamese message that says what to fix.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../errors.js';
import { describeError } from '../server/error-handler.js';

/** The JSON body of every console error (same as the admin area's). */
export interface ConsoleErrorBody {
  code: string;
  message: string;
}

/** A refusal with its HTTP status, thrown by console handlers. */
export class ConsoleError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409 | 413 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

/** 404 for a console item that does not exist. */
export const notFound = (what: string): ConsoleError => new ConsoleError(404, 'NOT_FOUND', `Không tìm thấy ${what}.`);

/** 503 while no knowledge base is loaded. */
export const noKnowledge = (): ConsoleError => new ConsoleError(503, 'KNOWLEDGE_UNAVAILABLE', 'Kho tri thức chưa nạp được; xem nhật ký máy chủ rồi thử lại.');

const MULTIPART: Record<string, [number, string]> = {
  FST_REQ_FILE_TOO_LARGE: [413, 'Tệp quá lớn (tối đa 20 MB mỗi tệp).'],
  FST_FILES_LIMIT: [413, 'Gửi quá nhiều tệp một lần (tối đa 10 tệp).'],
  FST_PARTS_LIMIT: [413, 'Gửi quá nhiều trường một lần.'],
  FST_FIELDS_LIMIT: [413, 'Gửi quá nhiều trường thông tin một lần.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [400, 'Cần gửi tệp dạng multipart/form-data (trường "file").'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Kiểu dữ liệu gửi lên không được hỗ trợ.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'Dữ liệu gửi lên đang trống.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'Dữ liệu gửi lên không phải JSON hợp lệ.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'Nội dung gửi lên quá lớn.'],
};

/** Error handler of the console scope. */
export function consoleErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, body: ConsoleErrorBody) => reply.code(status).send(body);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const message = err.validation.map((v) => v.message).join('; ');
    return send(400, { code: 'INPUT_INVALID', message: `Dữ liệu gửi lên không hợp lệ: ${message}` });
  }
  if (err instanceof ConsoleError) return send(err.statusCode, { code: err.code, message: err.message });
  if (isAppError(err, 'INPUT_INVALID') || isAppError(err, 'KNOWLEDGE_INVALID')) return send(400, { code: 'INPUT_INVALID', message: err.message });
  // Several workers: the change is indexed, but a worker did not confirm the new index in time.
  if (isAppError(err, 'KNOWLEDGE_SYNC_FAILED')) return send(503, { code: err.code, message: err.message });
  const known = typeof err.code === 'string' ? MULTIPART[err.code] : undefined;
  if (known) return send(known[0], { code: err.code, message: known[1] });
  // Everything else as the rest of the app answers it (overload 503, rate limit 429, internal 500).
  const { status, body } = describeError(err);
  if (status >= 500 && body.code !== 'OVERLOADED') request.log.error({ err }, 'console request failed');
  return send(status, body);
}
