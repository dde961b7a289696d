/**
 * Typo repair against the corpus vocabulary. Only words the corpus does not
 * know are touched: an unknown syllable is replaced by a known one a single
 * edit away (tone-insensitive: distances are measured on folded forms), and
 * in a question typed with diacritics, a syllable whose accented form is
 * unknown gets the corpus's accents. A fix must form a known syllable pair
 * with a neighbour, unless the word stands alone or cannot be a Vietnamese
 * syllable at all ("mạg", "bnah"): then the closest known syllable is taken.
 * Two more kinds of chat typing are undone: a telex tone key left at the end
 * of a word ("hienj" → "hiện", "dichj" → "dịch"), and words typed together
 * ("hoso" → "hồ sơ", "dichvucong" → "dịch vụ công"), split only into
 * syllables the corpus knows side by side.
 */
import { foldText } from '../normalize.js';
import { type Token, tokenLike } from './tokens.js';
import { hasToneMark, hoiNgaSwap, toneOf, withoutTone } from './tones.js';
import type { Rewrite } from './types.js';
import type { CorpusVocabulary } from './vocabulary.js';

const WORD = /^\p{L}+$/u;
/** How much more often the marked spelling must occur than a markless one to replace it. */
const BARE_RATIO = 4;
/**
 * Share of the corpus's chunks below which a markless spelling the corpus
 * never writes still counts as rare, not absent: in a large corpus a marked
 * spelling found in a handful of chunks ("tả", "mô tả") does not dominate a
 * markless word ("người ta") that the sources simply do not use.
 */
const BARE_SHARE = 0.002;
/**
 * The same, when the marked spelling forms a known pair with a neighbour and
 * the markless one does not ("thủ tuc" → "thủ tục"): the pair is evidence of
 * its own, and markless copies in web addresses ("tin-tuc") inflate the other.
 */
const PAIRED_RATIO = 2;
const MIN_LENGTH = 3;

/**
 * Repair the tokens.
 * @param accented the question is typed with diacritics (fixes are written accented)
 * @param protect words never to turn into other words (e.g. stopwords, chat expansions), given folded and as typed (lower case); an i/y spelling of the same word ("ki" → "ky") is still written the corpus's way
 */
