/**
 * Diacritic restoration from the corpus's own spellings. A question typed
 * without marks ("ho so nop o dau") is ambiguous syllable by syllable ("ho"
 * is hồ, hộ, hỗ, họ…), but the corpus writes its words one way: the accented
 * syllables it uses and the accented pairs it puts side by side ("hồ sơ")
 * choose, over the lattice of candidate spellings, the reading the sources
 * support (Viterbi on smoothed pair counts, the syllable's own share as the
 * fallback). All or nothing: the question is restored only when every
 * content syllable gets a confident spelling, or is a token the corpus only
 * writes bare (an abbreviation, a name); otherwise it stays as typed. What
 * the user typed with marks is kept, and numbers, dates and document numbers
 * are never touched.
 */
import { foldText, normalizeText } from '../normalize.js';
import { STOPWORDS_ACCENTED, STOPWORDS_FOLDED } from '../stopwords.js';
import type { Token } from './tokens.js';
import { isSyllableShape } from './typos.js';

/** One spelling of a folded syllable and how often the corpus writes it. */
export interface AccentedForm {
  form: string;
  count: number;
}

/** Accented syllables and accented adjacent pairs of a corpus, with counts. */
export interface DiacriticModel {
  /** Spellings (lower case) of a folded syllable, most frequent first; empty when unknown. */
  forms(folded: string): readonly AccentedForm[];
  /** How often two lower-case spellings stand side by side ("hồ sơ"). */
  pairCount(left: string, right: string): number;
  /** Whether a pair key ("hồ sơ") occurs (for {@link CorpusVocabulary.knowsAccentedPair}). */
  has(pair: string): boolean;
}

const SYLLABLE_WORD = /^\p{L}+$/u;

/**
 * Question phrasing the sources, written as statements, hardly contain
 * ("ở đâu", "là gì", "khi nào"): function words and question words next to
 * each other and to the commonest verbs, in the spelling every question uses.
 * Counted beside the corpus (see {@link PHRASING_COUNT}).
 */
const QUESTION_PHRASES: readonly string[] = [
  'là gì',
  'cái gì',
  'những gì',
  'làm gì',
  'cần gì',
  'gì không',
  'gì vậy',
  'ở đâu',
  'đi đâu',
  'về đâu',
  'từ đâu',
  'đâu ra',
  'đâu vậy',
  'khi nào',
  'lúc nào',
  'ngày nào',
  'tháng nào',
  'năm nào',
  'mục nào',
  'nào vậy',
  'như thế nào',
  'thế nào',
  'ra sao',
  'làm sao',
  'vì sao',
  'tại sao',
  'bao nhiêu',
  'bao lâu',
  'bao giờ',
  'mấy ngày',
  'mấy năm',
  'mấy lần',
  'được không',
  'có không',
  'không vậy',
  'phải không',
  'có phải',
  'có được',
  'có thể',
  'còn được',
  'được nữa',
  'nữa không',
  'rồi thì',
  'thì sao',
  'thì làm',
  'là ai',
  'cho ai',
  'của ai',
  'ai là',
  'ai làm',
  'cần những',
  'có những',
  'gồm những',
  'những ai',
  'muốn hỏi',
  'xin hỏi',
  'cho hỏi',
  'cho biết',
];

/** Pseudo-count of a phrase of {@link QUESTION_PHRASES} or of the query-side knowledge (thesaurus, chat abbreviations). */
const PHRASING_COUNT = 2;

/** Web addresses: their words are letters of a path, not spellings ("tin-tuc", "dang-nhap"). */
const ADDRESS = /\S*(?:https?:\/\/|www\.)\S*|\S+\.(?:vn|com|net|org)\S*/giu;

/**
 * The corpus side of a {@link DiacriticModel}: how often each lower-case
 * syllable is written and how often each adjacent pair (keyed as
 * `accentedPairsOf` keys them). Counts add up over texts, so a snapshot keeps
 * them and an update adds its new chunks' counts and takes away its removed
 * ones' ({@link addSpellingCounts}).
 */
