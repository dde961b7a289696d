/**
 * JSON shapes served to the admin page: the filtered report table and the
 * year's coverage (activities per content area per month).
 */
import { sortAreas } from '../labels.js';
import type { ReportStore } from '../store/report-store.js';
import { summarizeReports } from '../summary.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';

/** One row of the coverage chart. */
export interface AreaCoverage {
  code: string;
  indicator: string;
  title: string;
  /** Activities per month, January first (12 numbers). */
  months: number[];
  activities: number;
  total: number;
}

/** What `/admin/api/summary` returns. */
export interface AdminSummary {
  year: number;
  activities: number;
  total: number;
  areas: AreaCoverage[];
  uncovered: string[];
  byIndicator: Array<{ key: string; activities: number; total: number }>;
  byUnit: Array<{ key: string; activities: number; total: number }>;
  byChannel: Array<{ key: string; activities: number; total: number }>;
  /** Every unit and year seen, for the filter drop-downs. */
  units: string[];
}

/** Coverage of one year's reports over the plan's areas. */
export function buildAdminSummary(reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[], year: number, units: string[]): AdminSummary {
  const s = summarizeReports(reports);
  const rows: AreaCoverage[] = sortAreas(areas).map((a) => ({
    code: a.code,
    indicator: a.indicator,
    title: a.title,
    months: new Array<number>(12).fill(0),
    activities: 0,
    total: 0,
  }));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const r of reports) {
    const row = r.area ? byCode.get(r.area) : undefined;
    const month = r.date ? Number(r.date.slice(5, 7)) - 1 : -1;
    if (!row || month < 0 || month > 11) continue;
    row.months[month] = (row.months[month] ?? 0) + 1;
    row.activities += 1;
    row.total += r.count ?? 0;
  }
  return {
    year,
    activities: s.all.activities,
    total: s.all.total,
    areas: rows,
    uncovered: rows.filter((r) => r.activities === 0).map((r) => r.code),
    byIndicator: s.byIndicator,
    byUnit: s.byUnit,
    byChannel: s.byChannel,
    units,
  };
}

/** Distinct units that have reported, sorted. */
export function knownUnits(store: ReportStore): string[] {
  const set = new Set(
    store
      .list()
      .map((r) => r.unit)
      .filter((u): u is string => Boolean(u)),
  );
  return [...set].sort((a, b) => a.localeCompare(b, 'vi'));
}
