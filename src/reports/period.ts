/**
 * Reporting periods (year, quarter, month) in Vietnam time (UTC+7, no DST).
 */
import { vietnamDate } from '../core/vietnam-time.js';
import type { PeriodKind } from '../core/vocabulary.js';

/** Which period a summary covers. */
export type { PeriodKind } from '../core/vocabulary.js';

/** An inclusive date range with a Vietnamese label. */
export interface Period {
  kind: PeriodKind;
  year: number;
  from: string;
  to: string;
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The calendar date (YYYY-MM-DD) of an instant in Vietnam. */
export const localDate = vietnamDate;

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The period of the given kind that contains `now`. */
export function periodOf(kind: PeriodKind, now: Date): Period {
  const [y, m] = localDate(now).split('-').map(Number) as [number, number];
  if (kind === 'year') return { kind, year: y, from: `${y}-01-01`, to: `${y}-12-31`, label: `năm ${y}` };
  if (kind === 'month') {
    return { kind, year: y, from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`, label: `tháng ${m}/${y}` };
  }
  const q = Math.floor((m - 1) / 3);
  const first = q * 3 + 1;
  const last = first + 2;
  return {
    kind,
    year: y,
    from: `${y}-${pad(first)}-01`,
    to: `${y}-${pad(last)}-${pad(lastDay(y, last))}`,
    label: `quý ${ROMAN[q] ?? q + 1}/${y}`,
  };
}

/** Read `năm|quý|tháng` (with or without diacritics, or English) into a kind; default year. */
export function parsePeriodKind(arg: string): PeriodKind {
  const a = arg
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
  if (/^(quy|quarter|q)\b/.test(a)) return 'quarter';
  if (/^(thang|month|m)\b/.test(a)) return 'month';
  return 'year';
}
