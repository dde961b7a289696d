/**
 * Persistence of the Zalo OA token pair. Refresh tokens are single-use and
 * rotate on every refresh, so the new pair must be saved before it is used:
 * losing it means an OA admin has to authorise the app again.
 */
import { type Db, type Migration, migrate } from '../../store/database.js';

/** An OA access token with the refresh token that renews it. */
export interface ZaloTokenPair {
  accessToken: string;
  /** Absent when only an access token was configured (no refresh possible). */
  refreshToken?: string;
  /** Epoch ms when the access token expires, when known. */
  expiresAt?: number;
  /**
   * Fingerprint of the configured (env) pair this chain started from. When the
   * configured pair changes (an admin authorised again), the stored chain is replaced.
   */
  seededFrom?: string;
}

/** Port: where the current token pair lives. */
export interface TokenStore {
  load(): ZaloTokenPair | undefined;
  /** Replace the stored pair (atomically). */
  save(pair: ZaloTokenPair): void;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE zalo_tokens (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      access_token TEXT NOT NULL,
      refresh_token TEXT,
      expires_at INTEGER,
      seeded_from TEXT,
      updated_at INTEGER NOT NULL
    );`,
  },
];

interface Row {
  access_token: string;
  refresh_token: string | null;
  expires_at: number | null;
  seeded_from: string | null;
}

/**
 * SQLite token store (namespace `zalo`, table `zalo_tokens`, one row).
 * @param db - an open database from `openDatabase`
 */
export function createSqliteTokenStore(db: Db): TokenStore {
  migrate(db, 'zalo', MIGRATIONS);
  const select = db.prepare('SELECT access_token, refresh_token, expires_at, seeded_from FROM zalo_tokens WHERE id = 1');
  const upsert = db.prepare(`INSERT INTO zalo_tokens (id, access_token, refresh_token, expires_at, seeded_from, updated_at)
    VALUES (1, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
      expires_at = excluded.expires_at, seeded_from = excluded.seeded_from, updated_at = excluded.updated_at`);
  return {
    load() {
      const row = select.get() as Row | undefined;
      if (!row) return undefined;
      const pair: ZaloTokenPair = { accessToken: row.access_token };
      if (row.refresh_token) pair.refreshToken = row.refresh_token;
      if (row.expires_at !== null) pair.expiresAt = row.expires_at;
      if (row.seeded_from) pair.seededFrom = row.seeded_from;
      return pair;
    },
    save(pair) {
      upsert.run(pair.accessToken, pair.refreshToken ?? null, pair.expiresAt ?? null, pair.seededFrom ?? null, Date.now());
    },
  };
}

/** In-memory token store, for tests and throwaway runs. */
export function createMemoryTokenStore(initial?: ZaloTokenPair): TokenStore {
  let current = initial ? { ...initial } : undefined;
  return {
    load: () => (current ? { ...current } : undefined),
    save(pair) {
      current = { ...pair };
    },
  };
}
