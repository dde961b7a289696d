/**
 * Dense retrieval through LangChain's HNSWLib store (hnswlib-node). Vectors
 * are computed by our {@link Embedder} and added directly, so building an
 * index from cached vectors embeds nothing.
 */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder } from './embedder.js';
import type { ScoredId } from './lexical-index.js';

/** Adapts our Embedder to LangChain's Embeddings interface. */
class EmbedderAdapter extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }
  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedder.embed(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedder.embed([text]))[0] as number[];
  }
}

export interface VectorIndex {
  search(vector: number[], k: number): Promise<ScoredId[]>;
  save(dir: string): Promise<void>;
  readonly size: number;
}

export class HnswVectorIndex implements VectorIndex {
  private constructor(
    private readonly store: HNSWLib,
    readonly size: number,
  ) {}

  /** Build from precomputed vectors, one per id. */
  static async build(embedder: Embedder, ids: string[], vectors: number[][]): Promise<HnswVectorIndex> {
    const store = new HNSWLib(new EmbedderAdapter(embedder), { space: 'cosine', numDimensions: vectors[0]?.length ?? embedder.dim });
    if (ids.length > 0) {
      await store.addVectors(
        vectors,
        ids.map((id) => new Document({ pageContent: '', metadata: { id } })),
      );
    }
    return new HnswVectorIndex(store, ids.length);
  }

  static async load(dir: string, embedder: Embedder, size: number): Promise<HnswVectorIndex> {
    return new HnswVectorIndex(await HNSWLib.load(dir, new EmbedderAdapter(embedder)), size);
  }

  async save(dir: string): Promise<void> {
    if (this.size > 0) await this.store.save(dir);
  }

  /** Nearest chunks; score = cosine similarity (1 - distance). */
  async search(vector: number[], k: number): Promise<ScoredId[]> {
    if (this.size === 0) return [];
    const hits = await this.store.similaritySearchVectorWithScore(vector, Math.min(k, this.size));
    return hits.map(([doc, distance]) => ({ id: String(doc.metadata.id), score: 1 - distance }));
  }
}
