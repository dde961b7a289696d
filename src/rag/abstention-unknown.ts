/**
 * Unknown-word signal: content words of the question that the corpus never
 * writes, that no thesaurus alternative translates and that are not function
 * words or framing ("iPhone", "MoMo", "TikTok", "căn tin", "nhuận bút").
 * A question built around a word the sources never use is seldom answered by
 * them, however well its other words match; the average vocabulary coverage
 * dilutes one such word among many known ones, a count does not.
 */
import { foldText, hasDiacritics } from '../text/normalize.js';
import { type CorpusWords, corpusWords, isFunctionWord, tokensOf } from './abstention-head.js';
import type { Alternative } from './query/coverage.js';

/** Words shorter than this are abbreviations or particles, not content. */
const MIN_LENGTH = 2;

/**
 * The question's unknown content words (as typed): not in the corpus
 * (accented form when typed with accents, else folded), not a function word,
 * not a number, and without a thesaurus alternative.
 */
export function unknownWords(
  question: string,
  corpus: CorpusWords | readonly { text: string }[],
  alternatives: ReadonlyMap<string, readonly Alternative[]> = new Map(),
): string[] {
  const words = corpusWords(corpus);
  const translated = new Set([...alternatives.keys()].map((k) => foldText(k.replace(/^a:/, ''))));
  const out: string[] = [];
  for (const t of tokensOf(question, true)) {
    const f = foldText(t);
    if (t.length < MIN_LENGTH || /\d/.test(t) || isFunctionWord(t)) continue;
    if (words.writes([hasDiacritics(t) ? t : f]) || translated.has(f)) continue;
    out.push(t);
  }
  return [...new Set(out)];
}
