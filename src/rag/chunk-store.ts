/**
 * The chunks of a snapshot, stored per source file: `chunks/<name>.json`
 * holds one knowledge file's chunks (a JSON array), and `chunk-files.json`
 * lists the files in chunk order with their chunk ids. An update links the
 * files of unchanged sources from the previous snapshot and writes only the
 * changed ones, so it neither parses nor rewrites the whole corpus; the ids
 * alone (the list) are enough to carry unchanged chunks over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chunk } from './chunk.js';
import { linkOrCopy } from './vector-index.js';

/** Folder of the per-file chunk files inside a snapshot. */
export const CHUNKS_DIR = 'chunks';
const LIST_FILE = 'chunk-files.json';

/** One source file's chunks in a snapshot. */
export interface ChunkFileEntry {
  /** Knowledge file (relative path, with its source prefix). */
  rel: string;
  /** File name under {@link CHUNKS_DIR}. */
  name: string;
  /** Ids of its chunks, in order. */
  ids: string[];
}

/** A file's chunks for a new snapshot: loaded (written anew) or carried over (linked from `from`). */
export type ChunkGroup = { rel: string; ids: string[]; chunks: Chunk[]; from?: undefined } | { rel: string; ids: string[]; chunks: null; from: string };

/** Stable file name of a source's chunks (the same in every snapshot, so it can be linked). */
export function chunkFileName(rel: string): string {
  return `${createHash('sha1').update(rel).digest('hex').slice(0, 20)}.json`;
}

/** The list of a snapshot's chunk files (throws when it has none). */
export function readChunkList(dir: string): ChunkFileEntry[] {
  return (JSON.parse(readFileSync(join(dir, LIST_FILE), 'utf8')) as { files: ChunkFileEntry[] }).files;
}

/** The chunks of one entry of {@link readChunkList}. */
export function readChunkFile(dir: string, entry: ChunkFileEntry): Chunk[] {
  const chunks = JSON.parse(readFileSync(join(dir, CHUNKS_DIR, entry.name), 'utf8')) as Chunk[];
  if (chunks.length !== entry.ids.length) throw new Error(`chunk file of ${entry.rel} does not match its list`);
  return chunks;
}

/** Every chunk of the snapshot in `dir`, in order. */
export function readAllChunks(dir: string, list = readChunkList(dir)): Chunk[] {
  const out: Chunk[] = [];
  for (const e of list) for (const c of readChunkFile(dir, e)) out.push(c);
  return out;
}

/**
 * Write the chunks of a new snapshot into `dir`: loaded groups as new files,
 * carried-over ones linked from their snapshot. Returns the list written.
 */
export function writeChunkFiles(dir: string, groups: readonly ChunkGroup[]): ChunkFileEntry[] {
  mkdirSync(join(dir, CHUNKS_DIR), { recursive: true });
  const list: ChunkFileEntry[] = [];
  const names = new Set<string>();
  for (const g of groups) {
    if (g.ids.length === 0) continue;
    const name = chunkFileName(g.rel);
    if (names.has(name)) throw new Error(`two sources share the chunk file name ${name}`);
    names.add(name);
    if (g.chunks) writeFileSync(join(dir, CHUNKS_DIR, name), JSON.stringify(g.chunks));
    else linkOrCopy(join(g.from, CHUNKS_DIR, name), join(dir, CHUNKS_DIR, name));
    list.push({ rel: g.rel, name, ids: g.ids });
  }
  writeFileSync(join(dir, LIST_FILE), JSON.stringify({ files: list }));
  return list;
}

/**
 * The previous snapshot's chunks, read one source file at a time when
 * asked for (an update reads only the changed, removed and moved ones).
 */
export class PreviousChunks {
  readonly ids: string[];
  private entryOfId: Map<string, ChunkFileEntry> | null = null;
  private readonly entryOfRel = new Map<string, ChunkFileEntry>();
  private readonly cache = new Map<string, Map<string, Chunk>>();

  constructor(
    private readonly dir: string,
    private readonly list: readonly ChunkFileEntry[],
  ) {
    let n = 0;
    for (const e of list) n += e.ids.length;
    this.ids = new Array<string>(n);
    let i = 0;
    for (const e of list) {
      this.entryOfRel.set(e.rel, e);
      for (const id of e.ids) this.ids[i++] = id;
    }
  }

  /** The entry of a source file (undefined when it had no chunks). */
  entry(rel: string): ChunkFileEntry | undefined {
    return this.entryOfRel.get(rel);
  }

  /** The chunks of a source file, as stored (fresh copies: callers may rename them). */
  fileChunks(rel: string): Chunk[] {
    const e = this.entryOfRel.get(rel);
    return e ? readChunkFile(this.dir, e) : [];
  }

  /** Read the chunks of these source files now (those an update drops), so {@link chunk} finds them without a map of every id. */
  prefetch(rels: Iterable<string>): void {
    for (const rel of rels) {
      const e = this.entryOfRel.get(rel);
      if (e && !this.cache.has(rel)) this.cache.set(rel, new Map(readChunkFile(this.dir, e).map((c) => [c.id, c])));
    }
  }

  /** A previous chunk by id (its file read once). */
  chunk(id: string): Chunk | undefined {
    for (const m of this.cache.values()) {
      const c = m.get(id);
      if (c) return c;
    }
    if (!this.entryOfId) {
      this.entryOfId = new Map();
      for (const e of this.list) for (const x of e.ids) this.entryOfId.set(x, e);
    }
    const e = this.entryOfId.get(id);
    if (!e) return undefined;
    let m = this.cache.get(e.rel);
    if (!m) {
      m = new Map(readChunkFile(this.dir, e).map((c) => [c.id, c]));
      this.cache.set(e.rel, m);
    }
    return m.get(id);
  }
}
