/**
 * The query side of expansion scoring: which alternatives (thesaurus forms,
 * other meanings of abbreviations, glossary forms) count for which query
 * words and pairs, once for ranking (at their weight, below the user's own
 * words) and once for the refusal decision (at their coverage credit); the
 * IDF the decision weighs them with; and the share of syllables the corpus
 * supports as words. Pure functions over the corpus statistics the
 * retriever holds.
 */
import type { Glossary } from '../../text/glossary.js';
import { foldText, hasDiacritics, normalizeText } from '../../text/normalize.js';
import { everydayFrameWords } from '../../text/query/everyday-frame.js';
import { contentRuns, contentWords, syllables } from '../../text/tokenize.js';
import { foldedSyllables, type QueryAnalysis } from './analyze.js';
import type { Alternative, QueryEvidence } from './coverage.js';
import { glossaryAlternatives } from './glossary-alternatives.js';

/** What expansion scoring needs to know about the corpus. */
export interface CorpusStats {
  /** Chunk frequency of each match key (folded, and `a:` accented). */
  readonly df: ReadonlyMap<string, number>;
  /** Chunk frequency of each folded syllable pair. */
  readonly pairDf: ReadonlyMap<string, number>;
  idf(key: string): number;
  pairIdf(pair: string): number;
  /** Query content words (with glossary expansions). */
  queryTerms(text: string): string[];
  /** Adjacent content-word pairs (folded). */
  queryPairs(text: string): string[];
  glossary?: Glossary;
}

/** Alternatives of a question's words and pairs, for ranking and for the refusal decision. */
export interface ExpansionEvidence {
  /** Ranking: alternatives at their weight. */
  ev: QueryEvidence;
  /** Refusal decision: alternatives of words the corpus never writes at their coverage credit. */
  decide: QueryEvidence;
  /** Folded syllable → alternatives at their coverage credit (word support). */
  syllableAlternatives: Map<string, Alternative[]>;
  /** The same at ranking weight. */
  rankSyllableAlternatives: Map<string, Alternative[]>;
  /** Folded syllable → its weight when below 1 (typo fixes). */
  syllableWeight: Map<string, number>;
}

/**
 * Grammatical words that frame a question without naming its topic ("còn",
 * "ngoài … thì", "khác … chỗ nào", "cái", "nữa"): the corpus writes them,
 * but seldom beside the question's own words, so as syllables they look
 * unsupported. Written with accents; folded, only the forms no topic word
 * shares ("chỗ" folds to "chợ", "ngoài" to "ngoại", "còn" to "con").
 * "chỗ" frames only as "chỗ nào" ("chỗ làm" is a topic).
 */
const FRAME_WORDS = new Set('còn ngoài khác cái nữa vẫn ấy đấy kia'.split(' '));
const FRAME_BEFORE_NAO = new Set(['chỗ']);
const FRAME_WORDS_FOLDED = new Set(['khac', 'nua']);

/**
 * The folded syllables of a query that are frame words (see {@link FRAME_WORDS}),
 * with the everyday frame words ("mấy", "chuyện", "giờ" = now, "bao lâu",
 * src/text/query/everyday-frame.ts) that no alternative translates.
 */
export function frameSyllables(query: string, alternatives?: ReadonlyMap<string, readonly Alternative[]>): Set<string> {
  const everyday = [...everydayFrameWords(query).folded].filter((w) => (alternatives?.get(w)?.length ?? 0) === 0);
  if (!hasDiacritics(query)) return everyday.length > 0 ? new Set([...FRAME_WORDS_FOLDED, ...everyday]) : FRAME_WORDS_FOLDED;
  const words = syllables(normalizeText(query));
  return new Set([...words.filter((w, i) => FRAME_WORDS.has(w) || (FRAME_BEFORE_NAO.has(w) && words[i + 1] === 'nào')).map((w) => foldText(w)), ...everyday]);
}

/**
 * Share of the content's syllables the corpus supports as parts of words;
 * a syllable covered by an alternative that the corpus supports counts at
 * that alternative's coverage credit. Frame words (see {@link FRAME_WORDS})
 * are left out: they say how the question is asked, not what about; so are
 * the syllables in `skip` (a word the decision leaves out, see
 * src/rag/query/filler-evidence.ts).
 */
