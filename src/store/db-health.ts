/**
 * Database checks: a thorough one at start-up (`PRAGMA quick_check` and a
 * write) and a cheap one for `/healthz` that reads every real table (first
 * and last row, i.e. the pages a chat touches first), so a damaged file shows
 * as unhealthy instead of only failing chats.
 */
import { AppError } from '../errors.js';
import type { Db } from './database.js';

/** SQLite result codes that mean the file itself is damaged or not a database. */
const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB']);

/** Whether a thrown SQLite error says the file is damaged. */
export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

/**
 * Run `PRAGMA quick_check` (cost grows with the file; run once at start-up).
 * @throws AppError DB_CORRUPT naming the file.
 */
export function verifyIntegrity(db: Db, file: string): void {
  let rows: Array<{ quick_check: string }>;
  try {
    rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  } catch (err) {
    throw corruptError(file, err);
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw corruptError(file, new Error(problems.slice(0, 3).join('; ')));
}

/** The one-line message for a damaged database file. */
export function corruptError(file: string, cause: unknown): AppError {
  const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new AppError(
    'DB_CORRUPT',
    `Tệp cơ sở dữ liệu ${file} bị hỏng (${why}). Khôi phục tệp từ bản sao lưu, hoặc chuyển nó ra khỏi DATA_DIR để bot tạo tệp mới.`,
    { cause },
  );
}

/** Quote an SQLite identifier. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Read the first and the last row of every table (plus the schema), cheap
 * enough for every health probe. Throws the SQLite error on failure.
 * @example probeTables(db); // throws SqliteError SQLITE_CORRUPT on a damaged table page
 */
export function probeTables(db: Db): void {
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{
    name: string;
    sql: string | null;
  }>;
  for (const { name, sql } of tables) {
    db.prepare(`SELECT * FROM ${ident(name)} LIMIT 1`).get();
    if (!/WITHOUT\s+ROWID/i.test(sql ?? '')) db.prepare(`SELECT * FROM ${ident(name)} ORDER BY rowid DESC LIMIT 1`).get();
  }
}
