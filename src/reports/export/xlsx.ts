/**
 * XLSX export with exceljs, ready to open and print: sheet "Báo cáo" (one row
 * per report: real date cells, the reporter's name, the save time in Việt Nam
 * time, frozen header, column widths, A4 landscape fit to the page width) and
 * sheet "Tổng hợp" (indicator × content area × kind of count, every area of
 * the plan including those with nothing, subtotals per indicator).
 * Every text cell goes through {@link neutralizeFormula}; numbers stay numbers.
 */
import ExcelJS from 'exceljs';
import { COUNT_KIND_UNITS, COUNT_KINDS, type CountKind, INDICATORS } from '../../core/vocabulary.js';
import { indicatorOfArea, sortAreas } from '../labels.js';
import { type KindTotal, totalsByKind } from '../summary.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';
import { EXPORT_COLUMNS } from './columns.js';
import { neutralizeFormula } from './formula.js';

/** Names of the two sheets. */
export const XLSX_SHEETS = { reports: 'Báo cáo', summary: 'Tổng hợp' } as const;

/** A4 landscape, one page wide, header row repeated on every page. */
const PRINT: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
}

function reportsSheet(wb: ExcelJS.Workbook, reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[]): void {
  const sheet = wb.addWorksheet(XLSX_SHEETS.reports, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(sheet);
  for (const r of reports) {
    const row = sheet.addRow(EXPORT_COLUMNS.map((c) => (c.cell ? c.cell(r) : neutralizeFormula(c.value(r, areas)))));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  EXPORT_COLUMNS.forEach((c, i) => {
    if (c.numFmt) sheet.getColumn(i + 1).numFmt = c.numFmt;
  });
  if (reports.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
}

const kindCells = (totals: readonly KindTotal[]) => COUNT_KINDS.map((k: CountKind) => totals.find((t) => t.kind === k)?.count ?? 0);

function summarySheet(wb: ExcelJS.Workbook, reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[], year: number): void {
  const sum = wb.addWorksheet(XLSX_SHEETS.summary, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], pageSetup: PRINT });
  sum.columns = [
    { header: 'Mã nội dung', width: 12 },
    { header: 'Chỉ số', width: 11 },
    { header: 'Nội dung', width: 50 },
    { header: 'Số hoạt động', width: 11 },
    ...COUNT_KINDS.map((k) => ({ header: `Số lượng: ${COUNT_KIND_UNITS[k]}`, width: 13 })),
  ];
  styleHeader(sum);
  const sorted = sortAreas(areas);
  for (const ind of INDICATORS) {
    const inInd = sorted.filter((a) => (indicatorOfArea(a.code) ?? a.indicator) === ind);
    for (const a of inInd) {
      const rs = reports.filter((r) => r.area === a.code);
      sum.addRow([...[a.code, ind, a.title].map(neutralizeFormula), rs.length, ...kindCells(totalsByKind(rs))]);
    }
    const rs = reports.filter((r) => r.area !== null && inInd.some((a) => a.code === r.area));
    sum.addRow([`Cộng ${ind}`, ind, '', rs.length, ...kindCells(totalsByKind(rs))]).font = { bold: true };
  }
  const unknown = reports.filter((r) => !areas.some((a) => a.code === r.area));
  if (unknown.length > 0) sum.addRow(['(chưa xác định)', '', '', unknown.length, ...kindCells(totalsByKind(unknown))]);
  sum.addRow([]);
  sum.addRow([`Năm ${year}`, '', 'Tổng cộng', reports.length, ...kindCells(totalsByKind(reports))]).font = { bold: true };
  sum.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

/** Build the workbook and return it as a buffer. */
export async function reportsToXlsx(reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[], year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc-bot';
  reportsSheet(wb, reports, areas);
  summarySheet(wb, reports, areas, year);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
