/**
 * Turn one Điều into sections: the whole Điều when it fits, else one section
 * per Khoản, and a long Khoản one per Điểm. Every passage starts with the
 * Điều heading so it stands alone.
 */
import type { DocSection } from '../document.js';
import { diemLetter, khoanNumber, nextPointLetter, shortLabel } from './legal-patterns.js';

/** Sections longer than this are split into Khoản, then Điểm. */
export const MAX_SECTION_CHARS = 1400;

/** Khoản lead-in longer than this is not repeated in front of each Điểm. */
const MAX_LEAD_PREFIX = 400;

/** One parsed Điều before sectioning. */
export interface ArticleBlock {
  /** Điều number as written: `9`, `12a`. */
  num: string;
  /** Heading line, e.g. `Điều 9. Thời hiệu khiếu nại`. */
  heading: string;
  /** Non-empty body lines after the heading. */
  lines: string[];
  /** Trail down to (excluding) the Điều: `[docTitle, 'Chương II. …']`. */
  trail: string[];
  /** Path prefix for a Điều of an attached text: `Quy chế` → `Quy chế, Điều 1`. */
  pathPrefix?: string;
}

interface Part {
  key: string;
  lines: string[];
}

/** Split lines at numbered markers, accepting only the expected next marker. */
function splitParts(
  lines: string[],
  markerOf: (line: string) => string | null,
  next: (prev: string | null) => string | null,
): { intro: string[]; parts: Part[] } {
  const intro: string[] = [];
  const parts: Part[] = [];
  let expected = next(null);
  for (const line of lines) {
    const marker = markerOf(line);
    if (marker !== null && marker === expected) {
      parts.push({ key: marker, lines: [line] });
      expected = next(marker);
      continue;
    }
    const cur = parts[parts.length - 1];
    if (cur) cur.lines.push(line);
    else intro.push(line);
  }
  return { intro, parts };
}

const splitKhoan = (lines: string[]) =>
  splitParts(
    lines,
    (l) => {
      const n = khoanNumber(l);
      return n === null ? null : String(n);
    },
    (prev) => String(prev === null ? 1 : Number(prev) + 1),
  );

const splitDiem = (lines: string[]) => splitParts(lines, diemLetter, nextPointLetter);

const passage = (path: string, trail: string[], text: string): DocSection => ({ path, trail, text, kind: 'passage' });

/** Sections for one Điều (see the file comment for the splitting rules). */
export function articleSections(a: ArticleBlock): DocSection[] {
  const path = a.pathPrefix ? `${a.pathPrefix}, Điều ${a.num}` : `Điều ${a.num}`;
  const trail = [...a.trail, shortLabel(a.heading)];
  const whole = [a.heading, ...a.lines].join('\n');
  if (whole.length <= MAX_SECTION_CHARS) return [passage(path, trail, whole)];

  const { intro, parts } = splitKhoan(a.lines);
  if (parts.length === 0) return [passage(path, trail, whole)];
  const out: DocSection[] = [];
  if (intro.length > 0) out.push(passage(path, trail, [a.heading, ...intro].join('\n')));
  for (const k of parts) {
    const kPath = `${path}, Khoản ${k.key}`;
    const kTrail = [...trail, `Khoản ${k.key}`];
    const kText = [a.heading, ...k.lines].join('\n');
    if (kText.length <= MAX_SECTION_CHARS) {
      out.push(passage(kPath, kTrail, kText));
      continue;
    }
    const { intro: lead, parts: points } = splitDiem(k.lines);
    if (points.length === 0) {
      out.push(passage(kPath, kTrail, kText));
      continue;
    }
    const leadText = lead.join('\n');
    let prefix = leadText;
    if (leadText.length > MAX_LEAD_PREFIX) {
      out.push(passage(kPath, kTrail, `${a.heading}\n${leadText}`));
      prefix = `${leadText.slice(0, MAX_LEAD_PREFIX).trimEnd()}…`;
    }
    for (const p of points) {
      const text = [a.heading, ...(prefix === '' ? [] : [prefix]), ...p.lines].join('\n');
      out.push(passage(`${kPath}, Điểm ${p.key}`, [...kTrail, `Điểm ${p.key}`], text));
    }
  }
  return out;
}
