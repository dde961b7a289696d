/**
 * Expansion scoring on a hand-made corpus: alternatives rank below the
 * user's words but count toward the refusal decision when the user's word is
 * foreign to the corpus, and a translated word weighs what its translation
 * weighs.
 */
import { describe, expect, it } from 'vitest';
import type { QueryAnalysis } from '../../src/rag/query/analyze.js';
import { termCoverage } from '../../src/rag/query/coverage.js';
import {
  type CorpusStats,
  corpusWrites,
  expansionEvidence,
  frameSyllables,
  supportedSyllables,
  translatedIdf,
} from '../../src/rag/query/expansion-evidence.js';
import { foldText } from '../../src/text/normalize.js';
import { contentRuns, contentWords } from '../../src/text/tokenize.js';

/** A corpus of 10 chunks: "kinh phí" in 2 of them, "hồ sơ" in 8, "giấy tờ" in 1, "sếp" in none. */
function stats(): CorpusStats {
  const df = new Map<string, number>();
  const pairDf = new Map<string, number>();
  const add = (text: string, n: number) => {
    for (const k of contentWords(text, true)) df.set(k, n);
    for (const k of contentWords(foldText(text), false)) df.set(k, n);
    for (const run of contentRuns(text)) for (let i = 1; i < run.length; i++) pairDf.set(`${run[i - 1]} ${run[i]}`, n);
  };
  add('kinh phí', 2);
  add('hồ sơ', 8);
  add('giấy tờ', 1);
  add('giám đốc', 3);
  const idf = (k: string) => Math.log(1 + (10 - (df.get(k) ?? 0) + 0.5) / ((df.get(k) ?? 0) + 0.5));
  const pairIdf = (p: string) => Math.log(1 + (10 - (pairDf.get(p) ?? 0) + 0.5) / ((pairDf.get(p) ?? 0) + 0.5));
  const queryPairs = (t: string) => contentRuns(t).flatMap((run) => run.slice(1).map((w, i) => `${run[i]} ${w}`));
  return { df, pairDf, idf, pairIdf, queryTerms: (t) => contentWords(t, true), queryPairs };
}

function analysis(content: string, source: string, alternative: string, weight: number, cover: number): QueryAnalysis {
  return {
    original: content,
    cleaned: content,
    content,
    accented: true,
    intent: { kind: 'what', docNumbers: [] } as unknown as QueryAnalysis['intent'],
    framing: [],
    rewrites: [],
    expansions: [{ source, alternatives: [{ text: alternative, weight, cover, origin: 'thesaurus' }] }],
    terms: [],
  };
}

