/**
 * The admin console's own tables in the shared SQLite database (namespace
 * `console`): uploaded documents, curated answers written in the console,
 * decisions on the gap queue and answer timings. Knowledge files stay
 * read-only; everything the console changes lives here and under `DATA_DIR`.
 */
import { type Db, type Migration, migrate } from '../store/database.js';

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE console_documents (
        id TEXT PRIMARY KEY, original_name TEXT NOT NULL, stored_name TEXT NOT NULL, bytes INTEGER NOT NULL,
        meta_json TEXT NOT NULL, status TEXT NOT NULL, passages INTEGER NOT NULL DEFAULT 0, reason TEXT,
        doc_id TEXT, uploaded_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE console_answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT, questions_json TEXT NOT NULL, answer TEXT NOT NULL,
        source_json TEXT, retired INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE console_gap_actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, gap_key TEXT NOT NULL, question TEXT NOT NULL, action TEXT NOT NULL,
        detail TEXT, created_at TEXT NOT NULL);
      CREATE INDEX console_gap_actions_key ON console_gap_actions (gap_key);
      CREATE TABLE console_answer_times (at TEXT NOT NULL, ms INTEGER NOT NULL, abstained INTEGER NOT NULL);
      CREATE INDEX console_answer_times_at ON console_answer_times (at);`,
  },
];

/** Create or upgrade the console tables. Idempotent. */
export function migrateConsole(db: Db): void {
  migrate(db, 'console', MIGRATIONS);
}
