/**
 * Vietnamese legal-structure parser: Phần / Chương / Mục / Điều / Khoản / Điểm.
 *
 * One section per Điều when it fits in {@link MAX_SECTION_CHARS} characters,
 * else per Khoản, else per Điểm; the text before the first heading becomes
 * `Phần mở đầu`, the signature and recipients block `Nơi nhận`. Each Phần,
 * Chương and Mục also gets an `outline` section listing its children.
 *
 * A decision often carries an attached text (`QUY CHẾ …`, `PHỤ LỤC I`) after
 * its `Nơi nhận`, whose Điều numbering starts again at 1: its sections get
 * the attachment's name as a path prefix (`Quy chế, Điều 1`).
 *
 * A text with no Điều falls back to paragraph sections (`Đoạn 1`, …).
 */
import type { DocSection, DocStructure } from '../document.js';
import { type ArticleBlock, articleSections } from './article-sections.js';
import { type HeadingKind, type HeadingMatch, headingLabel, isCapitalised, isTrailerStart, matchHeading, shortLabel } from './legal-patterns.js';
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

/** The main document, or one attached text. */
interface Part {
  /** '' for the main document, else the attachment's name (`Quy chế`, `Phụ lục II`). */
  name: string;
  intro: string[];
  items: Item[];
  trailer: string[];
}

const LEVEL: Record<Container['kind'], number> = { phan: 0, chuong: 1, muc: 2 };

