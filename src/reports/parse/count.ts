/**
 * Count extraction: items published or handed out, or people reached or
 * attending. A number counts only when a unit noun follows it ("3 tin",
 * "100 tờ gấp", "45 doanh nghiệp dự", "khoảng 50 người"); written numbers
 * ("hai", "mười lăm") are read too. Dates, links, years and document
 * numbers are blanked first. A single item without a number counts 1.
 */
import type { CountKind } from '../../core/vocabulary.js';
import { blankSpans, matchSpans } from './prepare.js';
import type { Channel } from './types.js';

const ITEM = String.raw`(?:tin\s+bai|bai\s+viet|bai|tin|ban\s+tin|luot\s+(?:tin|bai|chia\s+se|dang)|to(?:\s+(?:roi|gap|buom|tin))?|cuon|quyen|ban|bang\s+(?:ron|zon)|pano|ap\s+phich|poster|standee|khau\s+hieu|phong\s+su|video|clip|phim|infographic|an\s+pham|tai\s+lieu|bo\s+tai\s+lieu|so\s+tay|cam\s+nang|chuyen\s+muc|tin\s+nhan|thong\s+bao|van\s+ban|thu\s+tuc|tthc|cau\s+hoi|hinh\s+anh|bao|post|story)`;
const PEOPLE = String.raw`(?:luot\s+(?:tu\s+van|huong\s+dan|ho\s+tro|giai\s+dap)|nguoi(?:\s+dan)?|luot(?:\s+(?:nguoi|xem|tiep\s+can|truy\s+cap|nghe))?|doanh\s+nghiep|dn|dai\s+bieu|can\s+bo|cong\s+chuc|vien\s+chuc|ccvc|cbccvc|cbcc|hoc\s+vien|ho(?:\s+kinh\s+doanh|\s+dan)?|co\s+so|hop\s+tac\s+xa|htx|to\s+chuc|ca\s+nhan|cong\s+dan|thanh\s+vien|doan\s+vien|hoi\s+vien|truong\s+hop|hoc\s+sinh|sinh\s+vien|tieu\s+thuong|thuong\s+nhan|nha\s+dau\s+tu|khach(?:\s+hang)?|don\s+vi|co\s+quan|dan|em)`;
const SESSION = String.raw`(?:buoi|lop|cuoc|hoi\s+nghi|hoi\s+thao|dot|lan|phien|chuyen)`;

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{3})+|\d+)(?:\s*(nghin|ngan|tram|k)\b)?`;

const RE_ITEM = new RegExp(String.raw`(?<![\d/.,:])${NUMBER}\s+(${ITEM})\b`, 'gd');
const RE_PEOPLE = new RegExp(String.raw`(?<![\d/.,:])${NUMBER}\s+(${PEOPLE})\b`, 'gd');
const RE_SESSION = new RegExp(String.raw`(?<![\d/.,:])${NUMBER}\s+(${SESSION})\b`, 'gd');
const RE_LABELLED = new RegExp(
  String.raw`\b(?:so\s+luong|sl|so\s+nguoi(?:\s+(?:tham\s+du|du))?|so\s+dai\s+bieu|tham\s+du|tong\s+(?:so|cong))\s*:?\s*${NUMBER}`,
  'gd',
);

/** Spans that never hold a count: links, document numbers, years, levels. */
const NOISE: RegExp[] = [
  /\b(?:https?:\/\/|www\.)\S+/g,
  /\b(?:nghi\s+dinh|quyet\s+dinh|thong\s+tu|ke\s+hoach|cong\s+van|chi\s+thi|nghi\s+quyet|luat|nd|qd|tt|kh|cv|nq|so|iso|tcvn)\s*:?\s*(?:so\s*)?\d+[\w/.:-]*/g,
  /\d+\s*\/\s*[\w-]*[a-z][\w/-]*/g,
  /\b(?:nam|giai\s+doan)\s+\d{4}(?:\s*-\s*\d{4})?/g,
  /\b(?:19|20)\d{2}\b/g,
  /\bmuc\s+(?:do\s+)?\d+(?:\s*(?:,|va|-)\s*\d+)?/g,
];

const DIGITS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const ACCENTED_NUMBER_WORDS = new Set([
  'một',
  'mốt',
  'hai',
  'ba',
  'bốn',
  'tư',
  'năm',
  'lăm',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'mươi',
  'trăm',
  'nghìn',
  'ngàn',
  'linh',
  'lẻ',
]);
const WORD_SEQ =
  /\b((?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|nghin|ngan|linh|le)(?:\s+(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|nghin|ngan|linh|le))*)(?=\s)/g;

/** Value of a folded written number ("hai muoi lam" → 25), or null. */
export function wordsToNumber(words: string): number | null {
  let total = 0;
  let current = 0;
  let pending: number | null = null;
  let seen = false;
  for (const w of words.trim().split(/\s+/)) {
    if (w in DIGITS) {
      if (pending !== null) return null;
      pending = DIGITS[w] ?? null;
    } else if (w === 'muoi') {
      current += (pending ?? 1) * 10;
      pending = null;
    } else if (w === 'tram') {
      current += (pending ?? 1) * 100;
      pending = null;
    } else if (w === 'nghin' || w === 'ngan') {
      total += (current + (pending ?? 0) || 1) * 1000;
      current = 0;
      pending = null;
    } else if (w !== 'linh' && w !== 'le') return null;
    seen = true;
  }
  const n = total + current + (pending ?? 0);
  return seen && n > 0 ? n : null;
}

/** Rewrite written numbers into digits when a unit noun follows (same-ish text). */
function digitiseWords(folded: string, clean: string): string {
  const accented = /[^\x00-\x7f]/.test(clean);
  return folded.replace(WORD_SEQ, (seq, _g, offset: number) => {
    if (/\d\s*$/.test(folded.slice(0, offset))) return seq;
    const after = folded.slice(offset + seq.length);
    if (!new RegExp(String.raw`^\s+(?:${ITEM}|${PEOPLE})\b`).test(after)) return seq;
    if (accented) {
      const original = clean
        .slice(offset, offset + seq.length)
        .toLowerCase()
        .split(/\s+/);
      if (!original.every((w) => ACCENTED_NUMBER_WORDS.has(w))) return seq;
    }
    const n = wordsToNumber(seq);
    return n === null ? seq : String(n);
  });
}

function toNumber(digits: string, multiplier: string | undefined): number {
  const base = Number(digits.replace(/[.,]/g, ''));
  const mult = multiplier === 'tram' ? 100 : multiplier ? 1000 : 1;
  return base * mult;
}

/** A number found with the noun after it (folded), if any. */
interface Found {
  n: number;
  noun: string | null;
  /** Where the number (with its multiplier) is written. */
  span: readonly [number, number] | null;
}

const spanOf = (m: RegExpExecArray | RegExpMatchArray): readonly [number, number] | null => {
  const all = (m as RegExpExecArray).indices;
  const num = all?.[1];
  if (!num) return null;
  return [num[0], all?.[2]?.[1] ?? num[1]];
};

function firstNumber(text: string, re: RegExp): Found | null {
  for (const m of text.matchAll(re)) {
    const n = toNumber(m[1] ?? '', m[2]);
    if (Number.isFinite(n) && n > 0) return { n, noun: m[3] ?? null, span: spanOf(m) };
  }
  return null;
}

const PRINTED_NOUN = /^(?:to\b|cuon|quyen|ban$|bang\s|pano|ap\s+phich|poster|standee|khau\s+hieu|an\s+pham|tai\s+lieu|bo\s+tai\s+lieu|so\s+tay|cam\s+nang)/;
const CONSULTATION_NOUN = /^(?:luot\s+(?:tu\s+van|huong\s+dan|ho\s+tro|giai\s+dap)|truong\s+hop|cau\s+hoi)/;
const SESSION_NOUN = new RegExp(`^${SESSION}$`);
const ITEM_NOUN = new RegExp(`^${ITEM}$`);
const PEOPLE_NOUN = new RegExp(`^${PEOPLE}$`);

/** The kind a unit noun measures ("tờ gấp" → printed, "doanh nghiệp" → person), or null. */
export function kindOfNoun(noun: string): CountKind | null {
  const w = noun.trim().replace(/\s+/g, ' ');
  if (CONSULTATION_NOUN.test(w)) return 'consultation';
  if (SESSION_NOUN.test(w)) return 'session';
  if (ITEM_NOUN.test(w)) return PRINTED_NOUN.test(w) ? 'printed' : 'post';
  return PEOPLE_NOUN.test(w) ? 'person' : null;
}

/** The usual kind of a channel's count, when the text names no unit noun. */
export function kindOfChannel(channel: Channel | null): CountKind {
  switch (channel) {
    case 'website':
    case 'social':
    case 'press':
      return 'post';
    case 'print':
      return 'printed';
    case 'meeting':
      return 'person';
    case 'direct':
      return 'consultation';
    default:
      return 'unknown';
  }
}

const LABELLED_PEOPLE = /^(?:so\s+nguoi|so\s+dai\s+bieu|tham\s+du)/;

const SINGLE =
  /(?:^|\b(?:dang|dang\s+tai|chia\s+se|viet|phat|dua|phat\s+song|len\s+song|thuc\s+hien|xuat\s+ban|in|treo|to\s+chuc|xay\s+dung|san\s+xuat|gui|co)\s+(?:mot\s+|01\s+)?)(?:tin\s+bai|bai\s+viet|bai|tin|ban\s+tin|phong\s+su|video|clip|infographic|chuyen\s+muc|hoi\s+nghi|hoi\s+thao|buoi|lop|cuoc|bang\s+(?:ron|zon)|pano|ap\s+phich|thong\s+bao)\b/;
const PLURAL_BEFORE = /\b(?:cac|nhung|nhieu|mot\s+so|mot\s+vai|hang\s+loat|loat|chuoi)\s+$/;

/**
 * The count of a message, or null.
 * @param folded folded message
 * @param clean the same message with diacritics (to tell "sáu" from "sau")
 * @param channel the detected channel: meetings and desks count people first
 * @param blank spans to ignore (dates)
 */
export function extractCount(folded: string, clean: string, channel: Channel | null, blank: ReadonlyArray<readonly [number, number]> = []): number | null {
  return extractCountWithKind(folded, clean, channel, blank)?.count ?? null;
}

/** A count and what it measures. `nounKind` is set only when a unit noun said it. */
export interface CountWithKind {
  count: number;
  kind: CountKind;
  nounKind: CountKind | null;
  /** Where the count's number is written in the text (null for a written-out or implied number). */
  span: readonly [number, number] | null;
}

/** Like {@link extractCount}, with the count's kind (from its noun, else from the channel). */
export function extractCountWithKind(
  folded: string,
  clean: string,
  channel: Channel | null,
  blank: ReadonlyArray<readonly [number, number]> = [],
): CountWithKind | null {
  let text = blankSpans(folded, blank);
  text = blankSpans(
    text,
    NOISE.flatMap((re) => matchSpans(text, re)),
  );
  const beforeWords = text;
  text = digitiseWords(text, clean);
  const sameOffsets = text === beforeWords;
  const labelled = firstLabelled(text);
  const items = firstNumber(text, RE_ITEM);
  const people = firstNumber(text, RE_PEOPLE);
  const sessions = firstNumber(text, RE_SESSION);
  const peopleFirst = channel === 'meeting' || channel === 'direct';
  const order = peopleFirst ? [labelled, people, items, sessions] : [labelled, items, people, sessions];
  const found = order.find((n) => n !== null);
  if (found !== undefined && found !== null) {
    const named = found.noun ? kindOfNoun(found.noun) : null;
    // People helped one by one (in person, by phone) are consultations: "tư vấn cho 11 doanh nghiệp".
    const nounKind = named === 'person' && channel === 'direct' ? 'consultation' : named;
    return { count: found.n, kind: nounKind ?? kindOfChannel(channel), nounKind, span: sameOffsets ? found.span : null };
  }
  const single = SINGLE.exec(text);
  if (single && !PLURAL_BEFORE.test(text.slice(0, single.index + single[0].length).replace(/\S+\s*$/, ''))) {
    const nounKind = kindOfNoun(lastNoun(single[0]));
    return { count: 1, kind: nounKind ?? kindOfChannel(channel), nounKind, span: null };
  }
  return null;
}

/** "Số lượng: 64" (kind from a following noun), "số người tham dự 40" (people). */
function firstLabelled(text: string): Found | null {
  for (const m of text.matchAll(RE_LABELLED)) {
    const n = toNumber(m[1] ?? '', m[2]);
    if (!Number.isFinite(n) || n <= 0) continue;
    const label = m[0].replace(/^\W+/, '');
    if (LABELLED_PEOPLE.test(label)) return { n, noun: 'nguoi', span: spanOf(m) };
    const after = /^\s+(\S+(?:\s+\S+)?)/.exec(text.slice((m.index ?? 0) + m[0].length));
    const noun = after ? nounAtStart(after[1] ?? '') : null;
    return { n, noun, span: spanOf(m) };
  }
  return null;
}

/** The unit noun a text starts with ("to gap ve…" → "to gap"), or null. */
function nounAtStart(text: string): string | null {
  for (const group of [ITEM, PEOPLE, SESSION]) {
    const m = new RegExp(String.raw`^${group}\b`).exec(text);
    if (m) return m[0];
  }
  return null;
}

/** The unit noun at the end of a SINGLE match ("dang mot bai" → "bai"). */
function lastNoun(match: string): string {
  const words = match.trim().split(/\s+/);
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const tail = words.slice(-k).join(' ');
    if (kindOfNoun(tail)) return tail;
  }
  return words.at(-1) ?? '';
}

/** The kind named by the first "number + unit noun" in a folded text ("so luong 4 bai" → post), or null. */
export function countKindInText(folded: string): CountKind | null {
  const hits = [RE_ITEM, RE_PEOPLE, RE_SESSION].flatMap((re) => [...folded.matchAll(re)]).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const noun = hits[0]?.[3];
  return noun ? kindOfNoun(noun) : null;
}
