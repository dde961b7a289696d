import { describe, expect, it } from 'vitest';
import { createGlossary, glossaryExpansion, loadGlossary } from '../../src/text/glossary.js';
import { contentRuns, contentWords, docNumbers, syllables, tokenize } from '../../src/text/tokenize.js';

const glossary = loadGlossary('knowledge/glossary.yaml');

describe('syllables and document numbers', () => {
  it('splits on non-letters and lower-cases', () => {
    expect(syllables('Cổng TTĐT, năm 2022!')).toEqual(['cổng', 'ttđt', 'năm', '2022']);
  });
  it.each([
    ['Nghị định 60/2021/NĐ-CP', ['60/2021/nd/cp']],
    ['Kế hoạch số 1523/KH-SCT ngày 22/7/2022', ['1523/kh/sct']],
    ['Nghị quyết số 04-NQ/TU', ['04/nq/tu']],
    ['không có số hiệu', []],
  ])('%s', (text, expected) => {
    expect(docNumbers(text)).toEqual(expected);
  });
});

describe('tokenize', () => {
  it('emits folded unigrams, bigrams and accented forms', () => {
    const t = tokenize('Thủ tục hành chính');
    expect(t.folded).toEqual(expect.arrayContaining(['thu', 'tuc', 'thu_tuc', 'hanh_chinh']));
    expect(t.accented).toEqual(expect.arrayContaining(['thủ', 'thủ_tục', 'hành_chính']));
  });
  it('drops stopwords as unigrams but keeps them inside bigrams', () => {
    const t = tokenize('kế hoạch của Sở');
    expect(t.accented).not.toContain('của');
    expect(t.accented).toContain('hoạch_của');
  });
  it('unaccented and accented text share folded tokens', () => {
    const a = new Set(tokenize('thu tuc hanh chinh').folded);
    for (const tok of tokenize('thủ tục hành chính').folded) expect(a.has(tok)).toBe(true);
  });
});

describe('glossary expansion (both ways)', () => {
  it.each([
    ['Giải quyết TTHC', 'thu tuc hanh chinh'],
    ['giai quyet tthc', 'thu tuc hanh chinh'],
    ['Cổng TTĐT của Sở', 'thong tin dien tu'],
    ['thủ tục hành chính', 'tthc'],
    ['Ủy ban nhân dân tỉnh', 'ubnd'],
    ['nop ho so dvc', 'dich vu cong'],
  ])('%s adds %s', (text, expected) => {
    expect(glossaryExpansion(text, glossary)).toContain(expected);
  });

  it('short abbreviations that are Vietnamese syllables only count in capitals', () => {
    // "TU" is Tỉnh ủy, but "tu" (từ, tư) is an ordinary word.
    const g = createGlossary([{ abbr: 'TU', full: 'Tỉnh ủy' }]);
    expect(glossaryExpansion('Nghị quyết 04-NQ/TU', g)).toContain('tinh uy');
    expect(glossaryExpansion('tu nay den cuoi nam', g)).toBe('');
  });

  it('adds nothing when both forms are present', () => {
    expect(glossaryExpansion('thủ tục hành chính (TTHC)', glossary)).not.toContain('thu tuc hanh chinh');
  });
});

describe('content words and runs', () => {
  it('removes question words', () => {
    expect(contentWords('Ai là người ký kế hoạch này?')).toEqual(['nguoi', 'ky', 'ke', 'hoach']);
  });
  it('keeps accent keys when the question is typed with accents', () => {
    expect(contentWords('Thời tiết thế nào?', true)).toEqual(['a:thời', 'a:tiết']);
    expect(contentWords('thoi tiet the nao', true)).toEqual(['thoi', 'tiet']);
  });
  it('splits runs at stopwords and punctuation', () => {
    expect(contentRuns('Hạn nộp báo cáo là khi nào, năm 2022')).toEqual([
      ['han', 'nop', 'bao', 'cao'],
      ['nam', '2022'],
    ]);
  });
});
