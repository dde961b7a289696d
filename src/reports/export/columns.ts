/** The columns shared by the CSV and XLSX exports (Vietnamese headers). */
import { CHANNEL_SHORT, formatDateVi } from '../labels.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';

/** One export column: header and how to read the cell from a report. */
export interface ExportColumn {
  header: string;
  width: number;
  value: (r: ReportRecord, areas: readonly ContentAreaInfo[]) => string | number;
}

/** Column order of every tabular export. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Mã', width: 6, value: (r) => r.id },
  { header: 'Ngày', width: 12, value: (r) => formatDateVi(r.date) },
  { header: 'Đơn vị', width: 28, value: (r) => r.unit ?? '' },
  { header: 'Chỉ số', width: 11, value: (r) => r.indicator ?? '' },
  { header: 'Mã nội dung', width: 11, value: (r) => r.area ?? '' },
  { header: 'Nội dung', width: 48, value: (r, areas) => areas.find((a) => a.code === r.area)?.title ?? '' },
  { header: 'Kênh', width: 14, value: (r) => (r.channel ? CHANNEL_SHORT[r.channel] : '') },
  { header: 'Số lượng', width: 9, value: (r) => r.count ?? '' },
  { header: 'Liên kết', width: 36, value: (r) => r.link ?? '' },
  { header: 'Mô tả', width: 60, value: (r) => r.description },
  { header: 'Người báo cáo', width: 20, value: (r) => `${r.reporterChannel}:${r.reporterId}` },
  { header: 'Thời điểm lưu', width: 22, value: (r) => r.confirmedAt ?? r.createdAt },
];
