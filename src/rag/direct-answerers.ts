/**
 * Structured-data answerers, tried before free-text composition: who does
 * what (responsibilities), administrative procedures, department contacts.
 */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DirectAnswerer } from './answerer.js';
import type { IndexSnapshot } from './index-store.js';
import type { Retriever } from './retriever.js';

export interface DirectAnswererDeps {
  config: Config;
  snapshot: IndexSnapshot;
  retriever: Retriever;
  logger: Logger;
}

export function createDirectAnswerers(_deps: DirectAnswererDeps): DirectAnswerer[] {
  return [];
}
