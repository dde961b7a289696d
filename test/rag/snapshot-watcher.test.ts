/**
 * A serving process picks up a snapshot another process built (`cli index`):
 * the watcher sees CURRENT move, loads that snapshot (no build) and swaps it
 * in; the previous base answers until then, and an unreadable snapshot
 * leaves it serving.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openKnowledgeBase } from '../../src/rag/knowledge-base.js';
import { createLiveKnowledge } from '../../src/rag/live-knowledge.js';
import { currentSnapshotName, watchSnapshots } from '../../src/rag/snapshot-watcher.js';
import { tempDir } from '../helpers/knowledge-base.js';

const logger = createLogger('silent');

function knowledge(): string {
  const dir = tempDir('cchc-kn-');
  copyFileSync('knowledge/glossary.yaml', join(dir, 'glossary.yaml'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'notes', 'a.md'), note('Tổ trực ban họp vào sáng thứ Hai hằng tuần tại phòng họp số 2.'));
  return dir;
}

function note(text: string): string {
  return `---\nid: "ghi-chu-a"\ntitle: "Ghi chú A"\ntype: "ghi chú"\n---\n## Lịch trực ban\n${text}\n`;
}

describe('watchSnapshots', () => {
  it('swaps in the snapshot CURRENT names, once, while the old base keeps answering until then', async () => {
    const kn = knowledge();
    const data = tempDir();
    const config = createConfig({ KNOWLEDGE_DIR: kn, DATA_DIR: data });
    const live = createLiveKnowledge(await openKnowledgeBase({ config, logger }));
    const loads: string[] = [];
    const watcher = watchSnapshots({
      dataDir: data,
      live,
      intervalMs: 0,
      logger,
      load: (snapshotDir) => {
        loads.push(snapshotDir);
        return openKnowledgeBase({ config, logger, snapshotDir });
      },
    });
    expect(await watcher.check()).toBe(false);

    // Another process (cli index) rebuilds after an edit.
    writeFileSync(join(kn, 'notes', 'a.md'), note('Tổ trực ban họp vào chiều thứ Sáu hằng tuần tại hội trường lớn.'));
    const answerer = live.answerer({ ask: async () => ({ answer: 'unavailable', abstained: true, sources: [], ms: 0 }) });
    expect((await answerer.ask('Tổ trực ban họp ở đâu?')).answer).toContain('phòng họp số 2');
    await openKnowledgeBase({ config, logger });
    expect(await watcher.check()).toBe(true);
    expect(live.current()?.snapshot.dir.endsWith(currentSnapshotName(data) as string)).toBe(true);
    expect((await answerer.ask('Tổ trực ban họp ở đâu?')).answer).toContain('hội trường lớn');
    expect(await watcher.check()).toBe(false);
    expect(loads).toHaveLength(1);
    watcher.stop();
  });

  it('keeps serving the previous base when the new snapshot cannot be read', async () => {
    const kn = knowledge();
    const data = tempDir();
    const config = createConfig({ KNOWLEDGE_DIR: kn, DATA_DIR: data });
    const first = await openKnowledgeBase({ config, logger });
    const live = createLiveKnowledge(first);
    writeFileSync(join(data, 'index', 'CURRENT'), 'missing-snapshot');
    const watcher = watchSnapshots({ dataDir: data, live, intervalMs: 0, logger, load: (snapshotDir) => openKnowledgeBase({ config, logger, snapshotDir }) });
    expect(await watcher.check()).toBe(false);
    expect(live.current()).toBe(first);
    watcher.stop();
  });

  it('serves a named snapshot at once (a rebuild in another worker), and refuses names that are not snapshot names', async () => {
    const kn = knowledge();
    const data = tempDir();
    const config = createConfig({ KNOWLEDGE_DIR: kn, DATA_DIR: data });
    const first = await openKnowledgeBase({ config, logger });
    const live = createLiveKnowledge(first);
    const loads: string[] = [];
    const watcher = watchSnapshots({
      dataDir: data,
      live,
      intervalMs: 0,
      logger,
      load: (snapshotDir) => {
        loads.push(snapshotDir);
        return openKnowledgeBase({ config, logger, snapshotDir });
      },
    });
    writeFileSync(join(kn, 'notes', 'a.md'), note('Tổ trực ban họp vào chiều thứ Sáu hằng tuần tại hội trường lớn.'));
    const rebuilt = await openKnowledgeBase({ config, logger });
    const name = currentSnapshotName(data) as string;
    expect(rebuilt.snapshot.dir.endsWith(name)).toBe(true);
    await watcher.serve(name);
    expect(live.current()?.snapshot.dir.endsWith(name)).toBe(true);
    // Already served: nothing loaded again, and the timer's check finds nothing new.
    await watcher.serve(name);
    expect(await watcher.check()).toBe(false);
    expect(loads).toHaveLength(1);
    await expect(watcher.serve('../../etc')).rejects.toThrow(/snapshot name/);
    await expect(watcher.serve('no-such-snapshot')).rejects.toThrow();
    expect(live.current()?.snapshot.dir.endsWith(name)).toBe(true);
    watcher.stop();
  });
});
