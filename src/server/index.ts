/** Public surface of the HTTP server. */
export { BODY_LIMIT_BYTES, buildHttpApp, type HttpAppDeps, type MountedPlugin } from './app.js';
export { describeError, type ErrorBody, errorFor, HTTP_ERRORS, type HttpErrorCode, sendError } from './error-handler.js';
export type { IndexStatus } from './routes/health.js';
export type { ChatResponse, WebReply } from './web-reply.js';
