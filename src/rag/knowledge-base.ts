/**
 * Opening the knowledge base: load `KNOWLEDGE_DIR`, build or load the index
 * under `DATA_DIR`, and expose a {@link QuestionAnswerer}.
 *
 * (Interface first; the implementation lands with the answering core.)
 */
import type { Config } from '../config.js';
import type { QuestionAnswerer } from '../core/answer.js';
import type { Logger } from '../logger.js';

export interface KnowledgeBase {
  answerer: QuestionAnswerer;
  /** Number of indexed chunks. */
  chunkCount: number;
  close(): Promise<void>;
}

export interface OpenKnowledgeBaseOptions {
  config: Config;
  logger: Logger;
}

export async function openKnowledgeBase(_opts: OpenKnowledgeBaseOptions): Promise<KnowledgeBase> {
  throw new Error('openKnowledgeBase: not implemented yet');
}
