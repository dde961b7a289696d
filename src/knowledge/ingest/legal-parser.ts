/**
 * Vietnamese legal-structure parser: Phần / Chương / Mục / Điều / Khoản / Điểm.
 *
 * One section per Điều when it fits in {@link MAX_SECTION_CHARS} characters,
 * else per Khoản, else per Điểm; the text before the first heading becomes
 * `Phần mở đầu`, the signature and recipients block `Nơi nhận`. Each Phần,
 * Chương and Mục also gets an `outline` section listing its children. A text
 * with no Điều falls back to paragraph sections (`Đoạn 1`, …).
 */
import type { DocSection, DocStructure } from '../document.js';
import { articleSections, type ArticleBlock } from './article-sections.js';
import { headingLabel, isCapitalised, isTrailerStart, matchHeading, shortLabel, type HeadingKind } from './legal-patterns.js';
import { cleanLines } from './lines.js';
import { plainSections } from './plain-sections.js';

export { MAX_SECTION_CHARS } from './article-sections.js';

/** Result of {@link parseLegalDocument}: the sections and which parser produced them. */
export interface LegalParseResult {
  structure: Extract<DocStructure, 'legal' | 'plain'>;
  sections: DocSection[];
}

interface Container {
  kind: Exclude<HeadingKind, 'dieu'>;
  path: string;
  label: string;
  trail: string[];
  children: string[];
}

type Item = { type: 'container'; c: Container } | { type: 'article'; a: ArticleBlock };

const LEVEL: Record<Container['kind'], number> = { phan: 0, chuong: 1, muc: 2 };

/**
 * Parse a legal text into sections and report whether the legal structure
 * was found (`legal`) or the paragraph fallback was used (`plain`).
 */
export function parseLegalDocument(body: string, docTitle: string): LegalParseResult {
  const lines = cleanLines(body);
  if (!lines.some((l) => matchHeading(l)?.kind === 'dieu')) {
    return { structure: 'plain', sections: plainSections(lines, docTitle) };
  }

  const preamble: string[] = [];
  const items: Item[] = [];
  const open: Container[] = []; // current Phần / Chương / Mục, outermost first
  let current: ArticleBlock | null = null;
  let started = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const h = matchHeading(line);
    if (h && h.kind !== 'dieu') {
      let title = h.title;
      // Title on the following capitalised line(s): `Chương II` / `NHỮNG QUY ĐỊNH CHUNG`,
      // or a capitalised title wrapped onto the next line.
      const wraps = h.title === '' || (isCapitalised(h.title) && !/[.:;]$/u.test(h.title));
      for (let taken = 0; wraps && taken < 2; taken++) {
        let j = i + 1;
        while (j < lines.length && lines[j] === '') j++;
        const next = lines[j];
        if (next === undefined || !isCapitalised(next) || matchHeading(next) || isTrailerStart(next)) break;
        title = title === '' ? next : `${title} ${next}`;
        i = j;
      }
      while (open.length > 0 && LEVEL[(open[open.length - 1] as Container).kind] >= LEVEL[h.kind]) open.pop();
      const label = headingLabel({ ...h, title });
      const own = headingLabel({ ...h, title: '' });
      const parent = open[open.length - 1];
      const c: Container = {
        kind: h.kind,
        path: h.kind === 'muc' && parent ? `${parent.path}, ${own}` : own,
        label,
        trail: [docTitle, ...open.map((o) => o.label), label],
        children: [],
      };
      parent?.children.push(label);
      open.push(c);
      items.push({ type: 'container', c });
      current = null;
      started = true;
      continue;
    }
    if (h) {
      current = { num: h.num, heading: headingLabel(h), lines: [], trail: [docTitle, ...open.map((o) => o.label)] };
      open[open.length - 1]?.children.push(shortLabel(current.heading));
      items.push({ type: 'article', a: current });
      started = true;
      continue;
    }
    if (!started) preamble.push(line);
    else if (current) current.lines.push(line);
    else open[open.length - 1]?.children.push(line);
  }

  const trailer = cutTrailer(items);
  const sections: DocSection[] = [];
  if (preamble.length > 0) {
    sections.push({ path: 'Phần mở đầu', trail: [docTitle, 'Phần mở đầu'], text: preamble.join('\n'), kind: 'passage' });
  }
  for (const it of items) {
    if (it.type === 'article') sections.push(...articleSections(it.a));
    else sections.push({ path: it.c.path, trail: it.c.trail, text: [it.c.label, ...it.c.children].join('\n'), kind: 'outline' });
  }
  if (trailer.length > 0) {
    sections.push({ path: 'Nơi nhận', trail: [docTitle, 'Nơi nhận'], text: trailer.join('\n'), kind: 'passage' });
  }
  return { structure: 'legal', sections };
}

/** Remove and return the signature / recipients block at the end of the last Điều. */
function cutTrailer(items: Item[]): string[] {
  const last = [...items].reverse().find((it): it is { type: 'article'; a: ArticleBlock } => it.type === 'article');
  if (!last) return [];
  const at = last.a.lines.findIndex(isTrailerStart);
  if (at < 0) return [];
  return last.a.lines.splice(at);
}

/**
 * Sections of a Vietnamese legal text (see {@link parseLegalDocument}).
 * @param body the extracted text (header included: it lands in `Phần mở đầu`)
 * @param docTitle first element of every section's trail
 */
export function parseLegalStructure(body: string, docTitle: string): DocSection[] {
  return parseLegalDocument(body, docTitle).sections;
}
