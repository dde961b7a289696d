/** The columns shared by the CSV and XLSX exports (Vietnamese headers). */

import { VIETNAM_OFFSET_MS, vietnamDateTime } from '../../core/vietnam-time.js';
import { COUNT_KIND_UNITS } from '../../core/vocabulary.js';
import { CHANNEL_SHORT, formatDateVi } from '../labels.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';

/** A typed cell for the spreadsheet: a real date, a number or text. */
export type CellValue = string | number | Date | null;

/** One export column: header, width, how to read the cell from a report. */
export interface ExportColumn {
  header: string;
  width: number;
  /** The value as text or number (CSV). */
  value: (r: ReportRecord, areas: readonly ContentAreaInfo[]) => string | number;
  /** The spreadsheet cell when it is not plain text (dates); defaults to {@link value}. */
  cell?: (r: ReportRecord) => CellValue;
  /** Excel number format of {@link cell}. */
  numFmt?: string;
}

/** `2026-11-20` → a Date at UTC midnight, which Excel shows as that calendar day. */
export function dateCell(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** A UTC instant as Việt Nam wall-clock time (Excel has no time zones: the cell shows local time). */
export function localTimeCell(isoInstant: string): Date | null {
  const t = Date.parse(isoInstant);
  return Number.isNaN(t) ? null : new Date(t + VIETNAM_OFFSET_MS);
}

/** Who reported, by name and own unit, never by session id: "Lan (Văn phòng Sở)"; "Chưa có tên" when the channel gave none. */
export function reporterLabel(r: ReportRecord): string {
  const name = r.reporterName?.trim() || 'Chưa có tên';
  const unit = r.reporterUnit?.trim();
  return unit ? `${name} (${unit})` : name;
}

/** Column order of every tabular export. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Mã', width: 6, value: (r) => r.id },
  { header: 'Ngày', width: 12, value: (r) => formatDateVi(r.date), cell: (r) => dateCell(r.date), numFmt: 'dd/mm/yyyy' },
  { header: 'Đơn vị', width: 28, value: (r) => r.unit ?? '' },
  { header: 'Chỉ số', width: 11, value: (r) => r.indicator ?? '' },
  { header: 'Mã nội dung', width: 11, value: (r) => r.area ?? '' },
  { header: 'Nội dung', width: 44, value: (r, areas) => areas.find((a) => a.code === r.area)?.title ?? '' },
  { header: 'Kênh', width: 13, value: (r) => (r.channel ? CHANNEL_SHORT[r.channel] : '') },
  { header: 'Số lượng', width: 9, value: (r) => r.count ?? '' },
  { header: 'Đơn vị tính', width: 14, value: (r) => (r.count === null ? '' : COUNT_KIND_UNITS[r.countKind ?? 'unknown']) },
  { header: 'Liên kết', width: 30, value: (r) => r.link ?? '' },
  { header: 'Mô tả', width: 60, value: (r) => r.description },
  { header: 'Người báo cáo', width: 28, value: reporterLabel },
  {
    header: 'Thời điểm lưu (giờ Việt Nam)',
    width: 18,
    value: (r) => vietnamDateTime(r.confirmedAt ?? r.createdAt),
    cell: (r) => localTimeCell(r.confirmedAt ?? r.createdAt),
    numFmt: 'dd/mm/yyyy hh:mm',
  },
];
