/**
 * Structure-aware parser for Vietnamese administrative plans (kế hoạch) such
 * as 1523/KH-SCT: Roman parts (I–IV), numbered sections, lettered items in
 * Vietnamese alphabetical order (a b c d đ e g h i k …), then the
 * recipients/signature block.
 *
 * It repairs two real-world defects of scanned/converted documents instead of
 * copying them: a repeated item letter (`d)` printed twice where the second is
 * `đ)`), and sentences split across a page break.
 */
import type { Indicator } from '../core/vocabulary.js';
import { normalizeText } from '../text/normalize.js';

/** Vietnamese alphabetical order of item letters (no f, j, w, z). */
export const VIETNAMESE_ITEM_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const;

export type PlanNodeKind = 'root' | 'preamble' | 'part' | 'section' | 'item' | 'closing' | 'recipients';

export interface PlanNode {
  kind: PlanNodeKind;
  /** Citation path: `II.3.đ`; `Phần mở đầu`, `Nơi nhận` for special blocks. */
  path: string;
  /** The printed label after repair: `II`, `3`, `đ`. */
  label: string;
  /** Heading as printed (with label), e.g. `b) Truyền thông cải cách thể chế`. */
  heading: string;
  /** The node's own text (paragraphs joined by newlines), children excluded. */
  body: string;
  children: PlanNode[];
}

/** The indicator whose communication content a section II area belongs to. */
export type { Indicator };

/** One of the plan's content areas (section II items). */
export interface ContentArea {
  code: string;
  indicator: Indicator;
  title: string;
  text: string;
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(.+)$/;
const NUMBERED = /^(\d{1,2})\.\s+(.+)$/;
const LETTERED = /^([a-zđ])\)\s+(.+)$/;
const RECIPIENTS = /^Nơi nhận\s*:?/i;