export interface SpellingCounts {
  syllables: Map<string, number>;
  pairs: Map<string, number>;
}

const segmentsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}\s]+/u);

function countPairs(text: string, into: Map<string, number>, n: number): void {
  for (const segment of segmentsOf(text)) {
    const w = segment.split(/\s+/).filter(Boolean);
    for (let i = 0; i + 1 < w.length; i++) {
      const k = `${w[i]} ${w[i + 1]}`;
      into.set(k, (into.get(k) ?? 0) + n);
    }
  }
}

/** Spellings: syllables only, web addresses left out. */
function countSyllables(text: string, into: Map<string, number>, n: number): void {
  for (const segment of segmentsOf(text.replace(ADDRESS, ' . ')))
    for (const w of segment.split(/\s+/)) if (w && SYLLABLE_WORD.test(w)) into.set(w, (into.get(w) ?? 0) + n);
}

/** Add (`sign` 1) or take away (`sign` -1) the counts of texts; a count that falls to 0 is removed. */
export function addSpellingCounts(counts: SpellingCounts, texts: Iterable<string>, sign: 1 | -1 = 1): SpellingCounts {
  for (const t of texts) {
    const norm = normalizeText(t);
    countPairs(norm, counts.pairs, sign);
    countSyllables(norm, counts.syllables, sign);
  }
  if (sign < 0) for (const m of [counts.pairs, counts.syllables]) for (const [k, v] of m) if (v <= 0) m.delete(k);
  return counts;
}

/** The {@link SpellingCounts} of texts (lower case; pairs do not cross punctuation; spellings leave web addresses out). */
export function countSpellings(texts: Iterable<string>): SpellingCounts {
  return addSpellingCounts({ syllables: new Map(), pairs: new Map() }, texts);
}

/**
 * Count the accented syllables and pairs of texts (see {@link countSpellings}).
 * `phrasing`: accented phrases people type that the sources may not hold (the
 * thesaurus's everyday words, the chat abbreviations' meanings); they and
 * {@link QUESTION_PHRASES} count {@link PHRASING_COUNT} each, for the spelling
 * choice only ({@link DiacriticModel.has} answers for the corpus alone, as
 * `accentedPairsOf` would).
 */
export function buildDiacriticModel(texts: Iterable<string>, phrasing: Iterable<string> = []): DiacriticModel {
  return diacriticModelOf(countSpellings(texts), phrasing);
}

/** The model of a corpus's counts (not changed) and the phrasing of {@link buildDiacriticModel}. */
export function diacriticModelOf(corpus: SpellingCounts, phrasing: Iterable<string> = []): DiacriticModel {
  const unigrams = new Map(corpus.syllables);
  // The corpus's pairs, keyed as accentedPairsOf keys them (one map serves typo repair and the counts);
  // the phrasing's pairs apart, so that `has` answers for the corpus alone.
  const corpusPairs = corpus.pairs;
  const phrasingPairs = new Map<string, number>();
  for (const t of [...QUESTION_PHRASES, ...phrasing]) {
    const norm = normalizeText(t);
    countPairs(norm, phrasingPairs, PHRASING_COUNT);
    countSyllables(norm, unigrams, PHRASING_COUNT);
  }
  const byFold = new Map<string, AccentedForm[]>();
  for (const [form, c] of unigrams) {
    const f = foldText(form);
    const list = byFold.get(f);
    if (list) list.push({ form, count: c });
    else byFold.set(f, [{ form, count: c }]);
  }
  for (const list of byFold.values()) list.sort((a, b) => b.count - a.count || a.form.localeCompare(b.form));
  return {
    forms: (folded) => byFold.get(folded) ?? [],
    pairCount: (l, r) => {
      const k = `${l} ${r}`;
      return (corpusPairs.get(k) ?? 0) + (phrasingPairs.get(k) ?? 0);
    },
    has: (pair) => corpusPairs.has(pair),
  };
}

