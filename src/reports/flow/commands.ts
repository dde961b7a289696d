/**
 * The non-drafting report commands: `/baocaocuatoi`, `/xoa`, `/tonghop`, `/xuat`.
 */
import type { Identity, OutgoingReply, ReplyButton } from '../../core/messages.js';
import { encodePayload, type ReportAction } from '../../core/payload.js';
import type { Logger } from '../../logger.js';
import { buildExport, EXPORT_FORMATS } from '../export/index.js';
import { type Period, parsePeriodKind, periodOf } from '../period.js';
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
const button = (label: string, action: ReportAction): ReplyButton => ({ label, data: encodePayload({ kind: 'report', ...action }) });

/** The answer to a button whose card is out of date (draft changed or gone, record deleted). */
export const STALE_CARD = 'Thẻ này đã hết hiệu lực.';

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
  const buttons = deletable.slice(0, 5).map((r) => [button(`🗑 Xóa #${r.id}`, { action: 'delete', id: r.id })]);
  return reply(text, buttons.length > 0 ? buttons : undefined);
}

const DELETE_TEXT: Record<DeleteOutcome, (id: number) => string> = {
  deleted: (id) => `🗑 Đã xóa báo cáo #${id}.`,
  not_found: (id) => `Không tìm thấy báo cáo #${id}.`,
  not_owner: (id) => `Báo cáo #${id} không phải của bạn nên bạn không thể xóa.`,
  too_old: (id) => `Báo cáo #${id} đã lưu quá ${DELETE_WINDOW_DAYS} ngày nên không thể tự xóa. Vui lòng liên hệ Văn phòng Sở nếu cần điều chỉnh.`,
  already_deleted: (id) => `Báo cáo #${id} đã được xóa trước đó.`,
};

/**
 * `/xoa <id>`, or the confirmation button after 🗑. `fromButton`: a record
 * that is gone makes the button stale rather than "not found".
 */
export function deleteOwn(ctx: CommandContext, identity: Identity, arg: string, fromButton = false): OutgoingReply {
  const m = /#?(\d+)/.exec(arg);
  if (!m) return reply('Vui lòng gõ mã báo cáo cần xóa, ví dụ: /xoa 12. Gõ /baocaocuatoi để xem mã.');
  const id = Number(m[1]);
  const outcome = ctx.store.deleteOwn(id, identity.channel, identity.userId, ctx.now());
  ctx.logger.info({ reportId: id, outcome }, 'report delete');
  if (fromButton && (outcome === 'not_found' || outcome === 'already_deleted')) return reply(`${STALE_CARD} ${DELETE_TEXT[outcome](id)}`);
  return reply(DELETE_TEXT[outcome](id));
}

/** 🗑 on `/baocaocuatoi`: check the report can be deleted, then ask before deleting it. */
export function askDelete(ctx: CommandContext, identity: Identity, id: number): OutgoingReply {
  const rec = ctx.store.get(id);
  if (!rec || rec.status === 'deleted') return reply(`${STALE_CARD} ${DELETE_TEXT[rec ? 'already_deleted' : 'not_found'](id)}`);
  if (rec.reporterChannel !== identity.channel || rec.reporterId !== identity.userId) return reply(DELETE_TEXT.not_owner(id));
  if (ctx.now().getTime() - Date.parse(rec.confirmedAt ?? rec.createdAt) > DELETE_WINDOW_DAYS * DAY_MS) return reply(DELETE_TEXT.too_old(id));
  return reply(`Bạn có chắc muốn xóa báo cáo này không?\n${recordLine(rec)}`, [
    [button(`🗑 Xóa #${id}`, { action: 'delete-confirm', id }), button('Giữ lại', { action: 'delete-keep' })],
  ]);
}

/** `/tonghop [năm|quý|tháng|YYYY]` (admin); a year given is honoured, a bad one is named. */
export function summaryReply(ctx: CommandContext, arg: string): OutgoingReply {
  const asked = parseSummaryArg(arg, ctx.now());
  if ('error' in asked) return reply(asked.error);
  const { period, year } = asked;
  const text = formatSummaryText({
    periodLabel: period.label,
    periodReports: ctx.store.list({ from: period.from, to: period.to }),
    yearReports: ctx.store.list({ from: year.from, to: year.to }),
    year: year.year,
    areas: ctx.areas,
  });
  return reply(text, [
    [
      button('Năm', { action: 'summary', period: 'year' }),
      button('Quý', { action: 'summary', period: 'quarter' }),
      button('Tháng', { action: 'summary', period: 'month' }),
    ],
  ]);
}

/** Earliest year a summary or export may ask for. */
const FIRST_YEAR = 2020;

/**
 * `/tonghop` and `/xuat` arguments: a period word, or a year (`2025`, `năm 2025`).
 * A year before {@link FIRST_YEAR}, after this year, or not a year at all is an error.
 */
export function parseSummaryArg(arg: string, now: Date): { period: Period; year: Period } | { error: string } {
  const thisYear = periodOf('year', now);
  const digits = /\d+/.exec(arg)?.[0];
  if (digits === undefined) {
    if (arg.trim() !== '' && !/^(n[aă]m|year|qu[yý]|quarter|q|th[aá]ng|month|m)\b/i.test(arg.normalize('NFC').trim())) {
      return { error: `Không hiểu «${arg.trim()}». Gõ /tonghop, /tonghop quý, /tonghop tháng hoặc /tonghop ${thisYear.year}.` };
    }
    return { period: periodOf(parsePeriodKind(arg), now), year: thisYear };
  }
  const y = Number(digits);
  if (digits.length !== 4 || y < FIRST_YEAR || y > thisYear.year) {
    return { error: `Năm «${digits}» không hợp lệ: hãy nhập một năm từ ${FIRST_YEAR} đến ${thisYear.year}, ví dụ /tonghop ${thisYear.year - 1}.` };
  }
  const year = yearPeriod(y);
  return { period: year, year };
}

function yearPeriod(y: number): Period {
  return { kind: 'year', year: y, from: `${y}-01-01`, to: `${y}-12-31`, label: `năm ${y}` };
}

/** `/xuat [năm]` (admin): CSV, XLSX and DOCX of one year as attachments. */
export async function exportReply(ctx: CommandContext, arg: string): Promise<OutgoingReply> {
  const asked = parseSummaryArg(arg, ctx.now());
  if ('error' in asked) return reply(asked.error.replace(/\/tonghop/g, '/xuat'));
  const year = asked.year.year;
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
