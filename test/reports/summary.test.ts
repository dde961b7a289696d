import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from '../../src/core/payload.js';
import { areaSortKey, indicatorOfArea } from '../../src/reports/labels.js';
import { localDate, parsePeriodKind, periodOf } from '../../src/reports/period.js';
import { formatSummaryText, summarizeReports, uncoveredAreas } from '../../src/reports/summary.js';
import type { ReportRecord } from '../../src/reports/types.js';
import { planAreas } from './helpers.js';

const areas = planAreas();
const base: Omit<ReportRecord, 'id' | 'area' | 'indicator' | 'unit' | 'channel' | 'count' | 'countKind'> = {
  reporterChannel: 'web',
  reporterId: 'u',
  reporterName: null,
  reporterUnit: null,
  sourceMessageId: 's',
  status: 'confirmed',
  createdAt: '2026-01-01T00:00:00Z',
  confirmedAt: null,
  deletedAt: null,
  date: '2026-11-02',
  link: null,
  description: 'd',
};
const reports: ReportRecord[] = [
  { ...base, id: 1, area: 'II.3.e', indicator: 'PCI', unit: 'Phòng B', channel: 'meeting', count: 30, countKind: 'person' },
  { ...base, id: 2, area: 'II.1.a', indicator: 'PAR INDEX', unit: 'Phòng A', channel: 'website', count: 1, countKind: 'post' },
  { ...base, id: 3, area: 'II.1.đ', indicator: 'PAR INDEX', unit: 'Phòng A', channel: 'website', count: 2, countKind: 'post' },
  { ...base, id: 4, area: 'II.1.a', indicator: 'PAR INDEX', unit: 'Phòng B', channel: 'social', count: null, countKind: null },
];

describe('summaries', () => {
  it('counts by indicator, area (plan order), unit and channel', () => {
    const s = summarizeReports(reports);
    expect(s.all).toEqual({
      activities: 4,
      totals: [
        { kind: 'post', count: 3 },
        { kind: 'person', count: 30 },
      ],
    });
    expect(s.byIndicator).toEqual([
      { key: 'PAR INDEX', activities: 3, totals: [{ kind: 'post', count: 3 }] },
      { key: 'PCI', activities: 1, totals: [{ kind: 'person', count: 30 }] },
    ]);
    expect(s.byArea.map((e) => [e.key, e.activities])).toEqual([
      ['II.1.a', 2],
      ['II.1.đ', 1],
      ['II.3.e', 1],
    ]);
    expect(s.byUnit.map((e) => e.key)).toEqual(['Phòng A', 'Phòng B']);
    expect(s.byChannel[0]).toEqual({ key: 'website', activities: 2, totals: [{ kind: 'post', count: 3 }] });
  });

  it('lists uncovered areas in plan order (d before đ before e)', () => {
    const empty = uncoveredAreas(reports, areas).map((a) => a.code);
    expect(empty).toHaveLength(19);
    expect(empty.slice(0, 4)).toEqual(['II.1.b', 'II.1.c', 'II.1.d', 'II.1.e']);
    expect(empty.at(-1)).toBe('II.3.đ');
    expect(areaSortKey('II.1.d')).toBeLessThan(areaSortKey('II.1.đ'));
    expect(areaSortKey('II.1.đ')).toBeLessThan(areaSortKey('II.1.e'));
  });

  it('formats the /tonghop text', () => {
    const text = formatSummaryText({ periodLabel: 'tháng 11/2026', periodReports: reports, yearReports: reports, year: 2026, areas });
    expect(text).toContain('📊 Tổng hợp hoạt động truyền thông tháng 11/2026');
    expect(text).toContain('• Tổng cộng: 4 hoạt động (3 tin/bài, 30 lượt người)');
    expect(text).toContain('• II.1.a – Truyền thông công tác chỉ đạo, điều hành: 2 hoạt động (1 tin/bài)');
    expect(text).toContain('• Website: 2 hoạt động');
    expect(text).toContain('⚠️ 19 nội dung chưa có hoạt động nào trong năm 2026:');
  });

  it('computes periods in Vietnam time', () => {
    const now = new Date('2026-12-31T18:30:00Z'); // 01:30 on 1/1/2027 in Vietnam
    expect(localDate(now)).toBe('2027-01-01');
    expect(periodOf('quarter', new Date('2026-11-25T03:00:00Z'))).toMatchObject({ from: '2026-10-01', to: '2026-12-31', label: 'quý IV/2026' });
    expect(periodOf('month', new Date('2028-02-10T03:00:00Z'))).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriodKind('quý')).toBe('quarter');
    expect(parsePeriodKind('thang')).toBe('month');
    expect(parsePeriodKind('')).toBe('year');
  });

  it('maps area codes to indicators and to ASCII callback data', () => {
    expect(indicatorOfArea('II.2.h')).toBe('PAPI');
    expect(indicatorOfArea('II.3.đ')).toBe('PCI');
    expect(encodePayload({ kind: 'report', action: 'area', code: 'II.3.đ' })).toBe('rp:area:II.3.dd');
    expect(decodePayload('rp:area:II.3.dd')).toEqual({ kind: 'report', action: 'area', code: 'II.3.đ' });
    expect(decodePayload('rp:area:II.3.d')).toEqual({ kind: 'report', action: 'area', code: 'II.3.d' });
  });
});

describe('totals by kind', () => {
  it('never adds unlike kinds: 200 tờ + 45 người + 5 bài stay three totals', () => {
    const mixed: ReportRecord[] = [
      { ...base, id: 11, area: 'II.3.đ', indicator: 'PCI', unit: 'Phòng A', channel: 'print', count: 200, countKind: 'printed' },
      { ...base, id: 12, area: 'II.3.đ', indicator: 'PCI', unit: 'Phòng A', channel: 'meeting', count: 45, countKind: 'person' },
      { ...base, id: 13, area: 'II.3.đ', indicator: 'PCI', unit: 'Phòng A', channel: 'website', count: 5, countKind: 'post' },
      { ...base, id: 14, area: 'II.3.đ', indicator: 'PCI', unit: 'Phòng A', channel: 'other', count: 2, countKind: 'unknown' },
    ];
    const pci = summarizeReports(mixed).byIndicator[0]!;
    expect(pci.totals).toEqual([
      { kind: 'post', count: 5 },
      { kind: 'printed', count: 200 },
      { kind: 'person', count: 45 },
      { kind: 'unknown', count: 2 },
    ]);
    const text = formatSummaryText({ periodLabel: 'năm 2026', periodReports: mixed, yearReports: mixed, year: 2026, areas });
    expect(text).toContain('• PCI: 4 hoạt động (5 tin/bài, 200 tờ/ấn phẩm, 45 lượt người, 2 (chưa rõ loại))');
    expect(text).not.toMatch(/\b(250|252)\b/);
  });
});
