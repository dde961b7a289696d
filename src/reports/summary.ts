/**
 * Counting reports for `/tonghop`, the admin page and the exports:
 * activities by indicator, content area, unit and channel, and the content
 * areas that nobody has reported on yet.
 */
import { COUNT_KIND_UNITS, COUNT_KINDS, type CountKind } from '../core/vocabulary.js';
import { areaSortKey, CHANNEL_SHORT, sortAreas } from './labels.js';
import type { ContentAreaInfo, ReportChannel, ReportRecord } from './types.js';
import { INDICATORS } from './types.js';
import { EMPTY_UNITS, type UnitDirectory } from './units.js';

/** The sum of the counts of one kind (never mixed with another kind). */
export interface KindTotal {
  kind: CountKind;
  count: number;
}

/** Number of activities (reports) and the sums of their counts, one per kind (kind order, no zeros). */
export interface Tally {
  activities: number;
  totals: KindTotal[];
}

/** Sums of counts per kind, in {@link COUNT_KINDS} order; reports without a count add nothing. */
export function totalsByKind(reports: readonly Pick<ReportRecord, 'count' | 'countKind'>[]): KindTotal[] {
  const sums = new Map<CountKind, number>();
  for (const r of reports) {
    if (r.count === null) continue;
    const kind = r.countKind ?? 'unknown';
    sums.set(kind, (sums.get(kind) ?? 0) + r.count);
  }
  return COUNT_KINDS.filter((k) => (sums.get(k) ?? 0) > 0).map((kind) => ({ kind, count: sums.get(kind) ?? 0 }));
}

/** `200 tờ/ấn phẩm, 45 lượt người, 5 tin/bài` (empty string when there is nothing). */
export function formatTotals(totals: readonly KindTotal[]): string {
  return totals.map((t) => `${t.count.toLocaleString('vi-VN')} ${COUNT_KIND_UNITS[t.kind]}`).join(', ');
}

/** Counts of one set of reports. */
export interface ReportSummary {
  all: Tally;
  byIndicator: Array<{ key: string } & Tally>;
  byArea: Array<{ key: string } & Tally>;
  byUnit: Array<{ key: string } & Tally>;
  byChannel: Array<{ key: string } & Tally>;
}

function tally(reports: readonly ReportRecord[], keyOf: (r: ReportRecord) => string | null): Map<string, Tally> {
  const groups = new Map<string, ReportRecord[]>();
  for (const r of reports) {
    const k = keyOf(r) ?? '';
    const g = groups.get(k) ?? [];
    g.push(r);
    groups.set(k, g);
  }
  return new Map([...groups].map(([k, g]) => [k, { activities: g.length, totals: totalsByKind(g) }]));
}

const entries = (m: Map<string, Tally>) => [...m].map(([key, t]) => ({ key, ...t }));

/** Count reports by indicator (plan order), area (plan order), unit and channel (most first). */
export function summarizeReports(reports: readonly ReportRecord[], units: UnitDirectory = EMPTY_UNITS): ReportSummary {
  const unitName = units.groups(reports.map((r) => r.unit));
  const byMost = (a: Tally, b: Tally) => b.activities - a.activities;
  const ind = tally(reports, (r) => r.indicator);
  return {
    all: { activities: reports.length, totals: totalsByKind(reports) },
    byIndicator: [
      ...INDICATORS.filter((i) => ind.has(i)).map((i): { key: string } & Tally => ({ key: i, ...(ind.get(i) as Tally) })),
      ...entries(ind).filter((e) => !(INDICATORS as readonly string[]).includes(e.key)),
    ],
    byArea: entries(tally(reports, (r) => r.area)).sort((a, b) => areaSortKey(a.key) - areaSortKey(b.key)),
    byUnit: entries(tally(reports, (r) => (r.unit ? (unitName.get(r.unit) ?? r.unit) : null))).sort((a, b) => byMost(a, b) || a.key.localeCompare(b.key, 'vi')),
    byChannel: entries(tally(reports, (r) => r.channel)).sort(byMost),
  };
}

/** Content areas (plan order) with no report among `reports`. */
export function uncoveredAreas(reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[]): ContentAreaInfo[] {
  const covered = new Set(reports.map((r) => r.area));
  return sortAreas(areas).filter((a) => !covered.has(a.code));
}

const line = (label: string, t: Tally) => `• ${label}: ${t.activities} hoạt động${t.totals.length > 0 ? ` (${formatTotals(t.totals)})` : ''}`;

/**
 * The `/tonghop` text: counts for the period, then the areas with nothing
 * reported in the whole year.
 */
export function formatSummaryText(opts: {
  periodLabel: string;
  periodReports: readonly ReportRecord[];
  yearReports: readonly ReportRecord[];
  year: number;
  areas: readonly ContentAreaInfo[];
}): string {
  const s = summarizeReports(opts.periodReports);
  const out: string[] = [`📊 Tổng hợp hoạt động truyền thông ${opts.periodLabel}`, line('Tổng cộng', s.all)];
  if (s.all.activities > 0) {
    out.push('', 'Theo chỉ số:', ...s.byIndicator.map((e) => line(e.key || 'Chưa xác định', e)));
    out.push('', 'Theo nội dung:', ...s.byArea.map((e) => line(areaTitle(e.key, opts.areas), e)));
    out.push('', 'Theo đơn vị:', ...s.byUnit.map((e) => line(e.key || 'Chưa rõ đơn vị', e)));
    out.push('', 'Theo kênh:', ...s.byChannel.map((e) => line(CHANNEL_SHORT[e.key as ReportChannel] ?? (e.key || 'Chưa rõ'), e)));
  }
  const empty = uncoveredAreas(opts.yearReports, opts.areas);
  out.push('');
  if (empty.length === 0) out.push(`✅ Tất cả nội dung của Kế hoạch đã có hoạt động trong năm ${opts.year}.`);
  else {
    out.push(`⚠️ ${empty.length} nội dung chưa có hoạt động nào trong năm ${opts.year}:`);
    out.push(...empty.map((a) => `• ${a.code} – ${a.title}`));
  }
  return out.join('\n');
}

function areaTitle(code: string, areas: readonly ContentAreaInfo[]): string {
  if (!code) return 'Chưa xác định';
  const a = areas.find((x) => x.code === code);
  return a ? `${code} – ${a.title}` : code;
}
