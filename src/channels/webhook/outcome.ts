/**
 * The webhook response vocabulary, shared by every channel: one code per
 * outcome, its HTTP status and the message sent in the `{ code, message }`
 * body. The rules (see docs/channels.md):
 * - authentication failures are 401, decided before any JSON parsing;
 * - after authentication, a wrong content type is 415;
 * - an authenticated event we cannot use (bad JSON, wrong shape, stale) is
 *   acknowledged with 200 and dropped (logged once), because the platforms
 *   retry every non-2xx answer and Zalo disables a webhook that keeps failing.
 */

/** Codes of requests that are refused or dropped. */
export type WebhookRejectCode =
  | 'WEBHOOK_AUTH_MISSING'
  | 'WEBHOOK_AUTH_INVALID'
  | 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE'
  | 'WEBHOOK_INVALID_JSON'
  | 'WEBHOOK_INVALID_EVENT'
  | 'WEBHOOK_EVENT_STALE';

/** Codes an adapter's authenticate step may return. */
export type WebhookAuthCode = Extract<WebhookRejectCode, 'WEBHOOK_AUTH_MISSING' | 'WEBHOOK_AUTH_INVALID'>;

/** Codes an adapter's validate step may return (the event is dropped with a 200). */
export type WebhookDropCode = Extract<WebhookRejectCode, 'WEBHOOK_INVALID_EVENT' | 'WEBHOOK_EVENT_STALE'>;

/** Status and message of each code. */
export const WEBHOOK_OUTCOMES: Readonly<Record<WebhookRejectCode, { status: number; message: string }>> = {
  WEBHOOK_AUTH_MISSING: { status: 401, message: 'Thiếu thông tin xác thực webhook.' },
  WEBHOOK_AUTH_INVALID: { status: 401, message: 'Thông tin xác thực webhook không đúng.' },
  WEBHOOK_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Chỉ chấp nhận dữ liệu JSON (Content-Type: application/json).',
  },
  WEBHOOK_INVALID_JSON: { status: 200, message: 'Dữ liệu không phải JSON hợp lệ; sự kiện đã bị bỏ qua.' },
  WEBHOOK_INVALID_EVENT: { status: 200, message: 'Sự kiện không đúng định dạng; sự kiện đã bị bỏ qua.' },
  WEBHOOK_EVENT_STALE: {
    status: 200,
    message: 'Thời điểm của sự kiện nằm ngoài khoảng cho phép; sự kiện đã bị bỏ qua.',
  },
};

/** Body of a refused or dropped request. */
export interface WebhookErrorBody {
  code: string;
  message: string;
}

/** Body of an accepted request (`duplicate` when the key was already seen). */
export interface WebhookAcceptBody {
  ok: true;
  duplicate?: true;
}

/** What the pipeline answers; the HTTP layer sends it as is. */
export interface WebhookResponse {
  status: number;
  body: WebhookErrorBody | WebhookAcceptBody;
}

/** The response for a refusal or a drop. */
export function rejection(code: WebhookRejectCode): WebhookResponse {
  const { status, message } = WEBHOOK_OUTCOMES[code];
  return { status, body: { code, message } };
}