export function repairTypos(
  tokens: readonly Token[],
  vocab: CorpusVocabulary,
  options: {
    accented: boolean;
    protect?: (folded: string, typed: string) => boolean;
    /** A word typed with marks exactly as a word list spells it ("cãi" of "cãi nhau"): its tone is no slip. */
    spelled?: (typed: string) => boolean;
    /**
     * Two words as typed, side by side, that are valid Vietnamese though the
     * corpus lacks them ("bà con", "con gái"; src/text/query/everyday-lexicon.ts):
     * neither is repaired.
     */
    goodPair?: (left: Token, right: Token) => boolean;
  },
): { tokens: Token[]; rewrites: Rewrite[] } {
  const out: Token[] = tokens.map((t) => ({ ...t }));
  const rewrites: Rewrite[] = [];
  const words = out.filter((t) => WORD.test(t.word));
  const alone = words.length === 1;
  /** Words split apart, by token index (applied after the loop so indices stay put). */
  const splits = new Map<number, Token[]>();
  out.forEach((t, i) => {
    // Words written by an earlier stage (chat abbreviations) are known words.
    if (!WORD.test(t.word) || t.origin) return;
    // A known-good pair as typed: a word the corpus lacks, not a misspelt corpus word.
    if (options.goodPair && goodNeighbour(tokens, i, options.goodPair)) return;
    // A protected word (a stopword, a framing word) only gets its marks back
    // where a neighbour shows which word it is ("nộp ho sơ" → "hồ").
    const guarded = options.protect?.(t.fold, t.word.toLowerCase()) ?? false;
    const left = i > 0 && out[i - 1]?.after.trim() === '' ? out[i - 1]?.fold : undefined;
    const right = t.after.trim() === '' ? out[i + 1]?.fold : undefined;
    const anchored = (k: number) => {
      const l = left !== undefined ? out[k - 1] : undefined;
      const r = right !== undefined ? out[k + 1] : undefined;
      const ok = (n: Token | undefined, pair: boolean) => n !== undefined && pair && vocab.knowsAccented(n.word.toLowerCase());
      return ok(l, l !== undefined && vocab.knowsPair(l.fold, t.fold)) || ok(r, r !== undefined && vocab.knowsPair(t.fold, r.fold));
    };
    const leftWord = left !== undefined ? out[i - 1]?.word.toLowerCase() : undefined;
    const rightWord = right !== undefined ? out[i + 1]?.word.toLowerCase() : undefined;
    /** The accented spelling of a folded syllable that reads best here. */
    const spell = (w: string, forms = vocab.accentedForms(w)) => accentIn(t.word, forms, leftWord, rightWord, vocab) ?? w;
    const pairs = (w: string) => (left !== undefined && vocab.knowsPair(left, w) ? 1 : 0) + (right !== undefined && vocab.knowsPair(w, right) ? 1 : 0);
    /**
     * Support of a replacement for an unknown word. A neighbour typed with
     * marks supports only through an accented pair: folded pairs mix words
     * ("máy móc" must not become "máy một" because "mấy một" is a folded pair).
     */
    const typedTone = toneOf(t.word);
    const support = (w: string) => {
      if (!options.accented) return pairs(w);
      // A slip of the fingers changes letters, rarely the tone as well: a
      // word typed with a tone is replaced only by a spelling with that tone
      // ("móc" is not "một", however often "máy một" occurs).
      const forms = vocab.accentedForms(w).filter((f) => typedTone === '' || toneOf(f) === typedTone);
      let n = 0;
      if (left !== undefined && leftWord !== undefined) {
        const ok = leftWord !== left ? forms.some((f) => vocab.knowsAccentedPair(leftWord, f)) : vocab.knowsPair(left, w);
        if (ok) n++;
      }
      if (right !== undefined && rightWord !== undefined) {
        const ok = rightWord !== right ? forms.some((f) => vocab.knowsAccentedPair(f, rightWord)) : vocab.knowsPair(w, right);
        if (ok) n++;
      }
      return n;
    };
    if (guarded) {
      // The same word in the corpus's i/y spelling is not another word.
      const sameWord = spellingVariant(t.word.toLowerCase(), options.accented, vocab);
      if (sameWord) {
        rewrites.push({ from: t.word, to: sameWord, origin: 'typo-fix' });
        out[i] = tokenLike(sameWord, t.after, 'typo-fix');
        return;
      }
      // Hỏi for ngã (or back) on a function word the corpus never writes that way ("nhửng" → "những",
      // "củng" → "cũng"): the classic spelling slip, and a function word's spellings are all in the corpus.
      const typedWord = t.word.toLowerCase();
      const swapped = options.accented && !vocab.knowsAccented(typedWord) && options.spelled?.(typedWord) !== true ? hoiNgaSwap(typedWord) : undefined;
      if (swapped && vocab.knowsAccented(swapped)) {
        rewrites.push({ from: t.word, to: swapped, origin: 'typo-fix' });
        out[i] = tokenLike(swapped, t.after, 'typo-fix');
        return;
      }
      if (!options.accented || !bareBesideAccented(t.word, leftWord, rightWord, vocab)) return;
      const fixedBare = spell(
        t.fold,
        vocab.accentedForms(t.fold).filter((a) => a !== t.fold),
      );
      if (fixedBare === t.word.toLowerCase()) return;
      rewrites.push({ from: t.word, to: fixedBare, origin: 'typo-fix' });
      out[i] = tokenLike(fixedBare, t.after, 'typo-fix');
      return;
    }
    let fixed: string | undefined;
    const variant = spellingVariant(t.word.toLowerCase(), options.accented, vocab);
    const telex = variant ? undefined : telexLeftover(t.word.toLowerCase(), options.accented, vocab, spell);
    const teen = variant || telex || vocab.knows(t.fold) ? undefined : teenSpelling(t.fold, vocab);
    const parts = variant || telex || teen || vocab.knows(t.fold) ? undefined : splitRunTogether(t.fold, vocab);
    if (variant) {
      fixed = variant;
    } else if (teen) {
      // The letters as chat spells them ("fí" → "phí"); the typed marks choose the spelling.
      const typed = t.word.toLowerCase().normalize('NFD');
      const marks = marksOf(typed);
      const forms = vocab.accentedForms(teen);
      const sameMarks = forms.filter((f) => marksOf(f) === marks);
      // Without a corpus spelling with those marks, the user's own marks on the undone letters ("kái" → "cái").
      fixed = options.accented ? (sameMarks.length ? spell(teen, sameMarks) : undoTeen(typed).normalize('NFC')) : teen;
    } else if (telex) {
      fixed = telex;
    } else if (parts) {
      const written = options.accented ? accentRun(parts, leftWord, rightWord, vocab) : parts;
      splits.set(
        i,
        written.map((w, k) => tokenLike(w, k === written.length - 1 ? t.after : ' ', 'typo-fix')),
      );
      rewrites.push({ from: t.word, to: written.join(' '), origin: 'typo-fix' });
      return;
    } else if (!vocab.knows(t.fold)) {
      if (t.fold.length < MIN_LENGTH) return;
      // A word that cannot be a Vietnamese syllable is a typo for sure; a
      // well-formed unknown one may be a word the corpus lacks, so it is
      // changed only with a neighbour's support.
      const malformed = !isSyllableShape(t.fold);
      const scored = vocab
        .neighbours(t.fold)
        // Typos rarely hit the first letter: keep it (or its swap with the second).
        .filter((w) => w[0] === t.fold[0] || (w[0] === t.fold[1] && w[1] === t.fold[0]))
        .map((w) => ({ w, pairs: support(w), freq: vocab.frequency(w), edit: editRank(t.fold, w) }))
        .filter((c) => c.pairs > 0 || alone || malformed)
        .sort((a, b) => b.pairs - a.pairs || a.edit - b.edit || b.freq - a.freq || a.w.localeCompare(b.w));
      const best = scored[0];
      if (!best) return;
      fixed = options.accented ? spell(best.w) : best.w;
    } else if (options.accented && (!vocab.knowsAccented(t.word.toLowerCase()) || bareBesideAccented(t.word, leftWord, rightWord, vocab))) {
      // Known without accents, unknown as typed: a missing or wrong tone mark.
      // Typed with no marks at all and the corpus spells it one way ("nop" is "nộp"): no neighbour needed.
      // So does one typed with its shape marks but no tone ("nôp" when the corpus writes "nộp").
      const lower = t.word.toLowerCase();
      const toneOnly = !hasToneMark(lower) && withoutTone(vocab.accentedForms(t.fold)[0] ?? '') === lower;
      if (pairs(t.fold) === 0 && !alone && !((lower === t.fold || toneOnly) && dominantForm(t.fold, vocab))) return;
      // A tone mark the user did type is changed only beside a word typed
      // right that forms a known pair with it ("hồ sợ" → "hồ sơ"); two
      // unknown words side by side are another word ("sổ đỏ" is not "số đó").
      // A capitalised word ("Phó Giám đốc") is a title or a name: its tone is kept.
      if (hasToneMark(t.word) && ((!alone && !anchored(i)) || /^\p{Lu}/u.test(t.word))) return;
      // Only a spelling with diacritics is a fix ("hom" from a web address is not).
      const forms = vocab.accentedForms(t.fold).filter((a) => a !== t.fold);
      fixed = forms.length ? spell(t.fold, forms) : undefined;
    }
    if (!fixed || fixed === t.word.toLowerCase()) return;
    rewrites.push({ from: t.word, to: fixed, origin: 'typo-fix' });
    out[i] = tokenLike(fixed, t.after, 'typo-fix');
  });
  return { tokens: splits.size ? out.flatMap((t, i) => splits.get(i) ?? [t]) : out, rewrites };
}

