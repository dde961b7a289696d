/**
 * CSV export through csv-stringify: UTF-8 with BOM (so Excel shows Vietnamese
 * correctly), RFC 4180 quoting, CRLF, and `escape_formulas` so that no text
 * cell reaches a spreadsheet as a formula (see ./formula.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { ContentAreaInfo, ReportRecord } from '../types.js';
import { EXPORT_COLUMNS } from './columns.js';

const OPTIONS = { bom: true, record_delimiter: 'windows', escape_formulas: true } as const;

/** One field as it appears in the CSV (quoted per RFC 4180, formulas neutralised). */
export function csvField(value: string | number): string {
  return stringify([[value]], { ...OPTIONS, bom: false, record_delimiter: 'unix' }).replace(/\n$/, '');
}

/** One row per report, with a header row. */
export function reportsToCsv(reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[]): Buffer {
  const rows: Array<Array<string | number>> = [EXPORT_COLUMNS.map((c) => c.header)];
  for (const r of reports) rows.push(EXPORT_COLUMNS.map((c) => c.value(r, areas)));
  return Buffer.from(stringify(rows, OPTIONS), 'utf8');
}
