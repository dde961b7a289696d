/**
 * OpenAI-compatible embeddings (`/v1/embeddings`), used instead of the local
 * hashing embedder when `OPENAI_EMBEDDING_MODEL` is set.
 */
import OpenAI from 'openai';
import { AppError } from '../errors.js';
import type { Embedder } from '../rag/embedder.js';

export class OpenAiEmbedder implements Embedder {
  private readonly client: OpenAI;
  readonly id: string;
  private dimension = 0;

  constructor(opts: { apiKey: string; baseURL?: string; model: string; timeoutMs?: number }) {
    this.client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 1, timeout: opts.timeoutMs ?? 30_000 });
    this.model = opts.model;
    this.id = `openai:${opts.model}`;
  }

  private readonly model: string;

  get dim(): number {
    return this.dimension;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    try {
      const res = await this.client.embeddings.create({ model: this.model, input: texts, encoding_format: 'float' });
      const out = res.data.sort((a, b) => a.index - b.index).map((d) => d.embedding);
      this.dimension = out[0]?.length ?? this.dimension;
      return out;
    } catch (err) {
      throw new AppError('EMBEDDING_FAILED', `Embedding request failed: ${(err as Error).message}`, { cause: err });
    }
  }
}
