/**
 * Typo repair against the corpus vocabulary. Only words the corpus does not
 * know are touched: an unknown syllable is replaced by a known one a single
 * edit away (tone-insensitive: distances are measured on folded forms), and
 * in a question typed with diacritics, a syllable whose accented form is
 * unknown gets the corpus's accents. A fix must form a known syllable pair
 * with a neighbour, unless the word stands alone.
 */
import { foldText } from '../normalize.js';
import { type Token, tokenLike } from './tokens.js';
import type { Rewrite } from './types.js';
import type { CorpusVocabulary } from './vocabulary.js';

const WORD = /^\p{L}+$/u;
const MIN_LENGTH = 3;

/**
 * Repair the tokens.
 * @param accented the question is typed with diacritics (fixes are written accented)
 * @param protect folded words never to touch (e.g. stopwords, chat expansions)
 */
export function repairTypos(
  tokens: readonly Token[],
  vocab: CorpusVocabulary,
  options: { accented: boolean; protect?: (folded: string) => boolean },
): { tokens: Token[]; rewrites: Rewrite[] } {
  const out = tokens.map((t) => ({ ...t }));
  const rewrites: Rewrite[] = [];
  const words = out.filter((t) => WORD.test(t.word));
  const alone = words.length === 1;
  out.forEach((t, i) => {
    if (!WORD.test(t.word) || options.protect?.(t.fold)) return;
    const left = i > 0 && out[i - 1]?.after.trim() === '' ? out[i - 1]?.fold : undefined;
    const right = t.after.trim() === '' ? out[i + 1]?.fold : undefined;
    const anchored = (k: number) => {
      const l = left !== undefined ? out[k - 1] : undefined;
      const r = right !== undefined ? out[k + 1] : undefined;
      const ok = (n: Token | undefined, pair: boolean) => n !== undefined && pair && vocab.knowsAccented(n.word.toLowerCase());
      return ok(l, l !== undefined && vocab.knowsPair(l.fold, t.fold)) || ok(r, r !== undefined && vocab.knowsPair(t.fold, r.fold));
    };
    const pairs = (w: string) => (left !== undefined && vocab.knowsPair(left, w) ? 1 : 0) + (right !== undefined && vocab.knowsPair(w, right) ? 1 : 0);
    let fixed: string | undefined;
    const variant = spellingVariant(t.word.toLowerCase(), options.accented, vocab);
    if (variant) {
      fixed = variant;
    } else if (!vocab.knows(t.fold)) {
      if (t.fold.length < MIN_LENGTH) return;
      const scored = vocab
        .neighbours(t.fold)
        // Typos rarely hit the first letter: keep it (or its swap with the second).
        .filter((w) => w[0] === t.fold[0] || (w[0] === t.fold[1] && w[1] === t.fold[0]))
        .map((w) => ({ w, pairs: pairs(w), freq: vocab.frequency(w) }))
        .filter((c) => c.pairs > 0 || alone)
        .sort((a, b) => b.pairs - a.pairs || b.freq - a.freq || a.w.localeCompare(b.w));
      const best = scored[0];
      if (!best) return;
      fixed = options.accented ? (closestSpelling(t.word, vocab.accentedForms(best.w)) ?? best.w) : best.w;
    } else if (options.accented && !vocab.knowsAccented(t.word.toLowerCase())) {
      // Known without accents, unknown as typed: a missing or wrong tone mark.
      if (pairs(t.fold) === 0 && !alone) return;
      // A tone mark the user did type is changed only beside a word typed
      // right that forms a known pair with it ("hồ sợ" → "hồ sơ"); two
      // unknown words side by side are another word ("sổ đỏ" is not "số đó").
      // A capitalised word ("Phó Giám đốc") is a title or a name: its tone is kept.
      if (hasToneMark(t.word) && ((!alone && !anchored(i)) || /^\p{Lu}/u.test(t.word))) return;
      // Only a spelling with diacritics is a fix ("hom" from a web address is not).
      fixed = closestSpelling(
        t.word,
        vocab.accentedForms(t.fold).filter((a) => a !== t.fold),
      );
    }
    if (!fixed || fixed === t.word.toLowerCase()) return;
    rewrites.push({ from: t.word, to: fixed, origin: 'typo-fix' });
    out[i] = tokenLike(fixed, t.after, 'typo-fix');
  });
  return { tokens: out, rewrites };
}

/** Combining tone marks (sắc, huyền, hỏi, ngã, nặng), as opposed to shape marks (â, ơ, ư, ă, đ). */
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** Whether a syllable carries a tone mark. */
export function hasToneMark(word: string): boolean {
  return TONE_MARK.test(word.normalize('NFD'));
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
