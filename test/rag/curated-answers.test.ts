import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CuratedAnswerStore, canonicalSimilarity, featureSimilarity, parseCuratedFile, questionFeatures } from '../../src/rag/curated-answers.js';
import { loadChatAbbreviations } from '../../src/text/query/abbreviations.js';

/** The project's own chat abbreviations: the matcher shares the query pipeline's vocabulary. */
const abbreviations = loadChatAbbreviations('knowledge/chat-abbreviations.yaml');

import { InMemoryCuratedHitStore, SqliteCuratedHitStore } from '../../src/rag/curated-hits.js';
import { openDatabase } from '../../src/store/database.js';
import { openTestKnowledgeBase, tempDir } from '../helpers/knowledge-base.js';

const ENTRY = `entries:
  - id: "han-bao-cao"
    questions:
      - "Hạn báo cáo hằng năm về thực hiện Kế hoạch 1523 là khi nào?"
    answer: "Trước ngày 30/11 hằng năm, Văn phòng Sở báo cáo UBND tỉnh."
    source:
      doc: "1523/KH-SCT"
      section: "IV.2"
`;

function storeWith(files: Record<string, string>, known = { docs: new Set(['1523/KH-SCT']), urls: new Set<string>() }) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const store = new CuratedAnswerStore({ dir, known, abbreviations });
  return { dir, store, problems: store.reload() };
}

describe('curated answers: matching', () => {
  const { store } = storeWith({ 'a.yaml': ENTRY });

  it('matches a variant typed without accents, with chat framing and shorthand', () => {
    for (const q of [
      'Dạ em chào anh chị, em ở Văn phòng, cho em hỏi hạn báo cáo hằng năm thực hiện kế hoạch 1523 là khi nào ạ?',
      'ad oi han bao cao hang nam thuc hien ke hoach 1523 la khi nao vay',
      'deadline bc hằng năm thực hiện kh 1523 khi nào nhé',
    ]) {
      const a = store.answer(q);
      expect(a, q).not.toBeNull();
      expect(a?.answer).toContain('[Câu trả lời đã duyệt: 1523/KH-SCT, IV.2]');
      expect(a?.abstained).toBe(false);
    }
  });

  it('does not match an unrelated question, or one about another document number', () => {
    expect(store.answer('PAPI gồm những nội dung nào?')).toBeNull();
    expect(store.answer('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?')).toBeNull();
    expect(store.answer('Hạn báo cáo hằng năm về thực hiện Kế hoạch 444/KH-SCT là khi nào?')).toBeNull();
  });

  it('ignores framing words when building features', () => {
    expect(questionFeatures('Dạ ad ơi cho em hỏi nộp hồ sơ ạ', abbreviations)).toEqual(questionFeatures('nộp hồ sơ', abbreviations));
  });

  it('expands chat abbreviations from knowledge/chat-abbreviations.yaml (one vocabulary with retrieval)', () => {
    expect(questionFeatures('nop hs onl dc ko', abbreviations)).toEqual(questionFeatures('nộp hồ sơ trực tuyến được không', abbreviations));
    expect(questionFeatures('cô chú ơi cho con hỏi tra cứu hồ sơ ạ, con cảm ơn', abbreviations)).toEqual(questionFeatures('tra cứu hồ sơ', abbreviations));
  });
});