/** Whether the token at `i`, as typed, forms a known-good pair with a word typed right beside it. */
function goodNeighbour(tokens: readonly Token[], i: number, good: (left: Token, right: Token) => boolean): boolean {
  const t = tokens[i] as Token;
  const left = i > 0 ? tokens[i - 1] : undefined;
  const right = tokens[i + 1];
  const word = (n: Token | undefined): n is Token => n !== undefined && WORD.test(n.word);
  return (word(left) && left.after.trim() === '' && good(left, t)) || (word(right) && t.after.trim() === '' && good(t, right));
}

// === Shapes of Vietnamese syllables (folded)

/** Onset, vowel nucleus and coda of a folded Vietnamese syllable. */
const SYLLABLE =
  /^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?(uye|uya|oai|oay|uay|uoi|uou|ieu|yeu|uyu|oeo|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|ua|a|e|i|o|u|y)(ch|ng|nh|[cmnpt])?$/;

/**
 * Whether a folded word has the shape of a Vietnamese syllable (onset,
 * vowels, coda). "mag", "bnah", "hoso" do not; "cap" does, even if unknown.
 */
export function isSyllableShape(folded: string): boolean {
  return SYLLABLE.test(folded);
}

/**
 * The accented spelling that dominates a folded syllable in the corpus (the
 * only one, or at least {@link BARE_RATIO} times as frequent as the next).
 */
function dominantForm(folded: string, vocab: CorpusVocabulary): boolean {
  const forms = vocab.accentedForms(folded).filter((f) => f !== folded);
  const [first, second] = forms.map((f) => vocab.accentedFrequency(f));
  return first !== undefined && (second === undefined || first >= BARE_RATIO * second);
}

