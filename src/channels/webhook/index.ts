/**
 * The shared webhook pipeline: adapters plug into it, channels mount its
 * Fastify plugin.
 */

export { createWebhookPlugin, type WebhookPluginOptions } from './fastify-plugin.js';
export {
  createGuardedDispatcher,
  DEFAULT_HANDLER_TIMEOUT_MS,
  type GuardedDispatcher,
  type GuardedTask,
} from './guarded-dispatcher.js';
export {
  rejection,
  WEBHOOK_OUTCOMES,
  type WebhookAuthCode,
  type WebhookDropCode,
  type WebhookRejectCode,
  type WebhookResponse,
} from './outcome.js';
export {
  type AuthResult,
  createWebhookPipeline,
  isJsonContentType,
  type RawWebhookRequest,
  type ValidateResult,
  type WebhookAdapter,
  type WebhookPipeline,
  type WebhookPipelineOptions,
} from './pipeline.js';
