/**
 * Open the service's database at start-up, or fail with one sentence a
 * person can act on (which variable or file, and what to do): a `DATA_DIR`
 * that cannot be created or written, a file that is not a database or is
 * damaged (`PRAGMA quick_check`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors.js';
import { type Db, openDatabase } from './database.js';
import { corruptError, isCorruptionError, verifyIntegrity } from './db-health.js';

const ACCESS_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_AUTH']);

const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
};

/** The one-line message for a data directory the bot cannot use. */
export function dataDirError(dir: string, err: unknown): AppError {
  const code = codeOf(err);
  const what =
    ACCESS_CODES.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') ? 'không tạo hoặc ghi được' : 'không dùng được';
  return new AppError(
    'STARTUP_FAILED',
    `DATA_DIR=${dir}: thư mục dữ liệu ${what} (${code}). Cấp quyền ghi cho tài khoản chạy bot hoặc đặt DATA_DIR sang một thư mục ghi được.`,
    { cause: err },
  );
}

/**
 * Open (creating if needed), check integrity, and prove a write works.
 * @throws AppError STARTUP_FAILED (DATA_DIR) or DB_CORRUPT (the file), one line each.
 */
export function openServiceDatabase(file: string): Db {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw dataDirError(dir, err);
  }
  let db: Db | undefined;
  try {
    db = openDatabase(file);
    verifyIntegrity(db, file);
    db.exec(`CREATE TABLE IF NOT EXISTS store_health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL)`);
    db.prepare('INSERT OR REPLACE INTO store_health (id, checked_at) VALUES (1, ?)').run(new Date().toISOString());
    return db;
  } catch (err) {
    try {
      db?.close();
    } catch {
      // Closing a half-open handle must not hide the real reason.
    }
    if (err instanceof AppError) throw err;
    if (isCorruptionError(err)) throw corruptError(file, err);
    throw dataDirError(dir, err);
  }
}
