/**
 * One Vietnamese sentence for a failed route schema, naming the field:
 * `Dữ liệu gửi lên không hợp lệ: "sessionId" phải gồm 8–64 ký tự …`.
 * Works with fastify-type-provider-zod's issues (zod messages written in
 * the route schemas) and with plain JSON-schema (ajv) errors.
 */

/** The parts of a Fastify validation entry this module reads. */
export interface ValidationEntry {
  instancePath?: string;
  message?: string;
  params?: { issue?: ZodIssueLike } | Record<string, unknown>;
}

interface ZodIssueLike {
  code: string;
  path: Array<string | number>;
  message: string;
  expected?: string;
}

const WHERE: Record<string, string> = {
  body: 'Dữ liệu gửi lên',
  querystring: 'Tham số truy vấn',
  params: 'Tham số đường dẫn',
  headers: 'Tiêu đề',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng JSON',
  array: 'mảng',
};

/** Zod's default (English) messages are replaced; messages written in a schema are kept. */
function issueText(issue: ZodIssueLike): string {
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? 'giá trị khác';
    return `sai kiểu dữ liệu (cần ${expected}).`;
  }
  if (/^[\x20-\x7e]*$/.test(issue.message)) return 'giá trị không hợp lệ.';
  return issue.message;
}

/**
 * Build the message for the first failed check.
 * @example validationMessage(err.validation, 'body') // 'Dữ liệu gửi lên không hợp lệ: "vote" phải là "up" hoặc "down".'
 */
export function validationMessage(entries: readonly ValidationEntry[], context?: string): string {
  const where = WHERE[context ?? 'body'] ?? 'Dữ liệu gửi lên';
  const first = entries[0];
  if (!first) return `${where} không hợp lệ.`;
  const issue = (first.params as { issue?: ZodIssueLike } | undefined)?.issue;
  const field = issue ? issue.path.join('.') : (first.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const text = issue ? issueText(issue) : 'giá trị không hợp lệ.';
  if (field === '') {
    // A message about the whole body ("cần text hoặc callbackData") stands alone.
    return issue && issue.code === 'custom' ? issue.message : `${where} không hợp lệ: ${text}`;
  }
  return `${where} không hợp lệ: "${field}" ${text}`;
}