/** Spellings considered per syllable (the rest are too rare to matter). */
const MAX_FORMS = 8;
/** Smoothing of pair counts towards the syllable's own share (in pseudo-counts). */
const SMOOTHING = 1;
/** A spelling without pair support is confident only when it has this share of its folded syllable. */
const DOMINANT_SHARE = 0.9;
/** A spelling with pair support must have this many times the support of the next spelling. */
const SUPPORT_RATIO = 2;
/** The same, for a content reading of a syllable that is a function word as well ("về đấu" over "về đâu"). */
const OVER_FUNCTION_RATIO = 4;

/** Folded syllable → its spellings that are function words ("co" → "có", "nao" → "nào"). */
const STOP_SPELLINGS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const w of STOPWORDS_ACCENTED) {
    if (!SYLLABLE_WORD.test(w)) continue;
    const f = foldText(w);
    m.set(f, [...(m.get(f) ?? []), w]);
  }
  return m;
})();

/** One position of the lattice: its candidate spellings, or a fixed word. */
interface Slot {
  /** Candidate spellings (lower case) with their share of the folded syllable. */
  forms: Array<{ form: string; count: number; share: number }>;
  /** Fixed as typed (user's marks, a bare-only token): the only candidate. */
  fixed: boolean;
  /** Stopword: restored when possible, but never blocks the restoration. */
  stop: boolean;
  /** The spellings that are function words ("có" of "co"): a stopword's fallback; a content reading must beat them on pairs. */
  stopForms: readonly string[];
  /** Not a syllable (digits, joiners): never rewritten. */
  verbatim?: boolean;
}

export interface RestoreOptions {
  /** Folded words that name something (glossary abbreviations): kept as typed when the corpus does not know them. */
  reserved?: ReadonlySet<string>;
  /** Told which word kept the question from being restored, and why (diagnostics). */
  onBlock?: (word: string, reason: 'unknown' | 'unsure') => void;
}

/** The result of {@link restoreDiacritics}. */
export interface Restoration {
  tokens: Token[];
  /** Number of words whose spelling changed. */
  changed: number;
}

/**
 * Restore the marks of a question typed (mostly) without them. Tokens that
 * carry a mark are kept as typed; tokens with digits or joiners ("2025",
 * "01/7/2025", "845/QĐ-UBND") are kept and break the chain of pairs; a token
 * with `accent` (a chat abbreviation's meaning) takes that spelling.
 * @returns the restored tokens, or undefined when some content syllable has
 *   no confident spelling (the caller keeps the question as typed)
 */
export function restoreDiacritics(tokens: readonly Token[], model: DiacriticModel, options: RestoreOptions = {}): Restoration | undefined {
  const found = tokens.map((t) => slotOf(t, model, options));
  const unknown = found.findIndex((s) => s === null);
  if (unknown >= 0) {
    options.onBlock?.((tokens[unknown] as Token).word, 'unknown');
    return undefined;
  }
  const slots = found as Array<Slot | undefined>;
  const choice: Array<string | undefined> = new Array(tokens.length).fill(undefined);
  // Chains: runs of word slots joined by spaces only.
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const breaks = slots[i] === undefined || t.after.trim() !== '' || i === tokens.length - 1 || slots[i + 1] === undefined;
    if (slots[i] === undefined) {
      start = i + 1;
      continue;
    }
    if (breaks) {
      const picked = viterbi(slots.slice(start, i + 1) as Slot[], model);
      picked.forEach((p, k) => {
        choice[start + k] = p;
      });
      start = i + 1;
    }
  }
  // Confidence: every content syllable. A function word keeps its function-word spelling
  // unless the corpus clearly reads it as a content word there ("đầu mối", not "đâu mối").
  for (let i = 0; i < tokens.length; i++) {
    const s = slots[i];
    if (!s || s.fixed) continue;
    // A function word, or a syllable that may be one ("co": có or cơ), that the corpus cannot place
    // takes its function-word spelling; the questions people type are full of them.
    if (s.stop || s.stopForms.length > 0) {
      if (
        !s.stopForms.includes(choice[i] as string) &&
        !(confident(i, s, choice, slots, tokens, model, OVER_FUNCTION_RATIO) && keepsContent(i, s, choice, slots, tokens, model))
      )
        choice[i] = s.stopForms[0];
      continue;
    }
    if (!confident(i, s, choice, slots, tokens, model)) {
      options.onBlock?.((tokens[i] as Token).word, 'unsure');
      return undefined;
    }
  }
  let changed = 0;
  const out = tokens.map((t, i) => {
    const c = choice[i];
    if (c === undefined || slots[i]?.verbatim || c === t.word.toLowerCase()) return { ...t };
    changed++;
    const word = /^\p{Lu}/u.test(t.word) ? c.charAt(0).toUpperCase() + c.slice(1) : c;
    const copy: Token = { ...t, word, fold: foldText(word) };
    delete copy.accent;
    return copy;
  });
  return { tokens: out, changed };
}

