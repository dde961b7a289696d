/**
 * Vietnamese text normalisation.
 *
 * Users type with old- or new-style tone placement (hoá / hóa, uỷ / ủy),
 * without diacritics, or in NFD from some keyboards. Every string that is
 * indexed or searched goes through {@link normalizeText} (canonical accented
 * form) and {@link foldText} (no diacritics, đ → d).
 */
import { BoundedCache } from '../core/bounded-cache.js';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/; // grave, acute, tilde, hook, dot below
const ALL_MARKS_G = /[\u0300-\u036f]/g;

/** Vowels that carry a shape diacritic (â ă ê ô ơ ư) in NFD: base + mark. */
const SHAPED = /^(a\u0302|a\u0306|e\u0302|o\u0302|o\u031b|u\u031b)$/i;

interface Letter {
  base: string; // one base letter, possibly with a shape mark (NFD)
  tone: string; // the tone mark, or ''
}

/** Split an NFD word into letters, separating the tone mark from shape marks. */
function toLetters(nfdWord: string): Letter[] {
  const letters: Letter[] = [];
  for (const ch of nfdWord) {
    if (/[\u0300-\u036f]/.test(ch)) {
      const last = letters[letters.length - 1];
      if (!last) continue;
      if (TONE_MARKS.test(ch)) last.tone = ch;
      else last.base += ch;
    } else {
      letters.push({ base: ch, tone: '' });
    }
  }
  return letters;
}

const isVowel = (l: Letter): boolean => /^[aeiouy]/i.test(l.base);

/**
 * Index (into `letters`) of the vowel that should carry the tone, following
 * the traditional placement used by most official documents (hóa, thủy, của).
 */
function tonePosition(letters: Letter[]): number {
  // Find the vowel nucleus; "qu" and "gi" (before another vowel) are consonants.
  let start = letters.findIndex(isVowel);
  if (start < 0) return -1;
  const lower = (i: number) => (letters[i]?.base ?? '').normalize('NFC').toLowerCase();
  if (start > 0 && lower(start - 1) === 'q' && lower(start) === 'u' && letters[start + 1] && isVowel(letters[start + 1] as Letter)) start++;
  else if (start > 0 && lower(start - 1) === 'g' && lower(start) === 'i' && letters[start + 1] && isVowel(letters[start + 1] as Letter)) start++;
  let end = start;
  while (end + 1 < letters.length && isVowel(letters[end + 1] as Letter)) end++;
  const hasFinal = end + 1 < letters.length;
  const cluster: number[] = [];
  for (let i = start; i <= end; i++) cluster.push(i);

  // A shaped vowel (â ă ê ô ơ ư) takes the tone; in "ươ" it is the ơ.
  const shaped = cluster.filter((i) => SHAPED.test((letters[i] as Letter).base));
  if (shaped.length > 0) return shaped[shaped.length - 1] as number;
  if (cluster.length === 1) return start;
  if (hasFinal) return end;
  if (cluster.length >= 3) return cluster[1] as number;
  return start;
}

/** Words repeat across a corpus: canonical forms are memoised (bounded). */
const canonicalCache = new BoundedCache<string, string>(100_000);

/** Re-place the tone mark of one word canonically. Non-Vietnamese words pass through. */
function canonicalWord(word: string): string {
  return canonicalCache.get(word, canonicalWordUncached);
}

/**
 * Questions, keys and labels are folded and normalised again on every
 * question (structured records' keys, unit names, the question itself): short
 * texts are memoised (bounded; both functions are pure). Profiling
 * `/api/chat` showed `foldText` and `normalizeText` at 16 % of a request's CPU.
 */
const foldCache = new BoundedCache<string, string>(50_000);
const normalizeCache = new BoundedCache<string, string>(50_000);
/** Longer texts (passages, documents) are not kept. */
const TEXT_CACHE_MAX_LENGTH = 256;

function memoised(cache: BoundedCache<string, string>, input: string, f: (s: string) => string): string {
  return input.length > TEXT_CACHE_MAX_LENGTH ? f(input) : cache.get(input, f);
}

function canonicalWordUncached(word: string): string {
  const nfd = word.normalize('NFD');
  if (!TONE_MARKS.test(nfd)) return word.normalize('NFC');
  const letters = toLetters(nfd);
  const tones = letters.filter((l) => l.tone !== '');
  if (tones.length !== 1) return word.normalize('NFC');
  const tone = (tones[0] as Letter).tone;
  for (const l of letters) l.tone = '';
  const pos = tonePosition(letters);
  if (pos < 0) return word.normalize('NFC');
  (letters[pos] as Letter).tone = tone;
  return letters
    .map((l) => l.base + l.tone)
    .join('')
    .normalize('NFC');
}

/**
 * NFC, canonical tone placement, unified dashes/quotes, collapsed spaces.
 * Case is preserved.
 * @example normalizeText('Uỷ ban hoá đơn') === 'Ủy ban hóa đơn'
 */
export function normalizeText(input: string): string {
  return memoised(normalizeCache, input, normalizeTextUncached);
}

function normalizeTextUncached(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\u2013\u2014\u2012\u2212]/g, '-')
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\u00a0/g, ' ')
    .replace(/[\p{L}\p{M}]+/gu, (w) => canonicalWord(w))
    .replace(/[ \t]+/g, ' ');
}

/**
 * Diacritic-folded, lower-cased form: "Thủ tục Hành chính" → "thu tuc hanh chinh".
 */
export function foldText(input: string): string {
  return memoised(foldCache, input, foldTextUncached);
}

function foldTextUncached(input: string): string {
  return input.normalize('NFD').replace(ALL_MARKS_G, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().normalize('NFC');
}

/** Lower-case canonical accented form, for accent-sensitive matching. */
export function normalizeLower(input: string): string {
  return normalizeText(input).toLowerCase();
}

/** True when the text carries any Vietnamese diacritic. */
export function hasDiacritics(input: string): boolean {
  return /[đĐ]/.test(input) || /[\u0300-\u036f]/.test(input.normalize('NFD'));
}
