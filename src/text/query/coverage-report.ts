/**
 * Which parts of the corpus's headings no thesaurus phrase covers: the work
 * list for a department extending the thesaurus. Each heading is matched
 * against the thesaurus as a question would be; its content words outside
 * every matched phrase (and outside glossary forms) are "uncovered", and
 * consecutive uncovered words are reported together as a phrase.
 * Pure: the caller gathers the heading texts.
 */
import type { Glossary } from '../glossary.js';
import { normalizeText } from '../normalize.js';
import { STOPWORDS_ACCENTED } from '../stopwords.js';
import { createThesaurus, matchThesaurus, type Thesaurus } from './thesaurus.js';
import { type Token, toTokens } from './tokens.js';

export interface CoverageReport {
  headings: number;
  /** Headings whose every content word is inside a thesaurus phrase or glossary form. */
  fullyCovered: number;
  /** Content words of all headings (with repeats), and how many are covered. */
  contentWords: number;
  coveredWords: number;
  /** Uncovered runs of content words, most frequent first. */
  uncovered: Array<{ text: string; count: number }>;
  /** Uncovered content syllables one by one, most frequent first. */
  words: Array<{ text: string; count: number }>;
  /**
   * Two-syllable terms: adjacent uncovered content syllables (inside one
   * run), most frequent first. Vietnamese words are mostly two syllables, so
   * a long body run ("tinh giản biên chế") is read as its pairs; a pair that
   * straddles two words is rare and sinks to the bottom.
   */
  pairs: Array<{ text: string; count: number }>;
}

const byCount = (m: Map<string, number>) => [...m].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Roman section numerals ("II", "IV") and section letters are structure, not vocabulary. */
const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/i;
/**
 * A content word: letters, not a stopword, not a document number or code
 * ("1523/KH-SCT", "b/c"; the glossary and the catalogue name those), not a
 * section numeral.
 */
const isContent = (t: Token) =>
  /\p{L}/u.test(t.word) && t.word.length > 1 && !/[\d/]/.test(t.word) && !ROMAN.test(t.word) && !STOPWORDS_ACCENTED.has(t.word.toLowerCase());

/** Build the report from heading texts. */
export function thesaurusCoverage(headings: readonly string[], thesaurus: Thesaurus, glossary?: Glossary): CoverageReport {
  // Glossary entries cover their abbreviation and full form like a set would.
  const abbreviations = glossary?.entries.length
    ? createThesaurus(glossary.entries.map((e) => [...new Set([e.full, ...e.forms].map((f) => f.toLowerCase()))]))
    : undefined;
  const runs = new Map<string, number>();
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  let fullyCovered = 0;
  let contentWords = 0;
  let coveredWords = 0;
  for (const h of headings) {
    const tokens = toTokens(normalizeText(h)).tokens;
    const covered = new Array<boolean>(tokens.length).fill(false);
    for (const m of [...matchThesaurus(tokens, thesaurus), ...(abbreviations ? matchThesaurus(tokens, abbreviations) : [])])
      for (let i = m.start; i < m.end; i++) covered[i] = true;
    let run: string[] = [];
    let all = true;
    const flush = () => {
      if (run.length) bump(runs, run.join(' '));
      for (const w of run) bump(words, w);
      for (let i = 0; i + 1 < run.length; i++) bump(pairs, `${run[i]} ${run[i + 1]}`);
      run = [];
    };
    for (const [i, t] of tokens.entries()) {
      if (!isContent(t)) {
        flush();
        continue;
      }
      contentWords++;
      if (covered[i]) {
        coveredWords++;
        flush();
        continue;
      }
      all = false;
      run.push(t.word.toLowerCase());
      if (/[,.;:!?()"“”]/.test(t.after)) flush();
    }
    flush();
    if (all) fullyCovered++;
  }
  return {
    headings: headings.length,
    fullyCovered,
    contentWords,
    coveredWords,
    uncovered: byCount(runs),
    words: byCount(words),
    pairs: byCount(pairs),
  };
}

/** An official term of the headings and how many everyday ways the thesaurus knows to say it. */
export interface TermBreadth {
  /** The term as the headings write it (lower case). */
  term: string;
  /** How many headings use it. */
  count: number;
  /** Alternatives that say it in other words (not merely a longer or shorter form of the term). */
  variants: string[];
}

/** Content syllables (folded) of a phrase: what "other words" is measured on. */
const contentSyllables = (text: string) =>
  toTokens(normalizeText(text))
    .tokens.filter(isContent)
    .map((t) => t.fold);

/**
 * Whether an alternative says the term in other words: it has a content
 * syllable the term lacks ("trang mạng" for "cổng thông tin"), rather than
 * only dropping or repeating the term's own words ("cổng thông tin" for
 * "cổng thông tin điện tử").
 */
function isOtherWording(term: string, alternative: string): boolean {
  const own = new Set(contentSyllables(term));
  return contentSyllables(alternative).some((s) => !own.has(s));
}

/**
 * Breadth per official term: every thesaurus phrase found in the headings,
 * with the alternatives that say it in other words, thinnest first (fewest
 * variants, then most used). The work list for adding the spoken, regional,
 * chat and half-English ways people say a term that has only one or two.
 */
export function termBreadth(headings: readonly string[], thesaurus: Thesaurus): TermBreadth[] {
  const byTerm = new Map<string, { count: number; variants: Set<string> }>();
  for (const h of headings) {
    const tokens = toTokens(normalizeText(h)).tokens;
    const seen = new Set<string>();
    for (const m of matchThesaurus(tokens, thesaurus, (t) => !isContent(t))) {
      const entry = byTerm.get(m.source) ?? { count: 0, variants: new Set<string>() };
      if (!seen.has(m.source)) entry.count++;
      seen.add(m.source);
      for (const a of m.alternatives) if (isOtherWording(m.source, a.text)) entry.variants.add(a.text);
      byTerm.set(m.source, entry);
    }
  }
  return [...byTerm]
    .map(([term, e]) => ({ term, count: e.count, variants: [...e.variants].sort((a, b) => a.localeCompare(b)) }))
    .sort((a, b) => a.variants.length - b.variants.length || b.count - a.count || a.term.localeCompare(b.term));
}