describe('expansion evidence', () => {
  const s = stats();

  it('knows which phrases the corpus writes', () => {
    expect(corpusWrites(s, ['kinh', 'phi'])).toBe(true);
    expect(corpusWrites(s, ['sep'])).toBe(false);
    expect(corpusWrites(s, ['kinh', 'so'])).toBe(false);
  });

  it('ranks a translation below the word itself, and counts it fully for the decision when the word is foreign', () => {
    const e = expansionEvidence(s, analysis('sếp', 'sếp', 'giám đốc', 0.6, 0.85));
    const passage = new Set(contentWords('giám đốc', true));
    const has = (k: string) => passage.has(k);
    const rank = termCoverage(e.ev, has, s.idf);
    const decide = termCoverage(e.decide, has, s.idf);
    expect(rank).toBeCloseTo(0.6);
    expect(decide).toBeCloseTo(0.85);
  });

  it('keeps the ranking weight for the decision when the corpus writes the word itself', () => {
    const e = expansionEvidence(s, analysis('hồ sơ', 'hồ sơ', 'giấy tờ', 0.7, 1));
    const passage = new Set(contentWords('giấy tờ', true));
    expect(termCoverage(e.decide, (k) => passage.has(k), s.idf)).toBeCloseTo(0.7);
  });

  it('weighs a rare word no more than its common translation', () => {
    const e = expansionEvidence(s, analysis('giấy tờ', 'giấy tờ', 'hồ sơ', 0.7, 1));
    const { idf } = translatedIdf(s, e.decide);
    const [term] = e.decide.terms;
    expect(term).toBeDefined();
    expect(idf(term as string)).toBeLessThan(s.idf(term as string));
    expect(idf(term as string)).toBeCloseTo(s.idf(contentWords('hồ sơ', true)[0] as string));
  });

  it('drops an alternative that function words reduce to one word', () => {
    const e = expansionEvidence(s, analysis('cầm trịch', 'cầm trịch', 'làm chính', 0.7, 1));
    expect([...e.ev.termAlternatives.values()].flat()).toEqual([]);
  });

  it.each([
    // [question, the folded frame words it holds]
    ['Hồ sơ mức 2 khác mức 1 chỗ nào?', ['khac', 'cho']],
    ['Ngoài kinh phí thì còn gì nữa?', ['ngoai', 'con', 'nua']],
    ['Cái giấy tờ ấy vẫn dùng được chứ?', ['cai', 'ay', 'van']],
    // "chợ", "ngoại", "con" are topic words, not frames ("mấy" asks the number: an everyday frame word).
    ['Chợ đầu mối ngoại thành có mấy con đường?', ['may']],
    ['Chỗ làm của từng người có được phân rõ không?', []],
    // Without accents only forms no topic word shares count.
    ['ho so muc 2 khac muc 1 cho nao', ['khac']],
  ])('frame words of %s', (q, frame) => {
    expect(
      [...frameSyllables(q)]
        .filter(
          (w) =>
            q.length > 0 &&
            foldText(q.toLowerCase())
              .split(/[^a-z0-9]+/)
              .includes(w),
        )
        .sort(),
    ).toEqual([...frame].sort());
  });

  it('leaves everyday frame words out of the question evidence unless an alternative translates them', () => {
    const e = expansionEvidence(s, analysis('Chuyện kinh phí của mấy cái hồ sơ này xong chưa?', 'hồ sơ', 'giấy tờ', 0.7, 1));
    expect(e.ev.terms).toEqual(['a:kinh', 'a:phí', 'a:hồ', 'a:sơ']);
    expect(e.decide.terms).toEqual(e.ev.terms);
    expect(e.ev.pairs.some((p) => p.includes('chuyen') || p.includes('may') || p.includes('xong'))).toBe(false);
    // Translated by the thesaurus, the word is the entry's business and stays.
    const t = expansionEvidence(s, analysis('Chuyện kinh phí', 'chuyện', 'vấn đề', 0.7, 1));
    expect(t.ev.terms).toContain('a:chuyện');
    // Grammatical frame words ("còn", "khác … chỗ nào") leave the terms too.
    expect(expansionEvidence(s, analysis('Hồ sơ còn khác kinh phí chỗ nào?', 'hồ sơ', 'giấy tờ', 0.7, 1)).ev.terms).toEqual([
      'a:hồ',
      'a:sơ',
      'a:kinh',
      'a:phí',
    ]);
    // A word the typo stage wrote ("con" → "còn") is not the user's frame word.
    const typed = { ...analysis('khai sinh cho còn nhỏ', 'hồ sơ', 'giấy tờ', 0.7, 1), rewrites: [{ from: 'con', to: 'còn', origin: 'typo-fix' as const }] };
    expect(expansionEvidence(s, typed).ev.terms).toContain('a:còn');
    // A machine is not a frame word.
    expect(expansionEvidence(s, analysis('máy quét hồ sơ', 'hồ sơ', 'giấy tờ', 0.7, 1)).ev.terms).toContain('a:máy');
  });

  it('leaves frame words out of the share of syllables the corpus supports', () => {
    const e = expansionEvidence(s, analysis('hồ sơ', 'hồ sơ', 'giấy tờ', 0.7, 1));
    const support = (q: string) => supportedSyllables(s, q, e.syllableAlternatives, () => 1, s.idf);
    // "khác … chỗ nào" frames the question; only "hồ sơ" and "kinh phí" are its topic, both written by the corpus.
    expect(support('Hồ sơ khác kinh phí chỗ nào?')).toBeCloseTo(support('hồ sơ, kinh phí'));
    expect(support('Hồ sơ khác kinh phí chỗ nào?')).toBeCloseTo(1);
    // A word the corpus never writes still counts against the question.
    expect(support('Hồ sơ khác kinh phí xe tải chỗ nào?')).toBeLessThan(0.8);
  });
});
