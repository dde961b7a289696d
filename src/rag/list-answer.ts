/**
 * Complete answers to list, count and steps questions: when the passage that
 * answers holds an enumeration — numbered "(1) … (2) …", lettered "a) … b)
 * …", a colon followed by items separated by semicolons, or bullet lines —
 * the answer gives every item, and a count question gets the number with
 * the list.
 */
import { foldText, normalizeText } from '../text/normalize.js';
import type { QueryIntent } from './intent.js';

/** An enumeration found in a passage. */
export interface Enumeration {
  /** The text before the first item (its lead-in), possibly empty. */
  lead: string;
  items: string[];
  /** Text after the last item's sentence, if any (notes such as "Trọng số … chưa có thông tin"). */
  tail: string;
}

const MIN_ITEMS = 3;
const MAX_ITEM_CHARS = 320;

/** Question wording that asks for a whole list, every step, or a count. */
const WANTS_LIST =
  / (nhung|cac) ([a-z]+ ){0,5}(nao|gi) | bao nhieu | may (buoc|muc|noi dung|chi so|linh vuc|phan|loai|cach|chuc nang) | liet ke | ke (het|ra|ten) | tung buoc | cac buoc | quy trinh | gom | bao gom /;

/**
 * "Lệ phí … là bao nhiêu?", "được mấy điểm?", "mất bao nhiêu ngày?": an
 * amount, not a count of items, so no list answers it (folded, padded).
 */
const ASKS_AMOUNT =
  / (phi|le phi|tien|gia|kinh phi|ngan sach|muc phi|muc thu)( [a-z]+){0,6} (la |het |mat |khoang |tam )?(bao nhieu|may)( tien| dong)? | (bao nhieu|may) (tien|dong|diem|phan tram|ngay|gio|lau|thang|nam) | bao lau /;

/** Wording that asks for items by name ("những … nào", "lĩnh vực nào", "gồm", "liệt kê"), folded and padded. */
const NAMES_ITEMS = / (nhung|cac) ([a-z]+ ){0,5}(nao|gi) | [a-z]+ nao | liet ke | ke (het|ra|ten) | tung buoc | cac buoc | quy trinh | gom | bao gom /;

/** Whether a count question asks an amount (a fee, a score, a time) rather than how many items. */
export function asksAmount(question: string): boolean {
  return ASKS_AMOUNT.test(` ${foldText(normalizeText(question)).replace(/[^a-z0-9 ]+/g, ' ')} `);
}

/** Whether the answer should give a whole enumeration. */
export function wantsWholeList(question: string, intent: Pick<QueryIntent, 'kind'>): boolean {
  const kind: string = intent.kind;
  // An amount alone is no list; "có 8 lĩnh vực nào, mỗi lĩnh vực bao nhiêu điểm?" still asks one.
  if (kind === 'count' && asksAmount(question) && !NAMES_ITEMS.test(` ${foldText(normalizeText(question)).replace(/[^a-z0-9 ]+/g, ' ')} `)) return false;
  if (kind === 'list' || kind === 'count' || kind === 'steps' || kind === 'howto') return true;
  if (kind === 'who' || kind === 'when') return false;
  return WANTS_LIST.test(` ${foldText(normalizeText(question)).replace(/[^a-z0-9 ]+/g, ' ')} `);
}

/**
 * The longest an item that is itself a list ("Tuyên truyền Quyết định …; Quyết định …; …")
 * may be: cutting it would drop whole entries of the list.
 */
const MAX_LIST_ITEM_CHARS = 1400;

function clipItem(s: string): string {
  const t = s
    .trim()
    .replace(/[;,.]+$/, '')
    .trim();
  const max = /;\s/.test(t) ? MAX_LIST_ITEM_CHARS : MAX_ITEM_CHARS;
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 2);
  return `${t.slice(0, cut > 0 ? cut : max)} …`;
}

/** Split off text after the last item: the last item ends at its sentence end when more sentences follow. */
function splitTail(last: string): [string, string] {
  const m = /^(.+?[.!?])\s+(\p{Lu}.*)$/su.exec(last);
  return m?.[1] && m[2] ? [m[1], m[2]] : [last, ''];
}

function markerEnumeration(text: string, marker: RegExp): Enumeration | null {
  const parts = text.split(marker);
  if (parts.length - 1 < MIN_ITEMS) return null;
  const lead = (parts.shift() ?? '').trim();
  const items = parts.map((p) => p.trim()).filter(Boolean);
  if (items.length < MIN_ITEMS) return null;
  const [last, tail] = splitTail(items[items.length - 1] as string);
  items[items.length - 1] = last;
  return { lead, items: items.map(clipItem), tail: tail.trim() };
}