/** The combining marks of a word, in order ("phí" → the acute accent). */
function marksOf(word: string): string {
  return [...word.normalize('NFD')].filter((c) => c >= '\u0300' && c <= '\u036f').join('');
}

/** Chat spellings of Vietnamese letters: "fí" (phí), "wá" (quá), "zậy" (vậy/dậy), "jờ" (giờ), "kái" (cái), "dzô" (dô). */
const TEEN_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/^f/, 'ph'],
  [/^w/, 'qu'],
  [/^j/, 'gi'],
  [/^dz/, 'd'],
  [/^z/, 'd'],
  [/^z/, 'v'],
  [/^z/, 'gi'],
  [/^k(?=[aou])/, 'c'],
  [/k$/, 'c'],
  [/k$/, 'ch'],
  [/(?<=[aeiouy])j$/, 'i'],
];

/** An unknown folded word that is a known syllable once chat spellings are undone, or undefined. */
function teenSpelling(folded: string, vocab: CorpusVocabulary): string | undefined {
  for (const [re, to] of TEEN_SPELLINGS) {
    if (!re.test(folded)) continue;
    const w = folded.replace(re, to);
    if (vocab.knows(w) && isSyllableShape(w)) return w;
  }
  return undefined;
}

/** The first chat spelling that applies, undone on the typed (decomposed) word, marks kept. */
function undoTeen(typedNfd: string): string {
  const base = typedNfd.replace(/[\u0300-\u036f]/gu, '');
  for (const [re, to] of TEEN_SPELLINGS) if (re.test(base)) return typedNfd.replace(re, to);
  return typedNfd;
}

/** Telex tone keys and the combining mark each one types. */
const TELEX_TONE: Readonly<Record<string, string>> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };

/**
 * A telex tone key left after a word ("hienj", "dichj", "thuf"): the word
 * without it, with that tone when the question is accented and the corpus
 * knows the result. Only when the word as typed is unknown and the stem is known.
 */
function telexLeftover(word: string, accented: boolean, vocab: CorpusVocabulary, spell: (w: string, forms: readonly string[]) => string): string | undefined {
  const key = word[word.length - 1] ?? '';
  const mark = TELEX_TONE[key];
  const stem = word.slice(0, -1);
  const stemFold = foldText(stem);
  if (!mark || stem.length < 2 || vocab.knows(foldText(word)) || !vocab.knows(stemFold) || !isSyllableShape(stemFold)) return undefined;
  if (!accented) return stemFold;
  // The spellings with the tone the key types (shape marks may be missing too: "hienj" is "hiện").
  const toned = vocab.accentedForms(stemFold).filter((f) => f.normalize('NFD').includes(mark));
  return toned.length ? spell(stemFold, toned) : spell(stemFold, vocab.accentedForms(stemFold));
}

/**
 * A syllable typed without any mark in an accented question ("nộp ho sơ"),
 * or with marks the corpus never has ("nhửng chỉ số"), that forms no known
 * accented pair with its neighbours as typed, while
 * a spelling with marks does form a known accented pair with one of them.
 */
function bareBesideAccented(word: string, left: string | undefined, right: string | undefined, vocab: CorpusVocabulary): boolean {
  const w = word.toLowerCase();
  // Typed bare, or with marks the corpus never has ("nhửng"): a neighbour decides.
  if ((w !== foldText(w) && vocab.knowsAccented(w)) || (left === undefined && right === undefined)) return false;
  const pairs = (f: string) => (left !== undefined && vocab.knowsAccentedPair(left, f)) || (right !== undefined && vocab.knowsAccentedPair(f, right));
  if (pairs(w)) return false;
  // A markless word the corpus uses a lot is a word of its own ("do", "la"), not missing marks.
  const own = vocab.accentedFrequency(w);
  const forms = vocab.accentedForms(w).filter((f) => f !== w);
  if (forms.some((f) => pairs(f) && vocab.accentedFrequency(f) >= PAIRED_RATIO * own)) return true;
  // No neighbour to tell: only a spelling that dominates the corpus ("nop" is "nộp").
  const first = vocab.accentedFrequency(forms[0] ?? '');
  return w === foldText(w) && first >= BARE_RATIO * Math.max(1, own, vocab.chunks * BARE_SHARE) && dominantForm(w, vocab);
}

/**
 * The spelling among `forms` that reads best between two accented
 * neighbours: one that forms a known accented pair with a neighbour, else
 * the one nearest to what was typed (most frequent first on ties).
 */
