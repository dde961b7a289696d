import { describe, expect, it } from 'vitest';
import { answerTypeShifts, MAX_SHIFT, type TypedHit, whoCueSyllables, withoutUnitNames } from '../../src/rag/answer-type-ranking.js';

const hit = (over: Partial<TypedHit>): TypedHit => ({ docId: 'plan', passage: true, score: 1, coverage: 1, satisfied: false, ...over });

describe('answerTypeShifts: a section naming no unit gives way to one of the same document that does', () => {
  const cases: Array<{ name: string; hits: TypedHit[]; moved: number[] }> = [
    {
      name: 'the funding section below the unit that plans the funding',
      hits: [hit({ score: 1.2, coverage: 1 }), hit({ score: 0.93, coverage: 0.95, satisfied: true })],
      moved: [0],
    },
    { name: 'the satisfying section already first: nothing moves', hits: [hit({ score: 1.2, satisfied: true }), hit({ score: 0.9 })], moved: [] },
    {
      name: 'a unit section that covers far less of the task words is not preferred',
      hits: [hit({ score: 1.2, coverage: 1 }), hit({ score: 1.1, coverage: 0.6, satisfied: true })],
      moved: [],
    },
    {
      name: 'a unit section of another document is not preferred',
      hits: [hit({ score: 1.2 }), hit({ docId: 'guide', score: 1.1, satisfied: true })],
      moved: [],
    },
    {
      name: 'a far better match keeps its place',
      hits: [hit({ score: 1.2 + MAX_SHIFT }), hit({ score: 1.1, satisfied: true })],
      moved: [],
    },
    {
      name: 'outlines take no part',
      hits: [hit({ score: 1.2, passage: false }), hit({ score: 1.1, satisfied: true })],
      moved: [],
    },
    {
      name: 'two unsatisfying sections both give way to the satisfying one',
      hits: [hit({ score: 1.2 }), hit({ score: 1.15 }), hit({ score: 1.0, satisfied: true })],
      moved: [0, 1],
    },
    {
      name: "a unit section that owes its task words to another unit's name gives way to the one whose duty holds them",
      hits: [hit({ score: 0.64, coverage: 1, task: 0.7, satisfied: true }), hit({ score: 0.56, coverage: 0.9, task: 0.9, satisfied: true })],
      moved: [0],
    },
    {
      name: 'two unit sections whose own words hold the task alike keep their order',
      hits: [hit({ score: 0.64, coverage: 1, task: 0.95, satisfied: true }), hit({ score: 0.56, coverage: 0.9, task: 0.9, satisfied: true })],
      moved: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const shifts = answerTypeShifts(c.hits);
      const moved = shifts.flatMap((s, i) => (s > 0 ? [i] : []));
      expect(moved).toEqual(c.moved);
      const after = c.hits.map((h, i) => h.score - (shifts[i] ?? 0));
      for (const i of c.moved) {
        const best = Math.max(...c.hits.filter((h) => h.satisfied && h.docId === c.hits[i]?.docId).map((h) => h.score));
        expect(after[i]).toBeLessThan(best);
      }
    });
  }
});

describe('the names of units and the who-cue verbs are not task words', () => {
  it.each([
    ['Định kỳ hàng năm báo cáo cho UBND tỉnh (qua Sở Thông tin và Truyền thông) để theo dõi.', 'Định kỳ hàng năm báo cáo cho (qua ) để theo dõi.'],
    // The last word's second syllable stays when the sentence goes on ("hợp"): a name's end is not marked.
    ['Phòng Kế hoạch – Tài chính – Tổng hợp chủ trì phối hợp với Văn phòng Sở', 'hợp chủ trì phối hợp với'],
    ['Ban Biên tập Cổng TTĐTTP Sở Công Thương thường xuyên cập nhật nội dung, thông tin', 'thường xuyên cập nhật nội dung, thông tin'],
  ])('%s', (text, expected) => {
    expect(withoutUnitNames(text).replace(/\s+/g, ' ').trim()).toBe(expected.replace(/\s+/g, ' ').trim());
  });

  it.each([
    ['việc cập nhật tin do ai làm?', ['lam']],
    ['Tiền chi cho việc này thì ai lo?', ['lo']],
    ['đơn vị nào phụ trách lập dự toán', ['phu', 'trach']],
    ['ai làm đầu mối', ['lam']],
    ['Làm sao nộp hồ sơ?', []],
  ])('%s', (q, expected) => {
    expect([...whoCueSyllables(q)]).toEqual(expected);
  });
});
