/**
 * Typo repair against the corpus vocabulary. Only words the corpus does not
 * know are touched: an unknown syllable is replaced by a known one a single
 * edit away (tone-insensitive: distances are measured on folded forms), and
 * in a question typed with diacritics, a syllable whose accented form is
 * unknown gets the corpus's accents. A fix must form a known syllable pair
 * with a neighbour, unless the word stands alone.
 */
import { foldText } from '../normalize.js';
import { type Token, tokenLike } from './tokens.js';
import type { Rewrite } from './types.js';
import type { CorpusVocabulary } from './vocabulary.js';

const WORD = /^\p{L}+$/u;
const MIN_LENGTH = 3;

/**
 * Repair the tokens.
 * @param accented the question is typed with diacritics (fixes are written accented)
 * @param protect folded words never to touch (e.g. stopwords, chat expansions)
 */
export function repairTypos(
  tokens: readonly Token[],
  vocab: CorpusVocabulary,
  options: { accented: boolean; protect?: (folded: string) => boolean },
): { tokens: Token[]; rewrites: Rewrite[] } {
  const out = tokens.map((t) => ({ ...t }));
  const rewrites: Rewrite[] = [];
  const words = out.filter((t) => WORD.test(t.word));
  const alone = words.length === 1;
  out.forEach((t, i) => {
    if (!WORD.test(t.word) || options.protect?.(t.fold)) return;
    const left = i > 0 && out[i - 1]?.after.trim() === '' ? out[i - 1]?.fold : undefined;
    const right = t.after.trim() === '' ? out[i + 1]?.fold : undefined;
    const pairs = (w: string) => (left !== undefined && vocab.knowsPair(left, w) ? 1 : 0) + (right !== undefined && vocab.knowsPair(w, right) ? 1 : 0);
    let fixed: string | undefined;
    if (!vocab.knows(t.fold)) {
      if (t.fold.length < MIN_LENGTH) return;
      const scored = vocab
        .neighbours(t.fold)
        // Typos rarely hit the first letter: keep it (or its swap with the second).
        .filter((w) => w[0] === t.fold[0] || (w[0] === t.fold[1] && w[1] === t.fold[0]))
        .map((w) => ({ w, pairs: pairs(w), freq: vocab.frequency(w) }))
        .filter((c) => c.pairs > 0 || alone)
        .sort((a, b) => b.pairs - a.pairs || b.freq - a.freq || a.w.localeCompare(b.w));
      const best = scored[0];
      if (!best) return;
      fixed = options.accented ? (vocab.accentedForms(best.w)[0] ?? best.w) : best.w;
    } else if (options.accented && !vocab.knowsAccented(t.word.toLowerCase())) {
      // Known without accents, unknown as typed: a missing or wrong tone mark.
      if (pairs(t.fold) === 0 && !alone) return;
      // Only a spelling with diacritics is a fix ("hom" from a web address is not).
      fixed = vocab.accentedForms(t.fold).find((a) => a !== t.fold);
    }
    if (!fixed || fixed === t.word.toLowerCase()) return;
    rewrites.push({ from: t.word, to: fixed, origin: 'typo-fix' });
    out[i] = tokenLike(fixed, t.after, 'typo-fix');
  });
  return { tokens: out, rewrites };
}

/** Folded form, exported for callers that build `protect` sets. */
export const foldWord = (w: string): string => foldText(w.toLowerCase());
