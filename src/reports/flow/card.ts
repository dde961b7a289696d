/**
 * Vietnamese texts of the report conversation: the summary card, the
 * questions for missing fields, and their buttons.
 */
import type { OutgoingReply, ReplyButton } from '../../core/messages.js';
import { areaLabel, CHANNEL_LABELS, CHANNEL_SHORT, encodeAreaCode, FIELD_LABELS, formatDateVi } from '../labels.js';
import type { ContentAreaInfo, ReportChannel, ReportFieldName, ReportFields, ReportRecord } from '../types.js';
import { REPORT_CHANNELS } from '../types.js';

const EMPTY = '— (chưa có)';

/** The card lines: Ngày, Kênh, Số lượng, Chỉ số, Nội dung, Đơn vị, Liên kết, Mô tả. */
export function cardLines(f: ReportFields, areas: readonly ContentAreaInfo[]): string[] {
  const v = (s: string | null | undefined) => (s ? s : EMPTY);
  return [
    `• ${FIELD_LABELS.date}: ${v(formatDateVi(f.date))}`,
    `• ${FIELD_LABELS.channel}: ${v(f.channel ? CHANNEL_LABELS[f.channel] : null)}`,
    `• ${FIELD_LABELS.count}: ${f.count === null ? EMPTY : String(f.count)}`,
    `• ${FIELD_LABELS.indicator}: ${v(f.indicator)}`,
    `• ${FIELD_LABELS.area}: ${v(areaLabel(f.area, areas))}`,
    `• ${FIELD_LABELS.unit}: ${v(f.unit)}`,
    `• ${FIELD_LABELS.link}: ${f.link ?? 'không có'}`,
    `• ${FIELD_LABELS.description}: ${v(f.description)}`,
  ];
}

/** Buttons under a complete draft. */
export const CONFIRM_BUTTONS: ReplyButton[][] = [
  [
    { label: '💾 Lưu', data: 'rp:save' },
    { label: '✏️ Sửa', data: 'rp:edit' },
    { label: '✖️ Hủy', data: 'rp:cancel' },
  ],
];

const CANCEL_ROW: ReplyButton[] = [{ label: '✖️ Hủy', data: 'rp:cancel' }];

/** The question for one missing field, with its buttons. */
export function questionFor(field: ReportFieldName, candidates: ReadonlyArray<{ code: string; title: string }>): { text: string; buttons: ReplyButton[][] } {
  switch (field) {
    case 'area':
      if (candidates.length > 0) {
        return {
          text: 'Hoạt động này thuộc nội dung nào của Kế hoạch? Chọn một gợi ý bên dưới hoặc gõ mã mục (ví dụ: II.1.c).',
          buttons: [
            ...candidates.slice(0, 3).map((c) => [{ label: truncate(`${c.code} ${c.title}`, 60), data: `rp:area:${encodeAreaCode(c.code)}` }]),
            CANCEL_ROW,
          ],
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
            REPORT_CHANNELS.map((c) => ({ label: CHANNEL_SHORT[c as ReportChannel], data: `rp:ch:${c}` })),
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
): OutgoingReply {
  const head = [preface, '📝 Báo cáo hoạt động truyền thông (bản nháp):', ...cardLines(f, areas)].filter((s): s is string => Boolean(s));
  if (next) {
    const q = questionFor(next, candidates);
    return { kind: 'report', text: [...head, '', `❓ ${q.text}`].join('\n'), buttons: q.buttons };
  }
  return {
    kind: 'report',
    text: [...head, '', 'Thông tin đã đủ. Bấm "Lưu" để ghi nhận, "Sửa" để chỉnh, hoặc "Hủy".'].join('\n'),
    buttons: CONFIRM_BUTTONS,
  };
}

/** How to correct a draft in words. */
export const EDIT_HELP = [
  'Gõ nội dung cần sửa, mỗi lần một mục, ví dụ:',
  '• sửa ngày 21/11',
  '• kênh là Zalo',
  '• số lượng 5',
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
  return `#${r.id} · ${formatDateVi(r.date)} · ${r.area ?? '?'} · ${r.channel ? CHANNEL_SHORT[r.channel] : '?'} · ${r.count ?? '?'} · ${what}`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
