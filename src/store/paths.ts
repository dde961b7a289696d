/**
 * Where persistent files live under `DATA_DIR`. One place, so the server and
 * the CLI always open the same database.
 */
import { join } from 'node:path';
import type { Config } from '../config.js';

/** File name of the shared SQLite database inside `DATA_DIR`. */
export const DATABASE_FILE = 'cchc-bot.sqlite';

/**
 * Path of the shared SQLite database: `<DATA_DIR>/cchc-bot.sqlite`.
 * @example databasePath(createConfig({ DATA_DIR: '/var/lib/cchc' })) === '/var/lib/cchc/cchc-bot.sqlite'
 */
export function databasePath(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, DATABASE_FILE);
}

/** Folder (inside `DATA_DIR`) of documents uploaded in the admin console; the knowledge folder is never written. */
export function uploadedDocumentsDir(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'documents');
}

/** How uploaded documents' paths start in the index (`_uploads/<file>`): a `_` folder cannot clash with a knowledge folder. */
export const UPLOADED_DOCUMENTS_PREFIX = '_uploads';
