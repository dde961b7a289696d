/** One entry point for the three export formats. */
import type { ReplyAttachment } from '../../core/messages.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';
import { reportsToCsv } from './csv.js';
import { reportsToDocx } from './docx.js';
import { reportsToXlsx } from './xlsx.js';

export { csvField, reportsToCsv } from './csv.js';
export { type DocxReportOptions, docxTitle, reportsToDocx } from './docx.js';
export { FORMULA_TRIGGERS, neutralizeFormula } from './formula.js';
export { reportsToXlsx, XLSX_SHEETS } from './xlsx.js';

/** Supported export formats. */
export type ExportFormat = 'csv' | 'xlsx' | 'docx';

/** Every format, in the order `/xuat` attaches them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'docx'];

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Build one export file for a year's reports. */
export async function buildExport(
  format: ExportFormat,
  reports: readonly ReportRecord[],
  areas: readonly ContentAreaInfo[],
  opts: { year: number; departmentName?: string },
): Promise<ReplyAttachment> {
  const base = format === 'docx' ? `bao-cao-ke-hoach-1523-nam-${opts.year}` : `bao-cao-hoat-dong-${opts.year}`;
  const content =
    format === 'csv'
      ? reportsToCsv(reports, areas)
      : format === 'xlsx'
        ? await reportsToXlsx(reports, areas, opts.year)
        : await reportsToDocx(reports, areas, opts);
  return { filename: `${base}.${format}`, mimeType: MIME[format], content };
}

/** True for `csv`, `xlsx` or `docx`. */
export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}