/** The slot of a token: undefined for a non-word (digits, joiners), null when the word blocks restoration. */
function slotOf(t: Token, model: DiacriticModel, options: RestoreOptions): Slot | undefined | null {
  const typed = t.word.toLowerCase();
  // Numbers, dates, document numbers: kept exactly as typed, still a neighbour ("mức 2", "năm 2019").
  if (!SYLLABLE_WORD.test(typed)) return { forms: [{ form: typed, count: 1, share: 1 }], fixed: true, stop: false, stopForms: [], verbatim: true };
  const stop = STOPWORDS_FOLDED.has(t.fold);
  const stopForms = STOP_SPELLINGS.get(t.fold) ?? [];
  const known = model.forms(t.fold);
  // Function-word spellings are candidates even where the sources never write them.
  const all = [...known, ...stopForms.filter((w) => !known.some((f) => f.form === w)).map((form) => ({ form, count: 1 }))];
  // The user's marks, or a chat abbreviation's meaning: kept when the corpus writes that spelling (or nothing else).
  const marked = t.accent ?? (typed !== t.fold ? typed : undefined);
  const fixedForm = marked !== undefined && (all.length === 0 || all.some((f) => f.form === marked)) ? marked : undefined;
  if (fixedForm !== undefined)
    return { forms: [{ form: fixedForm, count: all.find((f) => f.form === fixedForm)?.count ?? 1, share: 1 }], fixed: true, stop, stopForms };
  if (all.length === 0) {
    // A name the glossary knows, or a function word: kept as typed. Anything else is unknown.
    // A name the glossary knows, or a word no Vietnamese syllable spells ("online", "dvc"): kept as typed.
    if (options.reserved?.has(t.fold) || !isSyllableShape(t.fold)) return { forms: [{ form: typed, count: 1, share: 1 }], fixed: true, stop, stopForms };
    return null;
  }
  const total = all.reduce((n, f) => n + f.count, 0);
  const top = all.slice(0, MAX_FORMS);
  for (const w of stopForms) if (!top.some((f) => f.form === w)) top.push(all.find((f) => f.form === w) as AccentedForm);
  const forms = top.map((f) => ({ ...f, share: f.count / total }));
  return { forms, fixed: forms.length === 1, stop, stopForms };
}

/** Smoothed log-probability of `right` after `left`. */
function transition(model: DiacriticModel, left: { form: string; count: number }, right: { form: string; share: number }): number {
  return Math.log((model.pairCount(left.form, right.form) + SMOOTHING * right.share) / (left.count + SMOOTHING));
}

/** The best spelling of each slot of a chain. */
function viterbi(chain: readonly Slot[], model: DiacriticModel): string[] {
  const first = chain[0] as Slot;
  let scores = first.forms.map((f) => Math.log(f.share));
  const back: number[][] = [];
  for (let k = 1; k < chain.length; k++) {
    const prev = chain[k - 1] as Slot;
    const cur = chain[k] as Slot;
    const next: number[] = [];
    const from: number[] = [];
    for (const c of cur.forms) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      prev.forms.forEach((p, j) => {
        const s = (scores[j] as number) + transition(model, p, c);
        if (s > best) {
          best = s;
          arg = j;
        }
      });
      next.push(best);
      from.push(arg);
    }
    scores = next;
    back.push(from);
  }
  let arg = 0;
  scores.forEach((s, j) => {
    if (s > (scores[arg] as number)) arg = j;
  });
  const out: string[] = new Array(chain.length);
  for (let k = chain.length - 1; k >= 0; k--) {
    out[k] = ((chain[k] as Slot).forms[arg] as { form: string }).form;
    if (k > 0) arg = (back[k - 1] as number[])[arg] as number;
  }
  return out;
}

