/**
 * Evidence with one word left out. A question said in everyday words often
 * has most of its content strongly covered by one passage and one filler
 * word ("tiền", "chấm", "mảng", "tốn") that the passage, or the corpus as a
 * word, does not write; the average coverage and the share of supported
 * syllables then fall under the refusal floor although the passage answers.
 * For each word of the question — a content syllable, or two adjacent ones
 * (a two-syllable word) — this recomputes the best passage's evidence as if
 * the word were not asked. The refusal decision (src/rag/abstention.ts)
 * takes the best such drop only when the word is neither the asked head nor
 * an entity, and only as far as the calibration supports it.
 */
import { foldText } from '../../text/normalize.js';
import { contentRuns } from '../../text/tokenize.js';
import type { QueryEvidence } from './coverage.js';

/** One word left out: its folded syllables and the evidence without it. */
export interface WordDrop {
  /** Folded syllables of the word left out (one or two). */
  syllables: string[];
  /** The best passage's evidence (coverage + ½ phrase coverage, times supported syllables) without the word. */
  evidence: number;
}

/** The folded syllable a term key stands for ("a:tiền" → "tien"). */
export const syllableOf = (term: string) => (term.startsWith('a:') ? foldText(term.slice(2)) : term);

/** The evidence without the given folded syllables: terms and pairs holding them are not asked. */
export function withoutSyllables(ev: QueryEvidence, drop: ReadonlySet<string>): QueryEvidence {
  return {
    ...ev,
    terms: ev.terms.filter((t) => !drop.has(syllableOf(t))),
    pairs: ev.pairs.filter((p) => !p.split(' ').some((w) => drop.has(w))),
  };
}

/**
 * The words a question can drop: each content syllable, and each pair of
 * adjacent content syllables of one run (folded), in question order.
 */
export function droppableWords(content: string): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const run of contentRuns(content)) {
    run.forEach((w, i) => {
      for (const word of [[w], i + 1 < run.length ? [w, run[i + 1] as string] : null]) {
        if (!word || seen.has(word.join(' '))) continue;
        seen.add(word.join(' '));
        out.push(word);
      }
    });
  }
  return out;
}

/**
 * The evidence of one passage with each droppable word left out, given how
 * the evidence is computed with a set of syllables skipped (`evidenceWithout`,
 * the retriever's own coverage and syllable support).
 */
export function wordDrops(content: string, evidenceWithout: (drop: ReadonlySet<string>) => number): WordDrop[] {
  return droppableWords(content).map((syllables) => ({ syllables, evidence: evidenceWithout(new Set(syllables)) }));
}
