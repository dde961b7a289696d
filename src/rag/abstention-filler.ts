/**
 * Filler-word tolerance: how much the best passage's evidence rises when one
 * word of the question is not asked (src/rag/query/filler-evidence.ts). A
 * question said in everyday words is often strongly covered but for one
 * filler word the sources never write beside the others ("tiền", "chấm",
 * "tốn", "mảng"); that word should not weigh fully against coverage. The
 * word left out may be neither the asked head (a near-domain question the
 * sources cannot answer lacks exactly that word: "tầng mấy", "phần mềm gì")
 * nor an entity — a capitalised name or acronym ("PAPI", "Bình Định", "VNeID")
 * or a number (a year, a document number) — which say what is asked about.
 */
import { foldText, hasDiacritics, normalizeText } from '../text/normalize.js';
import { askedHead, type CorpusWords, segmentedHead } from './abstention-head.js';
import type { WordDrop } from './query/filler-evidence.js';

/** Folded tokens of the question that name an entity: capitalised (the first word of a sentence aside) or holding a digit. */
export function entitySyllables(question: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of normalizeText(question).split(/[.!?]+/)) {
    const tokens = sentence.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    tokens.forEach((t, i) => {
      const capitalised = /\p{Lu}/u.test(i === 0 ? t.slice(1) : t);
      if (capitalised || /\d/.test(t)) out.add(foldText(t.toLowerCase()));
    });
  }
  return out;
}

/** Folded syllables of the question's asked head (segmented as the corpus shows), empty when it has none. */
export function headSyllables(question: string, words: CorpusWords): Set<string> {
  const head = segmentedHead(question, askedHead(question), words);
  return new Set((head ?? []).map((t) => foldText(hasDiacritics(t) ? t : t.toLowerCase())));
}

/**
 * The largest rise of evidence from leaving out one word that is neither the
 * asked head nor an entity (0 when no such word raises it).
 */
export function fillerGain(question: string, drops: readonly WordDrop[], evidence: number, words: CorpusWords): number {
  const head = headSyllables(question, words);
  const entities = entitySyllables(question);
  let gain = 0;
  for (const d of drops) {
    if (d.syllables.some((s) => head.has(s) || entities.has(s))) continue;
    gain = Math.max(gain, d.evidence - evidence);
  }
  return gain;
}
