/**
 * JSON shapes served to the admin page: the filtered report table and the
 * year's coverage (activities per content area per month).
 */
import { sortAreas } from '../labels.js';
import type { ReportStore } from '../store/report-store.js';
import { formatTotals, type KindTotal, summarizeReports, type Tally, totalsByKind } from '../summary.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';

/** One row of the coverage chart. */
export interface AreaCoverage {
  code: string;
  indicator: string;
  title: string;
  /** Activities per month, January first (12 numbers). */
  months: number[];
  activities: number;
  /** Sums of counts per kind (never added across kinds). */
  totals: KindTotal[];
}

/** What `/admin/api/summary` returns. */
export interface AdminSummary {
  year: number;
  activities: number;
  /** Sums of counts per kind (never added across kinds). */
  totals: KindTotal[];
  /** `totals` in words: "200 tờ/ấn phẩm, 45 lượt người" (empty when nothing is counted). */
  totalsText: string;
  areas: AreaCoverage[];
  uncovered: string[];
  byIndicator: Array<{ key: string } & Tally>;
  byUnit: Array<{ key: string } & Tally>;
  byChannel: Array<{ key: string } & Tally>;
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
    totals: [],
  }));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const inArea = new Map<string, ReportRecord[]>();
  for (const r of reports) {
    const row = r.area ? byCode.get(r.area) : undefined;
    const month = r.date ? Number(r.date.slice(5, 7)) - 1 : -1;
    if (!row || month < 0 || month > 11) continue;
    row.months[month] = (row.months[month] ?? 0) + 1;
    row.activities += 1;
    inArea.set(row.code, [...(inArea.get(row.code) ?? []), r]);
  }
  for (const row of rows) row.totals = totalsByKind(inArea.get(row.code) ?? []);
  return {
    year,
    activities: s.all.activities,
    totals: s.all.totals,
    totalsText: formatTotals(s.all.totals),
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
