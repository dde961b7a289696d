/**
 * Metadata from the header of a Vietnamese legal document: số hiệu, date,
 * issuing agency, document type and title.
 */

import { foldText, normalizeText } from '../../text/normalize.js';
import type { DocMeta } from '../document.js';
import { issuerFromLines } from './issuer-name.js';
import { cleanLines } from './lines.js';

/** Type headings (folded) → the lower-case Vietnamese type. */
const TYPE_HEADINGS: Readonly<Record<string, string>> = {
  'quyet dinh': 'quyết định',
  'nghi dinh': 'nghị định',
  luat: 'luật',
  'bo luat': 'luật',
  'thong tu': 'thông tư',
  'thong tu lien tich': 'thông tư',
  'ke hoach': 'kế hoạch',
  'nghi quyet': 'nghị quyết',
  'huong dan': 'hướng dẫn',
  'cong van': 'công văn',
  'chi thi': 'chỉ thị',
  'thong bao': 'thông báo',
  'phap lenh': 'pháp lệnh',
};

/** Type from the code in a số hiệu (`QĐ-UBND` → quyết định), when no heading says it. */
const TYPE_CODES: ReadonlyArray<[RegExp, string]> = [
  [/(^|\/)QĐ(-|$)/u, 'quyết định'],
  [/(^|\/)NĐ-/u, 'nghị định'],
  [/(^|\/)TT(LT)?-/u, 'thông tư'],
  [/(^|\/)KH(-|$)/u, 'kế hoạch'],
  [/(^|\/)NQ(-|$)/u, 'nghị quyết'],
  [/(^|\/)HD(-|$)/u, 'hướng dẫn'],
  [/(^|\/)CT(-|$)/u, 'chỉ thị'],
  [/(^|\/)TB(-|$)/u, 'thông báo'],
];

const MOTTO = [
  /C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM/giu,
  /Đ[ộo]c\s+l[ậa]p\s*[-–—]\s*T[ựu]\s+do\s*[-–—]\s*H[ạa]nh\s+ph[úu]c/giu,
];
const SEPARATOR = /^[-_=*.…\s]+$/u;
/** `Số: 123/2024/QĐ-UBND`, `Luật số: 02/2011/QH13`, `Số 45/KH-SCT`, `Số: 12 /QĐ-UBND` (space before the slash). */
const NUMBER = /(?:^|\s)(?:Luật\s+|Pháp lệnh\s+)?Số(?:\s+hiệu)?\s*:?\s*(\d[\p{L}\p{N}.-]*)\s*(\/[\p{L}\p{N}/.-]*[\p{L}\p{N}])/iu;
const DATE_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const DATE_NUMERIC = /(?:^|\D)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/u;
/** Place-and-date phrase, removed from agency lines: `Quảng Ngãi, ngày 05 tháng 3 năm 2024`. */
const PLACE = String.raw`(?:(?<!\p{L})(?:\p{Lu}\p{Ll}*\s+)*\p{Lu}\p{Ll}*,\s*)?`;
const PLACE_DATE = new RegExp(
  String.raw`${PLACE}[Nn]gày\s+\d{1,2}\s+[Tt]háng\s+\d{1,2}\s+[Nn]ăm\s+\d{4}|${PLACE}(?:[Nn]gày\s+)?\d{1,2}\/\d{1,2}\/\d{4}`,
  'u', // no `i`: with it, \p{Lu} would match lower case too
);
/** Lines that end the title block. */
const TITLE_END = /^(căn cứ|xét đề nghị|theo đề nghị|kính gửi|điều\s+\d|chương\s|phần\s|mục\s+\d|[IVX]+\.\s|\d+\.\s|quyết định\s*:|quyết nghị\s*:)/iu;

/** Capitalised authority lines that follow the title (`CHỦ TỊCH ỦY BAN NHÂN DÂN …`, `CHÍNH PHỦ`). */
const AUTHORITY = /^(chủ tịch|giám đốc|bộ trưởng|thủ tướng|chánh|hội đồng nhân dân|ủy ban nhân dân|chính phủ|quốc hội|khóa\s)/iu;

const HEADER_SCAN = 30;
/** Only the start of the text can hold the header. */
const HEADER_CHARS = 6000;

/** `2024-03-05` when day/month/year form a real date, else null. */
function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const dt = new Date(Date.UTC(year, month - 1, day));
  if (year < 1945 || dt.getUTCMonth() !== month - 1 || dt.getUTCDate() !== day) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Find a date in one line (`ngày 05 tháng 3 năm 2024` or `05/3/2024`). */
export function findDate(line: string): string | null {
  const w = DATE_WORDS.exec(line);
  if (w) return isoDate(w[1] as string, w[2] as string, w[3] as string);
  const n = DATE_NUMERIC.exec(line);
  return n ? isoDate(n[1] as string, n[2] as string, n[3] as string) : null;
}

const isUpper = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
};

