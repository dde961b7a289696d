/**
 * Which sources support an answer, and how they are labelled — one rule for
 * every channel (the web page's chips, the "Nguồn:" list on Telegram and
 * Zalo). An answer cites passages as `[1523/KH-SCT, IV.2]`, sometimes with a
 * note (`[1523/KH-SCT, IV (đoạn cuối)]`), several at once (`[A; B]`) or as a
 * curated answer (`[Câu trả lời đã duyệt: 1523/KH-SCT, IV.2]`). Sources the
 * answer cites are shown by default; the other retrieved passages are kept
 * apart ("Xem thêm nguồn" on the web page, not listed on chat channels).
 */
import type { SourceRef } from './answer.js';

/** A label is one line: at most this many characters. */
export const MAX_SOURCE_LABEL_CHARS = 48;

/** The doc id curated answers use for a source that is only a web address. */
const CURATED_DOC = 'Câu trả lời đã duyệt';

/** One source as shown: duplicates (same document and section) merged. */
export interface SourceItem {
  /** Short one-line label, e.g. `1523/KH-SCT, IV.2`. */
  label: string;
  doc: string;
  section: string;
  /** The most specific heading of the passage, one line, may be empty. */
  heading: string;
  /** The passage (merged passages joined by a blank line). */
  text: string;
}

/** The sources of one answer, split by whether the answer cites them. */
export interface SourceSelection {
  /** Cited by the answer, in the order of the retrieved sources. */
  cited: SourceItem[];
  /** Retrieved but not cited. */
  other: SourceItem[];
}

/** Cut `s` to `max` characters on one line, with an ellipsis when cut. */
export function oneLine(s: string, max = MAX_SOURCE_LABEL_CHARS): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** `1523/KH-SCT, IV.2`; a web address shows its host and path. */
export function sourceLabel(s: Pick<SourceRef, 'doc' | 'section'>): string {
  if (s.doc === CURATED_DOC && /^https?:\/\//i.test(s.section)) {
    return oneLine(s.section.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, ''));
  }
  return oneLine(s.section ? `${s.doc}, ${s.section}` : s.doc);
}

/** The last part of a heading trail `1523/KH-SCT › IV › 2. …`, on one line. */
export function headingOf(title: string): string {
  const parts = title
    .split('›')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return oneLine(parts[parts.length - 1] ?? '', 90);
}

/** Every citation in the answer, as `doc, section` parts (notes kept). */
export function citationParts(answer: string): string[] {
  const parts: string[] = [];
  for (const m of answer.matchAll(/\[([^[\]\n]{2,400})\]/g)) {
    const inner = (m[1] ?? '').replace(/^\s*Câu trả lời đã duyệt\s*:\s*/i, '');
    for (const p of inner.split(';')) {
      const t = p.replace(/\s+/g, ' ').trim();
      if (t) parts.push(t);
    }
  }
  return parts;
}

/** Whether a citation part names this source (`doc, section`, maybe followed by a note). */
function names(part: string, s: Pick<SourceRef, 'doc' | 'section'>): boolean {
  const key = s.doc === CURATED_DOC ? s.section : s.section ? `${s.doc}, ${s.section}` : s.doc;
  if (!key) return false;
  if (part === key) return true;
  // "1523/KH-SCT, IV (đoạn cuối)" cites section IV, but "IV.2" does not cite "IV".
  return part.startsWith(key) && /^[\s(–—-]/.test(part.slice(key.length));
}

/** Whether the answer text cites this source. */
export function isCited(answer: string, s: Pick<SourceRef, 'doc' | 'section'>): boolean {
  return citationParts(answer).some((p) => names(p, s));
}

/**
 * Merge duplicates (same document and section) and split the sources into
 * those the answer cites and the others.
 * @example
 * selectSources('… [1523/KH-SCT, IV.2].', sources).cited.map((s) => s.label) // ['1523/KH-SCT, IV.2']
 */
export function selectSources(answer: string, sources: readonly SourceRef[]): SourceSelection {
  const parts = citationParts(answer);
  const merged = new Map<string, { item: SourceItem; cited: boolean }>();
  for (const s of sources) {
    const key = `${s.doc}|${s.section}`;
    const prev = merged.get(key);
    if (prev) {
      if (s.text && !prev.item.text.includes(s.text)) prev.item.text = `${prev.item.text}\n\n${s.text}`.trim();
      continue;
    }
    merged.set(key, {
      item: { label: sourceLabel(s), doc: s.doc, section: s.section, heading: headingOf(s.title), text: s.text },
      cited: parts.some((p) => names(p, s)),
    });
  }
  const all = [...merged.values()];
  return { cited: all.filter((e) => e.cited).map((e) => e.item), other: all.filter((e) => !e.cited).map((e) => e.item) };
}
