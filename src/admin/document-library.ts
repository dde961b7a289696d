/**
 * Uploaded documents end to end: the file is kept under
 * `DATA_DIR/documents`, its metadata in a sidecar beside it
 * (`<file>.meta.yaml`, read by the normal ingestion), then the knowledge base
 * is rebuilt in the background and swapped in (`live.swap`), so answering
 * never pauses. Rebuilds are serialised: a change made while one runs is
 * picked up by the next. Each upload has its own folder
 * (`<id>/<file-name>`); rejected ones move to `_rejected/`, which the index
 * never reads.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { stringify } from 'yaml';
import { AppError, isAppError } from '../errors.js';
import { SIDECAR_SUFFIX, validateSidecar } from '../knowledge/ingest/sidecar.js';
import type { Logger } from '../logger.js';
import type { Chunk } from '../rag/chunk.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { LiveKnowledge } from '../rag/live-knowledge.js';
import { UPLOADED_DOCUMENTS_PREFIX } from '../store/paths.js';
import { foldText } from '../text/normalize.js';
import type { DocumentRecord, DocumentStore, UploadMeta } from './document-store.js';

/** File types the console accepts, with the bytes a real file of that type starts with. */
const ACCEPTED: Record<string, { label: string; magic?: string }> = {
  '.pdf': { label: 'PDF', magic: '%PDF' },
  '.docx': { label: 'DOCX', magic: 'PK' },
  '.html': { label: 'HTML' },
  '.htm': { label: 'HTML' },
  '.txt': { label: 'TXT' },
};

/** Accepted extensions, for messages and the file picker. */
export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED);

const REJECTED_DIR = '_rejected';
const NO_TEXT = 'Không trích được đoạn văn bản nào (tệp trống, hoặc chỉ có ảnh quét chưa nhận dạng chữ).';

/** What {@link DocumentLibrary} needs. */
export interface DocumentLibraryOptions {
  /** `uploadedDocumentsDir(config)`. */
  dir: string;
  store: DocumentStore;
  live: LiveKnowledge;
  /** Open a fresh knowledge base over KNOWLEDGE_DIR and `dir` (incremental). */
  rebuild: () => Promise<KnowledgeBase>;
  logger: Logger;
  now?: () => Date;
}

/**
 * A safe file name from the uploaded one (`Quyết định 12.pdf` → `quyet-dinh-12`): it is the
 * document's citation id when the text carries no số hiệu and none was given.
 */
export function fileSlug(name: string): string {
  const stem = foldText(basename(name, extname(name))).toLowerCase();
  const slug = stem
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'tai-lieu';
}

/** Check a file before it is stored; throws a Vietnamese `INPUT_INVALID`. */
export function checkUpload(name: string, data: Buffer): string {
  const ext = extname(name).toLowerCase();
  const kind = ACCEPTED[ext];
  if (!kind) throw new AppError('INPUT_INVALID', `Tệp "${name}": chỉ nhận PDF, DOCX, HTML hoặc TXT.`);
  if (data.length === 0) throw new AppError('INPUT_INVALID', `Tệp "${name}" đang trống.`);
  if (kind.magic && data.subarray(0, kind.magic.length).toString('latin1') !== kind.magic) {
    throw new AppError('INPUT_INVALID', `Tệp "${name}" không phải tệp ${kind.label} hợp lệ.`);
  }
  return ext;
}

/** Validate metadata as a sidecar would be; throws `KNOWLEDGE_INVALID` naming the field. */
export function checkMeta(meta: UploadMeta, name: string): UploadMeta {
  const clean = Object.fromEntries(
    Object.entries(meta)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()]),
  );
  validateSidecar(clean, name);
  return clean as UploadMeta;
}

/** The console's document library. */
export class DocumentLibrary {
  private running: Promise<void> | null = null;
  private dirty = false;
  /** Why the last rebuild, served here, was not confirmed by every worker (several workers only). */
  private syncFailure: AppError | null = null;
  /** Change counter: a rebuild decides the status only of documents changed before it started. */
  private generation = 0;
  private readonly changedAt = new Map<string, number>();
  private readonly now: () => Date;

  constructor(private readonly opts: DocumentLibraryOptions) {
    this.now = opts.now ?? (() => new Date());
    mkdirSync(opts.dir, { recursive: true });
    // Rows left "indexing" by a restart: the base opened at start-up already read their files.
    const current = opts.live.current();
    if (current && opts.store.list().some((d) => d.status === 'indexing')) this.applyStatuses(current);
  }

  list(): DocumentRecord[] {
    return this.opts.store.list();
  }

  get(id: string): DocumentRecord | undefined {
    return this.opts.store.get(id);
  }

  /** Store a checked file with its metadata and start indexing; returns its record. */
  add(name: string, data: Buffer, meta: UploadMeta): DocumentRecord {
    const ext = checkUpload(name, data);
    const clean = checkMeta(meta, name);
    const id = randomBytes(6).toString('hex');
    // One folder per upload: two files with the same name never collide, and the name stays readable.
    const storedName = `${id}/${fileSlug(name)}${ext}`;
    mkdirSync(join(this.opts.dir, id), { recursive: true });
    writeFileSync(join(this.opts.dir, storedName), data);
    this.writeSidecar(storedName, clean);
    const at = this.now().toISOString();
    this.opts.store.insert({ id, originalName: name.slice(0, 200), storedName, bytes: data.length, meta: clean, uploadedAt: at });
    this.changedAt.set(id, ++this.generation);
    void this.schedule();
    return this.opts.store.get(id) as DocumentRecord;
  }

