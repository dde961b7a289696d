import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { csvField, reportsToCsv, reportsToXlsx, XLSX_SHEETS, buildExport } from '../../src/reports/export/index.js';
import type { ReportRecord } from '../../src/reports/types.js';
import { planAreas } from './helpers.js';

const areas = planAreas();
let id = 0;
function rec(over: Partial<ReportRecord>): ReportRecord {
  id += 1;
  return {
    id,
    reporterChannel: 'telegram',
    reporterId: '1001',
    sourceMessageId: `s${id}`,
    status: 'confirmed',
    createdAt: '2026-11-20T02:00:00.000Z',
    confirmedAt: '2026-11-20T02:00:00.000Z',
    deletedAt: null,
    date: '2026-11-20',
    channel: 'website',
    count: 2,
    indicator: 'PAR INDEX',
    area: 'II.1.c',
    link: null,
    unit: 'Phòng Thử nghiệm A',
    description: 'Đăng tin thử nghiệm',
    ...over,
  };
}

const reports: ReportRecord[] = [
  rec({ description: 'Tin có dấu phẩy, và "ngoặc kép"\nxuống dòng' }),
  rec({ area: 'II.1.c', count: 3, description: 'Tin thứ hai' }),
  rec({ area: 'II.1.c', count: 1, description: 'Tin thứ ba' }),
  rec({ area: 'II.1.c', count: 1, description: 'Tin thứ tư' }),
  rec({ area: 'II.2.h', indicator: 'PAPI', channel: 'social', count: 5, link: 'https://example.test/a', description: 'Bài Zalo' }),
  rec({ area: 'II.3.đ', indicator: 'PCI', channel: 'meeting', count: 40, unit: 'Phòng Thử nghiệm B', description: 'Hội nghị đối thoại' }),
];

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  // One line per paragraph, runs joined.
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((s) => s.length > 0)
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('CSV export', () => {
  it('quotes fields per RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(42)).toBe('42');
  });

  it('starts with a BOM, has a header and one record per report', () => {
    const buf = reportsToCsv(reports, areas);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    expect(text.startsWith('Mã,Ngày,Đơn vị,Chỉ số,Mã nội dung,Nội dung,Kênh,Số lượng,Liên kết,Mô tả,')).toBe(true);
    expect(text).toContain('"Tin có dấu phẩy, và ""ngoặc kép""\nxuống dòng"');
    // Records end with CRLF; the embedded LF stays inside the quoted field.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(reports.length + 1);
    expect(text).toContain('II.3.đ,"Truyền thông về chỉ số ""Chi phí không chính thức"""');
  });
});

describe('XLSX export', () => {
  it('has one row per report and a summary of every area', async () => {
    const buf = await reportsToXlsx(reports, areas, 2026);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(XLSX_SHEETS.reports)!;
    expect(sheet.rowCount).toBe(reports.length + 1);
    expect(sheet.getRow(1).getCell(2).value).toBe('Ngày');
    expect(sheet.getRow(6).getCell(5).value).toBe('II.2.h');
    expect(sheet.getRow(6).getCell(8).value).toBe(5);
    const sum = wb.getWorksheet(XLSX_SHEETS.summary)!;
    const rows = new Map<string, unknown[]>();
    sum.eachRow((row) => rows.set(String(row.getCell(1).value), [row.getCell(4).value, row.getCell(5).value]));
    expect(rows.get('II.1.c')).toEqual([4, 7]);
    expect(rows.get('II.3.đ')).toEqual([1, 40]);
    expect(rows.get('II.1.a')).toEqual([0, 0]);
    expect(rows.get('Năm 2026')).toEqual([6, 52]);
  });
});

describe('DOCX export', () => {
  it('buildExport names files and sets MIME types', async () => {
    const a = await buildExport('docx', [], areas, { year: 2025 });
    expect(a.filename).toBe('bao-cao-ke-hoach-1523-nam-2025.docx');
    expect(a.mimeType).toContain('wordprocessingml');
    expect(await docxText(a.content)).toContain('22 nội dung chưa có hoạt động');
  });
});
