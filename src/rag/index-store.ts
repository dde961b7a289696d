/**
 * The persisted index under `DATA_DIR/index`, rebuilt incrementally.
 *
 * Layout: `snapshots/<name>/` holds one complete index (manifest, chunks,
 * document metadata, BM25 index, HNSW files, vector cache) and the file
 * `CURRENT` names the snapshot being served. A build writes a new snapshot
 * in a temporary folder, renames it into place, then atomically replaces
 * `CURRENT`; a build interrupted at any point leaves the previous snapshot
 * serving.
 *
 * Incremental: a manifest records the content hash (and size and mtime) of
 * every file and its chunks' hashes. Chunks are stored per source file
 * (`chunk-store.ts`): unchanged files carry their chunks over by id, their
 * chunk files hard-linked, without reading them; only the chunks of added, changed or
 * removed files are touched: they are re-tokenised into the BM25 index
 * (postings of other chunks are copied, not recomputed), their re-ranking
 * features computed, their HNSW labels marked deleted and their new points
 * added (the graph is rebuilt from the cached vectors once more than
 * {@link HNSW_REBUILD_SHARE} of its labels are deleted). Embeddings are
 * cached as `Float32Array` rows in segment files (`vector-cache.ts`, keyed
 * by the hash of the embedded text), so only new or edited text is embedded.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { DocMeta } from '../knowledge/document.js';
import { type BinaryLoader, type KnowledgeFile, type LoadError, listKnowledgeFiles, loadKnowledge } from '../knowledge/load-knowledge.js';
import type { Logger } from '../logger.js';
import type { Glossary } from '../text/glossary.js';
import { addSpellingCounts, countSpellings, type SpellingCounts } from '../text/query/diacritics.js';
import { analyzeChunks } from './analysis-pool.js';
import { type Chunk, chunkDocument, hashText } from './chunk.js';
import { type AnalyzedBatch, type BatchDecoder, embeddingText } from './chunk-analysis.js';
import { aliasesOf, ChunkFeatureStore } from './chunk-features.js';
import { type ChunkFileEntry, type ChunkGroup, PreviousChunks, readAllChunks, readChunkList, writeChunkFiles } from './chunk-store.js';
import { distinctDf } from './distinct-frequencies.js';
import { type Embedder, HashEmbedder } from './embedder.js';
import { LexicalIndex } from './lexical-index.js';
import { loadSpellings, saveSpellings } from './spelling-store.js';
import { VectorCache } from './vector-cache.js';
import { HnswVectorIndex, type LabeledVector, type VectorIndex } from './vector-index.js';

/** Bump when tokenisation or chunking changes, to force a rebuild. */
export const INDEX_FORMAT = 'cchc-index-v13';

/** Rebuild the HNSW graph once this share of its labels is deleted. */
export const HNSW_REBUILD_SHARE = 0.2;

export interface ManifestFile {
  hash: string;
  /** Size and modification time of the file when it was hashed (`statKey` in load-knowledge.ts). */
  stat?: string;
  chunks: Array<{ id: string; hash: string }>;
}

export interface Manifest {
  format: string;
  embedderId: string;
  knowledgeHash: string;
  /** The salt the index was built with (glossary hash): a different one forces a full build. */
  salt?: string;
  builtAt: string;
  /** When the build started (epoch ms): recorded hashes are trusted only for files last modified well before. */
  startedAt?: number;
  files: Record<string, ManifestFile>;
  errors: LoadError[];
}

export interface DocumentInfo extends DocMeta {
  file: string;
}

export interface IndexSnapshot {
  dir: string;
  manifest: Manifest;
  chunks: Chunk[];
  documents: DocumentInfo[];
  lexical: LexicalIndex;
  vectors: VectorIndex;
  /** Re-ranking features, precomputed at build time. */
  features: ChunkFeatureStore;
  /** The chunk texts' spelling counts for diacritic restoration; absent in an older snapshot (counted on first use). */
  spellings?: SpellingCounts;
}

export interface IndexChanges {
  addedFiles: string[];
  changedFiles: string[];
  removedFiles: string[];
  unchangedFiles: number;
  addedChunks: number;
  removedChunks: number;
  /** Chunks sent to the embedder in this build. */
  embedded: number;
  /** Chunks whose cached vector was reused. */
  reused: number;
  /** True when the previous snapshot was updated in place of a full build. */
  incremental: boolean;
  /** Milliseconds per step of the build (load, indexes, write), for benchmarks. */
  phases: Record<string, number>;
  errors: LoadError[];
  ms: number;
  /** CPU milliseconds of the whole process (all threads) during the build: less sensitive than `ms` to other load on the machine. */
  cpuMs: number;
}

