/**
 * The administrative thesaurus (`knowledge/thesaurus.yaml`): sets of words
 * that mean the same thing, everyday wording beside official wording
 * ("tiền" ↔ "kinh phí", "trang web" ↔ "cổng thông tin điện tử"). A query
 * phrase that is in a set gets the other phrases of the set as weaker
 * alternatives; they never replace what the user typed.
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { foldText, hasDiacritics, normalizeText } from '../normalize.js';
import type { Token } from './tokens.js';
import { ORIGIN_WEIGHT } from './types.js';
import { entryLabel, readYamlFile } from './yaml-file.js';

const term = z.string().trim().min(1).max(80);
const setSchema = z.union([
  z.array(term).min(2),
  z
    .object({
      terms: z.array(term).min(2),
      /** Weight of an alternative from this set (default 0.7, at most 0.9). */
      weight: z.number().min(0.1).max(0.9).optional(),
      note: z.string().optional(),
    })
    .strict(),
]);
const fileSchema = z.object({ sets: z.array(setSchema).min(1) }).strict();

export type ThesaurusSetInput = z.infer<typeof setSchema>;

export interface ThesaurusSet {
  /** The phrases, normalised lower case; the first is the official wording. */
  terms: string[];
  weight: number;
}

export interface Thesaurus {
  sets: ThesaurusSet[];
  /**
   * Every syllable of every phrase (folded): words people use that the
   * corpus may never write ("kêu", "xài"); typo repair must not take them
   * for misspelt corpus words.
   */
  readonly syllables: ReadonlySet<string>;
  /** Every syllable of every phrase as written (lower case, i/y unified): a word typed with marks is a thesaurus word only when spelt so. */
  readonly accentedSyllables: ReadonlySet<string>;
  /** First syllable (folded) → phrases starting with it, with their sets. */
  readonly byFirst: ReadonlyMap<string, Array<{ folded: string[]; accented: string[]; set: number }>>;
}

/** Weight factor of alternatives found from a one-word phrase. */
const ONE_WORD_FACTOR = 0.85;

const syl = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const Y_TO_I: Readonly<Record<string, string>> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };
/**
 * A syllable with its final i/y spelling made one ("công ty" = "công ti",
 * "lý" = "lí"): both are in use, and the typo stage may write either.
 */
export function unifyIY(syllable: string): string {
  return syllable.replace(/(?<=[bcdđghklmnpqrstvx])[yýỳỷỹỵ]$/u, (c) => Y_TO_I[c] ?? c);
}

/**
 * Build a thesaurus from sets.
 * @throws AppError KNOWLEDGE_INVALID when a set repeats a phrase.
 */
