/**
 * Vietnamese tone marks of a syllable: which one it carries, and the
 * hỏi/ngã swap that is the commonest spelling slip ("nhửng" for "những").
 */

/** Combining tone marks (sắc, huyền, hỏi, ngã, nặng), as opposed to shape marks (â, ơ, ư, ă, đ). */
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** The tone mark of a word (combining acute, grave, hook, tilde or dot), '' for none. */
export function toneOf(word: string): string {
  return [...word.normalize('NFD')].filter((c) => TONE_MARK.test(c)).join('');
}

/** Whether a syllable carries a tone mark. */
export function hasToneMark(word: string): boolean {
  return toneOf(word) !== '';
}

/** The word with its hỏi tone written as ngã or its ngã as hỏi ("nhửng" → "những"); undefined without either. */
export function hoiNgaSwap(word: string): string | undefined {
  const nfd = word.normalize('NFD');
  if (nfd.includes('\u0309')) return nfd.replace('\u0309', '\u0303').normalize('NFC');
  if (nfd.includes('\u0303')) return nfd.replace('\u0303', '\u0309').normalize('NFC');
  return undefined;
}

/** The word without its tone mark, shape marks kept ("nộp" → "nôp"). */
export function withoutTone(word: string): string {
  return [...word.normalize('NFD')]
    .filter((c) => !TONE_MARK.test(c))
    .join('')
    .normalize('NFC');
}
