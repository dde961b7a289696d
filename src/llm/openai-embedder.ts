/**
 * OpenAI-compatible embeddings (`POST /v1/embeddings`: OpenAI, Ollama, vLLM,
 * Hugging Face TEI), used instead of the local hashing embedder when
 * `OPENAI_EMBEDDING_MODEL` is set.
 *
 * - Asks for `encoding_format: 'float'` (openai 6 defaults to base64) and
 *   still decodes a base64 Float32 string if a server sends one anyway.
 * - Sends at most `batchSize` texts per request (TEI limits a request's
 *   batch; 32 is its default) and puts the vectors back in input order.
 * - Its {@link Embedder.id} names the model **and the dimension** measured by
 *   a probe request ({@link openOpenAiEmbedder}), so a change of model or of
 *   dimension changes the id, and the index re-embeds every chunk.
 * - Every vector is checked (count, length, finite numbers); anything else is
 *   `EMBEDDING_FAILED`.
 */
import OpenAI from 'openai';
import { AppError } from '../errors.js';
import type { Embedder } from '../rag/embedder.js';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  /** Texts per request (default 32). */
  batchSize?: number;
  /** SDK retries (429, 5xx, connection errors) per request (default 2). */
  maxRetries?: number;
}

/** Decode a vector sent as base64 little-endian Float32 (OpenAI's compact format). */
export function decodeBase64Vector(s: string): number[] {
  const buf = Buffer.from(s, 'base64');
  if (buf.length === 0 || buf.length % 4 !== 0) throw new Error('base64 embedding is not a Float32 array');
  const out: number[] = [];
  for (let i = 0; i < buf.length; i += 4) out.push(buf.readFloatLE(i));
  return out;
}

export class OpenAiEmbedder implements Embedder {
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly batchSize: number;
  private dimension: number;

  constructor(opts: OpenAiEmbedderOptions, dim = 0) {
    this.client = new OpenAI({
      apiKey: opts.apiKey,
      baseURL: opts.baseURL,
      maxRetries: opts.maxRetries ?? 2,
      timeout: opts.timeoutMs ?? 30_000,
    });
    this.model = opts.model;
    this.batchSize = Math.max(1, opts.batchSize ?? 32);
    this.dimension = dim;
  }

  /** `openai:<model>:<dim>`; the dimension is 0 until known. */
  get id(): string {
    return `openai:${this.model}:${this.dimension}`;
  }

  get dim(): number {
    return this.dimension;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) out.push(...(await this.embedBatch(texts.slice(i, i + this.batchSize))));
    return out;
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    let data: Array<{ index: number; embedding: unknown }>;
    try {
      const res = await this.client.embeddings.create({ model: this.model, input: texts, encoding_format: 'float' });
      data = res.data as Array<{ index: number; embedding: unknown }>;
    } catch (err) {
      const status = err instanceof OpenAI.APIError && err.status ? ` (HTTP ${err.status})` : '';
      throw new AppError('EMBEDDING_FAILED', `Embedding request failed${status}: ${(err as Error).message}`, { cause: err });
    }
    if (!Array.isArray(data) || data.length !== texts.length) {
      throw new AppError('EMBEDDING_FAILED', `Embedding server returned ${Array.isArray(data) ? data.length : 'no'} vectors for ${texts.length} texts`);
    }
    const vectors = [...data].sort((a, b) => a.index - b.index).map((d) => this.check(d.embedding));
    return vectors;
  }

  private check(raw: unknown): number[] {
    const v = typeof raw === 'string' ? decodeBase64Vector(raw) : raw;
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new AppError('EMBEDDING_FAILED', 'Embedding server returned a vector that is not a list of numbers');
    }
    if (this.dimension === 0) this.dimension = v.length;
    else if (v.length !== this.dimension) {
      throw new AppError(
        'EMBEDDING_FAILED',
        `Embedding dimension changed from ${this.dimension} to ${v.length}: restart so that the index is rebuilt with the new model`,
      );
    }
    return v as number[];
  }
}

/**
 * Create the embedder and measure its dimension with one probe request, so
 * that its id (model + dimension) is known before the index is opened.
 * @throws AppError EMBEDDING_FAILED when the server cannot be reached
 */
export async function openOpenAiEmbedder(opts: OpenAiEmbedderOptions): Promise<OpenAiEmbedder> {
  const probe = new OpenAiEmbedder(opts);
  const [v] = await probe.embed(['kiểm tra']);
  return new OpenAiEmbedder(opts, v?.length ?? 0);
}
