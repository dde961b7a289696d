/**
 * Message preparation: strip the `/baocao` command, normalise Vietnamese
 * (NFC, canonical tone marks) and build a folded copy whose character
 * offsets match the clean text, so spans found in one index the other.
 */
import { foldText, normalizeText } from '../../text/normalize.js';
import type { PreparedText } from './types.js';

const COMMAND = /^\s*\/(?:baocao|bao_cao|report)(?:@\w+)?\b[:\s]*/i;

/** Fold one character at a time so offsets are preserved. */
function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldText(ch);
    out += f.length === ch.length ? f : ch.toLowerCase();
  }
  return out;
}

/**
 * Clean a raw message: command prefix removed, normalised, single-line.
 * @example prepareText('/baocao  Đã đăng 2 tin').clean === 'Đã đăng 2 tin'
 */
export function prepareText(raw: string): PreparedText {
  const clean = normalizeText(raw.replace(COMMAND, ''))
    .replace(/\s*\n+\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { clean, folded: foldSameLength(clean) };
}

/** Replace the given [start, end) spans of `s` with spaces (same length). */
export function blankSpans(s: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = s;
  for (const [a, b] of spans) out = out.slice(0, a) + ' '.repeat(Math.max(0, b - a)) + out.slice(b);
  return out;
}

/** All matches of a global regex as [start, end) spans. */
export function matchSpans(s: string, re: RegExp): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  for (const m of s.matchAll(g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
