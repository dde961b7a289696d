/**
 * Thesaurus canonical wording for the curated matcher: every phrase of a
 * thesaurus set is rewritten (diacritics folded) to the set's official
 * term, so "cần hồ sơ gì" and "cần những giấy tờ gì" compare on the same
 * words. Used for the console's curated answers, whose variants staff type
 * once; the YAML answers list their variants by hand.
 */
import { foldText, normalizeText } from '../text/normalize.js';
import type { Thesaurus } from '../text/query/thesaurus.js';
import { syllables } from '../text/tokenize.js';

/** Sets looser than this are not used for rewriting (their phrases are not the same meaning). */
const MIN_WEIGHT = 0.7;

/** A function that rewrites a question into canonical folded wording. */
export type Canonicalizer = (question: string) => string;

/** Build the rewriter from a thesaurus (longest phrase first at each position). */
export function thesaurusCanonicalizer(thesaurus: Thesaurus): Canonicalizer {
  const official = thesaurus.sets.map((s) => syllables(foldText(s.terms[0] ?? '')));
  return (question) => {
    const words = syllables(foldText(normalizeText(question)));
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const candidates = thesaurus.byFirst.get(words[i] as string) ?? [];
      const hit = candidates.find(
        (c) => (thesaurus.sets[c.set]?.weight ?? 0) >= MIN_WEIGHT && c.folded.length <= words.length - i && c.folded.every((w, j) => words[i + j] === w),
      );
      if (hit) {
        out.push(...(official[hit.set] ?? hit.folded));
        i += hit.folded.length;
      } else {
        out.push(words[i] as string);
        i++;
      }
    }
    return out.join(' ');
  };
}
