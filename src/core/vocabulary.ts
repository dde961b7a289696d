/**
 * The closed vocabularies of the bot, each defined once as a zod enum with
 * its type from `z.infer`: chat channels, report channels (how an activity
 * reached people), the plan's indicators, content-area codes and the kinds
 * of a report's count (its unit of measure). Everything else imports these.
 */
import { z } from 'zod';

/** Where a conversation happens. */
export const chatChannelSchema = z.enum(['web', 'telegram', 'zalo', 'cli']);
/** A chat channel name. */
export type ChatChannel = z.infer<typeof chatChannelSchema>;

/** How an activity reached people (website, social media, press, meeting, print, in person, other). */
export const reportChannelSchema = z.enum(['website', 'social', 'press', 'meeting', 'print', 'direct', 'other']);
/** A report channel. */
export type ReportChannel = z.infer<typeof reportChannelSchema>;
/** Every report channel, in display order. */
export const REPORT_CHANNELS: readonly ReportChannel[] = reportChannelSchema.options;

/** The three indices of Kế hoạch 1523/KH-SCT, section II (II.1, II.2, II.3). */
export const indicatorSchema = z.enum(['PAR INDEX', 'PAPI', 'PCI']);
/** An indicator. */
export type Indicator = z.infer<typeof indicatorSchema>;
/** Every indicator, in the plan's order. */
export const INDICATORS: readonly Indicator[] = indicatorSchema.options;

/** A content-area code of section II of the plan: `II.1.a` … `II.3.e`, with `đ`. */
export const areaCodeSchema = z.string().regex(/^II\.[123]\.[a-hđ]$/, 'mã nội dung có dạng II.1.a … II.3.e');
/** A content-area code. */
export type AreaCode = z.infer<typeof areaCodeSchema>;

/**
 * What a report's count measures. Totals are only ever added within one kind:
 * - `post`: tin, bài, phóng sự, video published;
 * - `printed`: tờ rơi, tờ gấp, pa-nô, ấn phẩm handed out or put up;
 * - `person`: people or organisations attending or reached (người, lượt người, doanh nghiệp);
 * - `session`: buổi, hội nghị, lớp, cuộc held;
 * - `consultation`: lượt tư vấn, lượt hướng dẫn, trường hợp answered;
 * - `unknown`: not said (older reports, bare numbers).
 */
export const countKindSchema = z.enum(['post', 'printed', 'person', 'session', 'consultation', 'unknown']);
/** A count kind. */
export type CountKind = z.infer<typeof countKindSchema>;
/** Every count kind, in display order. */
export const COUNT_KINDS: readonly CountKind[] = countKindSchema.options;

/** Vietnamese unit of measure of each count kind ("5 tin/bài", "45 lượt người"). */
export const COUNT_KIND_UNITS: Readonly<Record<CountKind, string>> = {
  post: 'tin/bài',
  printed: 'tờ/ấn phẩm',
  person: 'lượt người',
  session: 'buổi/hội nghị',
  consultation: 'lượt tư vấn',
  unknown: '(chưa rõ loại)',
};

/** The period a summary covers (`/tonghop năm|quý|tháng`, its buttons). */
export const periodKindSchema = z.enum(['year', 'quarter', 'month']);
/** A summary period. */
export type PeriodKind = z.infer<typeof periodKindSchema>;

/** The activity-report commands (without the slash): staff `baocao`, `baocaocuatoi`, `xoa`; admin `tonghop`, `xuat`. */
export const reportCommandSchema = z.enum(['baocao', 'baocaocuatoi', 'xoa', 'tonghop', 'xuat']);
/** A report command name. */
export type ReportCommand = z.infer<typeof reportCommandSchema>;
/** Every report command, without the slash. */
export const REPORT_COMMAND_NAMES: readonly ReportCommand[] = reportCommandSchema.options;
