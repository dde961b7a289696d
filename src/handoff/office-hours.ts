/**
 * Office hours of the department (`HANDOFF_OFFICE_HOURS`), written the way
 * staff write them: "7:30–11:30, 13:30–17:00, thứ Hai–thứ Sáu". Parsed once
 * by the configuration; the bot uses them to say honestly when staff
 * usually answer, in Việt Nam time.
 */
import { VIETNAM_OFFSET_MS } from '../core/vietnam-time.js';
import { foldText } from '../text/normalize.js';

/** Default office hours of a Vietnamese provincial department. */
export const DEFAULT_OFFICE_HOURS = '7:30–11:30, 13:30–17:00, thứ Hai–thứ Sáu';

export interface OfficeHours {
  /** The text as configured, shown to citizens. */
  text: string;
  /** Minutes since midnight, [from, to). */
  ranges: Array<{ from: number; to: number }>;
  /** Days of the week (0 = Sunday … 6 = Saturday). */
  days: ReadonlySet<number>;
}

const TIME_RANGE = /(\d{1,2})\s*[:hg]\s*(\d{2})?\s*(?:[–—-]|đến|den)\s*(\d{1,2})\s*[:hg]\s*(\d{2})?/gi;

/** Folded day names → day of the week. */
const DAY_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:thu\s*)?(?:hai|2)$|^t2$/, 1],
  [/^(?:thu\s*)?(?:ba|3)$|^t3$/, 2],
  [/^(?:thu\s*)?(?:tu|4)$|^t4$/, 3],
  [/^(?:thu\s*)?(?:nam|5)$|^t5$/, 4],
  [/^(?:thu\s*)?(?:sau|6)$|^t6$/, 5],
  [/^(?:thu\s*)?(?:bay|7)$|^t7$/, 6],
  [/^(?:chu\s*nhat|cn)$/, 0],
];

function dayOf(word: string): number | undefined {
  const w = word.trim();
  return DAY_WORDS.find(([re]) => re.test(w))?.[1];
}

/**
 * Parse office hours. Returns an error message (Vietnamese) instead of
 * throwing, for the configuration to report with the variable's name.
 * Without a day part, Monday to Friday is assumed.
 * @example parseOfficeHours('7:30–11:30, 13:30–17:00, thứ Hai–thứ Sáu').ranges // [{from: 450, to: 690}, {from: 810, to: 1020}]
 */
export function parseOfficeHours(text: string): OfficeHours | { error: string } {
  const ranges: OfficeHours['ranges'] = [];
  for (const m of text.matchAll(TIME_RANGE)) {
    const from = Number(m[1]) * 60 + Number(m[2] ?? 0);
    const to = Number(m[3]) * 60 + Number(m[4] ?? 0);
    if (from >= to || to > 24 * 60) return { error: `khoảng giờ "${m[0]}" không hợp lệ` };
    ranges.push({ from, to });
  }
  if (ranges.length === 0) return { error: 'cần ít nhất một khoảng giờ, ví dụ 7:30–11:30' };
  const parts = foldText(text.replace(TIME_RANGE, ' '))
    .split(/[,;]|\bva\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  const days = new Set<number>();
  if (parts.length === 0) {
    for (const d of [1, 2, 3, 4, 5]) days.add(d);
  } else {
    for (const part of parts) {
      const span = part.split(/\s*(?:[–—-]|den)\s*/);
      const first = dayOf(span[0] ?? '');
      const last = span.length > 1 ? dayOf(span[span.length - 1] ?? '') : first;
      if (first === undefined || last === undefined) return { error: `không hiểu ngày "${part}" (ví dụ: thứ Hai–thứ Sáu)` };
      // Monday-first week: thứ Hai (1) … Chủ nhật (0 → 7).
      const a = first === 0 ? 7 : first;
      const b = last === 0 ? 7 : last;
      for (let d = a; d <= b; d++) days.add(d % 7);
    }
  }
  return { text: text.trim(), ranges, days };
}

/** Whether `now` (any time zone) falls inside office hours in Việt Nam. */
export function isWithinOfficeHours(hours: OfficeHours, now: Date): boolean {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  if (!hours.days.has(local.getUTCDay())) return false;
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return hours.ranges.some((r) => minutes >= r.from && minutes < r.to);
}
