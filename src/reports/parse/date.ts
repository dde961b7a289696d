/**
 * Date grammar for report messages, on folded text (no diacritics):
 * dd/mm[/yyyy], dd-mm-yyyy, dd.mm[.yyyy], "ngày 5 tháng 11 (năm 2026)",
 * "hôm nay / hôm qua / hôm kia", weekdays ("thứ hai", "thứ 2", "T2", "CN",
 * "thứ sáu tuần trước"). Dates without a year take the latest such date not
 * after `now`. Every result is a real calendar date.
 */

import { VIETNAM_OFFSET_MS } from '../../core/vietnam-time.js';

/** A date found in the text, with its character span. */
export interface DateMatch {
  iso: string;
  start: number;
  end: number;
  /** explicit (day and month written), relative (hôm qua), weekday, or day (ngày 20). */
  kind: 'explicit' | 'relative' | 'weekday' | 'day';
}

const DAY_MS = 86_400_000;

/**
 * UTC midnight of `now`'s calendar day in Việt Nam. A date-only value such as
 * `new Date('2026-11-27')` (UTC midnight) stays on 27/11.
 */
function today(now: Date): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The date, or null when day/month/year is not a real calendar date. */
function makeDate(y: number, m: number, d: number): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? dt : null;
}

/** Latest valid d/m not after `now` (looks back up to 8 years for 29/2). */
function latestDayMonth(now: Date, m: number, d: number): Date | null {
  const t = today(now);
  for (let y = t.getUTCFullYear(); y >= t.getUTCFullYear() - 8; y--) {
    const dt = makeDate(y, m, d);
    if (dt && dt.getTime() <= t.getTime()) return dt;
    if (!dt && (m < 1 || m > 12 || d < 1 || d > 31)) return null;
  }
  return null;
}

/** Latest day `d` of a month, not after `now` ("ngày 20" said on 5/12 → 20/11). */
function latestDayOfMonth(now: Date, d: number): Date | null {
  const t = today(now);
  for (let back = 0; back < 12; back++) {
    const month = t.getUTCMonth() - back;
    const dt = makeDate(t.getUTCFullYear() + Math.floor(month / 12), (((month % 12) + 12) % 12) + 1, d);
    if (dt && dt.getTime() <= t.getTime()) return dt;
  }
  return null;
}

function fullYear(y: string | undefined): number | null {
  if (y === undefined) return null;
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

const WEEKDAY_WORDS: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

/** JS weekday (0 = Sunday) of a matched weekday phrase, or null. */
function weekdayOf(word: string): number | null {
  const w = word.replace(/\s+/g, ' ').trim();
  if (w === 'cn' || w === 'chu nhat') return 0;
  const m = /^(?:thu|t)\s*([2-7]|hai|ba|tu|nam|sau|bay)$/.exec(w);
  if (!m || m[1] === undefined) return null;
  const n = Number(m[1]);
  return Number.isNaN(n) ? (WEEKDAY_WORDS[m[1]] ?? null) : n - 1;
}

/** Resolve a weekday against `now`: latest not after today, or in a given week. */
function resolveWeekday(now: Date, weekday: number, week: 'latest' | 'this' | 'last'): Date {
  const t = today(now);
  if (week === 'latest') {
    const back = (t.getUTCDay() - weekday + 7) % 7;
    return new Date(t.getTime() - back * DAY_MS);
  }
  // Vietnamese weeks run Monday (thứ hai) to Sunday (chủ nhật).
  const mondayOffset = (t.getUTCDay() + 6) % 7;
  const monday = t.getTime() - mondayOffset * DAY_MS;
  const dayIndex = (weekday + 6) % 7;
  return new Date(monday + (dayIndex - (week === 'last' ? 7 : 0)) * DAY_MS);
}

const NUMERIC = /(?<![\d/.,-])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d]|[/.-]\d|\/[a-z])/g;
const RANGE = /\b(?:ngay|tu)\s+(\d{1,2})\s*(?:va|,|-|den|toi|&)\s*(?:ngay\s+)?\d{1,2}\s*[/.-]\s*(\d{1,2})(?:[/.-](\d{4}))?(?![\d])/g;
const WORDED = /(?<![\d])(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,|nam)\s*(\d{4}))?(?!\d)/g;
const RELATIVE = /\b(?:(?:ngay\s+)?hom\s+(nay|qua|kia)|(?:sang|trua|chieu|toi|dem)\s+(nay|qua))\b/g;
const ORDINAL_BEFORE = /\b(?:lan|ky|dot|phien|khoa|hang|lop|buoi|cuoc|giai|muc|phan|chuong|dieu|khoan|nguoi|dung)\s+$/;
const DAY_ONLY = /\bngay\s+(\d{1,2})\b(?!\s*(?:[/.-]\s*\d|thang\b))/g;
const WEEKDAY =
  /\b(?:(?:vao|ngay|hom|sang|chieu|toi)\s+)?(thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat|t[2-7]|cn)\b(\s+(?:tuan\s+(?:truoc|roi|qua|nay)|vua\s+(?:qua|roi)))?/g;

