/**
 * An incremental update is a full build of the same files: for
 * build(A ∪ B) then update(B → B′, C removed, D added), the BM25 rankings,
 * re-ranking features and dense neighbours equal those of a fresh build of
 * A ∪ B′ ∪ D (also after the snapshot is reloaded, which replays the HNSW
 * delta). And the worker-thread analysis writes byte-identical indexes to
 * the in-thread one.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { Chunk } from '../../src/rag/chunk.js';
import { FEATURE_LISTS } from '../../src/rag/chunk-features.js';
import { chunkFileName } from '../../src/rag/chunk-store.js';
import { HashEmbedder } from '../../src/rag/embedder.js';
import { type IndexSnapshot, loadSnapshot, openIndex } from '../../src/rag/index-store.js';
import { LexicalIndex } from '../../src/rag/lexical-index.js';
import { createGlossary } from '../../src/text/glossary.js';
import { countSpellings } from '../../src/text/query/diacritics.js';
import { tempDir } from '../helpers/knowledge-base.js';

const glossary = createGlossary([{ abbr: 'TTHC', full: 'thủ tục hành chính' }]);
const TOPICS = ['chợ', 'an toàn thực phẩm', 'khuyến công', 'xăng dầu', 'cụm công nghiệp', 'điện nông thôn', 'thương mại điện tử'];
const QUERIES = [
  'thời hạn giải quyết TTHC',
  'kinh phí khuyến công lấy từ đâu',
  'ai chủ trì quản lý chợ',
  'bao cao ket qua truoc ngay nao',
  'xăng dầu kiểm tra định kỳ',
  'cụm công nghiệp đầu tư hạ tầng',
  'thương mại điện tử hỗ trợ doanh nghiệp',
];

function note(n: number, extra = ''): string {
  const topic = TOPICS[n % TOPICS.length] as string;
  const sections = [0, 1, 2].map(
    (k) =>
      `## Mục ${k + 1}. Về ${topic}\nSở Công Thương chủ trì ${topic} năm ${2020 + k}, thủ tục hành chính giải quyết trong ${5 + n + k} ngày làm việc.\n` +
      `Kinh phí thực hiện ${topic} do ngân sách tỉnh bảo đảm; báo cáo kết quả trước ngày ${10 + k} hằng tháng.${k === 1 ? extra : ''}\n`,
  );
  return `---\nid: "ghi-chu-${n}"\ntitle: "Ghi chú ${n} về ${topic}"\ntype: "ghi chú"\n---\n${sections.join('\n')}`;
}

function writeNotes(dir: string, ids: number[], edited: Record<number, string> = {}): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'notes'), { recursive: true });
  copyFileSync('knowledge/glossary.yaml', join(dir, 'glossary.yaml'));
  for (const n of ids) writeFileSync(join(dir, 'notes', `n${n}.md`), note(n, edited[n] ?? ''));
}

const open = (knowledgeDir: string, dataDir: string, extra: { force?: boolean; workers?: number; minPoolChunks?: number } = {}) =>
  openIndex({ knowledgeDir, dataDir, embedder: new HashEmbedder(64, glossary), glossary, logger: createLogger('silent'), workers: 0, ...extra });

/** Hits by score, then id: exact ties may come in another order (slots of updated chunks move to the end). */
const ranked = (hits: Array<{ id: string; score: number }>) =>
  hits.map((h) => ({ id: h.id, score: Number(h.score.toFixed(9)) })).sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));

