/**
 * The non-drafting report commands: `/baocaocuatoi`, `/xoa`, `/tonghop`, `/xuat`.
 */
import type { Identity, OutgoingReply, ReplyButton } from '../../core/messages.js';
import type { Logger } from '../../logger.js';
import { buildExport, EXPORT_FORMATS } from '../export/index.js';
import { localDate, parsePeriodKind, periodOf } from '../period.js';
import type { DeleteOutcome, ReportStore } from '../store/report-store.js';
import { DELETE_WINDOW_DAYS } from '../store/report-store.js';
import { formatSummaryText } from '../summary.js';
import type { ContentAreaInfo } from '../types.js';
import { recordLine } from './card.js';

/** What the command handlers need. */
export interface CommandContext {
  store: ReportStore;
  areas: readonly ContentAreaInfo[];
  now: () => Date;
  logger: Logger;
  departmentName?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const reply = (text: string, buttons?: ReplyButton[][]): OutgoingReply => ({ kind: 'report', text, buttons });

/** `/baocaocuatoi`: the reporter's own latest reports, with delete buttons for those still deletable. */
export function listOwn(ctx: CommandContext, identity: Identity): OutgoingReply {
  const rows = ctx.store.list({ reporterChannel: identity.channel, reporterId: identity.userId, limit: 20 });
  if (rows.length === 0) return reply('Bạn chưa có báo cáo nào. Hãy gửi một tin nhắn mô tả hoạt động để báo cáo.');
  const now = ctx.now().getTime();
  const deletable = rows.filter((r) => now - Date.parse(r.confirmedAt ?? r.createdAt) <= DELETE_WINDOW_DAYS * DAY_MS);
  const text = [
    `📋 ${rows.length} báo cáo gần nhất của bạn (mã · ngày · nội dung · kênh · số lượng · mô tả):`,
    ...rows.map(recordLine),
    '',
    `Muốn xóa, gõ /xoa <mã> (chỉ trong ${DELETE_WINDOW_DAYS} ngày kể từ khi lưu).`,
  ].join('\n');
  const buttons = deletable.slice(0, 5).map((r) => [{ label: `🗑 Xóa #${r.id}`, data: `rp:del:${r.id}` }]);
  return reply(text, buttons.length > 0 ? buttons : undefined);
}

const DELETE_TEXT: Record<DeleteOutcome, (id: number) => string> = {
  deleted: (id) => `🗑 Đã xóa báo cáo #${id}.`,
  not_found: (id) => `Không tìm thấy báo cáo #${id}.`,
  not_owner: (id) => `Báo cáo #${id} không phải của bạn nên bạn không thể xóa.`,
  too_old: (id) => `Báo cáo #${id} đã lưu quá ${DELETE_WINDOW_DAYS} ngày nên không thể tự xóa. Vui lòng liên hệ Văn phòng Sở nếu cần điều chỉnh.`,
  already_deleted: (id) => `Báo cáo #${id} đã được xóa trước đó.`,
};

/** `/xoa <id>` or `rp:del:<id>`. */
export function deleteOwn(ctx: CommandContext, identity: Identity, arg: string): OutgoingReply {
  const m = /#?(\d+)/.exec(arg);
  if (!m) return reply('Vui lòng gõ mã báo cáo cần xóa, ví dụ: /xoa 12. Gõ /baocaocuatoi để xem mã.');
  const id = Number(m[1]);
  const outcome = ctx.store.deleteOwn(id, identity.channel, identity.userId, ctx.now());
  ctx.logger.info({ reportId: id, outcome }, 'report delete');
  return reply(DELETE_TEXT[outcome](id));
}

/** `/tonghop [năm|quý|tháng]` (admin). */
export function summaryReply(ctx: CommandContext, arg: string): OutgoingReply {
  const now = ctx.now();
  const period = periodOf(parsePeriodKind(arg), now);
  const year = periodOf('year', now);
  const text = formatSummaryText({
    periodLabel: period.label,
    periodReports: ctx.store.list({ from: period.from, to: period.to }),
    yearReports: ctx.store.list({ from: year.from, to: year.to }),
    year: year.year,
    areas: ctx.areas,
  });
  return reply(text, [
    [
      { label: 'Năm', data: 'rp:sum:year' },
      { label: 'Quý', data: 'rp:sum:quarter' },
      { label: 'Tháng', data: 'rp:sum:month' },
    ],
  ]);
}

/** `/xuat [năm]` (admin): CSV, XLSX and DOCX of one year as attachments. */
export async function exportReply(ctx: CommandContext, arg: string): Promise<OutgoingReply> {
  const m = /\b(20\d{2})\b/.exec(arg);
  const year = m ? Number(m[1]) : Number(localDate(ctx.now()).slice(0, 4));
  const reports = ctx.store.list({ year });
  const attachments = [];
  for (const f of EXPORT_FORMATS) {
    attachments.push(await buildExport(f, reports, ctx.areas, { year, departmentName: ctx.departmentName }));
  }
  return {
    kind: 'report',
    text: `📎 Báo cáo năm ${year}: ${reports.length} hoạt động. Gửi kèm bảng CSV, XLSX và bản Word (DOCX) để chỉnh sửa và gửi trước ngày 30/11.`,
    attachments,
  };
}
