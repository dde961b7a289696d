/**
 * Coverage with expansions: a query word counts as found when it, or one of
 * its alternatives (thesaurus, other meaning of an abbreviation), is found —
 * the best of the set, each alternative weighted below the word itself.
 * Alternatives never become new words to cover.
 */

/** One alternative of a query word or pair. */
export interface Alternative {
  /** Match keys of its content words. */
  keys: string[];
  /** Its adjacent syllable pairs (folded). */
  pairs: string[];
  weight: number;
}

/** The query side of coverage: what to cover and what else counts. */
export interface QueryEvidence {
  terms: string[];
  pairs: string[];
  /** Weight of a term when found as is (typo fixes weigh less); default 1. */
  termWeight: ReadonlyMap<string, number>;
  termAlternatives: ReadonlyMap<string, readonly Alternative[]>;
  pairAlternatives: ReadonlyMap<string, readonly Alternative[]>;
}

type Has = (key: string) => boolean;
type Weight = (key: string) => number;

/** IDF-weighted share of `keys` for which `has` holds. */
export function share(keys: readonly string[], has: Has, idf: Weight): number {
  let total = 0;
  let found = 0;
  for (const k of keys) {
    const w = idf(k);
    total += w;
    if (has(k)) found += w;
  }
  return total > 0 ? found / total : 0;
}

const one = () => 1;

/**
 * How much of an alternative a text holds: the IDF-weighted share of its
 * words and, when a pair tester is given, no more than the share of its word
 * pairs ("phụ trách chính" is not found in a text that has "trách nhiệm" and
 * "hành chính" apart).
 */
function alternativeShare(a: Alternative, has: Has, idf: Weight, hasPair?: Has): number {
  const words = share(a.keys, has, idf);
  return hasPair && a.pairs.length > 0 && words > 0 ? Math.min(words, share(a.pairs, hasPair, one)) : words;
}

/** Credit of one term: its own weight when found, else its best alternative's. */
export function termCredit(t: string, ev: QueryEvidence, has: Has, idf: Weight, hasPair?: Has): number {
  let best = has(t) ? (ev.termWeight.get(t) ?? 1) : 0;
  for (const a of ev.termAlternatives.get(t) ?? []) {
    if (a.weight <= best) continue;
    best = Math.max(best, a.weight * alternativeShare(a, has, idf, hasPair));
  }
  return best;
}

/**
 * IDF-weighted coverage of the query's terms, alternatives counted (max over
 * the set); with `hasPair`, a multi-word alternative counts only as far as
 * its word pairs are found too.
 */
export function termCoverage(ev: QueryEvidence, has: Has, idf: Weight, hasPair?: Has): number {
  let total = 0;
  let found = 0;
  for (const t of ev.terms) {
    const w = idf(t);
    total += w;
    found += w * termCredit(t, ev, has, idf, hasPair);
  }
  return total > 0 ? found / total : 0;
}

/**
 * IDF-weighted coverage of the query's pairs. An alternative counts by its
 * own pairs, or, for a one-word alternative, by that word (`hasWord`).
 */
export function pairCoverage(ev: QueryEvidence, has: Has, pairIdf: Weight, hasWord: Has, idf: Weight): number {
  let total = 0;
  let found = 0;
  for (const p of ev.pairs) {
    const w = pairIdf(p);
    total += w;
    let best = has(p) ? 1 : 0;
    for (const a of ev.pairAlternatives.get(p) ?? []) {
      if (a.weight <= best) continue;
      const s = a.pairs.length > 0 ? share(a.pairs, has, pairIdf) : share(a.keys, hasWord, idf);
      best = Math.max(best, a.weight * s);
    }
    found += w * best;
  }
  return total > 0 ? found / total : 0;
}

/**
 * The most informative query word a text lacks: the largest IDF weight of a
 * term not found (alternatives counted), relative to the largest IDF weight
 * among the query's terms. 0 when every word is found; 1 when the rarest
 * word of the question is missing. Near-domain questions the sources cannot
 * answer share most words with a passage but lack the one that matters
 * ("giá điện", "sổ đỏ"); an average coverage hides that, this does not.
 */
export function salientGap(ev: QueryEvidence, has: Has, idf: Weight, hasPair?: Has): number {
  let maxIdf = 0;
  let gap = 0;
  for (const t of ev.terms) {
    const w = idf(t);
    maxIdf = Math.max(maxIdf, w);
    gap = Math.max(gap, w * (1 - termCredit(t, ev, has, idf, hasPair)));
  }
  return maxIdf > 0 ? gap / maxIdf : 0;
}
