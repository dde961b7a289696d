/**
 * Table tests of the ranking signals that survive distractors
 * (src/rag/proximity.ts, src/rag/distinct-frequencies.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/rag/chunk.js';
import { distinctFrequencies, unitKey } from '../../src/rag/distinct-frequencies.js';
import { bestUnitCoverage, chunkUnits, ownCoverage, quotedUnitLosers, siblingDeficits, splitUnits, unitIdentity } from '../../src/rag/proximity.js';
import type { QueryEvidence } from '../../src/rag/query/coverage.js';
import { termCoverage } from '../../src/rag/query/coverage.js';

function chunk(id: string, text: string, trail: string[] = ['Mục'], docId = 'doc'): Chunk {
  return { id, docId, docTitle: docId, section: trail.join('.'), trail, text, kind: 'passage', hash: id } as Chunk;
}

/** Evidence of a list of folded words, no alternatives. */
function evidence(words: string[]): QueryEvidence {
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return { terms: words, pairs, termWeight: new Map(), termAlternatives: new Map(), pairAlternatives: new Map() };
}
const one = () => 1;

describe('splitUnits', () => {
  it.each([
    ['one sentence', 'Người dân nộp hồ sơ trực tuyến.', ['Người dân nộp hồ sơ trực tuyến.']],
    [
      'lines and sentences',
      'Dòng thứ nhất đủ dài. Câu thứ hai đủ dài.\nDòng khác đủ dài',
      ['Dòng thứ nhất đủ dài.', 'Câu thứ hai đủ dài.', 'Dòng khác đủ dài'],
    ],
    ['a short marker stays with its text', '1. Nội dung của khoản một', ['1. Nội dung của khoản một']],
    ['an enumeration in one sentence stays whole', 'Gồm: việc thứ nhất dài; việc thứ hai dài.', ['Gồm: việc thứ nhất dài; việc thứ hai dài.']],
    ['a short tail joins the last unit', 'Câu đầu tiên đủ dài. Hết.', ['Câu đầu tiên đủ dài. Hết.']],
  ])('%s', (_name, text, units) => {
    expect(splitUnits(text)).toEqual(units);
  });
});