/**
 * Items introduced by one label word and consecutive numbers: "Mức 1: … Mức
 * 2: … Mức 3: …", "Bước 1. … Bước 2. …". The label stays with its item.
 */
function labelledEnumeration(flat: string): Enumeration | null {
  const marks = [...flat.matchAll(/(?<![\p{L}\d])(\p{Lu}\p{Ll}*) (\d{1,2})[:.)]\s/gu)];
  const byLabel = new Map<string, RegExpMatchArray[]>();
  for (const m of marks) byLabel.set(m[1] as string, [...(byLabel.get(m[1] as string) ?? []), m]);
  for (const run of byLabel.values()) {
    if (run.length < MIN_ITEMS) continue;
    // Consecutive numbers from the first: 1, 2, 3 … (a "Điều 3" among them is no list).
    if (!run.every((m, k) => Number(m[2]) === Number(run[0]?.[2]) + k)) continue;
    const starts = run.map((m) => m.index as number);
    const lead = flat.slice(0, starts[0]).trim();
    const items = starts.map((at, k) => flat.slice(at, starts[k + 1] ?? flat.length).trim());
    // The tail is looked for after the last item's label ("Bước 3. Điền …" is not a tail).
    const lastItem = items[items.length - 1] as string;
    const label = (run[run.length - 1] as RegExpMatchArray)[0].trim();
    const [last, tail] = splitTail(lastItem.slice(label.length).trim());
    items[items.length - 1] = `${label} ${last}`;
    return { lead, items: items.map(clipItem), tail: tail.trim() };
  }
  return null;
}

/**
 * The enumeration of a passage (its body, heading excluded), or null when it
 * has none with at least three items.
 */
export function findEnumeration(body: string): Enumeration | null {
  const text = body.replace(/\n+/g, '\n').trim();
  const bullets = text.split('\n').filter((l) => /^\s*[-•+*]\s+/.test(l));
  if (bullets.length >= 2) {
    const lead = text
      .split('\n')
      .filter((l) => !/^\s*[-•+*]\s+/.test(l) && !/^Nguồn\s*:/i.test(l))
      .join(' ')
      .trim();
    return { lead, items: bullets.map((l) => clipItem(l.replace(/^\s*[-•+*]\s+/, ''))), tail: '' };
  }
  const flat = text
    .split('\n')
    .filter((l) => !/^Nguồn\s*:/i.test(l))
    .join(' ');
  const numbered = markerEnumeration(flat, /\s*\(\d{1,2}\)\s+/);
  if (numbered) return numbered;
  const labelled = labelledEnumeration(flat);
  if (labelled) return labelled;
  const lettered = markerEnumeration(flat, /(?:^|[:;]\s*|\s)(?=[a-hđ]\)\s)[a-hđ]\)\s+/);
  if (lettered) return lettered;
  // "… gồm: x; y; z." — a colon, then items separated by semicolons, in one sentence.
  const colon = /^(.*?:)\s+([^:]+?;[^:]+?;[^:]+?)(?:\.\s+(\p{Lu}.*))?\.?$/su.exec(flat);
  if (colon?.[1] && colon[2]) {
    const items = colon[2].split(/;\s+/).map(clipItem).filter(Boolean);
    if (items.length >= MIN_ITEMS) return { lead: colon[1].trim(), items, tail: (colon[3] ?? '').trim() };
  }
  return null;
}

/** The whole enumeration as answer text: lead-in, every item, the note after it. */
export function formatEnumeration(e: Enumeration, countAsked: boolean): string {
  const lead = e.lead.replace(/[:.\s]+$/, '');
  const head = countAsked && !/\d/.test(lead) ? `${lead ? `${lead} — ` : ''}gồm ${e.items.length} mục:` : lead ? `${lead}:` : '';
  const list = e.items.map((i) => `• ${i}`).join('\n');
  return `${head ? `${head}\n` : '\n'}${list}${e.tail ? `\n${e.tail}` : ''}`;
}

/** Whether the question asks how many. */
export function asksCount(question: string): boolean {
  return / (bao nhieu|may) /.test(` ${foldText(normalizeText(question)).replace(/[^a-z0-9 ]+/g, ' ')} `);
}
