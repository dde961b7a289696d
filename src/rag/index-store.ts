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
 * Incremental: a manifest records the content hash of every file and chunk.
 * Unchanged files reuse their chunks; chunks whose hash is unchanged reuse
 * their cached vector, so only new or edited text is embedded. hnswlib cannot
 * delete through LangChain, so the HNSW graph itself is rebuilt from the
 * (cached) vectors on every change — cheap at this scale — and removed
 * chunks simply are not in the new graph.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { DocMeta } from '../knowledge/document.js';
import { type BinaryLoader, type KnowledgeFile, type LoadError, listKnowledgeFiles, loadKnowledge } from '../knowledge/load-knowledge.js';
import type { Logger } from '../logger.js';
import type { Glossary } from '../text/glossary.js';
import { type Chunk, chunkDocument, hashText } from './chunk.js';
import type { Embedder } from './embedder.js';
import { chunkHeading, LexicalIndex } from './lexical-index.js';
import { HnswVectorIndex, type VectorIndex } from './vector-index.js';

/** Bump when tokenisation or chunking changes, to force a rebuild. */
export const INDEX_FORMAT = 'cchc-index-v8';

export interface ManifestFile {
  hash: string;
  chunks: Array<{ id: string; hash: string }>;
}

export interface Manifest {
  format: string;
  embedderId: string;
  knowledgeHash: string;
  builtAt: string;
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
  errors: LoadError[];
  ms: number;
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
  /** Test hook: called after the new snapshot is written, before CURRENT moves. */
  beforeCommit?: () => void;
}

export interface OpenIndexResult {
  snapshot: IndexSnapshot;
  /** Null when the existing index was loaded unchanged. */
  changes: IndexChanges | null;
}

const EMBED_BATCH = 64;

/**
 * Text that is embedded for a chunk: document title, heading trail, passage.
 * (The title helps dense retrieval match a question to its document.)
 */
export function embeddingText(c: Chunk): string {
  return `${c.docTitle}\n${chunkHeading(c)}\n${c.text}`;
}

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

function encodeVector(v: number[]): string {
  return Buffer.from(new Float32Array(v).buffer).toString('base64');
}

function decodeVector(s: string): number[] {
  const b = Buffer.from(s, 'base64');
  return Array.from(new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4));
}

/** Load a snapshot from disk. */
export async function loadSnapshot(dir: string, embedder: Embedder, glossary?: Glossary): Promise<IndexSnapshot> {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const chunks = JSON.parse(readFileSync(join(dir, 'chunks.json'), 'utf8')) as Chunk[];
    const documents = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as DocumentInfo[];
    const lexical = LexicalIndex.fromJSON(readFileSync(join(dir, 'lexical.json'), 'utf8'), glossary);
    const vectors = chunks.length > 0 ? await HnswVectorIndex.load(join(dir, 'hnsw'), embedder, chunks.length) : await HnswVectorIndex.build(embedder, [], []);
    return { dir, manifest, chunks, documents, lexical, vectors };
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', `Không đọc được chỉ mục tại ${dir}`, { cause: err });
  }
}

function readVectorCache(dir: string | null): Map<string, string> {
  if (!dir) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}

/**
 * Open the index: load it when the knowledge is unchanged, otherwise build a
 * new snapshot incrementally and switch to it.
 */
