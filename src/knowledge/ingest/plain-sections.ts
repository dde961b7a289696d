/**
 * Fallback sectioning for texts without any Điều: paragraphs grouped into
 * sections of at most {@link MAX_SECTION_CHARS} characters, `Đoạn 1`, `Đoạn 2`…
 */
import type { DocSection } from '../document.js';
import { MAX_SECTION_CHARS } from './article-sections.js';
import { paragraphs } from './lines.js';

/** Cut a too-long paragraph at line, then sentence, then word boundaries. */
function pieces(paragraph: string, max: number): string[] {
  if (paragraph.length <= max) return [paragraph];
  const units = paragraph.includes('\n') ? paragraph.split('\n') : (paragraph.match(/[^.!?;…]+[.!?;…]*\s*/gu) ?? [paragraph]).map((s) => s.trim());
  if (units.length <= 1) {
    const out: string[] = [];
    let rest = paragraph;
    while (rest.length > max) {
      const cut = rest.lastIndexOf(' ', max);
      const at = cut > max / 2 ? cut : max;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest !== '') out.push(rest);
    return out;
  }
  return group(
    units.flatMap((u) => pieces(u, max)),
    max,
    paragraph.includes('\n') ? '\n' : ' ',
  );
}

/** Greedily pack units into groups of at most `max` characters. */
function group(units: string[], max: number, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const u of units) {
    if (u === '') continue;
    if (cur !== '' && cur.length + sep.length + u.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur === '' ? u : `${cur}${sep}${u}`;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/**
 * Paragraph sections for a text with no legal structure.
 * @param lines cleaned lines (blank lines separate paragraphs)
 */
export function plainSections(lines: string[], docTitle: string, max = MAX_SECTION_CHARS): DocSection[] {
  const units = paragraphs(lines).flatMap((p) => pieces(p, max));
  return group(units, max, '\n\n').map((text, i) => ({
    path: `Đoạn ${i + 1}`,
    trail: [docTitle],
    text,
    kind: 'passage' as const,
  }));
}
