/**
 * Split a long reply into chunks that fit a channel's message limit
 * (Telegram 4096 UTF-16 units, Zalo 2000 characters).
 *
 * Break points are tried in order: blank lines (paragraphs), line breaks,
 * sentence ends, spaces; only a single "word" longer than the limit is cut
 * hard, and never inside a surrogate pair. Content is never dropped or
 * reordered: only the whitespace at a break point disappears.
 */

/** Measures a string; must be additive (measure(a + b) = measure(a) + measure(b)). */
export type Measure = (s: string) => number;

/** Default measure: UTF-16 code units, as both Telegram and JS `length` count. */
export const utf16Length: Measure = (s) => s.length;

/** Separators from the coarsest to the finest. Each keeps punctuation on the left piece. */
const LEVELS: readonly RegExp[] = [
  /\n[ \t]*\n\s*/g, // paragraph: a blank line (plus any following whitespace)
  /[ \t]*\n\s*/g, // line break
  /(?<=[.!?…;:])\s+/g, // sentence (or clause) end
  /\s+/g, // word
];

/**
 * Split `text` into chunks with `measure(chunk) <= maxLength`.
 *
 * The text is NFC-normalised first (NFD Vietnamese is much longer) and trimmed;
 * an empty or all-whitespace text gives `[]`.
 *
 * @param text - the plain or already-escaped message text
 * @param maxLength - the limit per chunk, in `measure` units (≥ 2)
 * @param measure - defaults to UTF-16 length; pass e.g. the escaped length to
 *   split plain text so that its HTML-escaped form fits
 * @returns the chunks in order
 * @example splitMessage('a\n\nb', 2) // ['a', 'b']
 */
export function splitMessage(text: string, maxLength: number, measure: Measure = utf16Length): string[] {
  if (!Number.isInteger(maxLength) || maxLength < 2) throw new RangeError('maxLength must be an integer ≥ 2');
  const normalized = text.normalize('NFC').trim();
  if (normalized === '') return [];
  return splitAtLevel(normalized, 0, maxLength, measure)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function splitAtLevel(text: string, level: number, max: number, measure: Measure): string[] {
  if (measure(text) <= max) return [text];
  const separator = LEVELS[level];
  if (!separator) return hardCut(text, max, measure);

  // pieces[i] is followed by seps[i] in the original text.
  const pieces: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of text.matchAll(separator)) {
    const index = m.index ?? 0;
    if (m[0] === '' || index === 0) continue;
    pieces.push(text.slice(last, index));
    seps.push(m[0]);
    last = index + m[0].length;
  }
  pieces.push(text.slice(last));

  const chunks: string[] = [];
  let current = '';
  let pendingSep = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (piece === '') continue;
    if (current !== '' && measure(current) + measure(pendingSep) + measure(piece) <= max) {
      current += pendingSep + piece;
    } else {
      if (current !== '') chunks.push(current);
      if (measure(piece) <= max) {
        current = piece;
      } else {
        const sub = splitAtLevel(piece, level + 1, max, measure);
        // The last sub-chunk may still take more pieces after it.
        chunks.push(...sub.slice(0, -1));
        current = sub[sub.length - 1] ?? '';
      }
    }
    pendingSep = seps[i] ?? '';
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Cut by code points (never inside a surrogate pair). */
function hardCut(text: string, max: number, measure: Measure): string[] {
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  for (const cp of text) {
    const m = measure(cp);
    if (size + m > max && current !== '') {
      chunks.push(current);
      current = '';
      size = 0;
    }
    current += cp;
    size += m;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
