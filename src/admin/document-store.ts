/**
 * Rows of the documents uploaded in the console (`console_documents`): what
 * the file was called, where it is stored, its metadata and its indexing
 * status. The file itself lives under `DATA_DIR/documents`.
 */
import type { Db } from '../store/database.js';
import { migrateConsole } from './console-db.js';

/** Indexing status shown in the console. */
export type DocumentStatus = 'indexing' | 'ready' | 'rejected';

/** Metadata a staff member may give (sidecar field names). */
export interface UploadMeta {
  title?: string;
  number?: string;
  issuer?: string;
  date?: string;
  type?: string;
  status?: string;
  source?: string;
}

/** One uploaded document. */
export interface DocumentRecord {
  id: string;
  originalName: string;
  storedName: string;
  bytes: number;
  meta: UploadMeta;
  status: DocumentStatus;
  /** Passages indexed (when ready). */
  passages: number;
  /** Why it was rejected (Vietnamese). */
  reason: string | null;
  /** The citation id of the document once indexed, e.g. `99/QĐ-THU`. */
  docId: string | null;
  uploadedAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  original_name: string;
  stored_name: string;
  bytes: number;
  meta_json: string;
  status: DocumentStatus;
  passages: number;
  reason: string | null;
  doc_id: string | null;
  uploaded_at: string;
  updated_at: string;
}

const toRecord = (r: Row): DocumentRecord => ({
  id: r.id,
  originalName: r.original_name,
  storedName: r.stored_name,
  bytes: r.bytes,
  meta: JSON.parse(r.meta_json) as UploadMeta,
  status: r.status,
  passages: r.passages,
  reason: r.reason,
  docId: r.doc_id,
  uploadedAt: r.uploaded_at,
  updatedAt: r.updated_at,
});

/** SQLite store of {@link DocumentRecord}s. */
export class DocumentStore {
  constructor(private readonly db: Db) {
    migrateConsole(db);
  }

  insert(rec: Omit<DocumentRecord, 'passages' | 'reason' | 'docId' | 'updatedAt' | 'status'>): void {
    this.db
      .prepare(
        `INSERT INTO console_documents (id, original_name, stored_name, bytes, meta_json, status, uploaded_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'indexing', ?, ?)`,
      )
      .run(rec.id, rec.originalName, rec.storedName, rec.bytes, JSON.stringify(rec.meta), rec.uploadedAt, rec.uploadedAt);
  }

  get(id: string): DocumentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM console_documents WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Newest first. */
  list(): DocumentRecord[] {
    return (this.db.prepare('SELECT * FROM console_documents ORDER BY uploaded_at DESC, id').all() as Row[]).map(toRecord);
  }

  setMeta(id: string, meta: UploadMeta, now: Date): void {
    this.db
      .prepare("UPDATE console_documents SET meta_json = ?, status = 'indexing', reason = NULL, updated_at = ? WHERE id = ?")
      .run(JSON.stringify(meta), now.toISOString(), id);
  }

  setStatus(id: string, s: { status: DocumentStatus; passages?: number; reason?: string | null; docId?: string | null }, now: Date): void {
    this.db
      .prepare('UPDATE console_documents SET status = ?, passages = ?, reason = ?, doc_id = ?, updated_at = ? WHERE id = ?')
      .run(s.status, s.passages ?? 0, s.reason ?? null, s.docId ?? null, now.toISOString(), id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM console_documents WHERE id = ?').run(id).changes === 1;
  }
}
