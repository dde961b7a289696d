import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { loadSnapshot, openIndex } from '../../src/rag/index-store.js';
import { openKnowledgeBase } from '../../src/rag/knowledge-base.js';
import { CountingEmbedder, tempDir } from '../helpers/knowledge-base.js';

/** A small knowledge dir: the plan, the glossary and two short notes. */
function makeKnowledge(): string {
  const dir = tempDir('cchc-kn-');
  copyFileSync('knowledge/ke-hoach-1523-KH-SCT.md', join(dir, 'ke-hoach-1523-KH-SCT.md'));
  copyFileSync('knowledge/glossary.yaml', join(dir, 'glossary.yaml'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(
    join(dir, 'notes', 'a.md'),
    note(
      'ghi-chu-a',
      'Ghi chú A',
      ['Lịch trực ban', 'Tổ trực ban họp vào sáng thứ Hai hằng tuần tại phòng họp số 2.'],
      ['Kho lưu trữ', 'Hồ sơ giấy được lưu trong kho lưu trữ tầng trệt.'],
    ),
  );
  writeFileSync(join(dir, 'notes', 'b.md'), note('ghi-chu-b', 'Ghi chú B', ['Bãi đỗ xe', 'Xe của khách đỗ ở bãi phía sau trụ sở.']));
  return dir;
}

function note(id: string, title: string, ...sections: Array<[string, string]>): string {
  return `---\nid: "${id}"\ntitle: "${title}"\ntype: "ghi chú"\n---\n${sections.map(([h, t]) => `## ${h}\n${t}\n`).join('\n')}`;
}

function open(knowledgeDir: string, dataDir: string, embedder: CountingEmbedder, extra: { beforeCommit?: () => void } = {}) {
  return openIndex({ knowledgeDir, dataDir, embedder, logger: createLogger('silent'), ...extra });
}

describe('incremental index', () => {
  it('re-embeds nothing on a second run with no change', async () => {
    const kn = makeKnowledge();
    const data = tempDir();
    const first = await open(kn, data, new CountingEmbedder());
    expect(first.changes?.embedded).toBe(first.snapshot.chunks.length);
    expect(first.changes?.addedFiles).toEqual(['ke-hoach-1523-KH-SCT.md', 'notes/a.md', 'notes/b.md']);

    const counting = new CountingEmbedder();
    const second = await open(kn, data, counting);
    expect(second.changes).toBeNull(); // loaded as is
    expect(counting.texts).toEqual([]);
    expect(second.snapshot.chunks.length).toBe(first.snapshot.chunks.length);
  });

  it('re-embeds only the changed chunks of a changed file', async () => {
    const kn = makeKnowledge();
    const data = tempDir();
    await open(kn, data, new CountingEmbedder());
    // Change one of the two sections of notes/a.md.
    writeFileSync(
      join(kn, 'notes', 'a.md'),
      note(
        'ghi-chu-a',
        'Ghi chú A',
        ['Lịch trực ban', 'Tổ trực ban họp vào chiều thứ Sáu hằng tuần.'],
        ['Kho lưu trữ', 'Hồ sơ giấy được lưu trong kho lưu trữ tầng trệt.'],
      ),
    );
    const counting = new CountingEmbedder();
    const r = await open(kn, data, counting);
    expect(r.changes?.changedFiles).toEqual(['notes/a.md']);
    expect(r.changes?.unchangedFiles).toBe(2);
    expect(r.changes?.embedded).toBe(1);
    expect(counting.texts).toHaveLength(1);
    expect(counting.texts[0]).toContain('chiều thứ Sáu');
  });

  it('drops a removed file from the index', async () => {
    const kn = makeKnowledge();
    const data = tempDir();
    await open(kn, data, new CountingEmbedder());
    rmSync(join(kn, 'notes', 'b.md'));
    const counting = new CountingEmbedder();
    const r = await open(kn, data, counting);
    expect(r.changes?.removedFiles).toEqual(['notes/b.md']);
    expect(counting.texts).toEqual([]);
    expect(r.snapshot.chunks.some((c) => c.file === 'notes/b.md')).toBe(false);
    expect(r.snapshot.lexical.search('bãi đỗ xe').some((h) => h.id.startsWith('ghi-chu-b'))).toBe(false);
  });

  it('reports an unreadable file by name and still builds the rest', async () => {
    const kn = makeKnowledge();
    writeFileSync(join(kn, 'notes', 'hong.pdf'), 'đây không phải PDF');
    writeFileSync(join(kn, 'notes', 'sai.md'), '---\nid: [không hợp lệ\n---\nabc');
    const r = await open(kn, tempDir(), new CountingEmbedder());
    expect(r.changes?.errors.map((e) => e.file).sort()).toEqual(['notes/hong.pdf', 'notes/sai.md']);
    expect(r.changes?.errors.find((e) => e.file === 'notes/hong.pdf')?.message).toMatch(/^notes\/hong\.pdf: /);
    expect(r.snapshot.chunks.some((c) => c.file === 'notes/a.md')).toBe(true);
  });

  it('keeps serving the previous index when a build is interrupted', async () => {
    const kn = makeKnowledge();
    const data = tempDir();
    const first = await open(kn, data, new CountingEmbedder());
    const currentBefore = readFileSync(join(data, 'index', 'CURRENT'), 'utf8');
    writeFileSync(join(kn, 'notes', 'c.md'), note('ghi-chu-c', 'Ghi chú C', ['Căng tin', 'Căng tin mở cửa từ 11 giờ.']));
    await expect(
      open(kn, data, new CountingEmbedder(), {
        beforeCommit: () => {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(readFileSync(join(data, 'index', 'CURRENT'), 'utf8')).toBe(currentBefore);
    // The snapshot CURRENT names is intact and loads.
    const served = await loadSnapshot(join(data, 'index', 'snapshots', currentBefore), new CountingEmbedder());
    expect(served.chunks.length).toBe(first.snapshot.chunks.length);
    // The next start picks the change up and cleans up.
    const kb = await openKnowledgeBase({
      config: createConfig({ KNOWLEDGE_DIR: kn, DATA_DIR: data }),
      logger: createLogger('silent'),
      embedder: new CountingEmbedder(),
      generator: null,
    });
    expect(kb.chunkCount).toBe(first.snapshot.chunks.length + 1);
    expect(readdirSync(join(data, 'index', 'snapshots')).length).toBeLessThanOrEqual(2);
  });
});

describe('file hashes reused by size and modification time', () => {
  const longAgo = new Date(Date.now() - 3600_000);

  it('sees a same-size edit with a new modification time, and a touch that changes nothing is no change', async () => {
    const kn = makeKnowledge();
    for (const f of ['ke-hoach-1523-KH-SCT.md', 'glossary.yaml', 'notes/a.md', 'notes/b.md']) utimesSync(join(kn, f), longAgo, longAgo);
    const data = tempDir();
    const first = await open(kn, data, new CountingEmbedder());
    expect(first.snapshot.manifest.files['notes/b.md']?.stat).toBeDefined();
    // Same length, one word changed ("phía sau" -> "phía nam"), new mtime.
    const b = join(kn, 'notes', 'b.md');
    const before = readFileSync(b, 'utf8');
    const edited = before.replace('phía sau', 'phía nam');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(before));
    writeFileSync(b, edited);
    const second = await open(kn, data, new CountingEmbedder());
    expect(second.changes?.changedFiles).toEqual(['notes/b.md']);
    expect(second.snapshot.chunks.some((c) => c.text.includes('phía nam'))).toBe(true);
    // Touched only: hashed again (new mtime), found identical.
    utimesSync(join(kn, 'notes', 'a.md'), new Date(), new Date());
    const third = await open(kn, data, new CountingEmbedder());
    expect(third.changes).toBeNull();
  });
});
