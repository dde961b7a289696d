/**
 * Recognisers for the structural lines of Vietnamese legal texts:
 * Phần, Chương, Mục, Điều, Khoản, Điểm, and the signature / recipients block.
 *
 * Numerals are matched case-sensitively on purpose: with a case-insensitive
 * Roman numeral class, `Phần lớn …` would look like `Phần L`.
 */

/** What kind of structural heading a line is. */
export type HeadingKind = 'phan' | 'chuong' | 'muc' | 'dieu';

/** A structural heading found on one line. */
export interface HeadingMatch {
  kind: HeadingKind;
  /** Numeral as written: `II`, `3`, `thứ nhất`, `9a`. */
  num: string;
  /** Title on the same line, or ''. */
  title: string;
}

const AFTER_NUM = String.raw`(?=$|[\s.:\-–])\s*([.:\-–])?\s*(.*)$`;
const ROMAN_OR_ARABIC = String.raw`([IVXLC]+|\d+)`;

const PHAN = new RegExp(String.raw`^(?:PHẦN|Phần)\s+(THỨ\s+\p{Lu}+|thứ\s+\p{Ll}+|[IVXLC]+|\d+)${AFTER_NUM}`, 'u');
const CHUONG = new RegExp(String.raw`^(?:CHƯƠNG|Chương)\s+${ROMAN_OR_ARABIC}${AFTER_NUM}`, 'u');
const MUC = new RegExp(String.raw`^(?:MỤC|Mục)\s+${ROMAN_OR_ARABIC}${AFTER_NUM}`, 'u');
const DIEU = /^(?:ĐIỀU|Điều)\s+(\d{1,3}[a-zđ]?)\s*(?:[.:]\s*(.*))?$/u;

/** Recognise a Phần / Chương / Mục / Điều heading line. */
export function matchHeading(line: string): HeadingMatch | null {
  const d = DIEU.exec(line);
  if (d) return { kind: 'dieu', num: d[1] as string, title: (d[2] ?? '').trim() };
  for (const [kind, re] of [
    ['chuong', CHUONG],
    ['muc', MUC],
    ['phan', PHAN],
  ] as const) {
    const m = re.exec(line);
    if (!m) continue;
    const num = m[1] as string;
    const title = (m[3] ?? '').trim();
    // `Chương II của Luật này …` is prose, not a heading: a same-line title
    // needs a separator (`Chương II. …`, `Chương 2: …`) or capitals.
    if (title !== '' && m[2] === undefined && !isCapitalised(title)) return null;
    return { kind, num: /^thứ/iu.test(num) ? num.toLowerCase() : num, title };
  }
  return null;
}

const KHOAN = /^(\d{1,2})\.\s+\S/u;
const DIEM = /^([a-zđ])\)\s*\S/u;

/** Khoản number at the start of a line (`1. …`), or null. `1.1.` is not a Khoản. */
export function khoanNumber(line: string): number | null {
  const m = KHOAN.exec(line);
  return m ? Number(m[1]) : null;
}

/** Vietnamese order of Điểm letters (no f, j, w, z). */
export const POINT_LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** Điểm letter at the start of a line (`đ) …`), or null. */
export function diemLetter(line: string): string | null {
  const m = DIEM.exec(line);
  return m ? (m[1] as string) : null;
}

/** The letter that follows `letter` in Điểm order, or null after `y`. */
export function nextPointLetter(letter: string | null): string | null {
  if (letter === null) return 'a';
  const i = POINT_LETTERS.indexOf(letter);
  return i >= 0 && i + 1 < POINT_LETTERS.length ? (POINT_LETTERS[i + 1] as string) : null;
}

const SIGNATURE_TITLE = /^(?:(?:TM|KT|TL|TUQ|Q)\.\s*)?(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN)\b/u;

/** True when a line starts the signature / recipients block after the last Điều. */
export function isTrailerStart(line: string): boolean {
  if (/^nơi nhận\s*:?/iu.test(line)) return true;
  if (/^(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}/u.test(line)) return true;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return line.length <= 60 && letters === letters.toUpperCase() && SIGNATURE_TITLE.test(line);
}

/** True when a line is in capitals (a heading title such as `NHỮNG QUY ĐỊNH CHUNG`). */
export function isCapitalised(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Display label of a heading: `Chương II. NHỮNG QUY ĐỊNH CHUNG`, `Điều 9. Thời hiệu khiếu nại`. */
export function headingLabel(h: HeadingMatch): string {
  const word = { phan: 'Phần', chuong: 'Chương', muc: 'Mục', dieu: 'Điều' }[h.kind];
  return h.title === '' ? `${word} ${h.num}` : `${word} ${h.num}. ${h.title}`;
}

/** Longest heading kept whole in a trail; a Điều without a title has its first sentence on the heading line. */
export const MAX_LABEL_CHARS = 120;

/** A heading shortened for trails and outlines: `Điều 1. Công bố kèm theo …`. */
export function shortLabel(heading: string): string {
  if (heading.length <= MAX_LABEL_CHARS) return heading;
  const cut = heading.lastIndexOf(' ', MAX_LABEL_CHARS - 1);
  return `${heading.slice(0, cut > MAX_LABEL_CHARS / 2 ? cut : MAX_LABEL_CHARS - 1).trimEnd()} …`;
}