async function expectSameAnswers(got: IndexSnapshot, want: IndexSnapshot): Promise<void> {
  expect(got.chunks.map((c) => c.id)).toEqual(want.chunks.map((c) => c.id));
  const embedder = new HashEmbedder(64, glossary);
  for (const q of QUERIES) {
    const b = want.lexical.search(q, 30);
    expect(b.length).toBeGreaterThan(0);
    expect(ranked(got.lexical.search(q, 30))).toEqual(ranked(b));
    const qv = embedder.embedOne(q);
    const db = await want.vectors.search(qv, 30);
    expect(db.length).toBe(want.chunks.length);
    expect(ranked(await got.vectors.search(qv, 30))).toEqual(ranked(db));
  }
  expect(got.features.frequencies()).toEqual(want.features.frequencies());
  // Diacritic restoration's spelling counts: kept in the snapshot, brought up to date by an update.
  const sorted = (m: ReadonlyMap<string, number> | undefined) => [...(m ?? new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const counted = countSpellings(want.chunks.map((c) => c.text));
  expect(counted.pairs.size).toBeGreaterThan(0);
  for (const s of [got.spellings, want.spellings]) {
    expect(sorted(s?.syllables)).toEqual(sorted(counted.syllables));
    expect(sorted(s?.pairs)).toEqual(sorted(counted.pairs));
  }
  const keys = [...want.features.frequencies().words.keys(), ...want.features.frequencies().pairs.keys()];
  for (const c of want.chunks) {
    for (const list of FEATURE_LISTS) {
      const inGot = got.features.tester(c.id, list);
      const inWant = want.features.tester(c.id, list);
      expect(keys.filter(inGot)).toEqual(keys.filter(inWant));
    }
  }
}

describe('incremental update = full build', () => {
  it('ranks, matches features and finds neighbours like a fresh build of the same files', async () => {
    const kn = tempDir('cchc-eq-');
    const data = tempDir();
    writeNotes(kn, [0, 1, 2, 3, 4, 5]);
    await open(kn, data);
    // B → B′ (n2 and n4 edited), C removed (n5), D added (n6).
    writeNotes(kn, [0, 1, 2, 3, 4, 6], { 2: ' Khoản bổ sung: kiểm tra xăng dầu định kỳ.', 4: ' Thời hạn mới 3 ngày.' });
    const updated = await open(kn, data);
    expect(updated.changes?.incremental).toBe(true);
    expect(updated.changes?.changedFiles).toEqual(['notes/n2.md', 'notes/n4.md']);
    const fresh = await open(kn, tempDir(), { force: true });
    expect(fresh.changes?.incremental).toBe(false);
    await expectSameAnswers(updated.snapshot, fresh.snapshot);
    // Reloaded from disk: the HNSW delta is replayed, the rest read back.
    const reloaded = await loadSnapshot(updated.snapshot.dir, new HashEmbedder(64, glossary), glossary);
    await expectSameAnswers(reloaded, fresh.snapshot);
    // A second update on top of the delta.
    writeNotes(kn, [0, 1, 3, 4, 6], { 4: ' Thời hạn mới 3 ngày.' });
    const again = await open(kn, data);
    expect(again.changes?.incremental).toBe(true);
    expect(again.changes?.removedFiles).toEqual(['notes/n2.md']);
    await expectSameAnswers(again.snapshot, (await open(kn, tempDir(), { force: true })).snapshot);
  });
});

describe('chunks stored per source file', () => {
  it('links the chunk files of unchanged sources and keeps repeated ids apart across updates', async () => {
    const kn = tempDir('cchc-eq-');
    writeNotes(kn, [0, 1, 2, 3]);
    // A copy of note 1 under another name: the same document id, so the same chunk ids.
    copyFileSync(join(kn, 'notes', 'n1.md'), join(kn, 'notes', 'n1-copy.md'));
    const data = tempDir();
    const first = await open(kn, data);
    expect(first.snapshot.chunks.some((c) => c.id.endsWith('@notes/n1.md'))).toBe(true);
    writeFileSync(join(kn, 'notes', 'n1-copy.md'), note(1, ' Bổ sung: thời hạn 3 ngày.'));
    writeFileSync(join(kn, 'notes', 'n3.md'), note(3, ' Thêm một câu mới.'));
    const updated = await open(kn, data);
    expect(updated.changes?.incremental).toBe(true);
    expect(updated.changes?.changedFiles).toEqual(['notes/n1-copy.md', 'notes/n3.md']);
    const fresh = await open(kn, tempDir(), { force: true });
    await expectSameAnswers(updated.snapshot, fresh.snapshot);
    await expectSameAnswers(await loadSnapshot(updated.snapshot.dir, new HashEmbedder(64, glossary), glossary), fresh.snapshot);
    // The unchanged sources' chunk files are the previous snapshot's (hard links), the changed ones new.
    const inode = (dir: string, rel: string) => statSync(join(dir, 'chunks', chunkFileName(rel))).ino;
    expect(inode(updated.snapshot.dir, 'notes/n0.md')).toBe(inode(first.snapshot.dir, 'notes/n0.md'));
    expect(inode(updated.snapshot.dir, 'notes/n3.md')).not.toBe(inode(first.snapshot.dir, 'notes/n3.md'));
  });
});

describe('worker-thread analysis', () => {
  it('writes the same indexes as the analysis in this thread', async () => {
    const kn = tempDir('cchc-eq-');
    writeNotes(kn, [0, 1, 2, 3, 4, 5, 6, 7]);
    const here = await open(kn, tempDir(), { workers: 0 });
    const pooled = await open(kn, tempDir(), { workers: 2, minPoolChunks: 1 });
    const chunkFiles = readdirSync(join(here.snapshot.dir, 'chunks')).map((n) => `chunks/${n}`);
    expect(chunkFiles.length).toBeGreaterThan(0);
    for (const f of ['chunk-files.json', ...chunkFiles, 'lexical.json', 'lexical.bin', 'features.json', 'features.bin', 'hnsw.index', 'hnsw-labels.json']) {
      expect(readFileSync(join(pooled.snapshot.dir, f)).equals(readFileSync(join(here.snapshot.dir, f))), f).toBe(true);
    }
    await expectSameAnswers(pooled.snapshot, here.snapshot);
  }, 60_000);
});

describe('LexicalIndex update in place', () => {
  const mk = (id: string, text: string): Chunk => ({
    id,
    docId: 'QĐ 9',
    docTitle: 'Quyết định thử',
    docType: 'quyết định',
    file: `${id}.txt`,
    section: 'Điều 1',
    trail: ['Điều 1'],
    text,
    kind: 'passage',
    hash: id + text,
  });
  const base = [
    mk('a', 'Thủ tục hành chính được giải quyết trong 10 ngày làm việc.'),
    mk('b', 'Kinh phí thực hiện do ngân sách tỉnh bảo đảm.'),
    mk('c', 'Sở Công Thương chủ trì, phối hợp với các sở.'),
    mk('d', 'Báo cáo gửi Ủy ban nhân dân tỉnh trước ngày 15.'),
    mk('e', 'Đối thoại với doanh nghiệp về thủ tục hành chính.'),
  ];
  const byId = new Map(base.map((c) => [c.id, c]));
  const cases: Array<[string, string[], Chunk[]]> = [
    ['an edit', ['b'], [mk('b', 'Kinh phí đối thoại doanh nghiệp do ngân sách tỉnh bảo đảm.')]],
    ['two removals (the last documents move down)', ['a', 'c'], []],
    ['a removal and two additions (appended)', ['d'], [mk('f', 'Thời hạn giải quyết thủ tục là 5 ngày.'), mk('g', 'Ngân sách tỉnh hỗ trợ doanh nghiệp.')]],
  ];
  it.each(cases)('scores %s like a full build', (_, removed, added) => {
    const b = LexicalIndex.builder(LexicalIndex.build(base), new Set([...removed, ...added.map((c) => c.id)]), undefined, { chunkOf: (id) => byId.get(id) });
    for (const c of added) b.add(c);
    const got = b.finish();
    const want = LexicalIndex.build([...base.filter((c) => !removed.includes(c.id)), ...added]);
    expect(got.size).toBe(want.size);
    for (const q of ['thủ tục hành chính', 'kinh phí ngân sách', 'báo cáo ủy ban', 'doanh nghiệp', 'chủ trì phối hợp', 'thoi han 5 ngay']) {
      expect(ranked(got.search(q, 10))).toEqual(ranked(want.search(q, 10)));
    }
  });
});
