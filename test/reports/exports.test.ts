import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildExport, csvField, FORMULA_TRIGGERS, neutralizeFormula, reportsToCsv, reportsToXlsx, XLSX_SHEETS } from '../../src/reports/export/index.js';
import type { ReportRecord } from '../../src/reports/types.js';
import { planAreas, reportRecord } from './helpers.js';

const areas = planAreas();
const rec = (over: Partial<ReportRecord>): ReportRecord => reportRecord(over);

const reports: ReportRecord[] = [
  rec({ description: 'Tin có dấu phẩy, và "ngoặc kép"\nxuống dòng' }),
  rec({ area: 'II.1.c', count: 3, description: 'Tin thứ hai' }),
  rec({ area: 'II.1.c', count: 1, description: 'Tin thứ ba' }),
  rec({ area: 'II.1.c', count: 1, description: 'Tin thứ tư' }),
  rec({ area: 'II.2.h', indicator: 'PAPI', channel: 'social', count: 5, link: 'https://example.test/a', description: 'Bài Zalo' }),
  rec({ area: 'II.3.đ', indicator: 'PCI', channel: 'meeting', count: 40, countKind: 'person', unit: 'Phòng Thử nghiệm B', description: 'Hội nghị đối thoại' }),
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
    expect(text.startsWith('Mã,Ngày,Đơn vị,Chỉ số,Mã nội dung,Nội dung,Kênh,Số lượng,Đơn vị tính,Liên kết,Mô tả,Người báo cáo,')).toBe(true);
    expect(text).toContain('"Tin có dấu phẩy, và ""ngoặc kép""\nxuống dòng"');
    // Records end with CRLF; the embedded LF stays inside the quoted field.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(reports.length + 1);
    expect(text).toContain('II.3.đ,"Truyền thông về chỉ số ""Chi phí không chính thức"""');
  });
});

describe('XLSX export', () => {
  async function load(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportsToXlsx(reports, areas, 2026)) as unknown as ArrayBuffer);
    return wb;
  }
  const col = (sheet: ExcelJS.Worksheet, header: string) => {
    let at = 0;
    sheet.getRow(1).eachCell((c, i) => {
      if (c.value === header) at = i;
    });
    expect(at, header).toBeGreaterThan(0);
    return at;
  };

  it('has one row per report: real date cells, the reporter by name, the save time in Việt Nam time', async () => {
    const sheet = (await load()).getWorksheet(XLSX_SHEETS.reports)!;
    expect(sheet.rowCount).toBe(reports.length + 1);
    const row = sheet.getRow(6);
    expect(row.getCell(col(sheet, 'Mã nội dung')).value).toBe('II.2.h');
    expect(row.getCell(col(sheet, 'Số lượng')).value).toBe(5);
    const date = row.getCell(col(sheet, 'Ngày'));
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(col(sheet, 'Người báo cáo')).value).toBe('Nguyễn Thị Thử');
    // Saved 02:00 UTC = 09:00 in Việt Nam; the cell shows the local wall clock.
    const saved = row.getCell(col(sheet, 'Thời điểm lưu (giờ Việt Nam)'));
    expect((saved.value as Date).toISOString().slice(0, 16)).toBe('2026-11-20T09:00');
    expect(saved.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getRow(7).getCell(col(sheet, 'Đơn vị tính')).value).toBe('lượt người');
  });

  it('opens ready to print: frozen header, widths, A4 landscape one page wide', async () => {
    const wb = await load();
    for (const name of Object.values(XLSX_SHEETS)) {
      const sheet = wb.getWorksheet(name)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    }
    expect(wb.getWorksheet(XLSX_SHEETS.reports)!.getColumn(11).width).toBe(60);
  });

  it('sums by indicator × area × kind, every area listed, never adding unlike kinds', async () => {
    const sum = (await load()).getWorksheet(XLSX_SHEETS.summary)!;
    const rows = new Map<string, ExcelJS.Row>();
    sum.eachRow((row) => rows.set(String(row.getCell(1).value), row));
    const cell = (key: string, header: string) => rows.get(key)!.getCell(col(sum, header)).value;
    expect(cell('II.1.c', 'Số hoạt động')).toBe(4);
    expect(cell('II.1.c', 'Số lượng: tin/bài')).toBe(7);
    expect(cell('II.3.đ', 'Số lượng: lượt người')).toBe(40);
    expect(cell('II.3.đ', 'Số lượng: tin/bài')).toBe(0);
    expect(cell('II.1.a', 'Số hoạt động')).toBe(0);
    expect(cell('Cộng PCI', 'Số hoạt động')).toBe(1);
    expect(cell('Năm 2026', 'Số hoạt động')).toBe(6);
    expect(cell('Năm 2026', 'Số lượng: tin/bài')).toBe(12);
    expect(cell('Năm 2026', 'Số lượng: lượt người')).toBe(40);
    expect(rows.size).toBe(1 + 22 + 3 + 1);
  });
});

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records) for reading exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe('formula injection', () => {
  const payloads = ['=HYPERLINK("http://x","y")', '@SUM(A1)', '+1', '-1', '\t=1+2', '\r=1', '\uFF1D1+1'];
  const hostile = payloads.map((description, i) =>
    rec({ description, unit: i === 0 ? '=cmd|" /C calc"!A0' : 'Phòng Thử nghiệm A', link: i === 1 ? '@evil' : null, count: 3 }),
  );
  const startsFormula = (s: string) => FORMULA_TRIGGERS.includes(s.charAt(0));

  it('neutralizes text that starts a formula, and leaves numbers and plain text alone', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('-1')).toBe("'-1");
    expect(neutralizeFormula(-1)).toBe(-1);
    expect(neutralizeFormula(42)).toBe(42);
    expect(neutralizeFormula('Đăng tin = 3')).toBe('Đăng tin = 3');
    expect(neutralizeFormula('')).toBe('');
  });

  it('uses the same character set as csv-stringify escape_formulas', () => {
    for (const t of [...FORMULA_TRIGGERS, 'a', '1', "'", ' ', '#']) {
      const value = `${t}x`;
      const viaLib = stringify([[value]], { escape_formulas: true, quoted: true })
        .trim()
        .slice(1, -1)
        .replace(/""/g, '"');
      expect(neutralizeFormula(value), JSON.stringify(value)).toBe(viaLib);
    }
  });

  it('CSV: no field read back starts a formula; the text is kept after the apostrophe', () => {
    const rows = parseCsv(
      reportsToCsv(hostile, areas)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
    expect(rows).toHaveLength(hostile.length + 1);
    for (const row of rows) for (const cell of row) expect(startsFormula(cell), JSON.stringify(cell)).toBe(false);
    const descCol = rows[0]!.indexOf('Mô tả');
    expect(rows.slice(1).map((r) => r[descCol])).toEqual(payloads.map((p) => `'${p}`));
    expect(rows[1]![rows[0]!.indexOf('Số lượng')]).toBe('3');
  });

  it('XLSX: no cell is a formula or starts one; counts stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportsToXlsx(hostile, areas, 2026)) as unknown as ArrayBuffer);
    let cells = 0;
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells += 1;
          expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, cell.address).toBeUndefined();
          if (typeof cell.value === 'string') expect(startsFormula(cell.value), `${cell.address} ${cell.value}`).toBe(false);
        }),
      ),
    );
    expect(cells).toBeGreaterThan(hostile.length * 10);
    const sheet = wb.getWorksheet(XLSX_SHEETS.reports)!;
    expect(sheet.getRow(2).getCell(11).value).toBe(`'${payloads[0]}`);
    expect(sheet.getRow(2).getCell(8).value).toBe(3);
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