export interface OpenIndexOptions {
  knowledgeDir: string;
  dataDir: string;
  embedder: Embedder;
  glossary?: Glossary;
  /** Extra bytes that change what is indexed (e.g. the glossary file). */
  salt?: string;
  binary?: BinaryLoader;
  logger?: Logger;
  /** Rebuild even when nothing changed. */
  force?: boolean;
  /**
   * More folders of documents indexed beside the knowledge dir (the console's
   * uploads under `DATA_DIR`); their files are listed as `<prefix>/<rel>`.
   * A missing folder is skipped.
   */
  extraSources?: ReadonlyArray<{ dir: string; prefix: string }>;
  /**
   * Worker threads for the per-chunk analysis of a large build (default: the
   * number of cores; 0: this thread). Small jobs always run in this thread.
   */
  workers?: number;
  /** Smallest job sent to the worker threads (default: `MIN_POOL_CHUNKS` of `analysis-pool.ts`). */
  minPoolChunks?: number;
  /** Test hook: called after the new snapshot is written, before CURRENT moves. */
  beforeCommit?: () => void;
}

export interface OpenIndexResult {
  snapshot: IndexSnapshot;
  /** Null when the existing index was loaded unchanged. */
  changes: IndexChanges | null;
}

const EMBED_BATCH = 64;

export { embeddingText };

/**
 * Key of a chunk's cached vector: the exact text embedded, so any change to
 * the chunk or to how its embedding text is composed re-embeds it.
 */
export function vectorKey(c: Chunk): string {
  return hashText(embeddingText(c));
}

function knowledgeHash(files: KnowledgeFile[], embedderId: string, salt: string): string {
  const h = createHash('sha256').update(INDEX_FORMAT).update(embedderId).update(salt);
  for (const f of files) h.update(f.rel).update(f.hash);
  return h.digest('hex').slice(0, 24);
}

function indexRoot(dataDir: string): string {
  return join(dataDir, 'index');
}

function readCurrent(root: string): string | null {
  try {
    const name = readFileSync(join(root, 'CURRENT'), 'utf8').trim();
    return name && existsSync(join(root, 'snapshots', name, 'manifest.json')) ? name : null;
  } catch {
    return null;
  }
}

/** Load a snapshot from disk. */
export async function loadSnapshot(dir: string, embedder: Embedder, glossary?: Glossary): Promise<IndexSnapshot> {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const chunks = readAllChunks(dir);
    const documents = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as DocumentInfo[];
    // Yield between the parts: a serving process loading a new snapshot keeps answering.
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    await pause();
    const lexical = LexicalIndex.load(dir, glossary);
    await pause();
    const vectors = await HnswVectorIndex.load(dir, embedder);
    await pause();
    const features = ChunkFeatureStore.load(dir);
    await pause();
    const spellings = loadSpellings(dir);
    return { dir, manifest, chunks, documents, lexical, vectors, features, ...(spellings ? { spellings } : {}) };
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', `Không đọc được chỉ mục tại ${dir}`, { cause: err });
  }
}

function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Files modified this close to (or after) a build's start are hashed again: their stat may not show a later change. */
const STAT_MARGIN_MS = 2000;

/**
 * The hashes of the previous build that can be reused without reading the
 * file: same path, same size and modification time (file and sidecar),
 * and last modified well before that build started (like Git's index).
 */
function trustedHashes(m: Manifest | null): ((rel: string, stat: string, mtimeMs: number) => string | undefined) | undefined {
  const since = m?.startedAt;
  if (!m || since === undefined) return undefined;
  return (rel, stat, mtimeMs) => {
    const f = m.files[rel];
    return f?.stat === stat && mtimeMs < since - STAT_MARGIN_MS ? f.hash : undefined;
  };
}

interface Previous {
  manifest: Manifest;
  /** Null when the snapshot has no per-file chunk list (an older format). */
  list: ChunkFileEntry[] | null;
  documents: DocumentInfo[];
  dir: string;
}