/** A line ends a sentence or a clause when it ends with punctuation. */
const ENDS_CLAUSE = /[.;:!?…"”)\]/,]$|\.{3}$/;

/**
 * Join paragraphs that a page break split in the middle of a sentence: the
 * first does not end a clause and the next starts in lower case.
 */
export function repairPageBreaks(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !ENDS_CLAUSE.test(prev) && /^[a-zđà-ỹ]/.test(line) && !LETTERED.test(line)) {
      out[out.length - 1] = `${prev} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

function node(kind: PlanNodeKind, path: string, label: string, heading: string): PlanNode {
  return { kind, path, label, heading, body: '', children: [] };
}

function appendBody(n: PlanNode, line: string): void {
  n.body = n.body ? `${n.body}\n${line}` : line;
}

/** Next letter in Vietnamese order, or undefined past the end. */
function nextLetter(prev: string | undefined): string | undefined {
  if (prev === undefined) return 'a';
  const i = VIETNAMESE_ITEM_LETTERS.indexOf(prev as (typeof VIETNAMESE_ITEM_LETTERS)[number]);
  return i < 0 ? undefined : VIETNAMESE_ITEM_LETTERS[i + 1];
}

/**
 * Repair an item letter: a letter that repeats the previous one, or skips
 * backwards, is the next letter in sequence (the `d)`/`đ)` defect).
 */
function repairLetter(printed: string, previous: string | undefined): string {
  if (previous === undefined) return printed;
  const expected = nextLetter(previous);
  if (printed === expected || expected === undefined) return printed;
  const pi = VIETNAMESE_ITEM_LETTERS.indexOf(printed as (typeof VIETNAMESE_ITEM_LETTERS)[number]);
  const prevI = VIETNAMESE_ITEM_LETTERS.indexOf(previous as (typeof VIETNAMESE_ITEM_LETTERS)[number]);
  return pi <= prevI ? expected : printed;
}

/**
 * Parse the body of a plan into a tree.
 * @param text the document text (front matter removed)
 */
export function parsePlan(text: string): PlanNode {
  const lines = repairPageBreaks(normalizeText(text).split(/\r?\n/));
  const root = node('root', '', '', '');
  const preamble = node('preamble', 'Phần mở đầu', '', 'Phần mở đầu');
  root.children.push(preamble);

  let part: PlanNode | undefined;
  let section: PlanNode | undefined;
  let item: PlanNode | undefined;
  let closing: PlanNode | undefined;
  let recipients: PlanNode | undefined;

  for (const line of lines) {
    if (recipients) {
      appendBody(recipients, line);
      continue;
    }
    if (RECIPIENTS.test(line)) {
      recipients = node('recipients', 'Nơi nhận', '', 'Nơi nhận');
      root.children.push(recipients);
      const rest = line.replace(RECIPIENTS, '').trim();
      if (rest) appendBody(recipients, rest);
      continue;
    }
    const roman = ROMAN.exec(line);
    if (roman && roman[2] === roman[2]?.toUpperCase()) {
      part = node('part', roman[1] as string, roman[1] as string, line);
      root.children.push(part);
      section = item = closing = undefined;
      continue;
    }
    const numbered = part ? NUMBERED.exec(line) : null;
    if (numbered && part) {
      const label = numbered[1] as string;
      section = node('section', `${part.path}.${label}`, label, line);
      part.children.push(section);
      item = closing = undefined;
      continue;
    }
    const lettered = section ? LETTERED.exec(line) : null;
    if (lettered && section) {
      const label = repairLetter(lettered[1] as string, item?.label);
      const heading = label === lettered[1] ? line : `${label}) ${lettered[2] as string}`;
      item = node('item', `${section.path}.${label}`, label, heading);
      section.children.push(item);
      continue;
    }
    // A closing paragraph of the last part ("Trong quá trình thực hiện …"):
    // a non-bullet paragraph after the numbered sections whose own paragraph
    // is already complete belongs to the part, not to the last section.
    if (part && section && !item && !line.startsWith('-') && part.path === lastPartPath(root) && isClosingParagraph(line)) {
      closing = closing ?? node('closing', part.path, part.label, part.heading);
      if (!part.children.includes(closing)) part.children.push(closing);
      appendBody(closing, line);
      continue;
    }
    const target = closing ?? item ?? section ?? part ?? preamble;
    appendBody(target, line);
  }
  return root;
}

function lastPartPath(root: PlanNode): string {
  const parts = root.children.filter((c) => c.kind === 'part');
  return parts[parts.length - 1]?.path ?? '';
}

/** Phrases that open the closing paragraph of an implementation section. */
function isClosingParagraph(line: string): boolean {
  return /^(Trong quá trình (triển khai|thực hiện)|Yêu cầu (các|thủ trưởng)|Trên đây là)/i.test(line);
}

/** Depth-first list of every node (root excluded). */
export function flattenPlan(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    for (const c of n.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** Find a node by its path (`II.3.b`). */
export function findPlanNode(root: PlanNode, path: string): PlanNode | undefined {
  return flattenPlan(root).find((n) => n.path === path && n.kind !== 'closing');
}

/** Heading without its label: `b) Truyền thông cải cách thể chế` → `Truyền thông cải cách thể chế`. */
export function headingText(n: PlanNode): string {
  return n.heading.replace(/^([IVX]+|\d{1,2})\.\s+|^[a-zđ]\)\s+/, '').trim();
}

/** Which indicator a numbered section of part II is about, from its heading. */
export function indicatorOf(sectionHeading: string): Indicator | undefined {
  if (/PAR\s*INDEX/i.test(sectionHeading)) return 'PAR INDEX';
  if (/PAPI/.test(sectionHeading)) return 'PAPI';
  if (/PCI/.test(sectionHeading)) return 'PCI';
  return undefined;
}

/**
 * The plan's content areas: the lettered items of part II, each with the
 * indicator named by its section heading.
 */
export function contentAreas(root: PlanNode): ContentArea[] {
  const partII = root.children.find((c) => c.kind === 'part' && c.path === 'II');
  if (!partII) return [];
  const areas: ContentArea[] = [];
  for (const section of partII.children) {
    const indicator = indicatorOf(section.heading);
    if (!indicator) continue;
    for (const item of section.children) {
      if (item.kind !== 'item') continue;
      areas.push({ code: item.path, indicator, title: headingText(item), text: item.body });
    }
  }
  return areas;
}
