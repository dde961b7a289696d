/**
 * XLSX export with exceljs: sheet "Báo cáo" (one row per report) and sheet
 * "Tổng hợp" (every content area of the plan with its counts, zeros included).
 * Every text cell goes through {@link neutralizeFormula}; numbers stay numbers.
 */
import ExcelJS from 'exceljs';
import { sortAreas } from '../labels.js';
import { summarizeReports } from '../summary.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';
import { EXPORT_COLUMNS } from './columns.js';
import { neutralizeFormula } from './formula.js';

/** Names of the two sheets. */
export const XLSX_SHEETS = { reports: 'Báo cáo', summary: 'Tổng hợp' } as const;

/** Build the workbook and return it as a buffer. */
export async function reportsToXlsx(reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[], year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc-bot';

  const sheet = wb.addWorksheet(XLSX_SHEETS.reports, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of reports) sheet.addRow(EXPORT_COLUMNS.map((c) => neutralizeFormula(c.value(r, areas))));

  const sum = wb.addWorksheet(XLSX_SHEETS.summary);
  sum.columns = [
    { header: 'Mã nội dung', width: 12 },
    { header: 'Chỉ số', width: 11 },
    { header: 'Nội dung', width: 60 },
    { header: 'Số hoạt động', width: 13 },
    { header: 'Tổng số lượng', width: 13 },
  ];
  sum.getRow(1).font = { bold: true };
  const byArea = new Map(summarizeReports(reports).byArea.map((e) => [e.key, e]));
  for (const a of sortAreas(areas)) {
    const t = byArea.get(a.code);
    sum.addRow([a.code, a.indicator, a.title, t?.activities ?? 0, t?.total ?? 0].map(neutralizeFormula));
  }
  for (const [key, t] of byArea) {
    if (!areas.some((a) => a.code === key)) sum.addRow([key || '(chưa xác định)', '', '', t.activities, t.total].map(neutralizeFormula));
  }
  sum.addRow([]);
  const all = summarizeReports(reports).all;
  const totalRow = sum.addRow([`Năm ${year}`, '', 'Tổng cộng', all.activities, all.total]);
  totalRow.font = { bold: true };

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
