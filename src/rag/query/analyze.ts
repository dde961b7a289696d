/**
 * Query understanding, one pipeline: normalise → expand chat abbreviations →
 * repair typos against the corpus vocabulary → strip discourse framing →
 * detect the answer type → expand with the thesaurus. The result is a typed
 * {@link QueryAnalysis} that the retriever consumes.
 */
import { foldText, hasDiacritics, normalizeText } from '../../text/normalize.js';
import { type ChatAbbreviations, expandAbbreviations } from '../../text/query/abbreviations.js';
import { type DiacriticModel, restoreDiacritics } from '../../text/query/diacritics.js';
import type { EverydayLexicon } from '../../text/query/everyday-lexicon.js';
import { FRAMING_WORDS, stripFraming } from '../../text/query/framing.js';
import { matchThesaurus, type Thesaurus, unifyIY } from '../../text/query/thesaurus.js';
import { fromTokens, type Token, toTokens } from '../../text/query/tokens.js';
import { type Expansion, ORIGIN_WEIGHT, type Rewrite, type WeightedTerm } from '../../text/query/types.js';
import { repairTypos } from '../../text/query/typos.js';
import type { CorpusVocabulary } from '../../text/query/vocabulary.js';
import { STOPWORDS_ACCENTED, STOPWORDS_FOLDED } from '../../text/stopwords.js';
import { detectIntent, type QueryIntent, stripFrame } from '../intent.js';

/** What the pipeline may use; every part is optional (a stage without its data is skipped). */
export interface QueryResources {
  abbreviations?: ChatAbbreviations;
  thesaurus?: Thesaurus;
  vocabulary?: CorpusVocabulary;
  /** Folded words that name something (glossary abbreviations, "khtc"): never typo-repaired. */
  reserved?: ReadonlySet<string>;
  /** The corpus's accented spellings and pairs: an unaccented question gets its marks back (src/text/query/diacritics.ts). */
  diacritics?: DiacriticModel;
  /** Known-good syllable pairs beyond the corpus ("bà con", "kết hôn"): never repaired (src/text/query/everyday-lexicon.ts). */
  everyday?: EverydayLexicon;
}

export interface QueryAnalysis {
  /** The question as received. */
  original: string;
  /** Abbreviations expanded, typos repaired, framing removed: what is searched. */
  cleaned: string;
  /** `cleaned` without the answer-type frame ("đơn vị nào", "khi nào"): what must be covered. */
  content: string;
  /** True when the question is treated as typed with diacritics (typed so, or restored). */
  accented: boolean;
  /**
   * Set when the question was typed without diacritics and they were
   * restored from the corpus's spellings: the question as typed (after chat
   * abbreviations and typo repair, folded). Everything after that stage
   * reads the restored text.
   */
  restoredFrom?: string;
  /** The answer type. */
  intent: QueryIntent;
  /** Greetings, self-introductions and particles that were removed. */
  framing: string[];
  /** Words replaced (chat abbreviations, typo fixes). */
  rewrites: Rewrite[];
  /** Spans of `content` with their weaker alternatives (thesaurus, ambiguous abbreviations). */
  expansions: Expansion[];
  /** Content words (origin user / abbreviation / typo-fix) and alternatives (thesaurus), weighted. */
  terms: WeightedTerm[];
  /**
   * Words of `content` (lower case, as written there) in an asker phrase of
   * the everyday lexicon ("bà con", "vợ chồng tôi"): who asks, not what
   * about; left out of the question's evidence like the everyday frame words.
   */
  askers?: string[];
}

/** Share of words written with diacritics above which a question counts as accented. */
const ACCENTED_SHARE = 0.25;
/** Weight of the meanings of an ambiguous abbreviation that were not chosen. */
const OTHER_MEANING_WEIGHT = 0.5;

function isAccented(tokens: readonly Token[], abbreviations?: ChatAbbreviations): boolean {
  const words = tokens.filter((t) => /\p{L}/u.test(t.word) && !abbreviations?.byForm.has(t.fold) && !abbreviations?.byForm.has(`a:${t.word.toLowerCase()}`));
  if (words.length === 0) return tokens.some((t) => hasDiacritics(t.word));
  return words.filter((t) => hasDiacritics(t.word)).length / words.length >= ACCENTED_SHARE;
}