export function createThesaurus(input: readonly ThesaurusSetInput[], file = 'thesaurus'): Thesaurus {
  const sets: ThesaurusSet[] = input.map((s, i) => {
    const raw = Array.isArray(s) ? s : s.terms;
    const terms = raw.map((t) => normalizeText(t).toLowerCase().replace(/\s+/g, ' ').trim());
    if (new Set(terms).size !== terms.length)
      throw new AppError('KNOWLEDGE_INVALID', `${file}: sets[${i}] ${JSON.stringify(raw)}: một cụm từ lặp lại trong cùng một nhóm`);
    return { terms, weight: Array.isArray(s) ? ORIGIN_WEIGHT.thesaurus : (s.weight ?? ORIGIN_WEIGHT.thesaurus) };
  });
  const byFirst = new Map<string, Array<{ folded: string[]; accented: string[]; set: number }>>();
  sets.forEach((s, set) => {
    for (const t of s.terms) {
      const accented = syl(t).map(unifyIY);
      const folded = accented.map((w) => unifyIY(foldText(w)));
      const first = folded[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ folded, accented, set });
      byFirst.set(first, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  const syllables = new Set<string>();
  const accentedSyllables = new Set<string>();
  for (const list of byFirst.values())
    for (const c of list) {
      for (const w of c.folded) syllables.add(w);
      for (const w of c.accented) accentedSyllables.add(w);
    }
  return { sets, syllables, accentedSyllables, byFirst };
}

/**
 * Load and validate the thesaurus file.
 * @throws AppError KNOWLEDGE_INVALID naming the file and the bad set.
 */
export function loadThesaurus(file: string): Thesaurus {
  return createThesaurus(readYamlFile(file, fileSchema, entryLabel).sets, file);
}

/** A thesaurus phrase found in the query and what else it may be called. */
export interface ThesaurusMatch {
  /** The user's words (as typed, lower case). */
  source: string;
  /** Token positions [start, end) in the analysed tokens. */
  start: number;
  end: number;
  /** `weight` ranks (below the user's words); `cover` counts toward coverage for the refusal decision. */
  alternatives: Array<{ text: string; weight: number; cover: number }>;
}

/**
 * Coverage credit of an alternative from a set: a set at the default weight
 * covers the user's words fully (the question is expressed, only in other
 * words); a set marked looser covers in proportion. A one-word phrase
 * ("tiền", "rác") is a looser clue and covers {@link ONE_WORD_FACTOR} of that.
 */
export function coverCredit(setWeight: number): number {
  return Math.min(1, setWeight / ORIGIN_WEIGHT.thesaurus);
}

/** Weight factor of a phrase read across light words. */
const GAP_FACTOR = 1;
/** At most this many light words inside one phrase. */
const MAX_GAPS = 2;
/**
 * Light words a phrase may be read across ("nộp các hồ sơ", "chấm điểm cho
 * chính quyền", "nộp hồ sơ của em qua mạng", "kiếm thêm người mua"): determiners, "for/of", "more", pronouns
 * of the asker. Accented spellings; an unaccented question uses the folded
 * forms that name no topic word ("cua" may be "cửa", "cai" may be "cải").
 */
const GAP_WORDS: ReadonlySet<string> = new Set([
  ...['các', 'những', 'cái', 'mấy', 'cho', 'của', 'bên', 'việc', 'chuyện', 'vụ', 'luôn', 'thì', 'là', 'thêm'],
  ...['em', 'mình', 'tôi', 'tui', 'anh', 'chị', 'bọn', 'tụi'],
]);
const GAP_WORDS_FOLDED: ReadonlySet<string> = new Set(['cac', 'nhung', 'cho', 'ben', 'viec', 'chuyen', 'luon', 'minh', 'tui', 'them']);

/**
 * How many tokens from `i` the phrase spans (0: no match). Its syllables
 * must follow each other, with at most {@link MAX_GAPS} light words between
 * two of them, never across punctuation; a phrase's first syllable and at
 * least its last two are the user's own, side by side.
 */
function spanOf(keys: TokenKeys, i: number, c: { folded: string[]; accented: string[] }, joined: (k: number) => boolean): number {
  const target = keys.accented ? c.accented : c.folded;
  const { unified, light } = keys;
  const n = unified.length;
  let j = i;
  let gaps = 0;
  let lastGapAt = 0;
  for (let k = 0; k < c.folded.length; k++) {
    for (;;) {
      if (j >= n || (j > i && !joined(j))) return 0;
      if (unified[j] === target[k]) break;
      if (k === 0 || gaps >= MAX_GAPS || !light[j]) return 0;
      gaps++;
      lastGapAt = k;
      j++;
    }
    j++;
  }
  // A lone word after the gap ("công đoàn của sở") is read on its own, with its own set.
  if (gaps > 0 && c.folded.length - lastGapAt < 2) return 0;
  return j - i;
}

/** What {@link spanOf} compares, per token, computed once per question: its spelling with i/y made one, and whether it is a light word. */
interface TokenKeys {
  accented: boolean;
  unified: string[];
  light: boolean[];
}

function tokenKeys(tokens: readonly Token[], accented: boolean): TokenKeys {
  return {
    accented,
    unified: tokens.map((t) => unifyIY(accented ? t.word.toLowerCase() : t.fold)),
    light: tokens.map((t) => (accented ? GAP_WORDS.has(t.word.toLowerCase()) : GAP_WORDS_FOLDED.has(t.fold))),
  };
}

/** A set term's folded syllables with i/y made one, joined (memoised: the terms are the thesaurus's own). */
const foldedTermKeys = new Map<string, string>();
function foldedTermKey(term: string): string {
  let k = foldedTermKeys.get(term);
  if (k === undefined) {
    k = syl(foldText(term)).map(unifyIY).join(' ');
    if (foldedTermKeys.size < 100_000) foldedTermKeys.set(term, k);
  }
  return k;
}

/**
 * Find the thesaurus phrases in the tokens, longest first from left to right;
 * the words of a matched phrase are not matched again ("trung tâm phục vụ
 * hành chính công" is one phrase, not also "phục vụ" and "hành"), except by
 * a phrase of two syllables or more that starts inside it and reaches beyond
 * ("làm iso online": "làm iso", then "iso online"). A question
 * typed with diacritics is matched with diacritics ("tiền" is not "tiến");
 * one typed without, folded. A one-syllable phrase that forms a corpus word
 * with a neighbour ("hành" in "hành chính", "kiểm" in "kiểm soát") is part
 * of that word and is not expanded on its own (`pairKnown`: folded syllables
 * side by side in the corpus).
 */
export function matchThesaurus(
  tokens: readonly Token[],
  thesaurus: Thesaurus,
  isStopword: (t: Token) => boolean = () => false,
  pairKnown?: (left: string, right: string) => boolean,
): ThesaurusMatch[] {
  const accented = tokens.some((t) => hasDiacritics(t.word));
  const joined = (k: number) => (tokens[k - 1] as Token).after.trim() === '';
  const inWord = (i: number) => {
    if (!pairKnown) return false;
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    return (prev !== undefined && joined(i) && pairKnown(prev.fold, t.fold)) || (next !== undefined && joined(i + 1) && pairKnown(t.fold, next.fold));
  };
  const out: ThesaurusMatch[] = [];
  const keys = tokenKeys(tokens, accented);
  let coveredUntil = 0;
  for (let i = 0; i < tokens.length; i++) {
    const inside = i < coveredUntil;
    const candidates = thesaurus.byFirst.get(accented ? unifyIY((tokens[i] as Token).fold) : (keys.unified[i] as string));
    if (!candidates) continue;
    const alts = new Map<string, { weight: number; cover: number }>();
    let length = 0;
    let syllables = 0;
    for (const c of candidates) {
      const n = c.folded.length;
      if (syllables > 0 && n < syllables) break; // longest phrase at this position only
      if (n === 1 && inWord(i)) continue;
      const span = spanOf(keys, i, c, joined);
      if (span === 0 || (length > 0 && span !== length)) continue;
      length = span;
      syllables = n;
      const set = thesaurus.sets[c.set] as ThesaurusSet;
      const self = tokens
        .slice(i, i + span)
        .map((t) => t.word.toLowerCase())
        .join(' ');
      const selfFolded = c.folded.join(' ');
      // A one-word phrase ("tiền", "rác") is a looser clue than a longer one;
      // a phrase read across light words ("chấm điểm cho chính quyền") a little looser too.
      const loose = (n === 1 ? ONE_WORD_FACTOR : 1) * (span > n ? GAP_FACTOR : 1);
      const weight = set.weight * loose;
      const cover = coverCredit(set.weight) * loose;
      for (const t of set.terms) {
        if (t === self || foldedTermKey(t) === selfFolded) continue;
        const had = alts.get(t);
        alts.set(t, { weight: Math.max(had?.weight ?? 0, weight), cover: Math.max(had?.cover ?? 0, cover) });
      }
    }
    if (length === 0 || alts.size === 0) continue;
    // Inside an earlier phrase, only a phrase that reaches beyond it counts
    // ("làm iso" then "iso online" in "làm iso online").
    if (inside && (syllables < 2 || i + length <= coveredUntil)) continue;
    // Function words alone ("làm", "theo") are no evidence of a topic.
    if (tokens.slice(i, i + length).every(isStopword)) continue;
    out.push({
      source: tokens
        .slice(i, i + length)
        .map((t) => t.word.toLowerCase())
        .join(' '),
      start: i,
      end: i + length,
      alternatives: [...alts].map(([text, w]) => ({ text, ...w })).sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text)),
    });
    coveredUntil = i + length;
  }
  return out;
}
