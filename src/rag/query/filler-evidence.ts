/**
 * Evidence with one unknown word left out. A question said in everyday words
 * often has most of its content strongly covered by one passage and one
 * filler word ("chấm", "bảng điểm", "xong", "mấy vụ") that the corpus never
 * writes as a word with its neighbours; the average coverage and the share
 * of supported syllables then fall under the refusal floor although the
 * passage answers. Such a word is unknown, not contrary evidence: a word the
 * corpus does write ("khai sinh", "xăng dầu", "tập huấn") but the best
 * passage lacks says the passage is about something else, and is never left
 * out. For each unknown word — an unsupported syllable — this recomputes the best passage's evidence as if
 * the word were not asked. The refusal decision (src/rag/abstention.ts)
 * takes the best such drop only when the word is neither the asked head nor
 * an entity, and only as far as the calibration supports it.
 */
import { foldText } from '../../text/normalize.js';
import type { QueryEvidence } from './coverage.js';

/** One word left out: its folded syllables and the evidence without it. */
export interface WordDrop {
  /** Folded syllables of the word left out. */
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

/** A content run with each syllable marked as the corpus supports it (`syllableSupport`). */
export type SupportedRun = ReadonlyArray<{ syllable: string; supported: boolean }>;

/**
 * The unknown words a question can drop: each unsupported syllable whose
 * neighbours in its run are supported, in question order. Two adjacent
 * unsupported syllables are a word the corpus never writes ("thời tiết",
 * "khai sinh", "xăng dầu"), mostly the topic of a question the sources
 * cannot answer: neither half is left out, nor the two together (with them
 * the calibration folds get worse).
 */
export function droppableWords(runs: readonly SupportedRun[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const run of runs)
    run.forEach((s, i) => {
      if (s.supported || seen.has(s.syllable)) return;
      if (run[i - 1]?.supported === false || run[i + 1]?.supported === false) return;
      seen.add(s.syllable);
      out.push([s.syllable]);
    });
  return out;
}

/**
 * The evidence of one passage with each droppable word left out, given how
 * the evidence is computed with a set of syllables skipped (`evidenceWithout`,
 * the retriever's own coverage and syllable support).
 */
export function wordDrops(runs: readonly SupportedRun[], evidenceWithout: (drop: ReadonlySet<string>) => number): WordDrop[] {
  return droppableWords(runs).map((syllables) => ({ syllables, evidence: evidenceWithout(new Set(syllables)) }));
}
