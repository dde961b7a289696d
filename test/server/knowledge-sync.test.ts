/**
 * The worker side of the cluster's knowledge coordination, with the
 * in-process sync: rebuilds run one at a time under the lock, the lock is
 * held until the rebuilt base is swapped in and published, and a publish
 * that fails leaves the base served here and reaches the caller.
 */
import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../src/errors.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { createLiveKnowledge } from '../../src/rag/live-knowledge.js';
import { type KnowledgeSync, localKnowledgeSync, syncedKnowledge } from '../../src/server/knowledge-sync.js';

/** A base that is only its snapshot directory (all the sync looks at). */
const fakeBase = (dir: string): KnowledgeBase => ({ snapshot: { dir }, close: async () => {} }) as unknown as KnowledgeBase;

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('localKnowledgeSync', () => {
  it('grants the lock to one holder at a time, in order', async () => {
    const sync = localKnowledgeSync();
    const order: string[] = [];
    const a = await sync.lock();
    const b = sync.lock().then((release) => {
      order.push('b');
      return release;
    });
    await tick();
    expect(order).toEqual([]);
    order.push('a done');
    a();
    a(); // idempotent
    (await b)();
    expect(order).toEqual(['a done', 'b']);
  });
});

describe('syncedKnowledge', () => {
  it('holds the lock from the rebuild until the swap has been published, and publishes the snapshot name', async () => {
    const events: string[] = [];
    const inner = localKnowledgeSync();
    const sync: KnowledgeSync = {
      lock: async () => {
        const release = await inner.lock();
        events.push('lock');
        return () => {
          events.push('unlock');
          release();
        };
      },
      publish: async (name) => {
        events.push(`publish ${name}`);
      },
      curatedChanged: async () => {},
      serve: () => {},
    };
    const live = createLiveKnowledge(fakeBase('/d/index/snapshots/s1'));
    let n = 1;
    const synced = syncedKnowledge(
      live,
      async () => {
        events.push('rebuild');
        return fakeBase(`/d/index/snapshots/s${++n}`);
      },
      sync,
    );
    const kb = await synced.rebuild();
    expect(events).toEqual(['lock', 'rebuild']);
    await synced.live.swap(kb);
    expect(live.current()).toBe(kb);
    expect(events).toEqual(['lock', 'rebuild', 'publish s2', 'unlock']);
  });

  it('gives the lock back when the rebuild fails', async () => {
    const sync = localKnowledgeSync();
    const synced = syncedKnowledge(
      createLiveKnowledge(),
      async () => {
        throw new Error('bad file');
      },
      sync,
    );
    await expect(synced.rebuild()).rejects.toThrow('bad file');
    const release = await Promise.race([sync.lock(), tick().then(() => null)]);
    expect(release).not.toBeNull();
  });

  it('serves the base here and reports KNOWLEDGE_SYNC_FAILED when a worker did not confirm', async () => {
    const sync: KnowledgeSync = {
      ...localKnowledgeSync(),
      publish: async () => {
        throw new AppError('KNOWLEDGE_SYNC_FAILED', 'tiến trình số 1 chưa nạp kịp');
      },
    };
    const live = createLiveKnowledge(fakeBase('/d/index/snapshots/s1'));
    const synced = syncedKnowledge(live, async () => fakeBase('/d/index/snapshots/s2'), sync);
    const kb = await synced.rebuild();
    const err = await synced.live.swap(kb).catch((e: unknown) => e);
    expect(isAppError(err, 'KNOWLEDGE_SYNC_FAILED')).toBe(true);
    expect(live.current()).toBe(kb);
  });
});
