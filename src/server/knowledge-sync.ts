/**
 * The worker side of the cluster's knowledge coordination (primary side:
 * {@link ./cluster.ts}). With several HTTP workers, a document uploaded or
 * deleted in the console is indexed by the worker that received the request;
 * before its rebuilt base counts as served (the DELETE reply, the upload's
 * "ready" status), every other worker has loaded the same snapshot:
 *
 * 1. the rebuild runs under a cluster-wide lock (one index build at a time
 *    in the shared DATA_DIR, each seeing every file change made before it);
 * 2. after the local swap, the worker publishes the snapshot's name; the
 *    primary tells every other worker to load it and answers once all
 *    confirmed, or after `INDEX_SYNC_TIMEOUT_MS` naming those that did not,
 *    which becomes a `KNOWLEDGE_SYNC_FAILED` error.
 *
 * Curated answers changed in the console are relayed the same way (every
 * other worker reloads them before the reply). In a single process
 * (WORKERS=1) all of this is a no-op.
 */
import cluster from 'node:cluster';
import { basename } from 'node:path';
import { AppError } from '../errors.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { LiveKnowledge } from '../rag/live-knowledge.js';
import { asClusterMessage, type ClusterMessage, type PublishedMessage } from './cluster-messages.js';

/** The coordination a worker needs; an in-process version for one process and tests. */
export interface KnowledgeSync {
  /** Take the cluster-wide index lock; resolves with its release (idempotent). */
  lock(): Promise<() => void>;
  /** Make every other worker serve `snapshot`; rejects with `KNOWLEDGE_SYNC_FAILED` if one did not. */
  publish(snapshot: string): Promise<void>;
  /** Tell the other workers that the console's curated answers changed; resolves once they reloaded them (else `KNOWLEDGE_SYNC_FAILED`). */
  curatedChanged(): Promise<void>;
  /** Handle the primary's requests: load a snapshot (`load` swaps it in), reload the curated answers. */
  serve(handlers: SyncHandlers): void;
}

/** What a worker does when the primary asks. */
export interface SyncHandlers {
  load(snapshot: string): Promise<void>;
  reloadCurated(): void;
}

/** The single-process sync: nothing to tell, an in-process lock. */
export function localKnowledgeSync(): KnowledgeSync {
  let tail: Promise<void> = Promise.resolve();
  return {
    lock() {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const acquired = tail.then(() => release);
      tail = tail.then(() => held);
      return acquired;
    },
    publish: async () => {},
    curatedChanged: async () => {},
    serve: () => {},
  };
}

/** The sync of a cluster worker: IPC with the primary. */
export function clusterKnowledgeSync(): KnowledgeSync {
  let nextId = 1;
  const locks = new Map<number, () => void>();
  const publishes = new Map<number, (m: PublishedMessage) => void>();
  let handlers: SyncHandlers | null = null;
  const send = (m: ClusterMessage) => process.send?.(m);

  process.on('message', (raw: unknown) => {
    const m = asClusterMessage(raw);
    if (!m) return;
    if (m.type === 'cchc-kb-locked') {
      locks.get(m.id)?.();
      locks.delete(m.id);
    } else if (m.type === 'cchc-kb-published') {
      publishes.get(m.id)?.(m);
      publishes.delete(m.id);
    } else if (m.type === 'cchc-curated-reload' || m.type === 'cchc-kb-load') {
      const run = !handlers
        ? Promise.reject(new Error('knowledge base not ready yet'))
        : m.type === 'cchc-kb-load'
          ? handlers.load(m.snapshot)
          : Promise.resolve().then(() => handlers?.reloadCurated());
      void run.then(
        () => send({ type: 'cchc-kb-loaded', id: m.id, ok: true }),
        (err: unknown) => send({ type: 'cchc-kb-loaded', id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    }
  });

  return {
    lock() {
      const id = nextId++;
      return new Promise((resolve) => {
        let released = false;
        locks.set(id, () =>
          resolve(() => {
            if (released) return;
            released = true;
            send({ type: 'cchc-kb-unlock', id });
          }),
        );
        send({ type: 'cchc-kb-lock', id });
      });
    },
    publish(snapshot) {
      return relay((id) => ({ type: 'cchc-kb-publish', id, snapshot }));
    },
    curatedChanged() {
      return relay((id) => ({ type: 'cchc-curated-reload', id }));
    },
    serve(h) {
      handlers = h;
    },
  };

  /** Send a request the primary relays to every other worker; resolve once all confirmed. */
  function relay(message: (id: number) => ClusterMessage): Promise<void> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      publishes.set(id, (m) => {
        if (m.ok) return resolve();
        const who = m.lagging.map((i) => `số ${i}`).join(', ');
        reject(
          new AppError(
            'KNOWLEDGE_SYNC_FAILED',
            `Đã lưu thay đổi nhưng ${who ? `tiến trình ${who} chưa nạp kịp` : 'một tiến trình không nạp được'} bản mới; ` +
              'tiến trình đó sẽ tự nạp lại sau ít giây (xem nhật ký máy chủ). Hãy kiểm tra lại sau một phút.',
          ),
        );
      });
      send(message(id));
    });
  }
}

/** The sync this process uses: IPC in a cluster worker, the local one otherwise. */
export function knowledgeSyncForProcess(): KnowledgeSync {
  return cluster.isWorker ? clusterKnowledgeSync() : localKnowledgeSync();
}

/** Name of the snapshot a base was loaded from (what workers exchange). */
export const snapshotName = (kb: KnowledgeBase): string => basename(kb.snapshot.dir);

/** Longest a rebuilt base may wait for its swap before the lock is given back anyway, ms. */
const LOCK_HOLD_MS = 120_000;

/**
 * The console's view of the knowledge base in a cluster: `rebuild` runs under
 * the cluster-wide lock, and `live.swap` of the rebuilt base swaps it in here,
 * then waits until every other worker serves it, then gives the lock back.
 * Everything else is the process's own {@link LiveKnowledge}.
 */
export function syncedKnowledge(
  live: LiveKnowledge,
  rebuild: () => Promise<KnowledgeBase>,
  sync: KnowledgeSync,
): { live: LiveKnowledge; rebuild: () => Promise<KnowledgeBase> } {
  const held = new WeakMap<KnowledgeBase, () => void>();
  return {
    async rebuild() {
      const release = await sync.lock();
      try {
        const kb = await rebuild();
        held.set(kb, release);
        setTimeout(release, LOCK_HOLD_MS).unref();
        return kb;
      } catch (err) {
        release();
        throw err;
      }
    },
    live: {
      ...live,
      async swap(next) {
        const release = held.get(next);
        held.delete(next);
        try {
          await live.swap(next);
          await sync.publish(snapshotName(next));
        } finally {
          release?.();
        }
      },
    },
  };
}
