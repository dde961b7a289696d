/** A correction is reflected everywhere: the card, the description, CSV, XLSX and DOCX (real parser, shipped knowledge). */
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import type { Identity, OutgoingReply } from '../../src/core/messages.js';
import { buildExport, XLSX_SHEETS } from '../../src/reports/export/index.js';
import { reviseDescription } from '../../src/reports/flow/description.js';
import { createReportsModule } from '../../src/reports/index.js';
import type { ReportFields } from '../../src/reports/types.js';
import type { Db } from '../../src/store/database.js';
import { message, silentLogger, tempDb } from './helpers.js';

const KNOWLEDGE = path.join(import.meta.dirname, '../../knowledge');
const NOW = new Date('2026-11-25T03:00:00Z');
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});
const text = (r: OutgoingReply[] | null) => (r ?? []).map((x) => x.text).join('\n');
const staff: Identity = { channel: 'telegram', userId: '1001', role: 'staff', unit: 'Văn phòng Sở', displayName: 'Lê Thị Thử' };

const fields = (over: Partial<ReportFields>): ReportFields => ({
  date: '2026-11-24',
  channel: 'social',
  count: 2,
  countKind: 'post',
  indicator: 'PAPI',
  area: 'II.2.h',
  link: null,
  unit: 'Văn phòng Sở',
  description: 'Ngày 24/11 đăng 2 bài trên Zalo OA của Sở https://example.test/p?id=24/11&n=2',
  ...over,
});

describe('reviseDescription', () => {
  it('writes the new date and count where the old ones were, leaving the link alone', () => {
    const before = fields({});
    expect(reviseDescription(before, { ...before, date: '2026-11-21' }, NOW)).toBe(
      'Ngày 21/11/2026 đăng 2 bài trên Zalo OA của Sở https://example.test/p?id=24/11&n=2',
    );
    expect(reviseDescription(before, { ...before, count: 4 }, NOW)).toBe('Ngày 24/11 đăng 4 bài trên Zalo OA của Sở https://example.test/p?id=24/11&n=2');
  });

  it('a relative date becomes a full date; a count not written in the text is added at the end', () => {
    const before = fields({ description: 'Hôm qua đăng bài trên fanpage của Sở', count: 1 });
    expect(reviseDescription(before, { ...before, date: '2026-11-20' }, NOW)).toBe('ngày 20/11/2026 đăng bài trên fanpage của Sở');
    expect(reviseDescription(before, { ...before, count: 3 }, NOW)).toBe('Hôm qua đăng bài trên fanpage của Sở (số lượng: 3)');
  });

  it('nothing changed, nothing rewritten', () => {
    const before = fields({});
    expect(reviseDescription(before, { ...before }, NOW)).toBe(before.description);
  });
});

describe('a correction in every export', () => {
  it('"sửa ngày thành 21/11" and "số lượng 4" reach the description, CSV, XLSX and DOCX', async () => {
    const { db, dir } = tempDb();
    dbs.push(db);
    const config = createConfig({ KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dir });
    const m = createReportsModule({ db, config, logger: silentLogger, now: () => NOW });
    const say = async (t: string) => text(await m.flow.handle(message(t, { time: NOW }), staff));

    await say('Ngày 24/11 đăng 2 bài trên trang Zalo OA của Sở hướng dẫn doanh nghiệp sử dụng dịch vụ công trực tuyến');
    expect(await say('sửa ngày thành 21/11')).toContain('Ngày: 21/11/2026');
    const card = await say('số lượng 4');
    expect(card).toContain('Số lượng: 4 tin/bài');
    expect(card).toContain('Mô tả: Ngày 21/11/2026 đăng 4 bài trên trang Zalo OA');
    expect(await say('lưu')).toContain('✅ Đã lưu báo cáo #1 (hoạt động ngày 21/11/2026, 4 tin/bài)');

    const [rec] = m.store.list();
    expect(rec).toMatchObject({ date: '2026-11-21', count: 4, countKind: 'post', reporterName: 'Lê Thị Thử', reporterUnit: 'Văn phòng Sở' });
    expect(rec?.description).not.toMatch(/24\/11|\b2 bài/);

    const reports = m.store.list({ year: 2026 });
    const csv = (await buildExport('csv', reports, m.areas, { year: 2026 })).content.toString('utf8');
    expect(csv).toContain('21/11/2026');
    expect(csv).toContain('Ngày 21/11/2026 đăng 4 bài');
    expect(csv).not.toContain('24/11');
    expect(csv).toContain('Lê Thị Thử (Văn phòng Sở)');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildExport('xlsx', reports, m.areas, { year: 2026 })).content as unknown as ArrayBuffer);
    const row = wb.getWorksheet(XLSX_SHEETS.reports)!.getRow(2);
    const values = (row.values as unknown[]).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
    expect(values).toEqual(expect.arrayContaining(['2026-11-21', 4, 'tin/bài', 'Lê Thị Thử (Văn phòng Sở)']));
    expect(values.join(' ')).not.toContain('24/11');

    const zip = await JSZip.loadAsync((await buildExport('docx', reports, m.areas, { year: 2026 })).content);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Ngày 21/11/2026');
    expect(xml).toContain('4 tin/bài');
    expect(xml).not.toContain('24/11');
  });
});
