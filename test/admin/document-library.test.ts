/**
 * DocumentLibrary with a controllable fake rebuild: statuses follow the
 * rebuild that included each change; a document uploaded while a rebuild
 * runs waits for the next one instead of being marked rejected.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentLibrary } from '../../src/admin/document-library.js';
import { DocumentStore } from '../../src/admin/document-store.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { createLiveKnowledge } from '../../src/rag/live-knowledge.js';
import { openDatabase } from '../../src/store/database.js';
import { silentLogger } from '../chat/fakes.js';
import { tempDir } from '../helpers/knowledge-base.js';

/** A knowledge base that holds passages for the given stored files (only what the library reads). */
function fakeBase(files: Record<string, number>, errors: Array<{ file: string; message: string }> = []): KnowledgeBase {
  const chunks = Object.entries(files).flatMap(([file, n]) => Array.from({ length: n }, (_, i) => ({ id: `${file}#${i}`, file, docId: file })));
  const documents = Object.keys(files).map((file) => ({ id: `doc-${file}`, file }));
  return { snapshot: { chunks, documents, manifest: { errors } }, chunkCount: chunks.length, close: async () => {} } as unknown as KnowledgeBase;
}

const TXT = Buffer.from('Điều 1. Nội dung thử nghiệm.\n');

describe('DocumentLibrary', () => {
  it('a document added during a rebuild is decided by the next rebuild', async () => {
    const dir = tempDir('cchc-lib-');
    const waiting: Array<(kb: KnowledgeBase) => void> = [];
    const live = createLiveKnowledge(fakeBase({}));
    const store = new DocumentStore(openDatabase(':memory:'));
    const lib = new DocumentLibrary({ dir, store, live, logger: silentLogger, rebuild: () => new Promise((resolve) => waiting.push(resolve)) });

    const a = lib.add('a.txt', TXT, {});
    await new Promise((r) => setImmediate(r));
    expect(waiting).toHaveLength(1);
    const b = lib.add('b.txt', TXT, {});
    const relA = `_uploads/${a.storedName}`;
    const relB = `_uploads/${b.storedName}`;
    waiting[0]?.(fakeBase({ [relA]: 3 }));
    await new Promise((r) => setTimeout(r, 10));
    expect(lib.get(a.id)).toMatchObject({ status: 'ready', passages: 3, docId: `doc-${relA}` });
    expect(lib.get(b.id)?.status).toBe('indexing');
    expect(waiting).toHaveLength(2);
    waiting[1]?.(fakeBase({ [relA]: 3, [relB]: 2 }));
    await lib.whenIdle();
    expect(lib.get(b.id)).toMatchObject({ status: 'ready', passages: 2 });
    expect(lib.passages(b.id)).toHaveLength(2);
  });

  it('rejects with the loader reason (file name shown as uploaded) and moves the file out of the index', async () => {
    const dir = tempDir('cchc-lib-');
    let next: KnowledgeBase = fakeBase({});
    const live = createLiveKnowledge(fakeBase({}));
    const lib = new DocumentLibrary({
      dir,
      store: new DocumentStore(openDatabase(':memory:')),
      live,
      logger: silentLogger,
      rebuild: async () => {
        await new Promise((r) => setImmediate(r)); // the test sets `next` after the upload
        return next;
      },
    });
    const c = lib.add('Công văn.txt', TXT, { title: 'Công văn thử nghiệm' });
    expect(existsSync(join(dir, c.storedName))).toBe(true);
    expect(existsSync(join(dir, `${c.storedName}.meta.yaml`))).toBe(true);
    next = fakeBase({}, [{ file: `_uploads/${c.storedName}`, message: `_uploads/${c.storedName}: tệp bị hỏng` }]);
    await lib.whenIdle();
    expect(lib.get(c.id)).toMatchObject({ status: 'rejected', reason: 'Công văn.txt: tệp bị hỏng' });
    expect(existsSync(join(dir, c.storedName))).toBe(false);
    expect(existsSync(join(dir, '_rejected', c.storedName))).toBe(true);
    // Fixing the metadata brings the file back and re-indexes it.
    next = fakeBase({ [`_uploads/${c.storedName}`]: 1 });
    lib.updateMeta(c.id, { status: 'amended' });
    expect(existsSync(join(dir, c.storedName))).toBe(true);
    await lib.whenIdle();
    expect(lib.get(c.id)).toMatchObject({ status: 'ready', meta: { title: 'Công văn thử nghiệm', status: 'amended' } });
    expect(await lib.remove(c.id)).toBe(true);
    expect(existsSync(join(dir, c.id))).toBe(false);
    expect(lib.get(c.id)).toBeUndefined();
  });

  it('a failed rebuild keeps the previous base and marks the waiting documents rejected', async () => {
    const first = fakeBase({});
    const live = createLiveKnowledge(first);
    const lib = new DocumentLibrary({
      dir: tempDir('cchc-lib-'),
      store: new DocumentStore(openDatabase(':memory:')),
      live,
      logger: silentLogger,
      rebuild: async () => Promise.reject(new Error('disk full')),
    });
    const d = lib.add('d.txt', TXT, {});
    await lib.whenIdle();
    expect(live.current()).toBe(first);
    expect(lib.get(d.id)?.status).toBe('rejected');
    expect(lib.get(d.id)?.reason).toContain('lập chỉ mục');
  });
});
