/**
 * "Today" in Việt Nam: UTC+7 all year (no daylight saving). The one place
 * the offset is written; reports, the answerer and the CLI all use it.
 */

/** Việt Nam's offset from UTC, in milliseconds. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar day of `now` in Việt Nam, as `YYYY-MM-DD`.
 * @example vietnamDate(new Date('2026-11-30T18:00:00Z')) === '2026-12-01'
 */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year of `now` in Việt Nam. */
export function vietnamYear(now: Date): number {
  return Number(vietnamDate(now).slice(0, 4));
}

/**
 * An instant as Việt Nam wall-clock time, `dd/mm/yyyy hh:mm` ('' when unreadable).
 * @example vietnamDateTime('2026-11-20T02:05:00Z') === '20/11/2026 09:05'
 */
export function vietnamDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = new Date(t + VIETNAM_OFFSET_MS).toISOString();
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`;
}
