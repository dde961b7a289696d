/**
 * Vietnamese tokenisation for search. Vietnamese writes one syllable per
 * space-separated token, and most words are two syllables ("thủ tục"), so we
 * index syllable unigrams plus adjacent bigrams, in two forms:
 * - accented (canonical tone placement, lower case): precise;
 * - folded (no diacritics, đ → d): matches users who type without accents.
 * Document numbers ("60/2021/NĐ-CP") are kept whole as an extra token.
 */
import { type Glossary, glossaryExpansion } from './glossary.js';
import { foldText, hasDiacritics, normalizeText } from './normalize.js';
import { STOPWORDS_ACCENTED, STOPWORDS_FOLDED } from './stopwords.js';

/** Document numbers: 1523/KH-SCT, 60/2021/NĐ-CP, 04-NQ/TU, 9001:2015. */
const DOC_NUMBER = /\d+(?:[/-]\d{2,4})?(?:[/-][\p{L}&]+)+(?:-[\p{L}&]+)*/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export interface TokenSets {
  /** Folded unigrams (stopwords removed) + bigrams + document numbers. */
  folded: string[];
  /** Accented unigrams (stopwords removed) + bigrams. */
  accented: string[];
}

/** Split into lower-case syllables (letters/digits runs). */
export function syllables(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Canonical document-number tokens found in the text, folded. */
export function docNumbers(text: string): string[] {
  return (normalizeText(text).match(DOC_NUMBER) ?? []).map((m) => foldText(m).replace(/-/g, '/'));
}

function grams(words: string[], stop: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!stop.has(w)) out.push(w);
    const next = words[i + 1];
    if (next !== undefined && !(stop.has(w) && stop.has(next))) out.push(`${w}_${next}`);
  }
  return out;
}

/**
 * Tokens of a text for indexing or querying. Both sides use this same
 * function, so glossary expansion and folding are symmetric.
 */
export function tokenize(text: string, glossary?: Glossary): TokenSets {
  const norm = normalizeText(text);
  const expansion = glossary ? glossaryExpansion(norm, glossary) : '';
  const accentedWords = syllables(norm);
  const foldedWords = syllables(foldText(norm));
  const expansionWords = syllables(expansion);
  const folded = [...grams(foldedWords, STOPWORDS_FOLDED), ...grams(expansionWords, STOPWORDS_FOLDED), ...docNumbers(norm)];
  const accented = grams(accentedWords, STOPWORDS_ACCENTED);
  return { folded, accented };
}

/**
 * Content words of a query (unigrams without stopwords), used to measure
 * how much of a question the evidence covers. Folded; with `accentKeys`,
 * words typed with diacritics are returned as `a:<accented>` keys.
 */
export function contentWords(text: string, accentKeys = false): string[] {
  const norm = normalizeText(text);
  const accented = syllables(norm);
  // A question typed with diacritics is taken as fully accented ("mai" means
  // "mai", not "mại"); one typed without is matched folded.
  const typedWithAccents = hasDiacritics(norm);
  const out: string[] = [];
  for (const w of accented) {
    const f = foldText(w);
    if (typedWithAccents ? STOPWORDS_ACCENTED.has(w) : STOPWORDS_FOLDED.has(f)) continue;
    out.push(accentKeys && typedWithAccents ? `a:${w}` : f);
  }
  return [...new Set(out)];
}

/**
 * Runs of consecutive content words (folded), split at stopwords and
 * punctuation: "thời tiết Quảng Ngãi ngày mai thế nào" → [[thoi, tiet, quang, ngai, ngay, mai]].
 */
export function contentRuns(text: string): string[][] {
  const runs: string[][] = [];
  const typedWithAccents = hasDiacritics(text);
  for (const segment of normalizeText(text).split(/[,.;:!?()[\]"“”]+/)) {
    let run: string[] = [];
    for (const w of syllables(segment)) {
      const f = foldText(w);
      const stop = typedWithAccents ? STOPWORDS_ACCENTED.has(w) : STOPWORDS_FOLDED.has(f);
      if (stop) {
        if (run.length) runs.push(run);
        run = [];
      } else {
        run.push(f);
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
}
