/**
 * The corpus vocabulary as typo repair needs it: known syllables (folded and
 * accented), known syllable pairs, and a symmetric-deletion index that finds
 * the known syllables one edit away from an unknown one. Built once, when
 * the retriever is constructed.
 */
import { normalizeText } from '../normalize.js';

export interface CorpusVocabulary {
  /** A folded syllable occurs in the corpus. */
  knows(folded: string): boolean;
  /** An accented, lower-case syllable occurs in the corpus. */
  knowsAccented(accented: string): boolean;
  /** Two folded syllables occur side by side in the corpus. */
  knowsPair(left: string, right: string): boolean;
  /** How many chunks contain the folded syllable. */
  frequency(folded: string): number;
  /** How many chunks contain the accented, lower-case syllable. */
  accentedFrequency(accented: string): number;
  /** Accented spellings of a folded syllable in the corpus, most frequent first. */
  accentedForms(folded: string): readonly string[];
  /** Known folded syllables one edit (insert, delete, substitute, swap) away. */
  neighbours(folded: string): string[];
  /** Two accented lower-case syllables occur side by side in the corpus ("hồ sơ", not "hồ số"). */
  knowsAccentedPair(left: string, right: string): boolean;
  /** Number of chunks the frequencies count (0 when unknown). */
  readonly chunks: number;
}

/**
 * Accented syllable pairs of texts ("hồ sơ"), lower case, for
 * {@link CorpusVocabulary.knowsAccentedPair}.
 */
export function accentedPairsOf(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const segment of normalizeText(t)
      .toLowerCase()
      .split(/[^\p{L}\p{N}\s]+/u)) {
      const w = segment.split(/\s+/).filter(Boolean);
      for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
    }
  }
  return out;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Damerau–Levenshtein distance is at most one (optimal string alignment). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    const diff: number[] = [];
    for (let i = 0; i < la; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    const [i, j] = diff;
    return diff.length === 2 && j === (i as number) + 1 && a[i as number] === b[j] && a[j] === b[i as number];
  }
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/**
 * Build the vocabulary.
 * @param folded folded syllable → number of chunks containing it
 * @param accented accented lower-case syllable → number of chunks containing it
 * @param pairs folded pairs ("thu tuc") known to the corpus
 * @param accentedPairs accented pairs ("hồ sơ"), computed on first use (see {@link accentedPairsOf})
 * @param chunks number of chunks the frequencies count
 */
export function buildVocabulary(
  folded: ReadonlyMap<string, number>,
  accented: ReadonlyMap<string, number>,
  pairs: ReadonlySet<string>,
  accentedPairs: () => { has(pair: string): boolean } = () => new Set(),
  chunks = 0,
): CorpusVocabulary {
  let accentedPairSet: { has(pair: string): boolean } | undefined;
  const byDeletion = new Map<string, string[]>();
  const add = (key: string, word: string) => {
    const list = byDeletion.get(key);
    if (list) list.push(word);
    else byDeletion.set(key, [word]);
  };
  for (const w of folded.keys()) {
    if (w.length < 2 || /\d/.test(w)) continue;
    for (const d of deletions(w)) add(d, w);
  }
  const forms = new Map<string, string[]>();
  for (const [a] of [...accented].sort((x, y) => y[1] - x[1])) {
    const f = a
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .normalize('NFC');
    const list = forms.get(f);
    if (list) list.push(a);
    else forms.set(f, [a]);
  }
  return {
    chunks,
    knows: (w) => folded.has(w),
    knowsAccented: (w) => accented.has(w),
    knowsPair: (l, r) => pairs.has(`${l} ${r}`),
    knowsAccentedPair(l, r) {
      accentedPairSet ??= accentedPairs();
      return accentedPairSet.has(`${l} ${r}`);
    },
    frequency: (w) => folded.get(w) ?? 0,
    accentedFrequency: (w) => accented.get(w) ?? 0,
    accentedForms: (w) => forms.get(w) ?? [],
    neighbours(w) {
      const found = new Set<string>();
      for (const v of byDeletion.get(w) ?? []) found.add(v); // w lacks a letter
      for (const d of deletions(w)) {
        if (folded.has(d) && d.length >= 2) found.add(d); // w has an extra letter
        for (const v of byDeletion.get(d) ?? []) found.add(v); // substituted or swapped letter
      }
      found.delete(w);
      return [...found].filter((v) => withinOneEdit(w, v));
    },
  };
}