export function supportedSyllables(
  stats: CorpusStats,
  query: string,
  alternatives: ReadonlyMap<string, readonly Alternative[]>,
  weightOf: (w: string) => number,
  idf: (w: string) => number,
  skip: ReadonlySet<string> = new Set(),
): number {
  let total = 0;
  let supported = 0;
  const frame = frameSyllables(query, alternatives);
  for (const run of contentRuns(query)) {
    run.forEach((w, i) => {
      if (frame.has(w) || skip.has(w)) return;
      const weight = idf(w);
      total += weight;
      const alone = run.length === 1 && stats.df.has(w);
      const left = i > 0 && stats.pairDf.has(`${run[i - 1]} ${w}`);
      const right = i + 1 < run.length && stats.pairDf.has(`${w} ${run[i + 1]}`);
      let credit = alone || left || right ? weightOf(w) : 0;
      for (const a of alternatives.get(w) ?? []) {
        if (a.weight <= credit) continue;
        const ok = a.pairs.length > 0 ? a.pairs.every((p) => stats.pairDf.has(p)) : a.keys.every((k) => stats.df.has(k));
        if (ok) credit = a.weight;
      }
      supported += weight * credit;
    });
  }
  return total > 0 ? supported / total : 0;
}

/**
 * The content runs of a query, each syllable marked supported or not as in
 * {@link supportedSyllables} (frame words left out): a syllable the corpus
 * never writes as part of a word with its neighbours, nor alone, nor through
 * an alternative, is unsupported.
 */
export function syllableSupport(
  stats: CorpusStats,
  query: string,
  alternatives: ReadonlyMap<string, readonly Alternative[]>,
): Array<Array<{ syllable: string; supported: boolean }>> {
  const frame = frameSyllables(query, alternatives);
  return contentRuns(query).map((run) =>
    run.flatMap((w, i) => {
      if (frame.has(w)) return [];
      const alone = run.length === 1 && stats.df.has(w);
      const left = i > 0 && stats.pairDf.has(`${run[i - 1]} ${w}`);
      const right = i + 1 < run.length && stats.pairDf.has(`${w} ${run[i + 1]}`);
      const byAlternative = (alternatives.get(w) ?? []).some((a) =>
        a.pairs.length > 0 ? a.pairs.every((p) => stats.pairDf.has(p)) : a.keys.every((k) => stats.df.has(k)),
      );
      return [{ syllable: w, supported: alone || left || right || byAlternative }];
    }),
  );
}

/**
 * IDF for the refusal decision. A word is no more specific than what it
 * means: "giấy tờ" is rare in the corpus (and a word the corpus never
 * writes has the largest IDF there is), but it means "hồ sơ", which is
 * common. Weighed at its own IDF and credited through its translation, it
 * would make a question said in everyday words look better covered than
 * the same question said officially. A word (word pair) with alternatives
 * weighs at most the mean IDF of its alternatives' known keys (pairs).
 */
export function translatedIdf(stats: CorpusStats, ev: QueryEvidence): { idf: (k: string) => number; pairIdf: (p: string) => number } {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const words = new Map<string, number>();
  for (const [t, alts] of ev.termAlternatives) {
    const known = alts.flatMap((a) => a.keys.filter((k) => stats.df.has(k)).map((k) => stats.idf(k)));
    if (known.length === 0) continue;
    const w = Math.min(stats.idf(t), mean(known));
    words.set(t, w);
    if (t.startsWith('a:')) words.set(foldText(t.slice(2)), Math.min(stats.idf(foldText(t.slice(2))), mean(known)));
  }
  const pairs = new Map<string, number>();
  for (const [p, alts] of ev.pairAlternatives) {
    const known = alts.flatMap((a) => a.pairs.filter((q) => stats.pairDf.has(q)).map((q) => stats.pairIdf(q)));
    if (known.length > 0) pairs.set(p, Math.min(stats.pairIdf(p), mean(known)));
  }
  return { idf: (k) => words.get(k) ?? stats.idf(k), pairIdf: (p) => pairs.get(p) ?? stats.pairIdf(p) };
}

/** Whether the corpus writes a phrase (folded syllables): every syllable, and every adjacent pair, occurs. */
export function corpusWrites(stats: CorpusStats, syllables: readonly string[]): boolean {
  if (syllables.length === 0 || !syllables.every((w) => stats.df.has(w))) return false;
  return syllables.every((w, i) => i === 0 || stats.pairDf.has(`${syllables[i - 1]} ${w}`));
}

/**
 * Terms, pairs and the alternatives that count for them, twice: `ev` ranks
 * (alternatives at their weight, below the user's own words) and `decide`
 * feeds the refusal decision (alternatives of words the corpus never writes
 * at their coverage credit: a question said wholly in everyday words is
 * covered once expanded).
 */