/** Whether the syllable at `k` is a neighbour of the one at `i` with a slot, written without a separator between them. */
function joinedTo(i: number, k: number, slots: ReadonlyArray<Slot | undefined>, tokens: readonly Token[]): boolean {
  return k >= 0 && k < tokens.length && slots[k] !== undefined && (tokens[Math.min(i, k)] as Token).after.trim() === '';
}

/**
 * A content reading of a syllable that is also a function word ("co": cơ or
 * có) must pair with the content word after it, and with each neighbour the
 * function reading pairs with: "đoàn cơ sở" is a word, while "công đoàn có
 * phải", "cấp huyện thì nộp" put a function word between words that each
 * pair with one side only. (A content word before it need not pair: "tố cáo
 * tối đa" starts a new word.)
 */
function keepsContent(
  i: number,
  slot: Slot,
  choice: ReadonlyArray<string | undefined>,
  slots: ReadonlyArray<Slot | undefined>,
  tokens: readonly Token[],
  model: DiacriticModel,
): boolean {
  if (slot.stop) return true;
  const c = choice[i] as string;
  const sides: Array<[number, (n: string, f: string) => number]> = [
    [i - 1, (n, f) => model.pairCount(n, f)],
    [i + 1, (n, f) => model.pairCount(f, n)],
  ];
  for (const [k, pair] of sides) {
    const n = slots[k];
    if (n === undefined || !joinedTo(i, k, slots, tokens) || n.verbatim) continue;
    const word = choice[k] as string;
    if (pair(word, c) > 0) continue;
    if ((!n.stop && k > i) || slot.stopForms.some((f) => pair(word, f) > 0)) return false;
  }
  return true;
}

/**
 * Whether the chosen spelling of a content syllable is confident: the
 * corpus writes it beside a chosen neighbour clearly more often than any
 * other spelling there, or, without such support, it dominates its folded
 * syllable.
 */
function confident(
  i: number,
  slot: Slot,
  choice: ReadonlyArray<string | undefined>,
  slots: ReadonlyArray<Slot | undefined>,
  tokens: readonly Token[],
  model: DiacriticModel,
  ratio = SUPPORT_RATIO,
): boolean {
  const chosen = choice[i] as string;
  const hasLeft = joinedTo(i, i - 1, slots, tokens);
  const hasRight = joinedTo(i, i + 1, slots, tokens);
  const left = hasLeft ? choice[i - 1] : undefined;
  const right = hasRight ? choice[i + 1] : undefined;
  const support = (f: string) => (left !== undefined ? model.pairCount(left, f) : 0) + (right !== undefined ? model.pairCount(f, right) : 0);
  const own = support(chosen);
  let other = 0;
  for (const f of slot.forms) if (f.form !== chosen) other = Math.max(other, support(f.form));
  if (own > 0 && own >= ratio * other) return true;
  // Without pairs, a dominant spelling, only beside function words or alone: next to a content word
  // the corpus never pairs with it in any spelling, the two are a word the sources lack ("kết hôn").
  // Never over a function-word reading ("cải" is not "cái" by frequency alone).
  const contentNeighbour = (hasLeft && !(slots[i - 1] as Slot).stop) || (hasRight && !(slots[i + 1] as Slot).stop);
  const share = slot.forms.find((f) => f.form === chosen)?.share ?? 0;
  return other === 0 && !contentNeighbour && share >= DOMINANT_SHARE && slot.stopForms.every((w) => w === chosen);
}
