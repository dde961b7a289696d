/**
 * Turn the capitalised agency line(s) of a Vietnamese legal document's
 * header into the usual short name: `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI` →
 * `UBND tỉnh Quảng Ngãi`, `SỞ CÔNG THƯƠNG` → `Sở Công Thương`.
 */
import { foldText, normalizeText } from '../../text/normalize.js';

/** Well-known agency names (folded upper-case form → display form). */
const KNOWN: ReadonlyArray<[string, string]> = [
  ['uy ban nhan dan', 'UBND'],
  ['ubnd', 'UBND'],
  ['hoi dong nhan dan', 'HĐND'],
  ['hdnd', 'HĐND'],
  ['uy ban thuong vu quoc hoi', 'Ủy ban Thường vụ Quốc hội'],
  ['quoc hoi', 'Quốc hội'],
  ['chinh phu', 'Chính phủ'],
  ['thu tuong chinh phu', 'Thủ tướng Chính phủ'],
  ['van phong chinh phu', 'Văn phòng Chính phủ'],
  ['bo cong thuong', 'Bộ Công Thương'],
  ['so cong thuong', 'Sở Công Thương'],
  ['thanh tra chinh phu', 'Thanh tra Chính phủ'],
];

/** Administrative level words that start the locality part, longest first. */
const LEVELS = ['thanh pho', 'thi xa', 'thi tran', 'tinh', 'huyen', 'quan', 'phuong', 'xa'];

/** Agency-type words whose following word is also capitalised (`Sở Tài chính`). */
const AGENCY_HEADS = ['so', 'bo', 'cuc', 'vu', 'phong', 'ban', 'chi cuc', 'thanh tra', 'van phong', 'tong cuc', 'trung tam'];

/** Lines that start a lower-level agency under a parent line (`SỞ CÔNG THƯƠNG` under `UBND TỈNH …`). */
const CHILD_START = /^(sở|bộ|cục|vụ|phòng|ban|chi cục|thanh tra|văn phòng|tổng cục|trung tâm)\s/iu;

const capitalise = (w: string): string => (w === '' ? w : (w[0] as string).toUpperCase() + w.slice(1).toLowerCase());

/** Title-case every word: `QUẢNG NGÃI` → `Quảng Ngãi`. */
function titleCase(words: string[]): string {
  return words.map(capitalise).join(' ');
}

/** Agency part without locality: known table, else `Head Next rest-lower-case`. */
function agencyName(words: string[]): string {
  const folded = foldText(words.join(' '));
  for (const [key, display] of KNOWN) if (folded === key) return display;
  const head = AGENCY_HEADS.map((h) => h.split(' ')).find((h) => foldText(words.slice(0, h.length).join(' ')) === h.join(' '));
  const n = head ? head.length + 1 : 1;
  return [...words.slice(0, n).map(capitalise), ...words.slice(n).map((w) => w.toLowerCase())].join(' ');
}

/** Format one agency phrase: agency words, then an optional locality (`tỉnh Quảng Ngãi`). */
export function formatAgency(phrase: string): string {
  const words = normalizeText(phrase)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const folded = words.map((w) => foldText(w));
  for (let i = 1; i < words.length; i++) {
    const level = LEVELS.find((lv) => {
      const parts = lv.split(' ');
      return parts.every((p, j) => folded[i + j] === p) && i + parts.length < words.length;
    });
    if (level) {
      const n = level.split(' ').length;
      const agency = agencyName(words.slice(0, i));
      const levelWord = words
        .slice(i, i + n)
        .join(' ')
        .toLowerCase();
      return `${agency} ${levelWord} ${titleCase(words.slice(i + n))}`;
    }
  }
  return agencyName(words);
}

/**
 * Build the issuer from the agency lines at the top of the header.
 * A line starting with a level word continues the previous one
 * (`ỦY BAN NHÂN DÂN` + `TỈNH QUẢNG NGÃI`); a line naming a lower-level agency
 * (`SỞ CÔNG THƯƠNG` under `UBND TỈNH QUẢNG NGÃI`) is the issuer, with the
 * parent's locality appended.
 */
export function issuerFromLines(lines: string[]): string | null {
  const phrases: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    const last = phrases[phrases.length - 1];
    if (last !== undefined && !CHILD_START.test(t)) phrases[phrases.length - 1] = `${last} ${t}`;
    else phrases.push(t);
  }
  if (phrases.length === 0) return null;
  const issuer = formatAgency(phrases[phrases.length - 1] as string);
  if (phrases.length === 1) return issuer;
  const parent = formatAgency(phrases[0] as string);
  const locality = /\s((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s.+)$/u.exec(parent)?.[1];
  return locality && !issuer.includes(locality) ? `${issuer} ${locality}` : issuer;
}
