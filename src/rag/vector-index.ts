/**
 * Dense retrieval over hnswlib-node directly (not through LangChain's
 * HNSWLib, which cannot delete): each chunk id has a numeric label, kept in
 * `hnsw-labels.json` beside the graph. An update marks the labels of removed
 * or edited chunks deleted and adds the new points, so a changed file costs
 * only its own chunks; the caller rebuilds from the cached vectors once too
 * many labels are deleted ({@link HnswVectorIndex.deletedShare}).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Embedder } from './embedder.js';
import type { ScoredId } from './lexical-index.js';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

const M = 16;
const EF_CONSTRUCTION = 200;
const SEED = 100;

export interface VectorIndex {
  search(vector: number[], k: number): Promise<ScoredId[]>;
  save(dir: string): Promise<void>;
  readonly size: number;
}

/** A vector to add: chunk id and its embedding. */
export interface LabeledVector {
  id: string;
  vector: ArrayLike<number>;
}

export class HnswVectorIndex implements VectorIndex {
  private readonly labelOf = new Map<string, number>();

  private constructor(
    private index: Hnsw | null,
    /** Label → chunk id (null once deleted). */
    private readonly labels: Array<string | null>,
    private readonly dim: number,
  ) {
    labels.forEach((id, label) => {
      if (id !== null) this.labelOf.set(id, label);
    });
  }

  /** Live (not deleted) points. */
  get size(): number {
    return this.labelOf.size;
  }

  /** Share of the graph's labels that are deleted. */
  get deletedShare(): number {
    return this.labels.length === 0 ? 0 : 1 - this.labelOf.size / this.labels.length;
  }

  /** Build from precomputed vectors, one per id. */
  static async build(embedder: Embedder, ids: string[], vectors: ArrayLike<number>[]): Promise<HnswVectorIndex> {
    const b = HnswVectorIndex.builder(vectors[0]?.length ?? embedder.dim, ids.length);
    for (let label = 0; label < ids.length; label++) b.add(ids[label] as string, vectors[label] as ArrayLike<number>);
    return b.finish();
  }

  /**
   * Build point by point (labels in order), e.g. while the rest of a build
   * is still being computed; the same graph as {@link build} of the same
   * points in the same order.
   * @param capacity the number of points that will be added
   */
  static builder(dim: number, capacity: number): { add(id: string, vector: ArrayLike<number>): void; finish(): HnswVectorIndex } {
    const ids: string[] = [];
    let index: Hnsw | null = null;
    return {
      add(id, vector) {
        if (!index) {
          index = new HierarchicalNSW('cosine', dim);
          index.initIndex(Math.max(1, capacity), M, EF_CONSTRUCTION, SEED, true);
        }
        index.addPoint(Array.from(vector), ids.length);
        ids.push(id);
      },
      finish: () => new HnswVectorIndex(index, ids, dim),
    };
  }

  /** Load what {@link save} wrote (an empty index when nothing was saved). */
  static async load(dir: string, embedder: Embedder): Promise<HnswVectorIndex> {
    const labelsFile = join(dir, 'hnsw-labels.json');
    if (!existsSync(labelsFile)) return new HnswVectorIndex(null, [], embedder.dim);
    const { dim, labels } = JSON.parse(readFileSync(labelsFile, 'utf8')) as { dim: number; labels: Array<string | null> };
    if (labels.length === 0) return new HnswVectorIndex(null, [], dim);
    const index = new HierarchicalNSW('cosine', dim);
    index.readIndexSync(join(dir, 'hnsw.index'), true);
    return new HnswVectorIndex(index, labels, dim);
  }

  /** Has a live point for this chunk id. */
  has(id: string): boolean {
    return this.labelOf.has(id);
  }

  /**
   * Delete the points of `removed` and add `added` (in place).
   * @returns this index
   */
  update(removed: Iterable<string>, added: readonly LabeledVector[]): HnswVectorIndex {
    const dim = added[0]?.vector.length ?? this.dim;
    let index = this.index;
    for (const id of removed) {
      const label = this.labelOf.get(id);
      if (label === undefined || !index) continue;
      index.markDelete(label);
      this.labels[label] = null;
      this.labelOf.delete(id);
    }
    if (added.length === 0) return this;
    if (!index) {
      index = new HierarchicalNSW('cosine', dim);
      index.initIndex(added.length, M, EF_CONSTRUCTION, SEED, true);
      this.index = index;
    } else if (this.labels.length + added.length > index.getMaxElements()) {
      index.resizeIndex(Math.ceil((this.labels.length + added.length) * 1.25));
    }
    for (const a of added) {
      const old = this.labelOf.get(a.id);
      if (old !== undefined) {
        index.markDelete(old);
        this.labels[old] = null;
      }
      const label = this.labels.length;
      index.addPoint(Array.from(a.vector), label);
      this.labels.push(a.id);
      this.labelOf.set(a.id, label);
    }
    return this;
  }

  async save(dir: string): Promise<void> {
    writeFileSync(join(dir, 'hnsw-labels.json'), JSON.stringify({ dim: this.dim, labels: this.labels }));
    if (this.index && this.labels.length > 0) this.index.writeIndexSync(join(dir, 'hnsw.index'));
  }

  /** Nearest chunks; score = cosine similarity (1 - distance). */
  async search(vector: number[], k: number): Promise<ScoredId[]> {
    if (!this.index || this.size === 0) return [];
    const { neighbors, distances } = this.index.searchKnn(vector, Math.min(k, this.size));
    const out: ScoredId[] = [];
    neighbors.forEach((label, i) => {
      const id = this.labels[label];
      if (id) out.push({ id, score: 1 - (distances[i] as number) });
    });
    return out;
  }
}