const isStop = (t: Token, accented: boolean) => (accented ? STOPWORDS_ACCENTED.has(t.word.toLowerCase()) : STOPWORDS_FOLDED.has(t.fold));

/** Align the tokens of `content` (a subsequence of `cleaned`) with the cleaned tokens, keeping their origins. */
function align(content: string, cleaned: readonly Token[]): Token[] {
  const { tokens } = toTokens(content);
  let j = 0;
  return tokens.map((t) => {
    for (let k = j; k < cleaned.length; k++) {
      const c = cleaned[k] as Token;
      if (c.word === t.word) {
        j = k + 1;
        return c.origin ? { ...t, origin: c.origin } : t;
      }
    }
    return t;
  });
}

/** Analyse a question. Pure; deterministic; fast (no I/O). */
export function analyzeQuery(question: string, resources: QueryResources = {}): QueryAnalysis {
  const normalized = normalizeText(question).trim();
  const first = toTokens(normalized).tokens;
  let accented = isAccented(first, resources.abbreviations);
  // An unaccented question with a stray accented word is read as unaccented throughout
  // (its marks kept aside for diacritic restoration).
  let tokens = accented ? first : first.map((t) => (t.word === t.fold ? t : { ...t, word: t.fold, accent: t.word.toLowerCase() }));
  const rewrites: Rewrite[] = [];
  const expansions: Expansion[] = [];
  const vocab = resources.vocabulary;
  const pairKnown = vocab ? (l: string, r: string) => vocab.knowsPair(l, r) : undefined;

  if (resources.abbreviations) {
    const r = expandAbbreviations(tokens, resources.abbreviations, { accented, pairKnown });
    tokens = r.tokens;
    rewrites.push(...r.rewrites);
    for (const a of r.alternatives)
      expansions.push({ source: a.source, alternatives: [{ text: a.text, weight: OTHER_MEANING_WEIGHT, origin: 'abbreviation' }] });
  }
  if (vocab) {
    // Words written by the abbreviation stage keep their origin (repairTypos leaves them alone).
    // Everyday words of the thesaurus ("kêu", "xài") are words, not misspelt corpus words;
    // typed with marks, only as the thesaurus spells them ("nôp" is not "nộp" mistyped into a word).
    const th = resources.thesaurus;
    const everyday = (f: string, typed: string) =>
      th !== undefined && (hasDiacritics(typed) ? th.accentedSyllables.has(unifyIY(typed)) : th.syllables.has(unifyIY(f)));
    const protect = (f: string, typed: string) => STOPWORDS_FOLDED.has(f) || FRAMING_WORDS.has(f) || resources.reserved?.has(f) === true || everyday(f, typed);
    // An everyday word typed with marks as the thesaurus spells it ("cãi nhau") is that word, not a hỏi/ngã slip for a corpus word ("cải").
    const spelled = (typed: string) => th !== undefined && hasDiacritics(typed) && th.accentedSyllables.has(unifyIY(typed));
    // A pair typed as everyday Vietnamese writes it ("bà con", "ket hon") is left as typed.
    const ev = resources.everyday;
    const lexiconPair = ev
      ? accented
        ? (l: Token, r: Token) => ev.hasAccentedPair(l.word.toLowerCase(), r.word.toLowerCase())
        : (l: Token, r: Token) => ev.hasFoldedPair(l.fold, r.fold)
      : undefined;
    const r = repairTypos(tokens, vocab, { accented, protect, spelled, ...(lexiconPair ? { goodPair: lexiconPair } : {}) });
    tokens = r.tokens;
    rewrites.push(...r.rewrites);
  }
  let restoredFrom: string | undefined;
  if (!accented && resources.diacritics) {
    // Restored all or nothing; framing, the answer type, expansion and retrieval then read it as accented.
    const r = restoreDiacritics(tokens, resources.diacritics, resources.reserved ? { reserved: resources.reserved } : {});
    // Two readings of a typed pair, the corpus's and everyday Vietnamese's ("so do": "sơ đồ" or "sổ đỏ"):
    // the restoration would invent a corpus word, so the question stays as typed.
    if (r && r.changed > 0 && !(resources.everyday && contradictsLexicon(r.tokens, resources.everyday))) {
      restoredFrom = fromTokens(tokens);
      tokens = r.tokens;
      accented = true;
    }
  }
  const framed = stripFraming(tokens);
  tokens = framed.tokens;
  const cleaned = fromTokens(tokens) || normalized;
  const intent = detectIntent(cleaned);
  const content = stripFrame(cleaned, intent.kind) || cleaned;
  const contentTokens = align(content, tokens);

  const terms: WeightedTerm[] = [];
  for (const t of contentTokens) {
    if (!/\p{L}|\p{N}/u.test(t.word) || isStop(t, accented)) continue;
    const origin = t.origin ?? 'user';
    const text = t.word.toLowerCase();
    terms.push({ text, weight: ORIGIN_WEIGHT[origin], origin, source: text });
  }
  if (resources.thesaurus) {
    for (const m of matchThesaurus(contentTokens, resources.thesaurus, (t) => isStop(t, accented), pairKnown)) {
      expansions.push({ source: m.source, alternatives: m.alternatives.map((a) => ({ ...a, origin: 'thesaurus' as const })) });
      for (const a of m.alternatives) terms.push({ text: a.text, weight: a.weight, origin: 'thesaurus', source: m.source });
    }
  }
  for (const e of expansions) {
    if (e.alternatives[0]?.origin !== 'abbreviation') continue;
    for (const a of e.alternatives) terms.push({ text: a.text, weight: a.weight, origin: 'abbreviation', source: e.source });
  }
  const askers = resources.everyday ? askerWords(contentTokens, resources.everyday, accented) : [];
  return {
    original: question,
    cleaned,
    content,
    accented,
    ...(restoredFrom !== undefined ? { restoredFrom } : {}),
    intent,
    framing: framed.framing,
    rewrites,
    expansions,
    terms,
    ...(askers.length > 0 ? { askers } : {}),
  };
}