/** Prefixes showing that a number belongs to a document, not a date. */
const DOC_BEFORE = /(?:\bso|\bnd|\bqd|\bkh|\btt|\bcv|\bnq|dinh|hoach|tu|van|quyet)\s*:?\s*$/;

/**
 * Every date in the folded text, in text order.
 * @param folded diacritic-folded, lower-cased message
 */
export function findDates(folded: string, now: Date): DateMatch[] {
  const found: DateMatch[] = [];
  let kind: DateMatch['kind'] = 'explicit';
  const push = (d: Date | null, start: number, end: number) => {
    if (d) found.push({ iso: iso(d), start, end, kind });
  };
  for (const m of folded.matchAll(RANGE)) {
    // "ngày 20 và 21/11", "từ 18-20/11": the activity starts on the first day.
    const [, d, mo, y] = m;
    const year = fullYear(y);
    push(year ? makeDate(year, Number(mo), Number(d)) : latestDayMonth(now, Number(mo), Number(d)), m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(WORDED)) {
    if (found.some((f) => m.index < f.end && m.index + m[0].length > f.start)) continue;
    const [, d, mo, y] = m;
    const year = fullYear(y);
    push(year ? makeDate(year, Number(mo), Number(d)) : latestDayMonth(now, Number(mo), Number(d)), m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(NUMERIC)) {
    const [, d, sep, mo, y] = m;
    if (found.some((f) => m.index < f.end && m.index + m[0].length > f.start)) continue;
    const before = folded.slice(Math.max(0, m.index - 12), m.index);
    const hasDayWord = /ngay\s*$/.test(before);
    if (!hasDayWord && DOC_BEFORE.test(before)) continue;
    // "1/2 số doanh nghiệp" is a fraction.
    if (!hasDayWord && /^\s+(?:so|trong|cac|tong)\b/.test(folded.slice(m.index + m[0].length))) continue;
    if (sep === '.' && y === undefined && !hasDayWord) {
      // "5.12" alone could be a decimal; accept only with a day word or a date-like tail.
      const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 2);
      if (/^\s*\d/.test(after)) continue;
    }
    const year = fullYear(y);
    push(year ? makeDate(year, Number(mo), Number(d)) : latestDayMonth(now, Number(mo), Number(d)), m.index, m.index + m[0].length);
  }
  kind = 'day';
  for (const m of folded.matchAll(DAY_ONLY)) {
    if (found.some((f) => m.index < f.end && m.index + m[0].length > f.start)) continue;
    push(latestDayOfMonth(now, Number(m[1])), m.index, m.index + m[0].length);
  }
  kind = 'relative';
  for (const m of folded.matchAll(RELATIVE)) {
    const word = m[1] ?? m[2];
    const back = word === 'nay' ? 0 : word === 'qua' ? 1 : 2;
    push(new Date(today(now).getTime() - back * DAY_MS), m.index, m.index + m[0].length);
  }
  kind = 'weekday';
  for (const m of folded.matchAll(WEEKDAY)) {
    const phrase = m[1] ?? '';
    // "lần thứ hai", "kỳ thứ 3": an ordinal, not a weekday.
    if (ORDINAL_BEFORE.test(folded.slice(Math.max(0, m.index - 8), m.index))) continue;
    const tail = (m[2] ?? '').trim();
    const prefixed = m[0].length > phrase.length + (m[2]?.length ?? 0);
    // "CN" alone is too often "công nghiệp": demand a day word or a week tail.
    if (phrase === 'cn' && !prefixed && !tail) continue;
    const wd = weekdayOf(phrase);
    if (wd === null) continue;
    const week = /tuan\s+(?:truoc|roi|qua)/.test(tail) ? 'last' : /tuan\s+nay/.test(tail) ? 'this' : 'latest';
    push(resolveWeekday(now, wd, week), m.index, m.index + m[0].length);
  }
  return found.filter((f) => !isDocumentDate(folded, f.start)).sort((a, b) => a.start - b.start);
}

/** "Nghị định 120/2020/NĐ-CP ngày 07/10/2020": the date of a cited document. */
function isDocumentDate(folded: string, start: number): boolean {
  const before = folded.slice(Math.max(0, start - 60), start);
  return (
    /\d\/[a-z0-9-]*[a-z][a-z0-9-]*\s*(?:cua\s+[^,;.]{0,40})?\s*ngay\s*$/.test(before) ||
    /(?:nghi dinh|quyet dinh|ke hoach|thong tu|nghi quyet|cong van|chi thi)\s+(?:so\s+)?\S+\s+ngay\s*$/.test(before)
  );
}

const KIND_RANK: Record<DateMatch['kind'], number> = { explicit: 0, day: 1, relative: 2, weekday: 3 };

/**
 * The activity date of a message: an explicit date introduced by "ngày"
 * wins, then any explicit date, then "ngày 20", relative days, weekdays;
 * null when there is none.
 */
export function extractDate(folded: string, now: Date): DateMatch | null {
  const all = findDates(folded, now);
  const withDay = all.find(
    (d) => d.kind === 'explicit' && (/ngay\s*$/.test(folded.slice(Math.max(0, d.start - 6), d.start)) || /^(?:ngay|tu)\b/.test(folded.slice(d.start))),
  );
  if (withDay) return withDay;
  return [...all].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.start - b.start)[0] ?? null;
}

