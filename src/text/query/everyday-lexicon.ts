/**
 * Known-good syllable pairs beyond the corpus. The sources (a plan and legal
 * texts) lack much of everyday Vietnamese ("bà con", "kết hôn", "con gái"),
 * so typo repair and diacritic restoration, which read the corpus's pairs,
 * "repair" such words into corpus words ("bà còn", "kết hơn", "còn giá").
 * A pair found here is valid Vietnamese as typed: repair leaves it alone and
 * restoration counts it beside the corpus. Built from
 * `knowledge/everyday-words.yaml` (everyday phrases written for this
 * purpose), the thesaurus's phrases and the chat abbreviations' meanings.
 * The file's `askers` ("bà con", "vợ chồng tôi", "dạo này") say who asks,
 * not what about: the analysis leaves them out of the question's evidence.
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { foldText, normalizeText } from '../normalize.js';
import { STOPWORDS_ACCENTED } from '../stopwords.js';
import { unifyIY } from './thesaurus.js';
import { entryLabel, readYamlFile } from './yaml-file.js';

/** A phrase: two to four lower-case syllables of letters, one space apart. */
const PHRASE = /^\p{Ll}+(?: \p{Ll}+){1,3}$/u;

const phraseList = z.array(z.string().trim().regex(PHRASE, 'mỗi cụm gồm 2–4 âm tiết chữ thường, cách nhau một dấu cách'));
const fileSchema = z.object({ askers: phraseList.default([]), phrases: phraseList.min(1) }).strict();

/** Pairs of syllables people write side by side, as typed (accented) and folded. */
export interface EverydayLexicon {
  /** The accented phrases of the file (counted beside the corpus by diacritic restoration). */
  readonly phrases: readonly string[];
  /** Whether two lower-case spellings ("bà", "con") stand side by side in a known-good phrase. */
  hasAccentedPair(left: string, right: string): boolean;
  /** The same on folded syllables ("ket", "hon"). */
  hasFoldedPair(left: string, right: string): boolean;
  /** Whether two syllables (lower-case spellings, or folded when `folded`) stand side by side in an asker phrase ("bà con"). */
  isAskerPair(left: string, right: string, folded: boolean): boolean;
  /**
   * Whether two lower-case spellings fold to a pair of two content words of
   * the file's own phrases but are spelt otherwise there ("sơ đồ" folds to
   * "sổ đỏ"): the typed pair has an everyday reading the spellings miss.
   */
  spelledOtherwise(left: string, right: string): boolean;
}

const key = (l: string, r: string) => `${unifyIY(l)} ${unifyIY(r)}`;

/**
 * Build the lexicon from the file's phrases and other known-good phrases
 * (thesaurus terms, abbreviation meanings: any text, split at punctuation).
 * @throws AppError KNOWLEDGE_INVALID when the file repeats a phrase or writes one not in NFC
 */
export function createEverydayLexicon(
  phrases: readonly string[],
  others: Iterable<string> = [],
  file = 'everyday-words',
  askers: readonly string[] = [],
): EverydayLexicon {
  const seen = new Set<string>();
  for (const p of [...askers, ...phrases]) {
    if (normalizeText(p) !== p) throw new AppError('KNOWLEDGE_INVALID', `${file}: “${p}” chưa viết ở dạng chuẩn (NFC)`);
    if (seen.has(p)) throw new AppError('KNOWLEDGE_INVALID', `${file}: “${p}” lặp lại`);
    seen.add(p);
  }
  const pairsOf = (texts: Iterable<string>, contentOnly = false) => {
    const accented = new Set<string>();
    const folded = new Set<string>();
    for (const text of texts)
      for (const segment of normalizeText(text)
        .toLowerCase()
        .split(/[^\p{L}\s]+/u)) {
        const w = segment.split(/\s+/).filter(Boolean);
        for (let i = 0; i + 1 < w.length; i++) {
          const l = w[i] as string;
          const r = w[i + 1] as string;
          if (contentOnly && (STOPWORDS_ACCENTED.has(l) || STOPWORDS_ACCENTED.has(r))) continue;
          accented.add(key(l, r));
          folded.add(key(foldText(l), foldText(r)));
        }
      }
    return { accented, folded };
  };
  const all = pairsOf([...askers, ...phrases, ...others]);
  const asker = pairsOf(askers);
  // For the spellings' check, only pairs of two content words: "tôi đã" must not veto "tối đa".
  const own = pairsOf([...askers, ...phrases], true);
  return {
    phrases: [...askers, ...phrases],
    hasAccentedPair: (l, r) => all.accented.has(key(l, r)),
    hasFoldedPair: (l, r) => all.folded.has(key(l, r)),
    isAskerPair: (l, r, folded) => (folded ? asker.folded : asker.accented).has(key(l, r)),
    spelledOtherwise: (l, r) => own.folded.has(key(foldText(l), foldText(r))) && !own.accented.has(key(l, r)),
  };
}

/**
 * Load and validate `knowledge/everyday-words.yaml`.
 * @throws AppError KNOWLEDGE_INVALID naming the file and the bad phrase
 */
export function loadEverydayLexicon(file: string, others: Iterable<string> = []): EverydayLexicon {
  const { askers, phrases } = readYamlFile(file, fileSchema, entryLabel);
  return createEverydayLexicon(phrases, others, file, askers);
}
