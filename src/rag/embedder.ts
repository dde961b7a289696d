/**
 * Embedders turn texts into vectors. The local {@link HashEmbedder} needs no
 * model and no network; an OpenAI-compatible one is used when configured.
 */
import { createHash } from 'node:crypto';
import { BoundedCache } from '../core/bounded-cache.js';
import type { Glossary } from '../text/glossary.js';
import { foldText, normalizeText } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';

export interface Embedder {
  /** Identifies the embedding space; vectors from different ids never mix. */
  readonly id: string;
  readonly dim: number;
  embed(texts: string[]): Promise<number[][]>;
}

/** Features repeat across a corpus: their md5 buckets are memoised (bounded), per dimension, as a signed bucket + 1. */
const bucketCaches = new Map<number, BoundedCache<string, number>>();
const BUCKET_CACHE_MAX = 500_000;

/** Bucket of a feature, signed and shifted by one: +(index + 1) or −(index + 1). */
function bucket(feature: string, dim: number): number {
  let cache = bucketCaches.get(dim);
  if (!cache) {
    cache = new BoundedCache(BUCKET_CACHE_MAX);
    bucketCaches.set(dim, cache);
  }
  return cache.get(feature, (f) => {
    const d = createHash('md5').update(f).digest();
    return ((d[4] as number) & 1 ? 1 : -1) * ((d.readUInt32LE(0) % dim) + 1);
  });
}

/**
 * Feature-hashing embedder: folded syllables, syllable bigrams, glossary
 * expansions and character 4-grams, hashed with signs into `dim` buckets and
 * L2-normalised. It captures spelling-level similarity (typos, missing
 * accents, word order) — not meaning: synonyms with no shared syllables do
 * not meet. Deterministic and corpus-independent, so a chunk's vector never
 * changes unless its text does.
 */
export class HashEmbedder implements Embedder {
  readonly id: string;
  constructor(
    readonly dim = 512,
    /** The glossary whose expansions are hashed too (a worker thread rebuilds the same embedder from it). */
    readonly glossary?: Glossary,
  ) {
    this.id = `hash-v1-${dim}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): number[] {
    const v = new Float64Array(this.dim);
    const add = (feature: string, weight: number) => {
      const b = bucket(feature, this.dim);
      const index = (b < 0 ? -b : b) - 1;
      v[index] = (v[index] as number) + (b < 0 ? -weight : weight);
    };
    const { folded } = tokenize(text, this.glossary);
    for (const t of folded) add(`w:${t}`, t.includes('_') ? 1.5 : 1);
    for (const word of foldText(normalizeText(text)).split(/[^a-z0-9]+/)) {
      if (word.length < 4) continue;
      const padded = `^${word}$`;
      for (let i = 0; i + 4 <= padded.length; i++) add(`c:${padded.slice(i, i + 4)}`, 0.3);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }
}

/**
 * Wraps an embedder for queries: when it fails (server down, timeout), the
 * query gets no vector and retrieval continues on the lexical index alone,
 * instead of the question failing. Index builds use the bare embedder, so a
 * failure there is never hidden.
 */
export function withLexicalFallback(embedder: Embedder, onError: (err: unknown) => void): Embedder {
  return {
    get id() {
      return embedder.id;
    },
    get dim() {
      return embedder.dim;
    },
    async embed(texts: string[]): Promise<number[][]> {
      try {
        return await embedder.embed(texts);
      } catch (err) {
        onError(err);
        return [];
      }
    },
  };
}
