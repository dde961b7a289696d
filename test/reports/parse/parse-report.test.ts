import { describe, expect, it } from 'vitest';
import { scoreReports } from '../../../bench/report-accuracy-lib.js';
import { parseReport } from '../../../src/reports/parse/index.js';
import { foldText } from '../../../src/text/normalize.js';
import { knowledge } from './helpers.js';
import { OWN_REPORTS } from './own-reports.js';

const NOW = new Date('2026-11-27T00:00:00Z');

describe('parseReport on our own varied messages', () => {
  it.each(OWN_REPORTS.map((r) => [r.text, r] as const))('%s', (_text, r) => {
    const { areas, glossary } = knowledge();
    const p = parseReport(r.text, { now: new Date(`${r.now}T00:00:00Z`), areas, glossary });
    const got = Object.fromEntries(Object.keys(r.expect).map((k) => [k, p[k as keyof typeof p]]));
    expect(got).toEqual(r.expect);
  });

  it('reaches at least 0.95 field accuracy overall', () => {
    const { areas, glossary } = knowledge();
    const items = OWN_REPORTS.map((r, i) => ({ id: `own${i}`, now: r.now, text: r.text, expect: r.expect }));
    expect(scoreReports(items, areas, glossary).overall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('parseReport input forms', () => {
  const accented = 'Đã đăng 2 tin về cải cách thủ tục hành chính trên Cổng TTĐT ngày 12/11, phòng QLTM';

  it('gives the same fields without diacritics', () => {
    const { areas, glossary } = knowledge();
    const a = parseReport(accented, { now: NOW, areas, glossary });
    const b = parseReport(foldText(accented), { now: NOW, areas, glossary });
    const pick = (p: typeof a) => [p.date, p.channel, p.count, p.indicator, p.area, p.link];
    expect(pick(b)).toEqual(pick(a));
    expect(a.area).toBe('II.1.c');
  });

  it('handles old-style tone marks and NFD input like the canonical form', () => {
    const { areas, glossary } = knowledge();
    const canonical = parseReport('Tuyên truyền hiện đại hóa nền hành chính trên Cổng TTĐT', { now: NOW, areas, glossary });
    const oldStyle = parseReport('Tuyên truyền hiện đại hoá nền hành chính trên Cổng TTĐT'.normalize('NFD'), { now: NOW, areas, glossary });
    expect(oldStyle.area).toBe(canonical.area);
    expect(oldStyle.description).toBe(canonical.description);
    expect(canonical.area).toBe('II.1.h');
  });

  it('strips a leading /baocao command from the description', () => {
    const { areas } = knowledge();
    const p = parseReport('/baocao   Đăng 3 tin trên Zalo hôm qua', { now: NOW, areas });
    expect(p.description).toBe('Đăng 3 tin trên Zalo hôm qua');
    expect([p.channel, p.count, p.date]).toEqual(['social', 3, '2026-11-26']);
  });

  it('takes an area code the reporter wrote', () => {
    const { areas } = knowledge();
    const p = parseReport('Đăng 2 tin trên Zalo, nội dung II.3.đ', { now: NOW, areas });
    expect([p.area, p.indicator]).toEqual(['II.3.đ', 'PCI']);
    expect(parseReport('Đăng 2 tin trên Zalo, mục II.9.x', { now: NOW, areas }).area).toBeNull();
  });

  it('lists every required field it could not find', () => {
    const { areas } = knowledge();
    const p = parseReport('đã làm xong', { now: NOW, areas });
    expect(p.missing).toEqual(['date', 'channel', 'count', 'area']);
    expect([p.date, p.channel, p.count, p.area, p.link, p.unit]).toEqual([null, null, null, null, null, null]);
  });

  it('falls back to the reporter unit, but prefers a unit named in the text', () => {
    const { areas } = knowledge();
    expect(parseReport('Đăng 2 tin trên Zalo', { now: NOW, areas, reporterUnit: 'Văn phòng Sở' }).unit).toBe('Văn phòng Sở');
    expect(parseReport('Phòng QLCN đăng 2 tin trên Zalo', { now: NOW, areas, reporterUnit: 'Văn phòng Sở' }).unit).toBe('Phòng QLCN');
  });

  it('takes the link and keeps its numbers out of the count and date', () => {
    const { areas } = knowledge();
    const p = parseReport('Đăng tin trên website https://sct.quangngai.gov.vn/tin/20-11-2026/45-nguoi', { now: NOW, areas });
    expect(p.link).toBe('https://sct.quangngai.gov.vn/tin/20-11-2026/45-nguoi');
    expect(p.date).toBeNull();
    expect(p.count).toBe(1);
  });
});
