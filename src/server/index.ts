/** Public surface of the HTTP server. */
export { buildHttpApp, BODY_LIMIT_BYTES, type HttpAppDeps, type MountedPlugin } from './app.js';
export type { IndexStatus } from './routes/health.js';
export type { ChatResponse, WebReply } from './web-reply.js';
export { describeError, errorFor, sendError, HTTP_ERRORS, type ErrorBody, type HttpErrorCode } from './error-handler.js';
