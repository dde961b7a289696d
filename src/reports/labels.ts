/**
 * Vietnamese labels shown to users, and the plan's structure helpers
 * (area codes → indicator, Vietnamese letter order).
 */
import type { ContentAreaInfo, Indicator, ReportChannel, ReportFieldName } from './types.js';

/** Display names of report channels. */
export const CHANNEL_LABELS: Readonly<Record<ReportChannel, string>> = {
  website: 'Cổng/Trang thông tin điện tử',
  social: 'Mạng xã hội (Zalo, Facebook…)',
  press: 'Báo chí, phát thanh, truyền hình',
  meeting: 'Hội nghị, tập huấn, đối thoại',
  print: 'Tờ rơi, pa-nô, áp phích',
  direct: 'Hướng dẫn trực tiếp, qua điện thoại',
  other: 'Hình thức khác',
};

/** Short channel labels for buttons and tables. */
export const CHANNEL_SHORT: Readonly<Record<ReportChannel, string>> = {
  website: 'Website',
  social: 'Mạng xã hội',
  press: 'Báo chí',
  meeting: 'Hội nghị',
  print: 'Ấn phẩm',
  direct: 'Trực tiếp',
  other: 'Khác',
};

/**
 * Headings of section II of Kế hoạch 1523/KH-SCT, one per indicator
 * (quoted from the plan).
 */
export const INDICATOR_HEADINGS: Readonly<Record<Indicator, string>> = {
  'PAR INDEX': 'Đối với Chỉ số cải cách hành chính (PAR INDEX)',
  PAPI: 'Đối với Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
  PCI: 'Đối với Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
};

/** Labels of the card's fields. */
export const FIELD_LABELS: Readonly<Record<ReportFieldName, string>> = {
  date: 'Ngày',
  channel: 'Kênh',
  count: 'Số lượng',
  countKind: 'Loại số lượng',
  indicator: 'Chỉ số',
  area: 'Nội dung',
  unit: 'Đơn vị',
  link: 'Liên kết',
  description: 'Mô tả',
};

const LETTER_ORDER = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'];

/** The indicator an area code belongs to (`II.1.*` → PAR INDEX, `II.2.*` → PAPI, `II.3.*` → PCI). */
export function indicatorOfArea(code: string): Indicator | null {
  const m = /^II\.(\d)\./.exec(code);
  if (!m) return null;
  return m[1] === '1' ? 'PAR INDEX' : m[1] === '2' ? 'PAPI' : m[1] === '3' ? 'PCI' : null;
}

/** Sort key in plan order: II.1.a < II.1.d < II.1.đ < II.1.e … */
export function areaSortKey(code: string): number {
  const m = /^II\.(\d)\.(.+)$/.exec(code);
  if (!m) return 10_000;
  const letter = LETTER_ORDER.indexOf((m[2] ?? '').toLowerCase());
  return Number(m[1]) * 100 + (letter < 0 ? 99 : letter);
}

/** Areas sorted in plan order. */
export function sortAreas<T extends { code: string }>(areas: readonly T[]): T[] {
  return [...areas].sort((a, b) => areaSortKey(a.code) - areaSortKey(b.code));
}

/** `II.2.h – Truyền thông nội dung “Quản trị điện tử”`, or the bare code when unknown. */
export function areaLabel(code: string | null, areas: readonly ContentAreaInfo[]): string {
  if (!code) return '';
  const a = areas.find((x) => x.code === code);
  return a ? `${code} – ${a.title}` : code;
}

/** The letter of an area code (`II.3.đ` → `đ`). */
export function areaLetter(code: string): string {
  return code.split('.').pop() ?? code;
}

/** `2026-11-21` → `21/11/2026`. */
export function formatDateVi(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
