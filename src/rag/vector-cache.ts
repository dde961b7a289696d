/**
 * The embedding cache of a snapshot: `Float32Array` rows keyed by the hash
 * of the embedded text, in immutable segment files (`vectors-<id>.bin`)
 * listed in `vectors.json`. A new snapshot hard-links the segments it still
 * uses and writes only the rows embedded since into a new segment, so an
 * update neither reads nor rewrites the whole cache; rows are read one by
 * one when asked for. Once dead rows outnumber live ones, the live rows are
 * rewritten into one segment.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeParts } from './stream-write.js';
import { linkOrCopy } from './vector-index.js';

interface Segment {
  file: string;
  keys: string[];
}

interface CacheFile {
  dim: number;
  /** Key of each chunk of the snapshot, in chunk order. */
  keys: string[];
  /** Absent in the first format: one segment `vectors.bin` with `keys` as rows. */
  segments?: Segment[];
}

export class VectorCache {
  /** key → segment index and row. */
  private readonly where = new Map<string, { seg: number; row: number }>();
  private readonly fresh = new Map<string, Float32Array>();
  private readonly fds: Array<number | null>;
  /** Fresh rows already written to a segment of the new snapshot ({@link spill}): key → row. */
  private spilled: { dir: string; seg: Segment; fd: number; row: Map<string, number> } | null = null;

  private constructor(
    private readonly dir: string | null,
    private readonly segments: Segment[],
    /** Keys of the snapshot's chunks, in chunk order. */
    readonly chunkKeys: string[],
    private dim: number,
  ) {
    segments.forEach((s, seg) => {
      s.keys.forEach((k, row) => {
        if (!this.where.has(k)) this.where.set(k, { seg, row });
      });
    });
    this.fds = segments.map(() => null);
  }

  /** An empty cache. */
  static empty(dim: number): VectorCache {
    return new VectorCache(null, [], [], dim);
  }

  /** The cache of the snapshot in `dir` (empty when it has none or it does not match). */
  static open(dir: string | null, dim: number): VectorCache {
    if (!dir) return VectorCache.empty(dim);
    try {
      const meta = JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8')) as CacheFile;
      const segments = meta.segments ?? [{ file: 'vectors.bin', keys: meta.keys }];
      for (const s of segments) if (!existsSync(join(dir, s.file))) return VectorCache.empty(dim);
      return new VectorCache(dir, segments, meta.keys, meta.dim);
    } catch {
      // No cache (older format or missing): everything is embedded again.
      return VectorCache.empty(dim);
    }
  }

  has(key: string): boolean {
    return this.fresh.has(key) || this.where.has(key) || this.spilled?.row.has(key) === true;
  }

  /**
   * Write the fresh rows held in memory to a new segment in `dir` (the
   * snapshot being written, passed again to {@link save}) and drop them from
   * memory: a large build does not hold every new vector until the end.
   */
  spill(dir: string): void {
    if (this.fresh.size === 0) return;
    if (!this.spilled) {
      const file = `vectors-${randomBytes(6).toString('hex')}.bin`;
      this.spilled = { dir, seg: { file, keys: [] }, fd: openSync(join(dir, file), 'w+'), row: new Map() };
    }
    const sp = this.spilled;
    const all = new Float32Array(this.fresh.size * this.dim);
    let i = 0;
    for (const [k, row] of this.fresh) {
      all.set(row, i * this.dim);
      sp.row.set(k, sp.seg.keys.length);
      sp.seg.keys.push(k);
      i++;
    }
    const bytes = new Uint8Array(all.buffer);
    let at = 0;
    while (at < bytes.length) at += writeSync(sp.fd, bytes, at, bytes.length - at);
    this.fresh.clear();
  }

  /** The row of `key` (read from its segment file on demand). */
  get(key: string): Float32Array | undefined {
    const hit = this.fresh.get(key);
    if (hit) return hit;
    const sp = this.spilled?.row.get(key);
    if (sp !== undefined && this.spilled) return this.readRow(this.spilled.fd, sp, this.spilled.seg.file);
    const at = this.where.get(key);
    if (!at || !this.dir) return undefined;
    let fd = this.fds[at.seg];
    if (fd === null || fd === undefined) {
      fd = openSync(join(this.dir, (this.segments[at.seg] as Segment).file), 'r');
      this.fds[at.seg] = fd;
    }
    return this.readRow(fd, at.row, (this.segments[at.seg] as Segment).file);
  }

  private readRow(fd: number, index: number, file: string): Float32Array {
    const row = new Float32Array(this.dim);
    const bytes = this.dim * 4;
    const n = readSync(fd, new Uint8Array(row.buffer), 0, bytes, index * bytes);
    if (n !== bytes) throw new Error(`vector cache row ${index} of ${file} is truncated`);
    return row;
  }

  /** Add a row embedded in this build. */
  set(key: string, row: Float32Array): void {
    if (this.fresh.size === 0 && this.where.size === 0) this.dim = row.length;
    this.fresh.set(key, row);
  }

  /**
   * Write the cache of a new snapshot into `dir`: the segments that hold
   * rows of `chunkKeys` are linked, the new rows go into one new segment.
   */
  save(dir: string, chunkKeys: readonly string[]): void {
    const live = new Set(chunkKeys);
    const sp = this.spilled;
    if (sp && sp.dir !== dir) throw new Error('vector cache spilled into another snapshot');
    const usedSegs = new Set<number>();
    const newKeys: string[] = [];
    let spillUsed = false;
    for (const k of live) {
      const at = this.where.get(k);
      if (this.fresh.has(k)) newKeys.push(k);
      else if (sp?.row.has(k)) spillUsed = true;
      else if (at) usedSegs.add(at.seg);
      else newKeys.push(k);
    }
    const keptRows = [...usedSegs].reduce((n, s) => n + (this.segments[s] as Segment).keys.length, 0) + (spillUsed && sp ? sp.seg.keys.length : 0);
    const segments: Segment[] = [];
    let toWrite = newKeys;
    let keepSpill = spillUsed;
    if (keptRows > 2 * live.size) {
      // Mostly dead rows: rewrite the live ones.
      toWrite = [...live];
      keepSpill = false;
    } else {
      for (const s of [...usedSegs].sort((a, b) => a - b)) {
        const seg = this.segments[s] as Segment;
        linkOrCopy(join(this.dir as string, seg.file), join(dir, seg.file));
        segments.push(seg);
      }
      if (keepSpill && sp) segments.push(sp.seg);
    }
    if (toWrite.length > 0) {
      const file = `vectors-${randomBytes(6).toString('hex')}.bin`;
      const all = new Float32Array(toWrite.length * this.dim);
      toWrite.forEach((k, i) => {
        const row = this.get(k);
        if (!row) throw new Error(`no vector for ${k}`);
        all.set(row, i * this.dim);
      });
      writeParts(join(dir, file), [all]);
      segments.push({ file, keys: toWrite });
    }
    if (sp && !keepSpill) rmSync(join(sp.dir, sp.seg.file), { force: true });
    const out: CacheFile = { dim: this.dim, keys: [...chunkKeys], segments };
    writeFileSync(join(dir, 'vectors.json'), JSON.stringify(out));
  }

  /** Close the segment files. */
  close(): void {
    for (const fd of this.fds) if (fd !== null) closeSync(fd);
    this.fds.fill(null);
    if (this.spilled) closeSync(this.spilled.fd);
    this.spilled = null;
  }
}
