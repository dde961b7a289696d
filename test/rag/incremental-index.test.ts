/**
 * The index parts that an update touches only where the knowledge changed:
 * the BM25 index (an update ranks exactly as a full build), the HNSW labels
 * (deleted points never come back), the re-ranking features (reused for
 * unchanged chunks), and openIndex's incremental path as a whole.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { Chunk } from '../../src/rag/chunk.js';
import { ChunkFeatureStore } from '../../src/rag/chunk-features.js';
import { HashEmbedder } from '../../src/rag/embedder.js';
import { openIndex } from '../../src/rag/index-store.js';
import { LexicalIndex } from '../../src/rag/lexical-index.js';
import { HnswVectorIndex } from '../../src/rag/vector-index.js';
import { CountingEmbedder, tempDir } from '../helpers/knowledge-base.js';

function chunk(id: string, text: string, trail = ['Điều 1']): Chunk {
  return {
    id,
    docId: 'QĐ 9',
    docTitle: 'Quyết định thử',
    docType: 'quyết định',
    file: `${id}.txt`,
    section: trail.join(', '),
    trail,
    text,
    kind: 'passage',
    hash: id + text,
  };
}

const CHUNKS = [
  chunk('a', 'Thủ tục hành chính được giải quyết trong thời hạn 10 ngày làm việc.'),
  chunk('b', 'Kinh phí thực hiện kế hoạch do ngân sách tỉnh bảo đảm.'),
  chunk('c', 'Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan.'),
  chunk('d', 'Báo cáo kết quả thực hiện gửi Ủy ban nhân dân tỉnh trước ngày 15 tháng 12.'),
  chunk('e', 'Tổ chức đối thoại với doanh nghiệp về thủ tục hành chính mỗi năm một lần.'),
];
const QUERIES = ['thủ tục hành chính bao nhiêu ngày', 'kinh phi ngan sach', 'ai chủ trì phối hợp', 'báo cáo gửi ủy ban', 'đối thoại doanh nghiệp'];

describe('LexicalIndex', () => {
  it('ranks after an update exactly as a full build of the same chunks', () => {
    const edited = chunk('b', 'Kinh phí đối thoại doanh nghiệp do ngân sách tỉnh bảo đảm hằng năm.');
    const added = chunk('f', 'Thời hạn giải quyết thủ tục đăng ký là 5 ngày làm việc.');
    const updated = LexicalIndex.build(CHUNKS).update(new Set(['c']), [edited, added]);
    const expected = LexicalIndex.build([CHUNKS[0], CHUNKS[3], CHUNKS[4], edited, added] as Chunk[]);
    expect(updated.size).toBe(5);
    for (const q of QUERIES) {
      const got = updated.search(q, 10);
      const want = expected.search(q, 10);
      expect(got.map((h) => h.id).sort()).toEqual(want.map((h) => h.id).sort());
      const score = new Map(want.map((h) => [h.id, h.score]));
      for (const h of got) expect(h.score).toBeCloseTo(score.get(h.id) as number, 9);
    }
    expect(updated.search('chủ trì phối hợp các sở').some((h) => h.id === 'c')).toBe(false);
  });

  it('survives a save and load unchanged', () => {
    const dir = tempDir();
    const built = LexicalIndex.build(CHUNKS);
    built.save(dir);
    const loaded = LexicalIndex.load(dir);
    for (const q of QUERIES) expect(loaded.search(q)).toEqual(built.search(q));
  });

  it('returns only the best `limit` hits, best first', () => {
    const hits = LexicalIndex.build(CHUNKS).search('thủ tục hành chính', 1);
    expect(hits).toHaveLength(1);
    expect(['a', 'e']).toContain(hits[0]?.id);
  });
});

describe('HnswVectorIndex', () => {
  it('drops deleted labels, adds new points and keeps them through save and load', async () => {
    const embedder = new HashEmbedder(64);
    const vecs = await embedder.embed(CHUNKS.map((c) => c.text));
    const index = await HnswVectorIndex.build(
      embedder,
      CHUNKS.map((c) => c.id),
      vecs,
    );
    const [fresh] = await embedder.embed(['Hội nghị tổng kết công tác cải cách hành chính năm nay.']);
    index.update(['a', 'b'], [{ id: 'g', vector: fresh as number[] }]);
    expect(index.size).toBe(4);
    expect(index.deletedShare).toBeCloseTo(2 / 6, 9);
    const dir = tempDir();
    await index.save(dir);
    const loaded = await HnswVectorIndex.load(dir, embedder);
    const hits = await loaded.search(fresh as number[], 10);
    expect(hits[0]?.id).toBe('g');
    expect(hits.map((h) => h.id).sort()).toEqual(['c', 'd', 'e', 'g']);
  });
});

describe('ChunkFeatureStore', () => {
  it('reuses the lists of unchanged chunks and counts document frequencies over the current chunks only', () => {
    const first = ChunkFeatureStore.build(CHUNKS, { aliases: () => '' });
    const next = [CHUNKS[0], chunk('b', 'Hồ sơ điện tử được lưu trữ trên hệ thống.')] as Chunk[];
    const store = ChunkFeatureStore.build(next, { aliases: () => '', previous: first, reusable: new Set(['a']) });
    expect(store.has('a', 'words', 'thu')).toBe(true);
    expect(store.has('b', 'words', 'luu')).toBe(true);
    expect(store.has('b', 'words', 'kinh')).toBe(false);
    expect(store.has('b', 'pairs', 'ho so')).toBe(true);
    const { words } = store.frequencies();
    expect(words.get('kinh')).toBeUndefined();
    expect(words.get('a:thủ')).toBe(1);
    const dir = tempDir();
    store.save(dir);
    const loaded = ChunkFeatureStore.load(dir);
    expect(loaded.has('b', 'pairs', 'ho so')).toBe(true);
    expect(loaded.frequencies()).toEqual(store.frequencies());
  });
});

function note(text: string): string {
  return `---\nid: "ghi-chu-a"\ntitle: "Ghi chú A"\ntype: "ghi chú"\n---\n## Lịch trực ban\n${text}\n\n## Kho lưu trữ\nHồ sơ giấy được lưu trong kho lưu trữ tầng trệt.\n`;
}

describe('openIndex incremental path', () => {
  it('updates the previous snapshot for a one-file change and answers like a full build', async () => {
    const kn = tempDir('cchc-kn-');
    copyFileSync('knowledge/ke-hoach-1523-KH-SCT.md', join(kn, 'ke-hoach-1523-KH-SCT.md'));
    mkdirSync(join(kn, 'notes'));
    writeFileSync(join(kn, 'notes', 'a.md'), note('Tổ trực ban họp vào sáng thứ Hai hằng tuần tại phòng họp số 2.'));
    const data = tempDir();
    const logger = createLogger('silent');
    await openIndex({ knowledgeDir: kn, dataDir: data, embedder: new CountingEmbedder(), logger });
    writeFileSync(join(kn, 'notes', 'a.md'), note('Tổ trực ban họp vào chiều thứ Sáu hằng tuần tại hội trường lớn.'));
    const counting = new CountingEmbedder();
    const updated = await openIndex({ knowledgeDir: kn, dataDir: data, embedder: counting, logger });
    expect(updated.changes?.incremental).toBe(true);
    expect(updated.changes?.errors).toEqual([]);
    expect(updated.changes?.changedFiles).toEqual(['notes/a.md']);
    expect(counting.texts.length).toBeLessThan(5);
    const full = await openIndex({ knowledgeDir: kn, dataDir: tempDir(), embedder: new CountingEmbedder(), logger });
    expect(full.changes?.incremental).toBe(false);
    for (const q of ['tổ trực ban họp khi nào', 'phòng họp số 2', 'hội trường lớn']) {
      expect(updated.snapshot.lexical.search(q, 5).map((h) => h.id)).toEqual(full.snapshot.lexical.search(q, 5).map((h) => h.id));
    }
    const [v] = await counting.embed(['hội trường lớn thứ Sáu']);
    const dense = await updated.snapshot.vectors.search(v as number[], 3);
    expect(dense.every((h) => updated.snapshot.chunks.some((c) => c.id === h.id))).toBe(true);
    expect(updated.snapshot.vectors.size).toBe(updated.snapshot.chunks.length);
  });
});
