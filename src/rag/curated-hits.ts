/**
 * Hit counts of curated answers, behind a small port: in memory (tests, no
 * database) or in the shared SQLite database (namespace `curated`).
 */
import { type Db, type Migration, migrate } from '../store/database.js';

/** How often each curated entry was used to answer. */
export interface CuratedHitStore {
  increment(entryId: string): void;
  count(entryId: string): number;
  /** All counts, by entry id. */
  all(): Record<string, number>;
}

/** Counts kept in memory (lost on restart). */
export class InMemoryCuratedHitStore implements CuratedHitStore {
  private readonly counts = new Map<string, number>();
  increment(entryId: string): void {
    this.counts.set(entryId, (this.counts.get(entryId) ?? 0) + 1);
  }
  count(entryId: string): number {
    return this.counts.get(entryId) ?? 0;
  }
  all(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE curated_hits (
      entry_id TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0, last_hit_at TEXT NOT NULL)`,
  },
];

/** Counts in the `curated_hits` table of the shared database. */
export class SqliteCuratedHitStore implements CuratedHitStore {
  constructor(private readonly db: Db) {
    migrate(db, 'curated', MIGRATIONS);
  }
  increment(entryId: string): void {
    this.db
      .prepare(
        `INSERT INTO curated_hits (entry_id, hits, last_hit_at) VALUES (?, 1, ?)
         ON CONFLICT(entry_id) DO UPDATE SET hits = hits + 1, last_hit_at = excluded.last_hit_at`,
      )
      .run(entryId, new Date().toISOString());
  }
  count(entryId: string): number {
    const row = this.db.prepare('SELECT hits FROM curated_hits WHERE entry_id = ?').get(entryId) as { hits: number } | undefined;
    return row?.hits ?? 0;
  }
  all(): Record<string, number> {
    const rows = this.db.prepare('SELECT entry_id, hits FROM curated_hits ORDER BY entry_id').all() as Array<{ entry_id: string; hits: number }>;
    return Object.fromEntries(rows.map((r) => [r.entry_id, r.hits]));
  }
}
