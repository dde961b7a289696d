/**
 * Evidence that survives distractors: the question's words should fall in
 * one coherent unit of a passage (one sentence or list line, with the
 * passage's own headings), not be collected from unrelated sentences. A
 * passage made of sentences quoted from many sources (a decree citing
 * others, a compilation) covers a question's words by accident, one word
 * per sentence; the passage that answers holds them together.
 *
 * The key sets of a chunk's units are computed on first use for the few
 * best candidates of a question and kept in a bounded cache: no work
 * proportional to the corpus.
 */

import { BoundedCache } from '../core/bounded-cache.js';
import type { Glossary } from '../text/glossary.js';
import type { Chunk } from './chunk.js';
import { matchKeysOf, pairsOf } from './chunk-features.js';
import { type CompiledEvidence, compiledPairCoverage, compiledTermCoverage, compileEvidence } from './query/compiled-coverage.js';
import { type QueryEvidence, termCoverage } from './query/coverage.js';

/** Key sets of one unit (sentence or line) of a chunk. */
interface UnitKeys {
  keys: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
  /** The unit's identity for finding quotes of it ({@link unitIdentity}); empty for the context. */
  id: string;
}

/** The headings side of a chunk (document id and trail) and its units. */
export interface ChunkUnits {
  context: UnitKeys;
  units: UnitKeys[];
}

/** Units shorter than this many characters are joined to the next one ("1.", "a)"). */
const MIN_UNIT_CHARS = 12;

/**
 * Split a passage into units: lines, and sentences within a line (". " or
 * "; " followed by more text). Very short pieces are kept with their
 * neighbour so a list marker does not make a unit of its own.
 * @example splitUnits('Mục 1. Nội dung a; nội dung b.\nb) Dòng khác') // ['Mục 1.', 'Nội dung a;', …] joined when short
 */