function accentIn(typed: string, forms: readonly string[], left: string | undefined, right: string | undefined, vocab: CorpusVocabulary): string | undefined {
  const paired = forms.filter((f) => (left !== undefined && vocab.knowsAccentedPair(left, f)) || (right !== undefined && vocab.knowsAccentedPair(f, right)));
  return closestSpelling(typed, paired.length ? paired : forms);
}

/** Accented spellings of syllables split apart, chosen so that they form known accented pairs. */
function accentRun(parts: readonly string[], left: string | undefined, right: string | undefined, vocab: CorpusVocabulary): string[] {
  const options = parts.map((p) => {
    const forms = vocab.accentedForms(p).slice(0, 6);
    return forms.length ? forms : [p];
  });
  let best: { words: string[]; score: number } | undefined;
  const walk = (k: number, acc: string[]) => {
    if (k === options.length) {
      let score = 0;
      for (let i = 0; i + 1 < acc.length; i++) if (vocab.knowsAccentedPair(acc[i] as string, acc[i + 1] as string)) score += 2;
      if (left !== undefined && vocab.knowsAccentedPair(left, acc[0] as string)) score++;
      if (right !== undefined && vocab.knowsAccentedPair(acc[acc.length - 1] as string, right)) score++;
      if (!best || score > best.score) best = { words: [...acc], score };
      return;
    }
    for (const f of options[k] as string[]) walk(k + 1, [...acc, f]);
  };
  walk(0, []);
  return (best as { words: string[] } | undefined)?.words ?? [...parts];
}

/**
 * Words typed together ("hoso", "thutuc", "dichvucong"): the split into two
 * or three syllables the corpus knows, each side by side with the next,
 * preferring the split whose rarest syllable is most frequent.
 */
function splitRunTogether(folded: string, vocab: CorpusVocabulary): string[] | undefined {
  if (folded.length < 4 || folded.length > 18 || isSyllableShape(folded)) return undefined;
  let best: { parts: string[]; score: number } | undefined;
  const consider = (parts: string[]) => {
    if (!parts.every((p) => p.length >= 2 && vocab.knows(p) && isSyllableShape(p))) return;
    for (let k = 0; k + 1 < parts.length; k++) if (!vocab.knowsPair(parts[k] as string, parts[k + 1] as string)) return;
    const score = Math.min(...parts.map((p) => vocab.frequency(p)));
    if (!best || score > best.score || (score === best.score && parts.length < best.parts.length)) best = { parts, score };
  };
  for (let i = 2; i <= folded.length - 2; i++) {
    const head = folded.slice(0, i);
    const rest = folded.slice(i);
    consider([head, rest]);
    for (let j = 2; j <= rest.length - 2; j++) consider([head, rest.slice(0, j), rest.slice(j)]);
  }
  return (best as { parts: string[] } | undefined)?.parts;
}

/**
 * How a known word differs from the typed one, most likely typo first: a
 * missing letter (typed shorter), two letters swapped, one letter wrong, an
 * extra letter.
 */
function editRank(typed: string, known: string): number {
  if (known.length > typed.length) return 0;
  if (known.length < typed.length) return 3;
  const diff = [...typed].filter((c, i) => c !== known[i]).length;
  return diff === 2 ? 1 : 2;
}

/**
 * The other spelling of a final i/y ("kí" ↔ "ký", "lí" ↔ "lý", "qui" ↔ "quy"),
 * when the corpus knows only that one: both are correct Vietnamese, so no
 * neighbour pair is required.
 */
function spellingVariant(word: string, accented: boolean, vocab: CorpusVocabulary): string | undefined {
  const nfd = word.normalize('NFD');
  const m = /^(\p{L}*?)([iy])(\p{M}*)$/u.exec(nfd);
  if (!m || !m[1] || /[aeiouy]$/u.test(foldText(m[1]))) return undefined;
  const other = `${m[1]}${m[2] === 'i' ? 'y' : 'i'}${m[3]}`.normalize('NFC');
  const known = (w: string) => (accented ? vocab.knowsAccented(w) : vocab.knows(w));
  return !known(word) && known(other) ? other : undefined;
}

/** Edit distance on decomposed letters, so a tone or shape mark counts as one edit. */
function markDistance(a: string, b: string): number {
  const x = [...a.normalize('NFD')];
  const y = [...b.normalize('NFD')];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] as number;
}

/** The corpus spelling nearest to what was typed (most frequent first on ties). */
function closestSpelling(typed: string, forms: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const f of forms) {
    const d = markDistance(t, f);
    if (d < bestD) {
      best = f;
      bestD = d;
    }
  }
  return best;
}

/** Folded form, exported for callers that build `protect` sets. */
export const foldWord = (w: string): string => foldText(w.toLowerCase());
