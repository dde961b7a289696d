/**
 * Vietnamese texts of the report conversation: the summary card, the
 * questions for missing fields, and their buttons.
 */
import type { OutgoingReply, ReplyButton } from '../../core/messages.js';
import { encodePayload, type ReportAction } from '../../core/payload.js';
import { COUNT_KIND_UNITS } from '../../core/vocabulary.js';
import { areaLabel, CHANNEL_LABELS, CHANNEL_SHORT, FIELD_LABELS, formatDateVi } from '../labels.js';
import type { ContentAreaInfo, ReportChannel, ReportFieldName, ReportFields, ReportRecord } from '../types.js';
import { REPORT_CHANNELS } from '../types.js';

const EMPTY = '— (chưa có)';

/** The card lines: Ngày, Kênh, Số lượng, Chỉ số, Nội dung, Đơn vị, Liên kết, Mô tả. */
export function cardLines(f: ReportFields, areas: readonly ContentAreaInfo[]): string[] {
  const v = (s: string | null | undefined) => (s ? s : EMPTY);
  return [
    `• ${FIELD_LABELS.date}: ${v(formatDateVi(f.date))}`,
    `• ${FIELD_LABELS.channel}: ${v(f.channel ? CHANNEL_LABELS[f.channel] : null)}`,
    `• ${FIELD_LABELS.count}: ${f.count === null ? EMPTY : countText(f.count, f.countKind)}`,
    `• ${FIELD_LABELS.indicator}: ${v(f.indicator)}`,
    `• ${FIELD_LABELS.area}: ${v(areaLabel(f.area, areas))}`,
    `• ${FIELD_LABELS.unit}: ${v(f.unit)}`,
    `• ${FIELD_LABELS.link}: ${f.link ?? 'không có'}`,
    `• ${FIELD_LABELS.description}: ${v(f.description)}`,
  ];
}

/** `45 lượt người`, `2 tin/bài` (the bare number when the kind is not known). */
export function countText(count: number, kind: ReportFields['countKind']): string {
  return kind && kind !== 'unknown' ? `${count} ${COUNT_KIND_UNITS[kind]}` : String(count);
}

/** A report-flow button. */
const button = (label: string, action: ReportAction): ReplyButton => ({ label, data: encodePayload({ kind: 'report', ...action }) });

/** Buttons under a complete draft; `card` ties them to this card (an older card is refused). */
export function confirmButtons(card?: string): ReplyButton[][] {
  return [[button('💾 Lưu', { action: 'save', card }), button('✏️ Sửa', { action: 'edit', card }), button('✖️ Hủy', { action: 'cancel', card })]];
}

const cancelRow = (card?: string): ReplyButton[] => [button('✖️ Hủy', { action: 'cancel', card })];

/** The question for one missing field, with its buttons. */
export function questionFor(
  field: ReportFieldName,
  candidates: ReadonlyArray<{ code: string; title: string }>,
  card?: string,
): { text: string; buttons: ReplyButton[][] } {
  const CANCEL_ROW = cancelRow(card);
  switch (field) {
    case 'area':
      if (candidates.length > 0) {
        return {
          text: 'Hoạt động này thuộc nội dung nào của Kế hoạch? Chọn một gợi ý bên dưới hoặc gõ mã mục (ví dụ: II.1.c).',
          buttons: [...candidates.slice(0, 3).map((c) => [button(truncate(`${c.code} ${c.title}`, 60), { action: 'area', code: c.code, card })]), CANCEL_ROW],
        };
      }
      return {
        text: 'Hoạt động này thuộc nội dung nào của Kế hoạch? Gõ mã mục (ví dụ: II.1.c) hoặc vài từ về nội dung.',
        buttons: [CANCEL_ROW],
      };
    case 'date':
      return { text: 'Hoạt động diễn ra ngày nào? (ví dụ: 21/11 hoặc "hôm qua")', buttons: [CANCEL_ROW] };
    case 'channel':
      return {
        text: 'Hoạt động được thực hiện qua kênh nào?',
        buttons: [
          ...chunk(
            REPORT_CHANNELS.map((c: ReportChannel) => button(CHANNEL_SHORT[c], { action: 'channel', channel: c, card })),
            3,
          ),
          CANCEL_ROW,
        ],
      };
    case 'count':
      return {
        text: 'Số lượng là bao nhiêu? (số tin, bài, ấn phẩm đã đăng/phát, hoặc số người tham dự/được hướng dẫn)',
        buttons: [CANCEL_ROW],
      };
    case 'unit':
      return { text: 'Bạn thuộc phòng/đơn vị nào của Sở?', buttons: [CANCEL_ROW] };
    default:
      return { text: `Vui lòng cho biết ${FIELD_LABELS[field].toLowerCase()}.`, buttons: [CANCEL_ROW] };
  }
}

/** Card plus either the next question or the Lưu / Sửa / Hủy buttons. */
export function draftReply(
  f: ReportFields,
  next: ReportFieldName | null,
  candidates: ReadonlyArray<{ code: string; title: string }>,
  areas: readonly ContentAreaInfo[],
  preface?: string,
  card?: string,
): OutgoingReply {
  const head = [preface, '📝 Báo cáo hoạt động truyền thông (bản nháp):', ...cardLines(f, areas)].filter((s): s is string => Boolean(s));
  if (next) {
    const q = questionFor(next, candidates, card);
    return { kind: 'report', text: [...head, '', `❓ ${q.text}`].join('\n'), buttons: q.buttons };
  }
  return {
    kind: 'report',
    text: [...head, '', 'Thông tin đã đủ. Bấm "Lưu" để ghi nhận, "Sửa" để chỉnh, hoặc "Hủy".'].join('\n'),
    buttons: confirmButtons(card),
  };
}

/** How to correct a draft in words. */
export const EDIT_HELP = [
  'Gõ nội dung cần sửa, mỗi lần một mục, ví dụ:',
  '• sửa ngày 21/11',
  '• kênh là Zalo',
  '• số lượng 5 (hoặc kèm đơn vị tính: «số lượng 45 người», «số lượng 200 tờ»)',
  '• nội dung II.2.h',
  '• liên kết https://…',
  '• mô tả: Đăng tin hướng dẫn nộp hồ sơ trực tuyến',
  'Gõ /huy để bỏ bản nháp.',
].join('\n');

/** How to send a report (reply to a bare `/baocao`). */
export const REPORT_HELP = [
  'Hãy gửi một tin nhắn mô tả hoạt động truyền thông đã thực hiện: ngày, kênh (website, Zalo, báo chí, hội nghị, tờ rơi…), số lượng, nội dung và liên kết (nếu có).',
  'Ví dụ: "Ngày 20/11 đăng 2 tin trên Cổng thông tin điện tử của Sở về dịch vụ công trực tuyến, link https://…"',
].join('\n');

/** One line of `/baocaocuatoi`. */
export function recordLine(r: ReportRecord): string {
  const what = r.description.length > 70 ? `${r.description.slice(0, 69)}…` : r.description;
  return `#${r.id} · ${formatDateVi(r.date)} · ${r.area ?? '?'} · ${r.channel ? CHANNEL_SHORT[r.channel] : '?'} · ${r.count === null ? '?' : countText(r.count, r.countKind)} · ${what}`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