/** First line of an attached text, in capitals: `QUY CHẾ`, `PHỤ LỤC II`. */
const ATTACHMENT =
  /^(QUY CHẾ|QUY ĐỊNH|QUY TRÌNH|PHỤ LỤC|ĐIỀU LỆ|HƯỚNG DẪN|DANH MỤC|NỘI QUY|CHƯƠNG TRÌNH|KẾ HOẠCH|ĐỀ ÁN)(\s+(?:SỐ\s+)?(?:[IVXLC]+|\d+))?(?=$|[\s.:,(-])/u;

/** A capitalised line that opens an attached text. */
const isAttachmentStart = (line: string): boolean => isCapitalised(line) && ATTACHMENT.test(line);

/** Short name of an attachment from its first line: `PHỤ LỤC II` → `Phụ lục II`. */
function attachmentName(line: string | undefined, taken: Set<string>): string {
  const m = line === undefined ? null : ATTACHMENT.exec(line);
  const kind = m ? (m[1] as string).toLowerCase() : 'văn bản kèm theo';
  let name = (kind[0] as string).toUpperCase() + kind.slice(1) + (m?.[2] ?? '');
  for (let n = 2; taken.has(name); n++) name = `${name.replace(/ \(\d+\)$/u, '')} (${n})`;
  taken.add(name);
  return name;
}

/** Split a trailer into the signature block and the start of an attached text. */
function splitTrailer(lines: string[]): { trailer: string[]; attachment: string[] } {
  const at = lines.findIndex(isAttachmentStart);
  return at < 0 ? { trailer: lines, attachment: [] } : { trailer: lines.slice(0, at), attachment: lines.slice(at) };
}

/** After a signature block, does this heading start an attached text (numbering starts again)? */
function startsAttachment(h: HeadingMatch, lastDieu: number): boolean {
  if (h.kind === 'dieu') return Number.parseInt(h.num, 10) <= lastDieu;
  return h.kind !== 'muc' && ['I', '1', 'thứ nhất'].includes(h.num);
}

/** Title of a Phần / Chương / Mục, possibly continued on following capitalised lines; returns the last line used. */
function containerTitle(h: HeadingMatch, lines: string[], i: number): { title: string; end: number } {
  let title = h.title;
  let end = i;
  const wraps = h.title === '' || (isCapitalised(h.title) && !/[.:;]$/u.test(h.title));
  for (let taken = 0; wraps && taken < 2; taken++) {
    let j = end + 1;
    while (j < lines.length && lines[j] === '') j++;
    const next = lines[j];
    if (next === undefined || !isCapitalised(next) || matchHeading(next) || isTrailerStart(next)) break;
    title = title === '' ? next : `${title} ${next}`;
    end = j;
  }
  return { title, end };
}

/**
 * Parse a legal text into sections and report whether the legal structure
 * was found (`legal`) or the paragraph fallback was used (`plain`).
 */
export function parseLegalDocument(body: string, docTitle: string): LegalParseResult {
  const lines = cleanLines(body);
  if (!lines.some((l) => matchHeading(l)?.kind === 'dieu')) {
    return { structure: 'plain', sections: plainSections(lines, docTitle) };
  }

  const names = new Set<string>();
  let part: Part = { name: '', intro: [], items: [], trailer: [] };
  const parts: Part[] = [part];
  let open: Container[] = []; // current Phần / Chương / Mục, outermost first
  let current: ArticleBlock | null = null;
  let mode: 'intro' | 'body' | 'trailer' = 'intro';
  let lastDieu = 0;
  const base = (): string[] => [docTitle, ...(part.name ? [part.name] : []), ...open.map((o) => o.label)];
  const prefixed = (path: string): string => (part.name ? `${part.name}, ${path}` : path);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const h = matchHeading(line);
    if (h && mode === 'trailer') {
      if (startsAttachment(h, lastDieu)) {
        const { trailer, attachment } = splitTrailer(part.trailer);
        part.trailer = trailer;
        part = { name: attachmentName(attachment[0], names), intro: attachment, items: [], trailer: [] };
        parts.push(part);
        open = [];
        lastDieu = 0;
      } else {
        // Not a signature after all: the lines belong to the Điều.
        current?.lines.push(...part.trailer);
        part.trailer = [];
      }
    }
    if (h && h.kind !== 'dieu') {
      const { title, end } = containerTitle(h, lines, i);
      i = end;
      while (open.length > 0 && LEVEL[(open[open.length - 1] as Container).kind] >= LEVEL[h.kind]) open.pop();
      const label = headingLabel({ ...h, title });
      const own = headingLabel({ ...h, title: '' });
      const parent = open[open.length - 1];
      const path = h.kind === 'muc' && parent ? `${parent.path}, ${own}` : prefixed(own);
      const c: Container = { kind: h.kind, path, label, trail: [...base(), label], children: [] };
      parent?.children.push(label);
      open.push(c);
      part.items.push({ type: 'container', c });
      current = null;
      mode = 'body';
      continue;
    }
    if (h) {
      current = { num: h.num, heading: headingLabel(h), lines: [], trail: base(), ...(part.name ? { pathPrefix: part.name } : {}) };
      open[open.length - 1]?.children.push(shortLabel(current.heading));
      part.items.push({ type: 'article', a: current });
      lastDieu = Math.max(lastDieu, Number.parseInt(h.num, 10));
      mode = 'body';
      continue;
    }
    if (mode === 'intro') part.intro.push(line);
    else if (mode === 'trailer') part.trailer.push(line);
    else if (current && (isTrailerStart(line) || isAttachmentStart(line))) {
      mode = 'trailer';
      part.trailer.push(line);
    } else if (current) current.lines.push(line);
    else open[open.length - 1]?.children.push(line);
  }

  // An attached text without any Điều (a table, a list) ends up after the signature.
  const { trailer, attachment } = splitTrailer(part.trailer);
  if (attachment.length > 0) {
    part.trailer = trailer;
    parts.push({ name: attachmentName(attachment[0], names), intro: attachment, items: [], trailer: [] });
  }
  return { structure: 'legal', sections: parts.flatMap((p) => partSections(p, docTitle)) };
}

/** Sections of one part, in document order. */
function partSections(p: Part, docTitle: string): DocSection[] {
  const out: DocSection[] = [];
  const introPath = p.name || 'Phần mở đầu';
  if (p.intro.length > 0) out.push({ path: introPath, trail: [docTitle, introPath], text: p.intro.join('\n'), kind: 'passage' });
  for (const it of p.items) {
    if (it.type === 'article') out.push(...articleSections(it.a));
    else out.push({ path: it.c.path, trail: it.c.trail, text: [it.c.label, ...it.c.children].join('\n'), kind: 'outline' });
  }
  if (p.trailer.length > 0) {
    const path = p.name ? `${p.name}, Nơi nhận` : 'Nơi nhận';
    out.push({ path, trail: [docTitle, ...(p.name ? [p.name] : []), 'Nơi nhận'], text: p.trailer.join('\n'), kind: 'passage' });
  }
  return out;
}

/**
 * Sections of a Vietnamese legal text (see {@link parseLegalDocument}).
 * @param body the extracted text (header included: it lands in `Phần mở đầu`)
 * @param docTitle first element of every section's trail
 */
export function parseLegalStructure(body: string, docTitle: string): DocSection[] {
  return parseLegalDocument(body, docTitle).sections;
}