describe('curated answers: files', () => {
  it('rejects malformed YAML naming the file', () => {
    expect(() => parseCuratedFile('hong.yaml', 'entries:\n  - id: "x"\n    questions: [\n')).toThrow(/hong\.yaml: YAML không hợp lệ/);
  });

  it('rejects an invalid entry naming the file and the entry', () => {
    const bad = ENTRY.replace('answer: "Trước ngày 30/11 hằng năm, Văn phòng Sở báo cáo UBND tỉnh."', 'answer: ""');
    expect(() => parseCuratedFile('sai.yaml', bad)).toThrow(/sai\.yaml: entries\[0\] \(id "han-bao-cao"\): answer/);
  });

  it('rejects a source that is not in the knowledge base', () => {
    const known = { docs: new Set(['1523/KH-SCT']), urls: new Set(['https://dichvucong.gov.vn']) };
    expect(() => parseCuratedFile('x.yaml', ENTRY.replace('1523/KH-SCT', '999/QĐ-XYZ'), known)).toThrow(/source\.doc "999\/QĐ-XYZ"/);
    const withUrl = ENTRY.replace(/source:\n {6}doc: "1523\/KH-SCT"\n {6}section: "IV.2"/, 'source:\n      url: "https://vi-du.invalid/trang"');
    expect(() => parseCuratedFile('x.yaml', withUrl, known)).toThrow(/source\.url/);
  });

  it('keeps the other files and the previous entries of a file that became invalid; reload applies new entries', () => {
    const { dir, store, problems } = storeWith({ 'a.yaml': ENTRY, 'b.yaml': 'entries: [' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^b\.yaml:/);
    expect(store.entries.map((e) => e.id)).toEqual(['han-bao-cao']);
    writeFileSync(join(dir, 'b.yaml'), ENTRY.replace('han-bao-cao', 'nguoi-ky').replace(/Hạn báo cáo[^"]+/, 'Ai ký Kế hoạch 1523?'));
    expect(store.answer('ai ký kế hoạch 1523')).toBeNull();
    expect(store.reload()).toEqual([]);
    expect(store.answer('ai ký kế hoạch 1523')?.answer).toContain('Câu trả lời đã duyệt');
    writeFileSync(join(dir, 'a.yaml'), 'entries: []');
    expect(store.reload()[0]).toMatch(/^a\.yaml:/);
    expect(store.entries.map((e) => e.id).sort()).toEqual(['han-bao-cao', 'nguoi-ky']);
  });

  it('rejects an id used twice across files', () => {
    const { problems, store } = storeWith({ 'a.yaml': ENTRY, 'b.yaml': ENTRY });
    expect(problems[0]).toMatch(/b\.yaml: id "han-bao-cao" bị trùng/);
    expect(store.entries).toHaveLength(1);
  });
});

describe('curated answers: hit counts', () => {
  it('counts each use in memory', () => {
    const hits = new InMemoryCuratedHitStore();
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), ENTRY);
    const store = new CuratedAnswerStore({ dir, hits });
    store.reload();
    store.answer('hạn báo cáo hằng năm thực hiện kế hoạch 1523 là khi nào');
    store.answer('han bao cao hang nam thuc hien ke hoach 1523');
    store.answer('PAPI là gì');
    expect(hits.count('han-bao-cao')).toBe(2);
  });

  it('counts in SQLite across store instances', () => {
    const db = openDatabase(join(tempDir(), 'db.sqlite'));
    const a = new SqliteCuratedHitStore(db);
    a.increment('x');
    a.increment('x');
    const b = new SqliteCuratedHitStore(db); // migration is a no-op the second time
    b.increment('y');
    expect(b.count('x')).toBe(2);
    expect(b.all()).toEqual({ x: 2, y: 1 });
    db.close();
  });
});

describe('curated answers in the knowledge base', () => {
  it('the shipped entry answers first, cites the reviewed source, carries the dated notes and counts the hit', async () => {
    const kb = await openTestKnowledgeBase();
    expect(kb.curated.reload()).toEqual([]);
    const a = await kb.answerer.ask('cho em hoi moi nam phai bao cao ket qua thuc hien ke hoach truyen thong truoc ngay bao nhieu a');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('[Câu trả lời đã duyệt: 1523/KH-SCT, IV.2]');
    expect(a.answer).toMatch(/Lưu ý: từ 01\/3\/2025 Sở Thông tin và Truyền thông đã hợp nhất/);
    expect(a.sources[0]?.doc).toBe('1523/KH-SCT');
    expect(kb.curated.hits.count('han-bao-cao-hang-nam')).toBe(1);
    const other = await kb.answerer.ask('Thời hiệu khiếu nại là bao lâu?');
    expect(other.answer).not.toContain('Câu trả lời đã duyệt');
  });
});

describe('curated answers: canonical similarity', () => {
  const set = (s: string) => new Set(s.split(' '));
  it('a word a thesaurus phrase took on one side still counts as shared with the other side as written', () => {
    // "tại quầy" became "trực tiếp" on the stored side only; "quay" is still written there.
    const asked = { canonical: set('quay thi diem gio'), raw: set('quay thu nghiem gio') };
    const stored = { canonical: set('truc tiep thi diem gio'), raw: set('tai quay thu nghiem gio') };
    expect(featureSimilarity(asked.canonical, stored.canonical)).toBeCloseTo(6 / 9);
    expect(canonicalSimilarity(asked, stored)).toBeCloseTo(7 / 9);
  });
  it('is symmetric, 1 for the same question and 0 for nothing shared', () => {
    const a = { canonical: set('ho so gio'), raw: set('giay to gio') };
    const b = { canonical: set('tang may'), raw: set('tang may') };
    expect(canonicalSimilarity(a, a)).toBe(1);
    expect(canonicalSimilarity(a, b)).toBe(0);
    expect(canonicalSimilarity(b, a)).toBe(canonicalSimilarity(a, b));
  });
});