export function expansionEvidence(stats: CorpusStats, analysis: QueryAnalysis): ExpansionEvidence {
  // The user's own content words (with glossary expansions, as before);
  // thesaurus forms and other meanings of abbreviations are alternatives of them.
  let terms = stats.queryTerms(analysis.content);
  let pairs = stats.queryPairs(analysis.content);
  const termWeight = new Map<string, number>();
  const syllableWeight = new Map<string, number>();
  for (const t of analysis.terms) {
    if (t.origin === 'thesaurus' || t.weight >= 1) continue;
    const f = foldText(t.text);
    syllableWeight.set(f, Math.min(syllableWeight.get(f) ?? 1, t.weight));
    for (const k of [f, `a:${t.text}`]) termWeight.set(k, Math.min(termWeight.get(k) ?? 1, t.weight));
  }
  const rank = { terms: new Map<string, Alternative[]>(), pairs: new Map<string, Alternative[]>() };
  const cover = { terms: new Map<string, Alternative[]>(), pairs: new Map<string, Alternative[]>() };
  const syllableAlternatives = new Map<string, Alternative[]>();
  const rankSyllableAlternatives = new Map<string, Alternative[]>();
  const push = (m: Map<string, Alternative[]>, k: string, a: Alternative) => m.set(k, [...(m.get(k) ?? []), a]);
  const expansions = [...analysis.expansions, ...(stats.glossary ? glossaryAlternatives(analysis.content, stats.glossary) : [])];
  for (const e of expansions) {
    const syllables = foldedSyllables(e.source);
    const span = new Set(syllables);
    // Words the corpus itself writes need no translation to count; words
    // foreign to it ("sếp", "rác", "trang web") count fully when translated.
    const foreign = !corpusWrites(stats, syllables);
    for (const alt of e.alternatives) {
      const a: Alternative = { keys: contentWords(alt.text, true), pairs: stats.queryPairs(alt.text), weight: alt.weight };
      // An alternative reduced to one common word by its function words
      // ("làm chính" → "chính", "đứng ra" → "đứng") is no evidence of its meaning.
      if (a.keys.length === 0 || (a.keys.length === 1 && foldedSyllables(alt.text).length > 1)) continue;
      const c: Alternative = { ...a, weight: foreign ? (alt.cover ?? alt.weight) : alt.weight };
      for (const t of terms)
        if (span.has(t.startsWith('a:') ? foldText(t.slice(2)) : t)) {
          push(rank.terms, t, a);
          push(cover.terms, t, c);
        }
      for (const p of pairs)
        if (p.split(' ').every((w) => span.has(w))) {
          push(rank.pairs, p, a);
          push(cover.pairs, p, c);
        }
      for (const w of span) {
        push(syllableAlternatives, w, c);
        push(rankSyllableAlternatives, w, a);
      }
    }
  }
  // Everyday frame words no alternative translates are no evidence either way
  // (src/text/query/everyday-frame.ts): not asked of the passages, not counted as unknown.
  // So are the grammatical frame words ("còn", "khác … chỗ nào", {@link FRAME_WORDS}).
  const frame = everydayFrameWords(analysis.content);
  if (hasDiacritics(analysis.content)) {
    const words = syllables(normalizeText(analysis.content));
    words.forEach((w, i) => {
      if (!FRAME_WORDS.has(w) && !(FRAME_BEFORE_NAO.has(w) && words[i + 1] === 'nào')) return;
      frame.folded.add(foldText(w));
      frame.typed.add(w);
    });
  } else for (const w of FRAME_WORDS_FOLDED) frame.folded.add(w);
  // Who asks ("bà con", "vợ chồng tôi"; the everyday lexicon's askers): no evidence either way.
  for (const w of analysis.askers ?? []) {
    frame.folded.add(foldText(w));
    frame.typed.add(w);
  }
  // A word the typo stage wrote ("con" → "còn") is not one the user framed the question with.
  for (const r of analysis.rewrites) {
    const to = r.to.toLowerCase();
    if (frame.typed.delete(to)) frame.folded.delete(foldText(to));
  }
  const framed = (w: string) => frame.folded.has(w) && (syllableAlternatives.get(w)?.length ?? 0) === 0;
  if (frame.folded.size > 0) {
    const isFrame = (t: string) => (t.startsWith('a:') ? frame.typed.has(t.slice(2)) && framed(foldText(t.slice(2))) : framed(t));
    terms = terms.filter((t) => !isFrame(t));
    pairs = pairs.filter((p) => !p.split(' ').some(framed));
  }
  return {
    ev: { terms, pairs, termWeight, termAlternatives: rank.terms, pairAlternatives: rank.pairs },
    decide: { terms, pairs, termWeight, termAlternatives: cover.terms, pairAlternatives: cover.pairs },
    syllableAlternatives,
    rankSyllableAlternatives,
    syllableWeight,
  };
}