  /** Replace the metadata (status in force / amended / replaced …) and re-index. */
  updateMeta(id: string, meta: UploadMeta): DocumentRecord | undefined {
    const rec = this.opts.store.get(id);
    if (!rec) return undefined;
    const clean = checkMeta({ ...rec.meta, ...meta }, rec.originalName);
    if (rec.status === 'rejected') this.restoreRejected(rec.id);
    this.writeSidecar(rec.storedName, clean);
    this.opts.store.setMeta(id, clean, this.now());
    this.changedAt.set(id, ++this.generation);
    void this.schedule();
    return this.opts.store.get(id);
  }

  /** Delete the file and its row; resolves once the rebuilt base (without it) answers, in every worker (else `KNOWLEDGE_SYNC_FAILED`). */
  async remove(id: string): Promise<boolean> {
    const rec = this.opts.store.get(id);
    if (!rec) return false;
    for (const dir of [this.opts.dir, join(this.opts.dir, REJECTED_DIR)]) rmSync(join(dir, rec.id), { recursive: true, force: true });
    this.opts.store.delete(id);
    await this.schedule();
    if (this.syncFailure) throw this.syncFailure;
    return true;
  }

  /** The document's passages in the base answering now, exactly as they are cited. */
  passages(id: string): Chunk[] {
    const rec = this.opts.store.get(id);
    const kb = this.opts.live.current();
    if (!rec || !kb) return [];
    const rel = `${UPLOADED_DOCUMENTS_PREFIX}/${rec.storedName}`;
    return kb.snapshot.chunks.filter((c) => c.file === rel);
  }

  /** Resolves when no rebuild is running or queued. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Queue a rebuild; the promise resolves after the one that includes this change. */
  schedule(): Promise<void> {
    this.dirty = true;
    if (!this.running) {
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async loop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const started = Date.now();
      const generation = this.generation;
      let kb: KnowledgeBase | undefined;
      try {
        kb = await this.opts.rebuild();
        await this.opts.live.swap(kb);
        this.syncFailure = null;
        this.applyStatuses(kb, generation);
        this.opts.logger.info({ chunks: kb.chunkCount, ms: Date.now() - started }, 'console: knowledge base rebuilt and swapped in');
      } catch (err) {
        if (kb && isAppError(err, 'KNOWLEDGE_SYNC_FAILED')) {
          // Served by this worker, not confirmed by every other one: statuses follow this base, the caller hears why.
          this.syncFailure = err;
          this.applyStatuses(kb, generation);
          this.opts.logger.error({ err }, 'console: rebuilt knowledge base not loaded by every worker');
          continue;
        }
        this.opts.logger.error({ err }, 'console: rebuild failed; the previous knowledge base keeps answering');
        for (const d of this.opts.store.list()) {
          if (d.status === 'indexing')
            this.opts.store.setStatus(d.id, { status: 'rejected', reason: 'Lỗi khi lập chỉ mục; xem nhật ký máy chủ rồi thử tải lại.' }, this.now());
        }
      }
    }
  }

  /**
   * Mark each indexing document ready (with its passage count) or rejected
   * (with the reason); documents changed after the rebuild started wait for the next one.
   */
  private applyStatuses(kb: KnowledgeBase, generation = this.generation): void {
    const errors = new Map(kb.snapshot.manifest.errors.map((e) => [e.file, e.message]));
    for (const d of this.opts.store.list()) {
      if (d.status !== 'indexing' || (this.changedAt.get(d.id) ?? 0) > generation) continue;
      const rel = `${UPLOADED_DOCUMENTS_PREFIX}/${d.storedName}`;
      const count = kb.snapshot.chunks.filter((c) => c.file === rel).length;
      const docId = kb.snapshot.documents.find((x) => x.file === rel)?.id ?? null;
      const error = errors.get(rel);
      if (count > 0 && !error) {
        this.opts.store.setStatus(d.id, { status: 'ready', passages: count, docId }, this.now());
      } else {
        this.moveToRejected(d.id);
        this.opts.store.setStatus(d.id, { status: 'rejected', reason: error ? error.replace(rel, d.originalName) : NO_TEXT }, this.now());
      }
    }
  }

  private writeSidecar(storedName: string, meta: UploadMeta): void {
    const file = join(this.opts.dir, storedName + SIDECAR_SUFFIX);
    if (Object.keys(meta).length === 0) rmSync(file, { force: true });
    else writeFileSync(file, stringify(meta));
  }

  /** Move an upload's folder where the index does not look (`_rejected/`). */
  private moveToRejected(id: string): void {
    const to = join(this.opts.dir, REJECTED_DIR);
    mkdirSync(to, { recursive: true });
    if (existsSync(join(this.opts.dir, id))) renameSync(join(this.opts.dir, id), join(to, id));
  }

  private restoreRejected(id: string): void {
    const from = join(this.opts.dir, REJECTED_DIR, id);
    if (existsSync(from)) renameSync(from, join(this.opts.dir, id));
  }
}