/** Remove the motto, the số hiệu and the place-and-date phrase from a header line. */
function stripHeaderNoise(line: string): string {
  let s = line;
  for (const re of MOTTO) s = s.replace(re, ' ');
  s = s.replace(NUMBER, ' ').replace(new RegExp(PLACE_DATE.source, 'gu'), ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Sentence case for an all-capitals title: `KHIẾU NẠI` → `Khiếu nại`. */
function sentenceCase(s: string): string {
  if (!isUpper(s)) return s;
  const lower = s.toLowerCase();
  return (lower[0] as string).toUpperCase() + lower.slice(1);
}

/**
 * Parse the header of a Vietnamese legal document. Returns only the fields it
 * found: `number`, `date` (ISO), `issuer`, `type` (lower-case Vietnamese) and
 * `title`. For a law the title reads `Luật Khiếu nại`.
 * @example parseLegalHeader('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/QĐ-UBND\n…').issuer === 'UBND tỉnh Quảng Ngãi'
 */
export function parseLegalHeader(text: string): Partial<DocMeta> {
  const lines = cleanLines(normalizeText(text.slice(0, HEADER_CHARS)))
    .filter((l) => l !== '')
    .slice(0, HEADER_SCAN);
  const meta: Partial<DocMeta> = {};

  const typeIdx = lines.findIndex(
    (l) =>
      isUpper(l) &&
      TYPE_HEADINGS[
        foldText(l)
          .replace(/[:.\s]+$/u, '')
          .trim()
      ] !== undefined,
  );
  const vvIdx = lines.findIndex((l) => /^V\/v\b/iu.test(l));
  const endIdx = lines.findIndex((l) => TITLE_END.test(l));
  const headerEnd = typeIdx >= 0 ? typeIdx : vvIdx >= 0 ? vvIdx : endIdx >= 0 ? endIdx : Math.min(lines.length, 12);
  const header = lines.slice(0, headerEnd);

  for (const l of header) {
    const num = NUMBER.exec(l);
    if (num && meta.number === undefined) meta.number = `${num[1] as string}${num[2] as string}`;
    const date = findDate(l);
    if (date && meta.date === undefined) meta.date = date;
  }
  if (meta.date === undefined && typeIdx < 0 && vvIdx >= 0) {
    // Công văn: the place-and-date line may come after `V/v …`, before `Kính gửi`.
    const stop = lines.findIndex((l, i) => i > vvIdx && TITLE_END.test(l));
    const date = lines
      .slice(vvIdx, stop >= 0 ? stop : vvIdx + 6)
      .filter((l) => PLACE_DATE.test(l))
      .map(findDate)
      .find((d) => d !== null);
    if (date) meta.date = date;
  }

  const agency: string[] = [];
  for (const l of header) {
    if (NUMBER.test(l) || PLACE_DATE.test(l)) {
      const rest = stripHeaderNoise(l);
      if (agency.length > 0) break;
      if (rest === '' || !isUpper(rest)) continue;
      agency.push(rest);
      break;
    }
    const rest = stripHeaderNoise(l);
    if (rest === '' || SEPARATOR.test(rest)) {
      if (agency.length > 0) break;
      continue;
    }
    if (!isUpper(rest)) break;
    agency.push(rest);
  }
  const issuer = issuerFromLines(agency);
  if (issuer) meta.issuer = issuer;

  if (typeIdx >= 0) {
    const heading = foldText(lines[typeIdx] as string)
      .replace(/[:.\s]+$/u, '')
      .trim();
    meta.type = TYPE_HEADINGS[heading] as string;
    const title = titleAfter(lines, typeIdx + 1);
    if (title) meta.title = meta.type === 'luật' && !/^luật\s/iu.test(title) ? `Luật ${title}` : title;
  } else if (vvIdx >= 0) {
    meta.type = 'công văn';
    const title = titleAfter(lines, vvIdx);
    if (title) meta.title = title.replace(/^V\/v\s*/iu, 'Về việc ');
  }
  if (meta.type === undefined && meta.number) {
    const hit = TYPE_CODES.find(([re]) => re.test(meta.number as string));
    if (hit) meta.type = hit[1];
  }
  return meta;
}

/**
 * The title block starting at `start`: lines up to a separator, a `Căn cứ` /
 * `Điều` / numbered line, or a switch from mixed case to capitals (the
 * authority line `CHỦ TỊCH ỦY BAN NHÂN DÂN …`); at most four lines.
 */
function titleAfter(lines: string[], start: number): string | null {
  const parts: string[] = [];
  for (let i = start; i < lines.length && parts.length < 4; i++) {
    const l = (lines[i] as string).trim();
    if (SEPARATOR.test(l) || TITLE_END.test(l)) break;
    if (PLACE_DATE.test(l)) {
      // A date column merged onto the title line: keep the title part only.
      const rest = l.replace(new RegExp(PLACE_DATE.source, 'gu'), ' ').replace(/\s+/g, ' ').trim();
      if (rest !== '') parts.push(rest);
      break;
    }
    if (parts.length > 0 && isUpper(l) && !isUpper(parts[parts.length - 1] as string)) break;
    if (parts.length > 0 && isUpper(l) && AUTHORITY.test(l)) break;
    parts.push(l);
  }
  if (parts.length === 0) return null;
  const joined = parts.join(' ').replace(/\s+/g, ' ').trim();
  return sentenceCase(joined);
}