/** Whether a restored pair is a pair of the everyday lexicon's own phrases once folded, but spelt otherwise there ("sơ đồ" for "so do", "sổ đỏ"). */
function contradictsLexicon(tokens: readonly Token[], lexicon: EverydayLexicon): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const l = tokens[i] as Token;
    const r = tokens[i + 1] as Token;
    if (l.after.trim() !== '' || !/^\p{L}+$/u.test(l.word) || !/^\p{L}+$/u.test(r.word)) continue;
    if (lexicon.spelledOtherwise(l.word.toLowerCase(), r.word.toLowerCase())) return true;
  }
  return false;
}

/**
 * Folded words before a person who is the matter's beneficiary, not the asker
 * ("làm căn cước cho con nhỏ", "giấy tờ của ba mẹ"): that person is part of the topic.
 */
const FOR_SOMEONE = new Set(['cho', 'cua', 'giup', 'ho', 've', 'voi', 'thay']);

/** Lower-case words of adjacent token pairs that form an asker phrase of the lexicon (not after {@link FOR_SOMEONE}). */
function askerWords(tokens: readonly Token[], lexicon: EverydayLexicon, accented: boolean): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const l = tokens[i] as Token;
    const r = tokens[i + 1] as Token;
    if (l.after.trim() !== '') continue;
    const before = i > 0 ? tokens[i - 1] : undefined;
    if (before && before.after.trim() === '' && FOR_SOMEONE.has(before.fold) && !out.has(l.word.toLowerCase())) continue;
    const pair = accented ? lexicon.isAskerPair(l.word.toLowerCase(), r.word.toLowerCase(), false) : lexicon.isAskerPair(l.fold, r.fold, true);
    if (!pair) continue;
    out.add(l.word.toLowerCase());
    out.add(r.word.toLowerCase());
  }
  return [...out];
}

/** Folded syllables of a phrase (for matching expansions to query terms). */
export function foldedSyllables(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
