/**
 * Structured answerers compete with retrieval, they do not pre-empt it. Each
 * structured answer is a candidate scored on the same evidence as the
 * retrieval answer — how much of the question the passages it quotes cover —
 * and the better-supported answer wins. A structured answer that quotes the
 * best passage, or one nearly as good, wins (it is exact where the extractive
 * answer is approximate); one whose passages cover the question clearly worse
 * than the best passage loses to retrieval. Both sides must be able to hold
 * the kind of answer asked for (see {@link pickCandidate}).
 */
import { foldText } from '../text/normalize.js';
import type { DirectAnswer, DirectAnswerer } from './answerer.js';
import type { RetrievalResult, RetrievedChunk } from './retriever.js';
import { unconfirmedDetail } from './unconfirmed-detail.js';
import { askedFigureYears, yearFigureGap } from './year-figures.js';

/** A structured answer with the evidence behind it. */
export interface Candidate extends DirectAnswer {
  /** The answerer that produced it. */
  name: string;
  /** Evidence on the scale of {@link passageEvidence}. */
  support: number;
}

/**
 * How far below the best passage a structured answer's evidence may be and
 * still win. Tuned on the project's own questions (`cli eval`), not on any
 * single item.
 */
export const STRUCTURED_MARGIN = 0.15;

/** The top of the evidence scale: full word and phrase coverage. An answerer claims it for an exact request. */
export const EXACT_SUPPORT = 1.5;

/** Evidence of a passage for the question: word coverage plus half the phrase (word pair) coverage. */
export function passageEvidence(h: Pick<RetrievedChunk, 'coverage' | 'phraseCoverage'>): number {
  return h.coverage + 0.5 * h.phraseCoverage;
}

/** Scoring helpers the retriever provides. */
export interface EvidenceScorer {
  /** Folded match keys of a text. */
  foldedKeys(text: string): Set<string>;
  idf(word: string): number;
}

/** IDF-weighted share of the question's terms found in a text (for answers that quote no indexed passage). */
export function textCoverage(text: string, r: RetrievalResult, scorer: EvidenceScorer): number {
  const keys = scorer.foldedKeys(text);
  let total = 0;
  let found = 0;
  for (const t of new Set(r.terms.map((x) => (x.startsWith('a:') ? foldText(x.slice(2)) : x)))) {
    const w = scorer.idf(t);
    total += w;
    if (keys.has(t)) found += w;
  }
  return total > 0 ? found / total : 0;
}

/** The evidence behind a structured answer: its own claim, else its quoted passages as retrieval scored them, else its text. */
export function candidateSupport(d: DirectAnswer, r: RetrievalResult, scorer: EvidenceScorer): number {
  if (d.support !== undefined) return d.support;
  const ids = new Set(d.chunks.map((c) => c.id));
  const hits = r.hits.filter((h) => ids.has(h.chunk.id));
  if (hits.length > 0) return Math.max(...hits.map(passageEvidence));
  const text = [d.text, ...d.chunks.map((c) => c.text), ...(d.extraSources ?? []).map((s) => s.text)].join('\n');
  return textCoverage(text, r, scorer);
}

/** Every structured answer for the question, with its support. */
export function collectCandidates(question: string, r: RetrievalResult, answerers: readonly DirectAnswerer[], scorer: EvidenceScorer): Candidate[] {
  const out: Candidate[] = [];
  for (const a of answerers) {
    const d = a.answer(question, r);
    if (d) out.push({ ...d, name: a.name, support: candidateSupport(d, r, scorer) });
  }
  return out;
}

/**
 * The structured candidate that beats retrieval, or null when retrieval's
 * best passage is clearly better supported than every candidate. With
 * `fits` (whether a text can hold the kind of answer asked for: a unit for
 * "who", a date for "when", a name beside the asked title…), a candidate
 * that cannot hold it does not compete (unless it answers an exact request
 * for a record, {@link EXACT_SUPPORT}), and a best passage that cannot hold
 * it brings no support: a duty card that names the unit beats a passage that
 * names none.
 */
export function pickCandidate(cands: readonly Candidate[], r: RetrievalResult, fits: (text: string) => boolean = () => true): Candidate | null {
  const top = r.hits[0];
  // As for abstention, the answer may sit in either of the two best passages.
  const retrieval = top && r.hits.slice(0, 2).some((h) => fits(h.chunk.text)) ? passageEvidence(top) : 0;
  let best: Candidate | null = null;
  for (const c of cands) {
    // An exact record request (a configured contact, a document's own fact) is not second-guessed by the text's shape.
    if (!c.abstained && c.support < EXACT_SUPPORT && !fits(c.text)) continue;
    if (!best || c.support > best.support) best = c;
  }
  if (!best) return null;
  return best.support + STRUCTURED_MARGIN >= retrieval ? best : null;
}

/** Why a structured answer fails the detail checks retrieval passages go through. */
export type CandidateGap = 'year-figure' | 'unconfirmed';

/**
 * The detail checks a structured answer must pass, as the best retrieval
 * passages do (src/rag/answerer.ts, `conflict`): a figure asked for a year
 * (of the kind asked: rank, score, count…) must be stated by the answer's
 * own passages or text (src/rag/year-figures.ts), and a detail its passages
 * mark as not confirmed is not answered by them
 * (src/rag/unconfirmed-detail.ts). A duty card that quotes a passage without
 * the asked detail does not answer the question because it names the right
 * unit. Null when the candidate passes; a refusal record (abstained) is not
 * checked.
 */
export function candidateGap(question: string, c: Pick<DirectAnswer, 'text' | 'chunks' | 'abstained'>): CandidateGap | null {
  if (c.abstained) return null;
  const first = c.chunks[0];
  const own = { text: c.text, docId: first?.docId ?? '', docTitle: first?.docTitle ?? '', trail: first?.trail ?? [] };
  const passages = [...c.chunks, own];
  if (askedFigureYears(question).length > 0) return yearFigureGap(question, passages) ? 'year-figure' : null;
  return passages.some((p) => unconfirmedDetail(question, p)) ? 'unconfirmed' : null;
}
