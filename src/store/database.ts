/**
 * SQLite (better-sqlite3) opened once per process, in WAL mode, with foreign
 * keys on. Each module owns a namespace of numbered migrations; applied
 * migrations are recorded so re-running is a no-op.
 */

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';

export type Db = Database.Database;

export interface Migration {
  /** Monotonic version within its namespace, starting at 1. */
  version: number;
  sql: string;
}

/** Open (creating if needed) the database file. Use ':memory:' in tests. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (namespace, version))`);
  return db;
}

/** Apply the not-yet-applied migrations of one namespace, each in a transaction. */
export function migrate(db: Db, namespace: string, migrations: readonly Migration[]): void {
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations WHERE namespace = ?').all(namespace) as Array<{ version: number }>).map((r) => r.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (namespace, version, applied_at) VALUES (?, ?, ?)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE namespace = ? AND version = ?');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    try {
      // IMMEDIATE takes the write lock first and the check is repeated inside:
      // several worker processes starting together apply each migration once.
      db.transaction(() => {
        if (isApplied.get(namespace, m.version)) return;
        db.exec(m.sql);
        record.run(namespace, m.version, new Date().toISOString());
      }).immediate();
    } catch (err) {
      throw new AppError('DB_ERROR', `Migration ${namespace}#${m.version} failed`, { cause: err });
    }
  }
}
