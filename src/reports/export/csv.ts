/** CSV export: UTF-8 with BOM (so Excel shows Vietnamese correctly), RFC 4180 quoting, CRLF. */
import type { ContentAreaInfo, ReportRecord } from '../types.js';
import { EXPORT_COLUMNS } from './columns.js';

/** Quote one field per RFC 4180 when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per report, with a header row. */
export function reportsToCsv(reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[]): Buffer {
  const lines = [EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const r of reports) lines.push(EXPORT_COLUMNS.map((c) => csvField(c.value(r, areas))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
