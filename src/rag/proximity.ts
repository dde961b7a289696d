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
import type { Glossary } from '../text/glossary.js';
import type { Chunk } from './chunk.js';
import { matchKeysOf, pairsOf } from './chunk-features.js';
import { pairCoverage, type QueryEvidence, termCoverage } from './query/coverage.js';

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
    for (const piece of line.split(/(?<=[.;:!?])\s+(?=\S)/u)) {
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
  /** Identity of that unit ({@link unitIdentity}); empty when the chunk has no text. */
  unit: string;
}

/**
 * The unit of a chunk that best covers the question, by the same measures
 * as the whole chunk ({@link termCoverage}, {@link pairCoverage}): a unit's
 * words are its own and its context's; its pairs are its own and its
 * context's (a pair across the boundary does not count).
 */
export function bestUnitCoverage(u: ChunkUnits, ev: QueryEvidence, idf: (k: string) => number, pairIdf: (p: string) => number): UnitCoverage {
  let best: UnitCoverage = { coverage: 0, phrase: 0, unit: '' };
  let bestScore = -1;
  const units = u.units.length > 0 ? u.units : [{ keys: new Set<string>(), pairs: new Set<string>(), id: '' }];
  for (const unit of units) {
    const has = (k: string) => unit.keys.has(k) || u.context.keys.has(k);
    const hasPair = (p: string) => unit.pairs.has(p) || u.context.pairs.has(p);
    const coverage = termCoverage(ev, has, idf, hasPair);
    const phrase = pairCoverage(ev, hasPair, pairIdf, has, idf);
    const score = coverage + 0.5 * phrase;
    if (score > bestScore) {
      bestScore = score;
      best = { coverage, phrase, unit: unit.id };
    }
  }
  return best;
}

/**
 * Coverage of the question by the chunk's own text only (its units, not
 * the document id or the headings above it): what tells apart the sections
 * of one list, which share their parent's words.
 */
export function ownCoverage(u: ChunkUnits, ev: QueryEvidence, idf: (k: string) => number): number {
  const has = (k: string) => u.units.some((unit) => unit.keys.has(k));
  const hasPair = (p: string) => u.units.some((unit) => unit.pairs.has(p));
  return termCoverage(ev, has, idf, hasPair);
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
  private readonly map = new Map<string, ChunkUnits>();

  constructor(
    private readonly glossary?: Glossary,
    private readonly max = 5_000,
  ) {}

  /** The units of `c`, computed once while cached. */
  get(c: Chunk): ChunkUnits {
    let u = this.map.get(c.id);
    if (!u) {
      u = chunkUnits(c, this.glossary);
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(c.id, u);
    }
    return u;
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
 * Candidates whose best unit is a sentence that another candidate, in
 * another document, also holds, and whose context matches the question
 * less well than that other one's: quotes of a sentence whose source the
 * question's context points to elsewhere. The sentence is the same
 * evidence in every copy; the headings and the document decide which copy
 * answers, and the others should not tie with it.
 * @returns the positions (in `candidates`) of the quotes to demote
 */
export function quotedUnitLosers(candidates: readonly QuoteCandidate[]): Set<number> {
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (c.unit.length < MIN_QUOTE_CHARS) return;
    const g = groups.get(c.unit);
    if (g) g.push(i);
    else groups.set(c.unit, [i]);
  });
  const losers = new Set<number>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    let leader = g[0] as number;
    for (const i of g) if ((candidates[i] as QuoteCandidate).context > (candidates[leader] as QuoteCandidate).context) leader = i;
    const lead = candidates[leader] as QuoteCandidate;
    for (const i of g) {
      const c = candidates[i] as QuoteCandidate;
      if (i !== leader && c.docId !== lead.docId && c.context < lead.context) losers.add(i);
    }
  }
  return losers;
}
