import { describe, expect, it } from 'vitest';
import { termBreadth } from '../../../src/text/query/coverage-report.js';
import { createThesaurus, matchThesaurus } from '../../../src/text/query/thesaurus.js';
import { toTokens } from '../../../src/text/query/tokens.js';

const th = createThesaurus([
  ['PAPI', 'người dân chấm điểm chính quyền', 'dân đánh giá chính quyền'],
  ['nộp hồ sơ trực tuyến', 'nộp hồ sơ online', 'nộp hồ sơ qua mạng'],
  ['công đoàn', 'công đoàn sở'],
  ['sở', 'sở công thương'],
  ['kinh phí', 'tiền'],
]);
const sources = (q: string) => matchThesaurus(toTokens(q).tokens, th).map((m) => m.source);

describe('thesaurus phrases read across light words', () => {
  it.each([
    ['Người dân chấm điểm cho chính quyền tỉnh là chỉ số gì?', 'người dân chấm điểm cho chính quyền'],
    ['Em muốn nộp cái hồ sơ online thì vào đâu?', 'nộp cái hồ sơ online'],
    ['Nộp các hồ sơ qua mạng có mất phí không?', 'nộp các hồ sơ qua mạng'],
    ['nop cac ho so qua mang duoc ko', 'nop cac ho so qua mang'],
  ])('%s → %s', (q, source) => {
    expect(sources(q)).toContain(source);
  });

  it('reads no unaccented "may", "cai" as light words: they may be "máy", "cải"', () => {
    expect(sources('nop may cai ho so qua mang').join(' ')).not.toContain('qua mang');
  });

  it('gives the alternatives of the whole phrase, at the set weight', () => {
    const [m] = matchThesaurus(toTokens('dân đánh giá cho chính quyền').tokens, th);
    expect(m?.alternatives.map((a) => a.text)).toContain('papi');
    expect(m?.alternatives[0]?.weight).toBeCloseTo(0.7);
  });

  it.each([
    // a lone word after the gap keeps its own set
    ['Công đoàn của sở làm gì?', ['công đoàn', 'sở']],
    // never across punctuation, never more than two light words, never a content word
    ['nộp hồ sơ, qua mạng', []],
    ['nộp hồ sơ của các em qua mạng', []],
    ['nộp hồ sơ giấy qua mạng', []],
  ])('%s → %j', (q, expected) => {
    expect(sources(q)).toEqual(expected);
  });
});

describe('phrases that overlap', () => {
  const over = createThesaurus([
    ['áp dụng iso', 'làm iso'],
    ['ISO điện tử', 'iso online', 'iso trên mạng'],
    ['trung tâm phục vụ hành chính công', 'trung tâm hành chính công'],
    ['phục vụ', 'giúp'],
    ['người quản lý', 'ban quản trị'],
    ['quản lý sàn', 'ban quản trị sàn'],
  ]);
  const found = (q: string) => matchThesaurus(toTokens(q).tokens, over).map((m) => m.source);

  it.each([
    ['Làm iso online là gì?', ['làm iso', 'iso online']],
    ['người quản lý sàn bán hàng', ['người quản lý', 'quản lý sàn']],
    // a phrase wholly inside a longer one is not read again
    ['trung tâm phục vụ hành chính công ở đâu', ['trung tâm phục vụ hành chính công']],
  ])('%s → %j', (q, expected) => {
    expect(found(q)).toEqual(expected);
  });
});

describe('termBreadth', () => {
  it('counts the other ways of saying each term of the headings, thinnest first', () => {
    const rows = termBreadth(['Kinh phí thực hiện', 'Nộp hồ sơ trực tuyến', 'Kinh phí năm 2023', 'Công đoàn'], th);
    expect(rows.map((r) => r.term)).toEqual(['kinh phí', 'công đoàn', 'nộp hồ sơ trực tuyến']);
    expect(rows[0]).toEqual({ term: 'kinh phí', count: 2, variants: ['tiền'] });
    expect(rows[1]).toEqual({ term: 'công đoàn', count: 1, variants: ['công đoàn sở'] });
    expect(rows[2]?.variants).toEqual(['nộp hồ sơ online', 'nộp hồ sơ qua mạng']);
  });

  it('does not count a shorter form of the term as another wording', () => {
    const short = createThesaurus([['cổng thông tin điện tử', 'cổng thông tin', 'trang mạng']]);
    expect(termBreadth(['Cổng thông tin điện tử của Sở'], short)).toEqual([{ term: 'cổng thông tin điện tử', count: 1, variants: ['trang mạng'] }]);
  });
});
