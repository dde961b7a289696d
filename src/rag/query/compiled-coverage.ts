/**
 * The coverage functions of `coverage.ts` on a question's evidence compiled
 * once per question: every key resolved to its id in the feature dictionary
 * and every IDF weight computed, so that scoring each candidate passage is
 * array reads and binary searches instead of string-keyed map lookups (the
 * re-ranker asks the same few dozen keys of every candidate, five to eight
 * times each). The arithmetic is the same, in the same order: the results
 * are identical to `termCoverage`, `pairCoverage` and `salientGap` with the
 * same weights (checked by test/rag/compiled-coverage.test.ts).
 */
import type { Alternative, QueryEvidence } from './coverage.js';

/** Membership of a feature id in one passage's list (−1: a key the corpus never holds). */
export type IdHas = (id: number) => boolean;

interface CompiledAlternative {
  keys: Int32Array;
  keyIdf: Float64Array;
  pairs: Int32Array;
  pairIdf: Float64Array;
  weight: number;
}

interface CompiledSide {
  ids: Int32Array;
  weights: Float64Array;
  /** Weight of a term found as is (`termWeight`, default 1); 1 for pairs. */
  found: Float64Array;
  alternatives: ReadonlyArray<readonly CompiledAlternative[]>;
}

/** A question's evidence with ids and weights resolved. */
export interface CompiledEvidence {
  terms: CompiledSide;
  pairs: CompiledSide;
}

type Weight = (key: string) => number;

/** `Float64Array.from(xs, f)` without the iterator protocol (per question, on the hot path). */
function numbers(xs: readonly string[], f: (x: string) => number): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i] as string);
  return out;
}

function ids(xs: readonly string[], resolve: (key: string) => number): Int32Array {
  const out = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = resolve(xs[i] as string);
  return out;
}

const NONE: readonly CompiledAlternative[] = [];

function compileAlternatives(
  alts: readonly Alternative[] | undefined,
  resolve: (key: string) => number,
  idf: Weight,
  pairIdf: Weight,
): readonly CompiledAlternative[] {
  if (!alts || alts.length === 0) return NONE;
  return alts.map((a) => ({
    keys: ids(a.keys, resolve),
    keyIdf: numbers(a.keys, idf),
    pairs: ids(a.pairs, resolve),
    pairIdf: numbers(a.pairs, pairIdf),
    weight: a.weight,
  }));
}

/** Compile `ev` with the weights `idf` (words) and `pairIdf` (pairs); `resolve` gives a key's feature id or −1. */
export function compileEvidence(ev: QueryEvidence, resolve: (key: string) => number, idf: Weight, pairIdf: Weight): CompiledEvidence {
  return {
    terms: {
      ids: ids(ev.terms, resolve),
      weights: numbers(ev.terms, idf),
      found: numbers(ev.terms, (t) => ev.termWeight.get(t) ?? 1),
      alternatives: ev.terms.map((t) => compileAlternatives(ev.termAlternatives.get(t), resolve, idf, pairIdf)),
    },
    pairs: {
      ids: ids(ev.pairs, resolve),
      weights: numbers(ev.pairs, pairIdf),
      found: new Float64Array(ev.pairs.length).fill(1),
      alternatives: ev.pairs.map((p) => compileAlternatives(ev.pairAlternatives.get(p), resolve, idf, pairIdf)),
    },
  };
}

/** `share` of coverage.ts: IDF-weighted share of the ids found. */
function share(ids: Int32Array, weights: Float64Array | null, has: IdHas): number {
  let total = 0;
  let found = 0;
  for (let i = 0; i < ids.length; i++) {
    const w = weights ? (weights[i] as number) : 1;
    total += w;
    if (has(ids[i] as number)) found += w;
  }
  return total > 0 ? found / total : 0;
}

function termCredit(ce: CompiledEvidence, i: number, has: IdHas, hasPair?: IdHas): number {
  const t = ce.terms;
  let best = has(t.ids[i] as number) ? (t.found[i] as number) : 0;
  for (const a of t.alternatives[i] as readonly CompiledAlternative[]) {
    if (a.weight <= best) continue;
    const words = share(a.keys, a.keyIdf, has);
    const s = hasPair && a.pairs.length > 0 && words > 0 ? Math.min(words, share(a.pairs, null, hasPair)) : words;
    best = Math.max(best, a.weight * s);
  }
  return best;
}

/** `termCoverage(ev, has, idf, hasPair)` on the compiled evidence. */
export function compiledTermCoverage(ce: CompiledEvidence, has: IdHas, hasPair?: IdHas): number {
  const w = ce.terms.weights;
  let total = 0;
  let found = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i] as number;
    total += wi;
    found += wi * termCredit(ce, i, has, hasPair);
  }
  return total > 0 ? found / total : 0;
}

/** `pairCoverage(ev, has, pairIdf, hasWord, idf)` on the compiled evidence. */
export function compiledPairCoverage(ce: CompiledEvidence, has: IdHas, hasWord: IdHas): number {
  const p = ce.pairs;
  let total = 0;
  let found = 0;
  for (let i = 0; i < p.ids.length; i++) {
    const w = p.weights[i] as number;
    total += w;
    let best = has(p.ids[i] as number) ? 1 : 0;
    for (const a of p.alternatives[i] as readonly CompiledAlternative[]) {
      if (a.weight <= best) continue;
      const s = a.pairs.length > 0 ? share(a.pairs, a.pairIdf, has) : share(a.keys, a.keyIdf, hasWord);
      best = Math.max(best, a.weight * s);
    }
    found += w * best;
  }
  return total > 0 ? found / total : 0;
}

/** `salientGap(ev, has, idf, hasPair)` on the compiled evidence. */
export function compiledSalientGap(ce: CompiledEvidence, has: IdHas, hasPair?: IdHas): number {
  const w = ce.terms.weights;
  let maxIdf = 0;
  let gap = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i] as number;
    maxIdf = Math.max(maxIdf, wi);
    gap = Math.max(gap, wi * (1 - termCredit(ce, i, has, hasPair)));
  }
  return maxIdf > 0 ? gap / maxIdf : 0;
}