export async function openIndex(opts: OpenIndexOptions): Promise<OpenIndexResult> {
  const started = performance.now();
  const root = indexRoot(opts.dataDir);
  const files = [
    ...listKnowledgeFiles(opts.knowledgeDir),
    ...(opts.extraSources ?? []).flatMap((s) => (existsSync(s.dir) ? listKnowledgeFiles(s.dir).map((f) => ({ ...f, rel: `${s.prefix}/${f.rel}` })) : [])),
  ];
  const khash = knowledgeHash(files, opts.embedder.id, opts.salt ?? '');
  const current = readCurrent(root);
  const currentDir = current ? join(root, 'snapshots', current) : null;

  if (currentDir && !opts.force) {
    const manifest = JSON.parse(readFileSync(join(currentDir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.knowledgeHash === khash) {
      return { snapshot: await loadSnapshot(currentDir, opts.embedder, opts.glossary), changes: null };
    }
  }

  // === Previous snapshot (for reuse)
  let prevManifest: Manifest | null = null;
  let prevChunks: Chunk[] = [];
  let prevDocs: DocumentInfo[] = [];
  if (currentDir) {
    try {
      prevManifest = JSON.parse(readFileSync(join(currentDir, 'manifest.json'), 'utf8')) as Manifest;
      prevChunks = JSON.parse(readFileSync(join(currentDir, 'chunks.json'), 'utf8')) as Chunk[];
      prevDocs = JSON.parse(readFileSync(join(currentDir, 'documents.json'), 'utf8')) as DocumentInfo[];
    } catch {
      prevManifest = null;
    }
  }
  const sameEmbedder = prevManifest?.embedderId === opts.embedder.id;
  const vectorCache = sameEmbedder ? readVectorCache(currentDir) : new Map<string, string>();

  // === Load changed files, reuse unchanged ones
  const unchanged = files.filter((f) => prevManifest?.files[f.rel]?.hash === f.hash && prevManifest.format === INDEX_FORMAT);
  const unchangedSet = new Set(unchanged.map((f) => f.rel));
  const toLoad = files.filter((f) => !unchangedSet.has(f.rel));
  const loaded = await loadKnowledge(toLoad, opts.binary);
  for (const e of loaded.errors) opts.logger?.warn({ file: e.file }, e.message);

  const chunks: Chunk[] = [];
  const documents: DocumentInfo[] = [];
  const manifestFiles: Record<string, ManifestFile> = {};
  for (const f of files) {
    if (unchangedSet.has(f.rel)) {
      const fileChunks = prevChunks.filter((c) => c.file === f.rel);
      chunks.push(...fileChunks);
      documents.push(...prevDocs.filter((d) => d.file === f.rel));
      manifestFiles[f.rel] = prevManifest?.files[f.rel] as ManifestFile;
      continue;
    }
    const doc = loaded.documents.find((d) => d.file === f.rel);
    if (!doc) continue;
    const fileChunks = chunkDocument(doc);
    chunks.push(...fileChunks);
    documents.push({ ...doc.meta, file: f.rel });
    manifestFiles[f.rel] = { hash: f.hash, chunks: fileChunks.map((c) => ({ id: c.id, hash: c.hash })) };
  }
  const dupes = chunks.length - new Set(chunks.map((c) => c.id)).size;
  if (dupes > 0) dedupeIds(chunks);

  // === Embed only what the cache does not have
  const keys = new Map(chunks.map((c) => [c.id, vectorKey(c)]));
  const keyOf = (c: Chunk) => keys.get(c.id) as string;
  const missing = chunks.filter((c) => !vectorCache.has(keyOf(c)));
  for (let i = 0; i < missing.length; i += EMBED_BATCH) {
    const batch = missing.slice(i, i + EMBED_BATCH);
    const vecs = await opts.embedder.embed(batch.map(embeddingText));
    for (const [j, c] of batch.entries()) vectorCache.set(keyOf(c), encodeVector(vecs[j] as number[]));
  }
  const vectors = chunks.map((c) => decodeVector(vectorCache.get(keyOf(c)) as string));

  const lexical = LexicalIndex.build(chunks, opts.glossary);
  const vectorIndex = await HnswVectorIndex.build(
    opts.embedder,
    chunks.map((c) => c.id),
    vectors,
  );

  const manifest: Manifest = {
    format: INDEX_FORMAT,
    embedderId: opts.embedder.id,
    knowledgeHash: khash,
    builtAt: new Date().toISOString(),
    files: manifestFiles,
    errors: loaded.errors,
  };

  // === Write the snapshot aside, then switch atomically
  const snapshotsDir = join(root, 'snapshots');
  mkdirSync(snapshotsDir, { recursive: true });
  const name = `${khash}-${Date.now().toString(36)}`;
  const tmp = join(snapshotsDir, `.tmp-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp, { recursive: true });
  const usedCache: Record<string, string> = {};
  for (const c of chunks) usedCache[keyOf(c)] = vectorCache.get(keyOf(c)) as string;
  writeFileSync(join(tmp, 'chunks.json'), JSON.stringify(chunks));
  writeFileSync(join(tmp, 'documents.json'), JSON.stringify(documents));
  writeFileSync(join(tmp, 'lexical.json'), lexical.toJSON());
  writeFileSync(join(tmp, 'vectors.json'), JSON.stringify(usedCache));
  await vectorIndex.save(join(tmp, 'hnsw'));
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  const finalDir = join(snapshotsDir, name);
  renameSync(tmp, finalDir);
  opts.beforeCommit?.();
  writeFileSync(join(root, 'CURRENT.tmp'), name);
  renameSync(join(root, 'CURRENT.tmp'), join(root, 'CURRENT'));
  pruneSnapshots(snapshotsDir, name);

  const prevFiles = prevManifest?.files ?? {};
  const prevIds = new Set(prevChunks.map((c) => c.id));
  const newIds = new Set(chunks.map((c) => c.id));
  const changes: IndexChanges = {
    addedFiles: files.filter((f) => !prevFiles[f.rel] && manifestFiles[f.rel]).map((f) => f.rel),
    changedFiles: files.filter((f) => prevFiles[f.rel] && prevFiles[f.rel]?.hash !== f.hash).map((f) => f.rel),
    removedFiles: Object.keys(prevFiles).filter((rel) => !files.some((f) => f.rel === rel) || !manifestFiles[rel]),
    unchangedFiles: unchanged.length,
    addedChunks: [...newIds].filter((id) => !prevIds.has(id)).length,
    removedChunks: [...prevIds].filter((id) => !newIds.has(id)).length,
    embedded: missing.length,
    reused: chunks.length - missing.length,
    errors: loaded.errors,
    ms: Math.round(performance.now() - started),
  };
  return { snapshot: { dir: finalDir, manifest, chunks, documents, lexical, vectors: vectorIndex }, changes };
}

function dedupeIds(chunks: Chunk[]): void {
  const seen = new Map<string, number>();
  for (const c of chunks) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n > 0) c.id = `${c.id}@${c.file}`;
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