export function splitUnits(text: string): string[] {
  const out: string[] = [];
  let carry = '';
  for (const line of text.split(/\n+/)) {
    for (const piece of line.split(/(?<=[.!?])\s+(?=\S)/u)) {
      const s = `${carry}${carry ? ' ' : ''}${piece.trim()}`;
      if (s.length < MIN_UNIT_CHARS) {
        carry = s;
        continue;
      }
      out.push(s);
      carry = '';
    }
  }
  if (carry) {
    if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${carry}`;
    else out.push(carry);
  }
  return out;
}

/** A list marker or bullet at the start of a unit ("1. ", "a) ", "- "). */
const LEADING_MARKER = /^(?:\d{1,3}[.)]|[a-zđ]\)|[-•*+–])\s+/u;

/**
 * What two quotes of one sentence have in common: the text without a list
 * marker in front, closing punctuation or case ("1. Nội dung a;" and
 * "Nội dung a." are the same sentence).
 */
export function unitIdentity(unit: string): string {
  return unit
    .replace(LEADING_MARKER, '')
    .replace(/[\s.;:,!?]+$/u, '')
    .toLowerCase();
}

function unitKeys(text: string, glossary?: Glossary, id = ''): UnitKeys {
  return { keys: new Set(matchKeysOf(text, glossary)), pairs: new Set(pairsOf(text, glossary)), id };
}

/** The units of a chunk with their key sets (context: document id and heading trail). */
export function chunkUnits(c: Chunk, glossary?: Glossary): ChunkUnits {
  return { context: unitKeys(`${c.docId} ${c.trail.join(' ')}`, glossary), units: splitUnits(c.text).map((u) => unitKeys(u, glossary, unitIdentity(u))) };
}

/** Coverage of the best single unit (with the chunk's context). */
export interface UnitCoverage {
  coverage: number;
  phrase: number;
  /** Identity of that unit ({@link unitIdentity}); empty when no unit holds a key of the question. */
  unit: string;
  /** {@link ownCoverage}: the largest coverage of one unit alone, without the context. */
  own: number;
}

/**
 * The unit of a chunk that best covers the question, by the same measures
 * as the whole chunk ({@link termCoverage}, {@link pairCoverage}): a unit's
 * words are its own and its context's; its pairs are its own and its
 * context's (a pair across the boundary does not count).
 */
export function bestUnitCoverage(
  u: ChunkUnits,
  ev: QueryEvidence,
  idf: (k: string) => number,
  pairIdf: (p: string) => number,
  relevant: ReadonlySet<string> = relevantKeys(ev),
  compiled: UnitEvidence = unitEvidence(ev, idf, pairIdf, relevant),
): UnitCoverage {
  // Membership of the question's keys (by position in `compiled.keys`), looked up once per unit.
  const { keys, position, ce } = compiled;
  const m = keys.length;
  const contextKeys = new Uint8Array(m);
  const contextPairs = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    const k = keys[j] as string;
    contextKeys[j] = u.context.keys.has(k) ? 1 : 0;
    contextPairs[j] = u.context.pairs.has(k) ? 1 : 0;
  }
  const unitKeys = new Uint8Array(m);
  const unitPairs = new Uint8Array(m);
  const has = (j: number) => unitKeys[j] === 1 || contextKeys[j] === 1;
  const hasPair = (j: number) => unitPairs[j] === 1 || contextPairs[j] === 1;
  const ownHas = (j: number) => unitKeys[j] === 1;
  const ownHasPair = (j: number) => unitPairs[j] === 1;
  let best: UnitCoverage | null = null;
  let bestScore = -1;
  let own = 0;
  for (const unit of u.units) {
    // A unit holding none of the question's keys adds nothing to its context.
    // The same flags either way: from the question's side, or from the unit's when it has fewer keys.
    let touches = false;
    if (unit.keys.size + unit.pairs.size < 2 * m) {
      unitKeys.fill(0);
      unitPairs.fill(0);
      for (const k of unit.keys) {
        const j = position.get(k);
        if (j !== undefined) {
          unitKeys[j] = 1;
          touches = true;
        }
      }
      for (const k of unit.pairs) {
        const j = position.get(k);
        if (j !== undefined) {
          unitPairs[j] = 1;
          touches = true;
        }
      }
    } else {
      for (let j = 0; j < m; j++) {
        const k = keys[j] as string;
        const inKeys = unit.keys.has(k);
        const inPairs = unit.pairs.has(k);
        unitKeys[j] = inKeys ? 1 : 0;
        unitPairs[j] = inPairs ? 1 : 0;
        if (inKeys || inPairs) touches = true;
      }
    }
    if (!touches) continue;
    const coverage = compiledTermCoverage(ce, has, hasPair);
    const phrase = compiledPairCoverage(ce, hasPair, has);
    const score = coverage + 0.5 * phrase;
    if (score > bestScore) {
      bestScore = score;
      best = { coverage, phrase, unit: unit.id, own: 0 };
    }
    own = Math.max(own, compiledTermCoverage(ce, ownHas, ownHasPair));
  }
  if (!best) {
    const inContext = (j: number) => contextKeys[j] === 1;
    const inContextPairs = (j: number) => contextPairs[j] === 1;
    best = { coverage: compiledTermCoverage(ce, inContext, inContextPairs), phrase: compiledPairCoverage(ce, inContextPairs, inContext), unit: '', own: 0 };
  }
  return { ...best, own };
}

/** A question's evidence compiled for the units ({@link bestUnitCoverage}): its relevant keys by position. */
export interface UnitEvidence {
  keys: readonly string[];
  /** Key → its position in `keys`. */
  position: ReadonlyMap<string, number>;
  ce: CompiledEvidence;
}

/** {@link UnitEvidence} of a question: computed once, used for every candidate's units. */
export function unitEvidence(
  ev: QueryEvidence,
  idf: (k: string) => number,
  pairIdf: (p: string) => number,
  relevant: ReadonlySet<string> = relevantKeys(ev),
): UnitEvidence {
  const keys = [...relevant];
  const position = new Map(keys.map((k, j) => [k, j]));
  return { keys, position, ce: compileEvidence(ev, (k) => position.get(k) ?? -1, idf, pairIdf) };
}

/** Every key that can count for the question: its terms and pairs, and their alternatives' keys and pairs. */
export function relevantKeys(ev: QueryEvidence): Set<string> {
  const out = new Set<string>([...ev.terms, ...ev.pairs]);
  for (const alts of [...ev.termAlternatives.values(), ...ev.pairAlternatives.values()]) {
    for (const a of alts) {
      for (const k of a.keys) out.add(k);
      for (const p of a.pairs) out.add(p);
    }
  }
  return out;
}

/**
 * Coverage of the question by the chunk's own words only: its best single
 * unit, without the document id or the headings above it. The sections of
 * one list share their parent's words, so those cannot tell which item is
 * asked; and a long section must hold the asked words together, not collect
 * them over its length.
 */
export function ownCoverage(u: ChunkUnits, ev: QueryEvidence, idf: (k: string) => number): number {
  let best = 0;
  for (const unit of u.units) best = Math.max(best, unitOwnCoverage(unit, ev, idf));
  return best;
}

/** Coverage of the question by one unit's own keys and pairs, without its context. */
function unitOwnCoverage(unit: UnitKeys, ev: QueryEvidence, idf: (k: string) => number): number {
  return termCoverage(
    ev,
    (k) => unit.keys.has(k),
    idf,
    (p) => unit.pairs.has(p),
  );
}

/** A candidate for {@link siblingDeficits}. */
export interface SiblingCandidate {
  docId: string;
  /** The headings above the chunk's own (its parent's trail). */
  parent: string;
  /** {@link ownCoverage} of the chunk. */
  own: number;
}

/**
 * For sections of one list (same document, same parent) that all match the
 * question, how far each one's own words fall short of the best sibling's:
 * the parent's words are shared, so they cannot tell which item is asked.
 * @returns the deficit per candidate (0 for a candidate without siblings among them, and for the best one)
 */
export function siblingDeficits(candidates: readonly SiblingCandidate[]): number[] {
  const best = new Map<string, number>();
  const size = new Map<string, number>();
  const key = (c: SiblingCandidate) => `${c.docId}\u0000${c.parent}`;
  for (const c of candidates) {
    const k = key(c);
    best.set(k, Math.max(best.get(k) ?? 0, c.own));
    size.set(k, (size.get(k) ?? 0) + 1);
  }
  return candidates.map((c) => ((size.get(key(c)) ?? 0) > 1 ? (best.get(key(c)) ?? 0) - c.own : 0));
}

/** Bounded cache of chunk units, by chunk id. */
export class UnitCache {
  private readonly cache: BoundedCache<string, ChunkUnits>;

  constructor(
    private readonly glossary?: Glossary,
    max = 5_000,
  ) {
    this.cache = new BoundedCache(max);
  }

  /** The units of `c`, computed once while cached. */
  get(c: Chunk): ChunkUnits {
    return this.cache.get(c.id, () => chunkUnits(c, this.glossary));
  }
}

/** A candidate for {@link quotedUnitLosers}. */
export interface QuoteCandidate {
  docId: string;
  /** Identity of the unit that best covers the question. */
  unit: string;
  /** How well the candidate's own headings and document match the question (the quote's context). */
  context: number;
}

/** Shortest unit identity that counts as a quotable sentence (headings and markers are repeated by design). */
const MIN_QUOTE_CHARS = 40;

/**
 * Candidates whose best unit quotes, or is quoted by, another candidate's
 * best unit in another document (one holds the other: a decree quoting a
 * sentence among its own words), and whose context matches the question
 * less well than the best-placed one of that group: quotes of a sentence
 * whose source the question's context points to elsewhere. The sentence is
 * the same evidence in every copy; the headings and the document decide
 * which copy answers, and the others should not tie with it.
 * @returns the positions (in `candidates`) of the quotes to demote
 */
export function quotedUnitLosers(candidates: readonly QuoteCandidate[]): Set<number> {
  const n = candidates.length;
  const root = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (root[r] !== r) r = root[r] as number;
    return r;
  };
  const quotable = candidates.map((c) => c.unit.length >= MIN_QUOTE_CHARS);
  for (let i = 0; i < n; i++) {
    const a = candidates[i] as QuoteCandidate;
    if (!quotable[i]) continue;
    for (let j = i + 1; j < n; j++) {
      const b = candidates[j] as QuoteCandidate;
      if (!quotable[j] || a.docId === b.docId) continue;
      if (a.unit.length <= b.unit.length ? b.unit.includes(a.unit) : a.unit.includes(b.unit)) root[find(j)] = find(i);
    }
  }
  const leader = new Map<number, number>();
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!quotable[i]) continue;
    const r = find(i);
    size.set(r, (size.get(r) ?? 0) + 1);
    const l = leader.get(r);
    if (l === undefined || (candidates[i] as QuoteCandidate).context > (candidates[l] as QuoteCandidate).context) leader.set(r, i);
  }
  const losers = new Set<number>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const l = leader.get(r);
    if (!quotable[i] || l === undefined || l === i || (size.get(r) ?? 0) < 2) continue;
    const c = candidates[i] as QuoteCandidate;
    const lead = candidates[l] as QuoteCandidate;
    if (c.docId !== lead.docId && c.context < lead.context) losers.add(i);
  }
  return losers;
}
