/**
 * Builds the OpenAI-compatible adapters the configuration asks for, for the
 * composition roots (`src/main.ts`, the CLI). The answering core receives
 * them as {@link Generator} / {@link Embedder} ports and never imports
 * `openai`.
 */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Embedder } from '../rag/embedder.js';
import type { Generator } from '../rag/generator.js';
import { openOpenAiEmbedder } from './openai-embedder.js';
import { OpenAiGenerator } from './openai-generator.js';

export interface LlmPorts {
  /** Chat model (answers, query rewrite); absent without `OPENAI_MODEL`. */
  generator?: Generator;
  /** Remote embeddings; absent without `OPENAI_EMBEDDING_MODEL` (the local hashing embedder is used). */
  embedder?: Embedder;
}

/**
 * @param opts.chat false to skip the chat model (e.g. `cli index`)
 * @throws AppError EMBEDDING_FAILED when the embedding server does not answer the probe
 */
export async function createLlmPorts(config: Config, logger: Logger, opts: { chat?: boolean } = {}): Promise<LlmPorts> {
  const ports: LlmPorts = {};
  if (config.llm && opts.chat !== false) {
    ports.generator = new OpenAiGenerator(config.llm);
    // Never the key: where and which model only.
    logger.info({ baseURL: config.llm.baseURL ?? 'https://api.openai.com/v1', model: config.llm.model }, 'LLM mode: chat model configured');
  }
  if (config.embeddings) {
    const embedder = await openOpenAiEmbedder({ ...config.embeddings });
    logger.info(
      { baseURL: config.embeddings.baseURL ?? 'https://api.openai.com/v1', model: config.embeddings.model, dim: embedder.dim },
      'LLM mode: embedding model configured',
    );
    ports.embedder = embedder;
  }
  return ports;
}
