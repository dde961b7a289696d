/**
 * The admin console (documents, retrieval test, curated answers, gap queue,
 * staff, usage), mounted inside the admin area.
 */
export { timedAnswerer } from './answer-timer.js';
export type { ConsoleContext } from './console-context.js';
export { consoleNavHtml } from './console-pages.js';
export { type ConsolePluginOptions, consolePlugin } from './console-plugin.js';
export { type ConsoleStores, createConsoleContext, createConsoleStores } from './create-console.js';
export { installOriginCheck } from './origin-check.js';
