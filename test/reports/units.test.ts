import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { summarizeReports } from '../../src/reports/summary.js';
import type { ReportRecord } from '../../src/reports/types.js';
import { EMPTY_UNITS, initialsKey, loadUnits, UnitDirectory } from '../../src/reports/units.js';

const KNOWLEDGE = path.join(import.meta.dirname, '../../knowledge');

describe('units as records', () => {
  const units = loadUnits(KNOWLEDGE);

  it('the shipped list loads and names only units the plan names', () => {
    expect(units.units.map((u) => u.id)).toContain('van-phong-so');
    expect(units.units.map((u) => u.id)).toContain('phong-kh-tc-th');
  });

  it.each([
    ['VP', 'Văn phòng Sở'],
    ['van phong so', 'Văn phòng Sở'],
    ['Phòng KH-TC-TH', 'Phòng Kế hoạch – Tài chính – Tổng hợp'],
    ['phong ke hoach tai chinh tong hop', 'Phòng Kế hoạch – Tài chính – Tổng hợp'],
    ['Phòng Kế hoạch - Tài chính - Tổng hợp', 'Phòng Kế hoạch – Tài chính – Tổng hợp'],
    ['ban bien tap', 'Ban Biên tập Cổng TTĐT Sở Công Thương'],
  ])('%s → %s', (mention, name) => {
    expect(units.resolve(mention)).toMatchObject({ name, id: expect.any(String) });
  });

  it('an unlisted unit is kept as written, tidied, with no id', () => {
    expect(units.resolve('phong QLTM')).toEqual({ id: null, name: 'Phòng QLTM', key: 'phong:QLTM' });
    expect(initialsKey('Phòng Quản lý thương mại')).toBe(initialsKey('phong QLTM'));
  });

  it('groups an abbreviation with the one full name of the same initials, never two different full names', () => {
    const g = EMPTY_UNITS.groups(['phong QLTM', 'Phòng Quản lý thương mại', 'Phòng Tài chính', 'Phòng Tổ chức', 'Phòng TC']);
    expect(g.get('phong QLTM')).toBe('Phòng Quản lý thương mại');
    expect(g.get('Phòng Tài chính')).toBe('Phòng Tài chính');
    expect(g.get('Phòng Tổ chức')).toBe('Phòng Tổ chức');
    expect(g.get('Phòng TC')).toBe('Phòng TC'); // ambiguous: two full names share "TC"
  });

  it('summaries count one unit once whatever its spelling', () => {
    const rec = (id: number, unit: string): ReportRecord => ({
      id,
      unit,
      date: '2026-11-20',
      channel: 'website',
      count: 1,
      countKind: 'post',
      indicator: 'PCI',
      area: 'II.3.a',
      link: null,
      description: 'x',
      reporterChannel: 'telegram',
      reporterId: 'u',
      reporterName: null,
      reporterUnit: null,
      sourceMessageId: `s${id}`,
      status: 'confirmed',
      createdAt: '',
      confirmedAt: '',
      deletedAt: null,
    });
    const s = summarizeReports([rec(1, 'phong QLTM'), rec(2, 'Phòng Quản lý thương mại'), rec(3, 'Phòng QLTM')]);
    expect(s.byUnit).toEqual([{ key: 'Phòng Quản lý thương mại', activities: 3, totals: [{ kind: 'post', count: 3 }] }]);
  });

  it('rejects a malformed file naming the file and the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'units-'));
    fs.writeFileSync(path.join(dir, 'units.yaml'), 'units:\n  - id: "Văn Phòng"\n    name: "Văn phòng Sở"\n');
    try {
      loadUnits(dir);
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, 'KNOWLEDGE_INVALID')).toBe(true);
      expect((err as Error).message).toMatch(/units\.yaml: .*units\[0\]\.id/);
    }
    expect(new UnitDirectory([]).resolve('  ')).toBeNull();
  });
});
