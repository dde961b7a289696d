/**
 * Durable "have we seen this update?" set, shared by the channel webhooks.
 * Telegram and Zalo deliver at least once (retries after timeouts), so each
 * update key is recorded in SQLite and a repeat is dropped, even across a
 * restart.
 */
import { type Db, type Migration, migrate } from '../store/database.js';

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE seen_updates (
      channel TEXT NOT NULL,
      key TEXT NOT NULL,
      seen_at INTEGER NOT NULL,
      PRIMARY KEY (channel, key)
    );
    CREATE INDEX seen_updates_seen_at ON seen_updates (seen_at);`,
  },
];

/** Port used by the channel adapters. */
export interface DedupeStore {
  /**
   * Record `key` for `channel`. Returns true the first time, false for a repeat.
   * Atomic: two concurrent deliveries cannot both get true.
   */
  firstSeen(channel: string, key: string): boolean;
  /** Delete rows older than the retention period; returns how many. */
  prune(): number;
}

export interface DedupeStoreOptions {
  /** How long a key is remembered, ms. Default 7 days (Telegram keeps updates 24 h, Zalo retries for hours). */
  retentionMs?: number;
  /** Prune automatically after this many inserts. Default 500. */
  pruneEvery?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Create the SQLite-backed dedupe store (namespace `channels`, table `seen_updates`).
 * @param db - an open database from `openDatabase`
 */
export function createDedupeStore(db: Db, options: DedupeStoreOptions = {}): DedupeStore {
  const retentionMs = options.retentionMs ?? 7 * 24 * 3600 * 1000;
  const pruneEvery = options.pruneEvery ?? 500;
  const now = options.now ?? Date.now;
  migrate(db, 'channels', MIGRATIONS);
  const insert = db.prepare('INSERT OR IGNORE INTO seen_updates (channel, key, seen_at) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM seen_updates WHERE seen_at < ?');
  let inserts = 0;

  const prune = (): number => remove.run(now() - retentionMs).changes;

  return {
    firstSeen(channel, key) {
      const fresh = insert.run(channel, key, now()).changes === 1;
      if (fresh && ++inserts % pruneEvery === 0) prune();
      return fresh;
    },
    prune,
  };
}
