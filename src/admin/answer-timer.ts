/**
 * Answer timings for the usage page: a {@link QuestionAnswerer} wrapper that
 * records how long each answer took (`console_answer_times`), whatever the
 * channel. The chat tables are left as they are.
 */
import type { AskOptions, QuestionAnswerer } from '../core/answer.js';
import type { Db } from '../store/database.js';
import { migrateConsole } from './console-db.js';

/** Recorded answer times. */
export interface AnswerTimings {
  record(ms: number, abstained: boolean, at: Date): void;
  /** Median answer time (ms) since `since`, or null when nothing was recorded. */
  median(since: Date): number | null;
  count(since: Date): number;
}

/** Median of a list (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : Math.round(((s[mid - 1] as number) + (s[mid] as number)) / 2);
}

/** Pending records written together at most this often (ms). */
const FLUSH_INTERVAL_MS = 500;
/** …or as soon as this many are pending. */
const FLUSH_BATCH = 64;

/**
 * Timings in the shared SQLite database. Records are written in batches (one
 * transaction per {@link FLUSH_INTERVAL_MS} or {@link FLUSH_BATCH} answers),
 * not one write transaction per answer: HTTP workers sharing the database
 * otherwise queue on its write lock for a statistic. Reads flush first; a
 * crash loses at most the last half second of timings, never an answer.
 */
export class SqliteAnswerTimings implements AnswerTimings {
  private readonly insert;
  private readonly pending: Array<[string, number, number]> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db) {
    migrateConsole(db);
    this.insert = db.prepare('INSERT INTO console_answer_times (at, ms, abstained) VALUES (?, ?, ?)');
  }

  record(ms: number, abstained: boolean, at: Date): void {
    this.pending.push([at.toISOString(), Math.max(0, Math.round(ms)), abstained ? 1 : 0]);
    if (this.pending.length >= FLUSH_BATCH) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        try {
          this.flush();
        } catch {
          // The database is gone (shutdown) or busy past its timeout: the batch is dropped, a statistic.
          this.pending.length = 0;
        }
      }, FLUSH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Write the pending records now (call before closing the database). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const rows = this.pending.splice(0);
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(...r);
    })();
  }

  median(since: Date): number | null {
    this.flush();
    const rows = this.db.prepare('SELECT ms FROM console_answer_times WHERE at >= ?').all(since.toISOString()) as Array<{ ms: number }>;
    return median(rows.map((r) => r.ms));
  }
  count(since: Date): number {
    this.flush();
    return (this.db.prepare('SELECT COUNT(*) AS n FROM console_answer_times WHERE at >= ?').get(since.toISOString()) as { n: number }).n;
  }
}

/** Wrap an answerer so every answer's wall time is recorded; a failed record never fails the answer. */
export function timedAnswerer(inner: QuestionAnswerer, timings: AnswerTimings, now: () => Date = () => new Date()): QuestionAnswerer {
  return {
    async ask(question: string, options?: AskOptions) {
      const started = performance.now();
      const answer = await inner.ask(question, options);
      try {
        timings.record(performance.now() - started, answer.abstained, now());
      } catch {
        // Timing is a statistic: losing one must not lose the answer.
      }
      return answer;
    },
  };
}
