/**
 * Dense retrieval over hnswlib-node directly (not through LangChain's
 * HNSWLib, which cannot delete): each chunk id has a numeric label, kept in
 * `hnsw-labels.json` beside the graph. An update marks the labels of removed
 * or edited chunks deleted and adds the new points, so a changed file costs
 * only its own chunks; the caller rebuilds from the cached vectors once too
 * many labels are deleted ({@link HnswVectorIndex.deletedShare}).
 */
import { copyFileSync, existsSync, linkSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Points added since the graph file was written are kept aside (and replayed at load) up to this many, or this share of the graph. */
const MAX_PENDING = 5000;
const MAX_PENDING_SHARE = 0.1;

interface LabelsFile {
  dim: number;
  labels: Array<string | null>;
  /** Labels below this are in `hnsw.index`; the others are in `hnsw-pending.bin` (absent: all in the graph). */
  graphSize?: number;
  /** Labels of the graph file deleted since it was written. */
  tombstones?: number[];
}

/**
 * An HNSW graph file plus a small delta: labels deleted since it was
 * written (tombstones, filtered at search) and points added since
 * (`hnsw-pending.bin`, added to the graph when it is loaded). An update
 * touches only the delta and links the graph file into the new snapshot;
 * the graph is rewritten once the delta grows past {@link MAX_PENDING} points
 * or {@link MAX_PENDING_SHARE} of the graph. The graph itself is read on
 * first use ({@link ready}), so an update that never searches never reads it.
 */
export class HnswVectorIndex implements VectorIndex {
  private readonly labelOf = new Map<string, number>();
  private loading: Promise<Hnsw | null> | null = null;

  private constructor(
    private index: Hnsw | null,
    /** Label → chunk id (null once deleted). */
    private readonly labels: Array<string | null>,
    private readonly dim: number,
    /** Where the graph of labels below `graphSize` is read from, when not loaded yet. */
    private graphFile: string | null = null,
    private graphSize = labels.length,
    /** Vectors of labels from `graphSize` on, in label order. */
    private pending: Float32Array[] = [],
    /** Labels below `graphSize` deleted since the graph file was written. */
    private tombstones: number[] = [],
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

  /** Points not yet written into the graph file. */
  get pendingCount(): number {
    return this.pending.length;
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

  /**
   * Open what {@link save} wrote (an empty index when nothing was saved);
   * the graph is read on first use.
   */
  static async open(dir: string, embedder: Embedder): Promise<HnswVectorIndex> {
    const labelsFile = join(dir, 'hnsw-labels.json');
    if (!existsSync(labelsFile)) return new HnswVectorIndex(null, [], embedder.dim);
    const { dim, labels, graphSize = labels.length, tombstones = [] } = JSON.parse(readFileSync(labelsFile, 'utf8')) as LabelsFile;
    const pending: Float32Array[] = [];
    if (graphSize < labels.length) {
      const raw = readFileSync(join(dir, 'hnsw-pending.bin'));
      const buf = raw.byteOffset % 4 === 0 ? raw : Buffer.from(raw);
      if (buf.byteLength !== (labels.length - graphSize) * dim * 4) throw new Error('hnsw-pending.bin does not match hnsw-labels.json');
      for (let i = 0; i < labels.length - graphSize; i++) pending.push(new Float32Array(buf.buffer, buf.byteOffset + i * dim * 4, dim));
    }
    return new HnswVectorIndex(null, labels, dim, graphSize > 0 ? join(dir, 'hnsw.index') : null, graphSize, pending, tombstones);
  }

  /** Load what {@link save} wrote, graph included. */
  static async load(dir: string, embedder: Embedder): Promise<HnswVectorIndex> {
    const v = await HnswVectorIndex.open(dir, embedder);
    await v.ready();
    return v;
  }

  /** The graph, read from its file and the delta replayed on first call. */
  async ready(): Promise<Hnsw | null> {
    if (this.index || !this.graphFile) return this.index;
    this.loading ??= (async () => {
      const index = new HierarchicalNSW('cosine', this.dim);
      index.readIndexSync(this.graphFile as string, true);
      this.replay(index);
      this.index = index;
      this.graphFile = null;
      return index;
    })();
    return this.loading;
  }

  /** Apply the tombstones and pending points to a graph read from its file. */
  private replay(index: Hnsw): void {
    if (this.labels.length > index.getMaxElements()) index.resizeIndex(Math.ceil(this.labels.length * 1.25));
    for (const label of this.tombstones) index.markDelete(label);
    this.pending.forEach((v, i) => {
      const label = this.graphSize + i;
      if (this.labels[label] !== null) index.addPoint(Array.from(v), label);
    });
  }

  /** Has a live point for this chunk id. */
  has(id: string): boolean {
    return this.labelOf.has(id);
  }

  /**
   * Delete the points of `removed` and add `added` (in place). A graph not
   * read yet is not read: the change is kept as its delta.
   * @returns this index
   */
  update(removed: Iterable<string>, added: readonly LabeledVector[]): HnswVectorIndex {
    const dim = added[0]?.vector.length ?? this.dim;
    const lazy = this.index === null && this.graphFile !== null;
    let index = this.index;
    const drop = (label: number) => {
      if (index) index.markDelete(label);
      else if (label < this.graphSize) this.tombstones.push(label);
      this.labels[label] = null;
    };
    for (const id of removed) {
      const label = this.labelOf.get(id);
      if (label === undefined) continue;
      drop(label);
      this.labelOf.delete(id);
    }
    if (added.length === 0) return this;
    if (lazy) {
      for (const a of added) {
        const old = this.labelOf.get(a.id);
        if (old !== undefined) drop(old);
        this.labelOf.set(a.id, this.labels.length);
        this.labels.push(a.id);
        this.pending.push(Float32Array.from(a.vector));
      }
      return this;
    }
    if (!index) {
      index = new HierarchicalNSW('cosine', dim);
      index.initIndex(added.length, M, EF_CONSTRUCTION, SEED, true);
      this.index = index;
    } else if (this.labels.length + added.length > index.getMaxElements()) {
      index.resizeIndex(Math.ceil((this.labels.length + added.length) * 1.25));
    }
    for (const a of added) {
      const old = this.labelOf.get(a.id);
      if (old !== undefined) drop(old);
      const label = this.labels.length;
      index.addPoint(Array.from(a.vector), label);
      this.labels.push(a.id);
      this.labelOf.set(a.id, label);
    }
    // Points now in the in-memory graph are written with it.
    this.pending = [];
    this.tombstones = [];
    this.graphSize = this.labels.length;
    return this;
  }

  /**
   * Write into `dir`. A graph that was not read is linked (not copied) from
   * its file, with its delta beside it, until the delta is too large.
   */
  async save(dir: string): Promise<void> {
    const compact = this.pending.length > MAX_PENDING || this.pending.length > this.graphSize * MAX_PENDING_SHARE;
    if (compact) await this.ready();
    if (this.index === null && this.graphFile !== null) {
      linkOrCopy(this.graphFile, join(dir, 'hnsw.index'));
      const out: LabelsFile = { dim: this.dim, labels: this.labels, graphSize: this.graphSize, tombstones: this.tombstones };
      writeFileSync(join(dir, 'hnsw-labels.json'), JSON.stringify(out));
      const all = new Float32Array(this.pending.length * this.dim);
      this.pending.forEach((v, i) => {
        all.set(v, i * this.dim);
      });
      writeFileSync(join(dir, 'hnsw-pending.bin'), Buffer.from(all.buffer, all.byteOffset, all.byteLength));
      return;
    }
    this.pending = [];
    this.tombstones = [];
    this.graphSize = this.labels.length;
    writeFileSync(join(dir, 'hnsw-labels.json'), JSON.stringify({ dim: this.dim, labels: this.labels } satisfies LabelsFile));
    if (this.index && this.labels.length > 0) this.index.writeIndexSync(join(dir, 'hnsw.index'));
  }

  /** Nearest chunks; score = cosine similarity (1 - distance). */
  async search(vector: number[], k: number): Promise<ScoredId[]> {
    if (this.size === 0) return [];
    const index = await this.ready();
    if (!index) return [];
    const { neighbors, distances } = index.searchKnn(vector, Math.min(k, this.size));
    const out: ScoredId[] = [];
    neighbors.forEach((label, i) => {
      const id = this.labels[label];
      if (id) out.push({ id, score: 1 - (distances[i] as number) });
    });
    return out;
  }
}

/** Hard-link `from` to `to` (same file system), else copy it. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