describe('unitIdentity', () => {
  it.each([
    ['1. Nội dung a;', 'Nội dung a.', true],
    ['a) Việc thứ nhất', 'việc thứ nhất', true],
    ['- Lưu: VT.', 'Lưu: VT', true],
    ['Nội dung a', 'Nội dung b', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(unitIdentity(a) === unitIdentity(b)).toBe(same);
  });
});

describe('bestUnitCoverage', () => {
  const ev = evidence(['kinh', 'phi', 'ngan', 'sach']);
  it.each([
    ['words together in one sentence', 'Kinh phí lấy từ ngân sách nhà nước. Câu khác không liên quan.', 1],
    ['words scattered over unrelated sentences', 'Kinh phí được bố trí kịp thời. Ngân sách nhà nước cấp hằng năm.', 0.5],
    ['a heading word counts for every sentence', 'Được lấy từ ngân sách nhà nước hằng năm.', 0.5],
  ])('%s', (_name, text, expected) => {
    const u = chunkUnits(chunk('c', text, ['Mục III']));
    expect(bestUnitCoverage(u, ev, one, one).coverage).toBeCloseTo(expected, 5);
  });

  it('counts the heading trail as context of each unit', () => {
    const u = chunkUnits(chunk('c', 'Được lấy từ ngân sách nhà nước hằng năm.', ['III. KINH PHÍ THỰC HIỆN']));
    expect(bestUnitCoverage(u, ev, one, one).coverage).toBe(1);
    // Own words exclude the headings: the trail is shared by siblings.
    expect(ownCoverage(u, ev, one)).toBe(0.5);
    expect(bestUnitCoverage(u, ev, one, one).own).toBe(ownCoverage(u, ev, one));
    // And they must stand together in one unit.
    expect(ownCoverage(chunkUnits(chunk('d', 'Kinh phí được bố trí kịp thời. Ngân sách nhà nước cấp hằng năm.')), ev, one)).toBe(0.5);
  });

  it('is never above the whole chunk coverage for scattered words', () => {
    const text = 'Kinh phí được bố trí kịp thời. Ngân sách nhà nước cấp hằng năm.';
    const u = chunkUnits(chunk('c', text));
    const whole = termCoverage(ev, (k) => u.units.some((x) => x.keys.has(k)), one);
    expect(whole).toBe(1);
    expect(bestUnitCoverage(u, ev, one, one).coverage).toBeLessThan(whole);
  });
});

describe('quotedUnitLosers', () => {
  const s = 'người tiếp công dân được từ chối tiếp người đang say rượu';
  const other = 'một câu hoàn toàn khác về kinh phí thực hiện kế hoạch';
  const c = (docId: string, unit: string, context: number) => ({ docId, unit, context });
  it.each([
    ['the copy with the better context keeps its score', [c('luat', s, 0.4), c('qd1', s, 0.1), c('qd2', s, 0)], [1, 2]],
    ['a unit holding the sentence among other words quotes it', [c('luat', s, 0.4), c('qd1', `khoản một; ${s}`, 0)], [1]],
    ['no demotion without a copy', [c('luat', s, 0.4), c('qd1', other, 0)], []],
    ['copies in one document are not quotes', [c('luat', s, 0.4), c('luat', s, 0)], []],
    ['equal contexts: nobody is demoted', [c('a', s, 0.2), c('b', s, 0.2)], []],
    ['short units (headings, markers) are not quotes', [c('a', 'lưu: vt', 0.3), c('b', 'lưu: vt', 0)], []],
  ])('%s', (_name, candidates, losers) => {
    expect([...quotedUnitLosers(candidates)].sort()).toEqual(losers);
  });
});

describe('siblingDeficits', () => {
  it.each([
    [
      'siblings: the one whose own words match wins',
      [
        { docId: 'kh', parent: 'II>3', own: 0.8 },
        { docId: 'kh', parent: 'II>3', own: 0.3 },
      ],
      [0, 0.5],
    ],
    [
      'different parents are not siblings',
      [
        { docId: 'kh', parent: 'II>3', own: 0.8 },
        { docId: 'kh', parent: 'II>2', own: 0.3 },
      ],
      [0, 0],
    ],
    [
      'same parent name in another document',
      [
        { docId: 'a', parent: 'I', own: 0.8 },
        { docId: 'b', parent: 'I', own: 0.3 },
      ],
      [0, 0],
    ],
  ])('%s', (_name, candidates, deficits) => {
    expect(siblingDeficits(candidates).map((d) => Math.round(d * 1000) / 1000)).toEqual(deficits);
  });
});

describe('distinctFrequencies', () => {
  const quoted = 'Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành.';
  const chunks = [
    chunk('a', quoted, ['III'], 'plan'),
    chunk('b', `Mở đầu của quyết định một. ${quoted}`, ['Điều 1'], 'qd1'),
    chunk('c', `Mở đầu của quyết định hai. ${quoted}`, ['Điều 2'], 'qd2'),
    chunk('d', 'Văn bản khác nói về nguồn vốn đầu tư công của tỉnh.', ['Điều 3'], 'qd3'),
  ];
  const base = {
    words: new Map([
      ['ngan', 3],
      ['nguon', 4],
      ['quyet', 2],
    ]),
    pairs: new Map([
      ['ngan sach', 3],
      ['nguon von', 1],
    ]),
  };
  const f = distinctFrequencies(chunks, base);
  it.each([
    ['a word only in the quoted sentence counts once', 'ngan', f.words, 1],
    ['a word also in other text keeps those chunks', 'nguon', f.words, 2],
    ['a word outside repeated text is unchanged', 'quyet', f.words, 2],
    ['pairs are discounted the same way', 'ngan sach', f.pairs, 1],
    ['an unrelated pair is unchanged', 'nguon von', f.pairs, 1],
  ])('%s', (_name, key, map, df) => {
    expect(map.get(key)).toBe(df);
  });

  it('counts a quote under another list marker or closing mark once', () => {
    const sentence = 'Việc tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ, công chức';
    const quotes = [
      chunk('p', `- ${sentence}.`, ['II'], 'plan'),
      chunk('q', `1. ${sentence};\n2. Một câu khác của quyết định này.`, ['Điều 1'], 'qd1'),
      chunk('r', `a) ${sentence.toLowerCase()}`, ['Điều 2'], 'qd2'),
    ];
    const g = distinctFrequencies(quotes, { words: new Map([['tinh', 3]]), pairs: new Map([['bien che', 3]]) });
    expect(g.words.get('tinh')).toBe(1);
    expect(g.pairs.get('bien che')).toBe(1);
  });

  it('returns the base frequencies when nothing is repeated', () => {
    expect(distinctFrequencies([chunks[0] as Chunk, chunks[3] as Chunk], base)).toBe(base);
  });
});

describe('unit keys', () => {
  it('the same text gives the same key, and 20,000 different sentences 20,000 keys', () => {
    const base = 'Văn phòng Sở làm đầu mối triển khai thực hiện Kế hoạch, mục';
    expect(unitKey(base)).toBe(unitKey(`${base}`));
    const keys = new Set(Array.from({ length: 20000 }, (_, i) => unitKey(`${base} ${i}`)));
    expect(keys.size).toBe(20000);
    for (const k of keys) expect(Number.isSafeInteger(k)).toBe(true);
  });
});
