import { describe, expect, it } from 'vitest';
import { createGlossary } from '../../../src/text/glossary.js';
import { thesaurusCoverage } from '../../../src/text/query/coverage-report.js';
import { createThesaurus } from '../../../src/text/query/thesaurus.js';

describe('thesaurusCoverage', () => {
  const th = createThesaurus([
    ['kinh phí', 'tiền'],
    ['chất thải', 'rác'],
  ]);
  const glossary = createGlossary([{ abbr: 'TTHC', full: 'thủ tục hành chính' }]);

  it('reports the content words outside every set and glossary form, as runs', () => {
    const r = thesaurusCoverage(['Kinh phí thực hiện', 'Phân loại chất thải', 'Cải cách TTHC', 'Cải cách thủ tục hành chính'], th, glossary);
    expect(r.headings).toBe(4);
    expect(r.uncovered).toEqual([
      { text: 'cải cách', count: 2 },
      { text: 'phân loại', count: 1 },
      { text: 'thực hiện', count: 1 },
    ]);
    expect(r.fullyCovered).toBe(0);
    expect(r.coveredWords).toBe(2 + 2 + 1 + 4);
    expect(r.contentWords).toBe(4 + 4 + 3 + 6);
  });

  it('counts a heading the sets cover entirely', () => {
    expect(thesaurusCoverage(['Kinh phí', 'chất thải'], th).fullyCovered).toBe(2);
  });
});

describe('thesaurusCoverage: words and two-syllable terms', () => {
  const th = createThesaurus([['kinh phí', 'tiền']]);
  it.each([
    // [texts, words, pairs]
    [['Tinh giản biên chế'], ['biên', 'chế', 'giản', 'tinh'], ['biên chế', 'giản biên', 'tinh giản']],
    [['Kinh phí tinh giản', 'tinh giản, kinh phí'], ['giản', 'tinh'], ['tinh giản']],
    [['Số hóa, lưu trữ'], ['hóa', 'lưu', 'số', 'trữ'], ['lưu trữ', 'số hóa']],
  ])('%j', (texts, words, pairs) => {
    const r = thesaurusCoverage(texts, th);
    expect(r.words.map((w) => w.text).sort()).toEqual(words);
    expect(r.pairs.map((p) => p.text).sort()).toEqual(pairs);
  });

  it('counts a repeated pair once per occurrence, most frequent first', () => {
    const r = thesaurusCoverage(['tinh giản biên chế', 'tinh giản', 'số hóa'], th);
    expect(r.pairs[0]).toEqual({ text: 'tinh giản', count: 2 });
  });
});