function readPrevious(dir: string | null, manifest: Manifest | null): Previous | null {
  if (!dir || !manifest) return null;
  try {
    const documents = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as DocumentInfo[];
    let list: ChunkFileEntry[] | null = null;
    try {
      list = manifest.format === INDEX_FORMAT ? readChunkList(dir) : null;
    } catch {
      list = null;
    }
    return { dir, manifest, list, documents };
  } catch {
    return null;
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/**
 * Open the index: load it when the knowledge is unchanged, otherwise build a
 * new snapshot incrementally and switch to it.
 */
export async function openIndex(opts: OpenIndexOptions): Promise<OpenIndexResult> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const phases: Record<string, number> = {};
  let lastPhase = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - lastPhase);
    lastPhase = now;
  };
  const startedAt = Date.now();
  const root = indexRoot(opts.dataDir);
  const current = readCurrent(root);
  const currentDir = current ? join(root, 'snapshots', current) : null;
  const currentManifest = currentDir ? readManifest(currentDir) : null;
  const known = opts.force ? undefined : trustedHashes(currentManifest);
  const files = [
    ...listKnowledgeFiles(opts.knowledgeDir, known && ((rel, stat, mtime) => known(rel, stat, mtime))),
    ...(opts.extraSources ?? []).flatMap((s) =>
      existsSync(s.dir)
        ? listKnowledgeFiles(s.dir, known && ((rel, stat, mtime) => known(`${s.prefix}/${rel}`, stat, mtime))).map((f) => ({
            ...f,
            rel: `${s.prefix}/${f.rel}`,
          }))
        : [],
    ),
  ];
  const khash = knowledgeHash(files, opts.embedder.id, opts.salt ?? '');

  if (currentDir && currentManifest && !opts.force && currentManifest.knowledgeHash === khash) {
    return { snapshot: await loadSnapshot(currentDir, opts.embedder, opts.glossary), changes: null };
  }
  phase('list');

  // === Previous snapshot (for reuse): its manifest, documents and chunk list; chunk texts only when needed
  const prev = readPrevious(currentDir, currentManifest);
  const prevManifest = prev?.manifest ?? null;
  const prevChunks = prev?.list ? new PreviousChunks(prev.dir, prev.list) : null;
  const sameEmbedder = prevManifest?.embedderId === opts.embedder.id;
  const salt = opts.salt ?? '';
  const canUpdate = !!prev && !opts.force && sameEmbedder && prevManifest?.format === INDEX_FORMAT && (prevManifest.salt ?? '') === salt;
  const vectorCache = sameEmbedder ? VectorCache.open(currentDir, opts.embedder.dim) : VectorCache.empty(opts.embedder.dim);
  // Keys of carried-over chunks come from the previous snapshot (no re-hashing of the whole corpus).
  const prevIds = prevChunks?.ids ?? [];
  const prevKeyById = new Map<string, string>();
  if (vectorCache.chunkKeys.length === prevIds.length) for (const [i, id] of prevIds.entries()) prevKeyById.set(id, vectorCache.chunkKeys[i] as string);
  phase('previous');

  // === Load changed files, reuse unchanged ones (by id, their texts left on disk)
  const unchanged = files.filter((f) => prevChunks !== null && prevManifest?.files[f.rel]?.hash === f.hash && prevManifest.format === INDEX_FORMAT);
  const unchangedSet = new Set(unchanged.map((f) => f.rel));
  const toLoad = files.filter((f) => !unchangedSet.has(f.rel));
  const loaded = await loadKnowledge(toLoad, opts.binary);
  for (const e of loaded.errors) opts.logger?.warn({ file: e.file }, e.message);

  const prevDocsByFile = groupBy(prev?.documents ?? [], (d) => d.file);
  const loadedByFile = new Map(loaded.documents.map((d) => [d.file, d]));
  const groups: ChunkGroup[] = [];
  const documents: DocumentInfo[] = [];
  const manifestFiles: Record<string, ManifestFile> = {};
  /** Chunks carried over unchanged from the previous snapshot. */
  const kept = new Set<string>();
  for (const f of files) {
    if (unchangedSet.has(f.rel) && prev) {
      const ids = [...(prevChunks?.entry(f.rel)?.ids ?? [])];
      for (const id of ids) kept.add(id);
      groups.push({ rel: f.rel, ids, chunks: null, from: prev.dir });
      documents.push(...(prevDocsByFile.get(f.rel) ?? []));
      manifestFiles[f.rel] = { ...(prevManifest?.files[f.rel] as ManifestFile), stat: f.stat };
      continue;
    }
    const doc = loadedByFile.get(f.rel);
    if (!doc) continue;
    const fileChunks = chunkDocument(doc);
    groups.push({ rel: f.rel, ids: fileChunks.map((c) => c.id), chunks: fileChunks });
    documents.push({ ...doc.meta, file: f.rel });
    manifestFiles[f.rel] = { hash: f.hash, stat: f.stat, chunks: fileChunks.map((c) => ({ id: c.id, hash: c.hash })) };
  }
  /** Read a carried-over file's chunks (its chunk file is then written anew). */
  const materialise = (g: ChunkGroup): Chunk[] => {
    if (g.chunks) return g.chunks;
    const chunks = prevChunks?.fileChunks(g.rel) ?? [];
    const m = g as { chunks: Chunk[] | null; from?: string };
    m.chunks = chunks;
    m.from = undefined;
    return chunks;
  };
  const idCount = groups.reduce((n, g) => n + g.ids.length, 0);
  if (new Set(groups.flatMap((g) => g.ids)).size !== idCount) dedupeIds(groups, kept, materialise);
  // A carried-over file with a chunk that is no longer kept (a renamed id) is analysed again.
  for (const g of groups) if (!g.chunks && g.ids.some((id) => !kept.has(id))) materialise(g);

  // === Embed only what the cache does not have (the hashing embedder's vectors come from the analysis below)
  const keys = new Map<string, string>();
  for (const g of groups) {
    g.ids.forEach((id, i) => {
      let key = kept.has(id) ? prevKeyById.get(id) : undefined;
      if (key === undefined) key = vectorKey(materialise(g)[i] as Chunk);
      keys.set(id, key);
    });
  }
  const keyOf = (id: string) => keys.get(id) as string;
  const order = groups.flatMap((g) => g.ids);
  const hash = opts.embedder instanceof HashEmbedder ? opts.embedder : null;
  const missingIds = new Set(order.filter((id) => !vectorCache.has(keyOf(id))));
  if (!hash && missingIds.size > 0) {
    const missing = groups.filter((g) => g.ids.some((id) => missingIds.has(id))).flatMap((g) => materialise(g).filter((c) => missingIds.has(c.id)));
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      const batch = missing.slice(i, i + EMBED_BATCH);
      const vecs = await opts.embedder.embed(batch.map(embeddingText));
      for (const [j, c] of batch.entries()) vectorCache.set(keyOf(c.id), Float32Array.from(vecs[j] as number[]));
    }
  }
  const rowOf = (id: string) => vectorCache.get(keyOf(id)) as Float32Array;
  const dim = hash ? hash.dim : order[0] !== undefined ? rowOf(order[0]).length : opts.embedder.dim;
  phase('load');

  // === Indexes: update the previous snapshot's, or build new ones (the new snapshot is written aside, in `tmp`)
  const snapshotsDir = join(root, 'snapshots');
  const tmp = join(snapshotsDir, `.tmp-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp, { recursive: true });
  const removed = new Set(prevIds.filter((id) => !kept.has(id)));
  const aliases = aliasesOf(documents);
  const analysis = {
    spec: { glossary: opts.glossary, hash: hash ? { dim: hash.dim, glossary: hash.glossary } : undefined },
    workers: opts.workers ?? availableParallelism(),
    minPoolChunks: opts.minPoolChunks,
    aliases: (c: Chunk) => aliases(c.docId),
    onPoolError: (err: unknown) => opts.logger?.warn({ err }, 'index worker threads unavailable; analysing in this thread'),
  };
  /**
   * Analyse `todo` (in chunk order) on the worker pool: `each` gets every
   * chunk's decoded batch, in order; vectors of the hashing embedder go to
   * the cache; `afterBatch` is told how many chunks are done.
   */
  const analyse = async (
    todo: readonly Chunk[],
    each: (c: Chunk, b: AnalyzedBatch, i: number, decoder: BatchDecoder) => void,
    afterBatch?: (done: number) => void,
  ) => {
    const wanted = todo.map((c) => hash !== null && !vectorCache.has(keyOf(c.id)));
    await analyzeChunks(todo, {
      ...analysis,
      embed: (i) => wanted[i] === true,
      onBatch(start, b, decoder) {
        let row = 0;
        const n = Math.min(b.lexEnd.length, todo.length - start);
        for (let i = 0; i < n; i++) {
          const c = todo[start + i] as Chunk;
          each(c, b, i, decoder);
          if (wanted[start + i]) vectorCache.set(keyOf(c.id), b.vectors.subarray(row * b.dim, ++row * b.dim));
        }
        afterBatch?.(start + n);
      },
    });
  };
  let built: { lexical: LexicalIndex; features: ChunkFeatureStore; vectors: HnswVectorIndex; spellings?: SpellingCounts } | null = null;
  if (canUpdate && prev && prevChunks) {
    try {
      const added = groups.flatMap((g) => (g.chunks ?? []).filter((c) => !kept.has(c.id)));
      // The files whose previous chunks are dropped (changed or removed ones): their postings are found by tokenising them again.
      prevChunks.prefetch(Object.keys(prevManifest?.files ?? {}).filter((rel) => !unchangedSet.has(rel)));
      const prevFeatures = ChunkFeatureStore.load(prev.dir);
      const lex = LexicalIndex.builder(LexicalIndex.load(prev.dir, opts.glossary), new Set([...removed, ...added.map((c) => c.id)]), opts.glossary, {
        consume: true,
        chunkOf: (id) => prevChunks.chunk(id),
      });
      const feat = ChunkFeatureStore.builder(prevFeatures, kept, { consume: true });
      phase('load indexes');
      // Kept chunks reuse their BM25 postings and features; the others are analysed.
      let cursor = 0;
      const reuseUntil = (stop: string | undefined) => {
        for (; cursor < order.length && order[cursor] !== stop; cursor++) feat.reuse(order[cursor] as string);
        cursor++;
      };
      await analyse(added, (c, b, i, decoder) => {
        reuseUntil(c.id);
        feat.addIds(c.id, decoder.featureIds(b, i, feat.intern));
        lex.addTerms(c.id, decoder.docTerms(b, i, lex.intern));
      });
      reuseUntil(undefined);
      phase('analysis');
      const lexical = lex.finish();
      phase('lexical');
      const features = feat.finish();
      if (features.size !== order.length) throw new Error('features of kept chunks missing');
      phase('features');
      let vectors = (await HnswVectorIndex.open(prev.dir, opts.embedder)).update(
        removed,
        added.map((c): LabeledVector => ({ id: c.id, vector: rowOf(c.id) })),
      );
      if (vectors.deletedShare > HNSW_REBUILD_SHARE) vectors = await HnswVectorIndex.build(opts.embedder, order, order.map(rowOf));
      phase('vectors');
      const spellings = updatedSpellings(
        prev.dir,
        [...removed].map((id) => prevChunks.chunk(id)),
        added,
      );
      phase('spellings');
      built = { lexical, features, vectors, ...(spellings ? { spellings } : {}) };
    } catch (err) {
      opts.logger?.warn({ err }, 'index update failed; rebuilding fully');
    }
  }
  const incremental = built !== null;
  /** Every chunk in memory: only a full build needs them all. */
  let allChunks: Chunk[] | null = null;
  if (!built) {
    const chunks = groups.flatMap(materialise);
    allChunks = chunks;
    // Every chunk's postings and feature lists go to files in the new snapshot's folder until the indexes are laid out.
    const lex = LexicalIndex.builder(null, new Set(), opts.glossary, { spill: join(tmp, 'lexical.spill') });
    const feat = ChunkFeatureStore.builder(null, undefined, { spill: join(tmp, 'features.spill') });
    // The graph grows while the worker threads analyse the next batches.
    const hnsw = HnswVectorIndex.builder(dim, chunks.length);
    let added = 0;
    await analyse(
      chunks,
      (c, b, i, decoder) => {
        feat.addIds(c.id, decoder.featureIds(b, i, feat.intern));
        lex.addTerms(c.id, decoder.docTerms(b, i, lex.intern));
      },
      (done) => {
        for (; added < done; added++) hnsw.add((chunks[added] as Chunk).id, rowOf((chunks[added] as Chunk).id));
        // The graph has its own copy: new vectors go to disk instead of staying in memory to the end.
        vectorCache.spill(tmp);
      },
    );
    const lexical = lex.finish();
    // The re-ranker's frequencies that count repeated text once (every chunk is at hand here; an update leaves them to the retriever).
    const features = feat.finish().withDistinct((df, keyId) => distinctDf(chunks, df, keyId, opts.glossary));
    built = { lexical, features, vectors: hnsw.finish() };
    phase('analysis+graph');
    built.spellings = countSpellings(chunks.map((c) => c.text));
    phase('spellings');
  }
  const { lexical, features, vectors: vectorIndex, spellings } = built;
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    embedderId: opts.embedder.id,
    knowledgeHash: khash,
    salt,
    builtAt: new Date().toISOString(),
    startedAt,
    files: manifestFiles,
    errors: loaded.errors,
  };

  // === Write the snapshot aside, then switch atomically
  const name = `${khash}-${Date.now().toString(36)}`;
  writeChunkFiles(tmp, groups);
  writeFileSync(join(tmp, 'documents.json'), JSON.stringify(documents));
  lexical.save(tmp);
  features.save(tmp);
  if (spellings) saveSpellings(tmp, spellings);
  vectorCache.save(tmp, order.map(keyOf));
  vectorCache.close();
  await vectorIndex.save(tmp);
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  phase('write');
  const finalDir = join(snapshotsDir, name);
  renameSync(tmp, finalDir);
  opts.beforeCommit?.();
  writeFileSync(join(root, 'CURRENT.tmp'), name);
  renameSync(join(root, 'CURRENT.tmp'), join(root, 'CURRENT'));
  pruneSnapshots(snapshotsDir, name);

  const prevFiles = prevManifest?.files ?? {};
  const prevIdSet = new Set(prevIds);
  const fileSet = new Set(files.map((f) => f.rel));
  const newIds = new Set(order);
  const changes: IndexChanges = {
    addedFiles: files.filter((f) => !prevFiles[f.rel] && manifestFiles[f.rel]).map((f) => f.rel),
    changedFiles: files.filter((f) => prevFiles[f.rel] && prevFiles[f.rel]?.hash !== f.hash).map((f) => f.rel),
    removedFiles: Object.keys(prevFiles).filter((rel) => !fileSet.has(rel) || !manifestFiles[rel]),
    unchangedFiles: unchanged.length,
    addedChunks: order.filter((id) => !prevIdSet.has(id)).length,
    removedChunks: prevIds.filter((id) => !newIds.has(id)).length,
    embedded: missingIds.size,
    reused: order.length - missingIds.size,
    incremental,
    phases,
    errors: loaded.errors,
    ms: Math.round(performance.now() - started),
    cpuMs: cpuMsSince(cpuStart),
  };
  // After an update the chunk texts are read when first asked for (the update itself needs only their ids).
  const snapshot: IndexSnapshot = {
    dir: finalDir,
    manifest,
    get chunks(): Chunk[] {
      allChunks ??= readAllChunks(finalDir);
      return allChunks;
    },
    documents,
    lexical,
    vectors: vectorIndex,
    features,
    ...(spellings ? { spellings } : {}),
  };
  return { snapshot, changes };
}

/**
 * The previous snapshot's spelling counts with the removed chunks' texts
 * taken away and the added ones' counted; undefined when the previous
 * snapshot has none or a removed chunk's text cannot be read (the retriever
 * then counts on first use).
 */
function updatedSpellings(prevDir: string, removed: ReadonlyArray<Chunk | undefined>, added: readonly Chunk[]): SpellingCounts | undefined {
  if (removed.some((c) => c === undefined)) return undefined;
  const counts = loadSpellings(prevDir);
  if (!counts) return undefined;
  addSpellingCounts(
    counts,
    removed.map((c) => (c as Chunk).text),
    -1,
  );
  return addSpellingCounts(
    counts,
    added.map((c) => c.text),
  );
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return Math.round((d.user + d.system) / 1000);
}

/** Give repeated ids a file suffix; a renamed chunk is no longer a kept one. */
function dedupeIds(groups: readonly ChunkGroup[], kept: Set<string>, materialise: (g: ChunkGroup) => Chunk[]): void {
  const seen = new Map<string, number>();
  for (const g of groups) {
    for (let i = 0; i < g.ids.length; i++) {
      const id = g.ids[i] as string;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      if (n > 0) {
        // Either holder of a repeated id may be new: treat both as changed.
        kept.delete(id);
        const c = materialise(g)[i] as Chunk;
        c.id = `${id}@${c.file}`;
        g.ids[i] = c.id;
        kept.delete(c.id);
      }
    }
  }
}

/** Keep the served snapshot and the one before it; drop older and temp ones. */
function pruneSnapshots(dir: string, keep: string): void {
  const entries = readdirSync(dir).filter((n) => n !== keep);
  const stale = entries.filter((n) => n.startsWith('.tmp-'));
  const older = entries.filter((n) => !n.startsWith('.tmp-')).sort((a, b) => (a.split('-')[1] ?? '').localeCompare(b.split('-')[1] ?? ''));
  const drop = [...stale, ...older.slice(0, Math.max(0, older.length - 1))];
  for (const n of drop) rmSync(join(dir, n), { recursive: true, force: true });
}
