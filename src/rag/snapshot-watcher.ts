/**
 * Picks up a new index snapshot without a restart: polls the index's
 * `CURRENT` pointer (written atomically by `cli index` or another process's
 * build) and, when it names another snapshot than the one served, loads it
 * and swaps it in through {@link LiveKnowledge}. The old base answers until
 * the new one is ready, so answering never pauses for a reload.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Logger } from '../logger.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { LiveKnowledge } from './live-knowledge.js';

export interface SnapshotWatcherOptions {
  dataDir: string;
  live: LiveKnowledge;
  /** Open the knowledge base of one snapshot directory (load only, no build). */
  load: (snapshotDir: string) => Promise<KnowledgeBase>;
  intervalMs: number;
  logger: Logger;
}

export interface SnapshotWatcher {
  /** Check now (also what the timer does); resolves with true when a new snapshot was swapped in. */
  check(): Promise<boolean>;
  /**
   * Serve the snapshot named `name` (load and swap it in unless it is served
   * already); rejects when it cannot be loaded. How a cluster worker follows
   * another worker's console rebuild at once, without waiting for the timer.
   */
  serve(name: string): Promise<void>;
  stop(): void;
}

/** Name of the snapshot `CURRENT` points to, or null. */
export function currentSnapshotName(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, 'index', 'CURRENT'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function watchSnapshots(opts: SnapshotWatcherOptions): SnapshotWatcher {
  let busy: Promise<boolean> | null = null;
  /** A snapshot that failed to load is not retried until CURRENT changes again. */
  let failed: string | null = null;

  const check = async (): Promise<boolean> => {
    const name = currentSnapshotName(opts.dataDir);
    const served = opts.live.current()?.snapshot.dir;
    if (!name || name === failed || (served && basename(served) === name)) return false;
    try {
      const next = await opts.load(join(opts.dataDir, 'index', 'snapshots', name));
      await opts.live.swap(next);
      opts.logger.info({ snapshot: name, chunks: next.chunkCount }, 'new knowledge snapshot swapped in');
      return true;
    } catch (err) {
      failed = name;
      opts.logger.error({ err, snapshot: name }, 'new knowledge snapshot could not be loaded; still serving the previous one');
      return false;
    }
  };
  const guarded = () => {
    busy ??= check().finally(() => {
      busy = null;
    });
    return busy;
  };
  /** One load at a time: a named load waits for a running check, and the timer skips while it runs. */
  const serve = async (name: string): Promise<void> => {
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`not a snapshot name: ${name}`);
    while (busy) await busy;
    const run = (async () => {
      const served = opts.live.current()?.snapshot.dir;
      if (served && basename(served) === name) return true;
      const next = await opts.load(join(opts.dataDir, 'index', 'snapshots', name));
      await opts.live.swap(next);
      opts.logger.info({ snapshot: name, chunks: next.chunkCount }, 'knowledge snapshot of another worker swapped in');
      return true;
    })();
    busy = run
      .catch(() => false)
      .finally(() => {
        busy = null;
      });
    await run;
  };
  const timer = opts.intervalMs > 0 ? setInterval(() => void guarded(), opts.intervalMs) : null;
  timer?.unref();
  return {
    check: guarded,
    serve,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
