/**
 * A correction changes the description too: after "sửa ngày thành 21/11" or
 * "số lượng 4", the description (which every export carries) says the new
 * date and count instead of the old ones, so the record never contradicts
 * itself.
 */
import { formatDateVi } from '../labels.js';
import { extractCountWithKind } from '../parse/count.js';
import { extractDate } from '../parse/date.js';
import { findLink } from '../parse/link-unit.js';
import { blankSpans, prepareText } from '../parse/prepare.js';
import type { ReportFields } from '../types.js';

/** The description with a changed date and count written in place of the old ones. */
export function reviseDescription(before: ReportFields, after: ReportFields, now: Date): string {
  let text = after.description;
  if (after.count !== null && before.count !== null && after.count !== before.count) text = replaceCount(text, after, now);
  if (after.date !== null && before.date !== null && after.date !== before.date) text = replaceDate(text, after.date, now);
  return text;
}

/** Folded text without its link, offsets unchanged. */
function folded(text: string): { clean: string; folded: string } {
  const p = prepareText(text);
  const link = findLink(p.clean);
  return { clean: p.clean, folded: link ? blankSpans(p.folded, [[link.start, link.end]]) : p.folded };
}

function replaceDate(text: string, iso: string, now: Date): string {
  const p = folded(text);
  const d = extractDate(p.folded, now);
  const full = formatDateVi(iso);
  if (!d) return `${p.clean} (ngày ${full})`;
  const written = p.folded.slice(d.start, d.end);
  // "20/11" → "21/11/2026"; "hôm qua", "thứ hai" → "ngày 21/11/2026".
  const word = /^\d/.test(written) ? full : `ngày ${full}`;
  return `${p.clean.slice(0, d.start)}${word}${p.clean.slice(d.end)}`;
}

function replaceCount(text: string, after: ReportFields, now: Date): string {
  const p = folded(text);
  const d = extractDate(p.folded, now);
  const counted = extractCountWithKind(p.folded, p.clean, after.channel, d ? [[d.start, d.end]] : []);
  const n = String(after.count);
  if (!counted?.span) return `${p.clean} (số lượng: ${n})`;
  const [a, b] = counted.span;
  return `${p.clean.slice(0, a)}${n}${p.clean.slice(b)}`;
}