/** Why the date of a message cannot be taken as it is. */
export type DateIssue =
  /** The activity is still ahead: a day later this year, or a planning word ("sẽ", "dự kiến"). */
  | { kind: 'future'; iso: string | null; text: string }
  /** A day and month that no calendar has ("31/11", "30/2"). */
  | { kind: 'invalid'; text: string };

/** Planning words: the activity has not happened yet. */
const PLANNED =
  /\b(?:se|du kien|sap|chuan bi|len ke hoach)\s+(?:to chuc|dang|phat|treo|tap huan|hop|thuc hien|trien khai|dien ra|in|gui|tuyen truyen|doi thoai|hoi nghi)/;
const DAY_MONTH =
  /(?<![\d/.,-])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?![\d])|(?<![\d])(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,|nam)\s*(\d{4}))?(?!\d)/g;

/**
 * A date the report flow must ask about rather than store: an impossible
 * day/month, a date later than today in the current year, or a planning word.
 * Null when the message's dates can be taken as parsed.
 * @example dateIssue('ngay 31/11 da dang 2 tin', now) → { kind: 'invalid', text: '31/11' }
 * @example dateIssue('ngay 15/12 phong qlcn se to chuc hoi nghi', 1/12/2026) → { kind: 'future', iso: '2026-12-15', … }
 */
export function dateIssue(folded: string, now: Date): DateIssue | null {
  const t = today(now);
  for (const m of folded.matchAll(DAY_MONTH)) {
    const d = Number(m[1] ?? m[4]);
    const mo = Number(m[2] ?? m[5]);
    const y = fullYear(m[3] ?? m[6]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue; // not a date at all (a fraction, a score)
    if (isDocumentDate(folded, m.index)) continue;
    const text = m[0].trim();
    const real = y ? makeDate(y, mo, d) : (makeDate(t.getUTCFullYear(), mo, d) ?? makeDate(2024, mo, d));
    if (!real) return { kind: 'invalid', text };
    if (!y) {
      const thisYear = makeDate(t.getUTCFullYear(), mo, d);
      if (thisYear && thisYear.getTime() > t.getTime()) return { kind: 'future', iso: iso(thisYear), text };
    } else if (real.getTime() > t.getTime()) {
      return { kind: 'future', iso: iso(real), text };
    }
  }
  const planned = PLANNED.exec(folded);
  return planned ? { kind: 'future', iso: null, text: planned[0] } : null;
}
