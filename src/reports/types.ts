/**
 * Shared types of the activity-report module (Section IV of Kế hoạch
 * 1523/KH-SCT: units report what they did; Văn phòng Sở sums it up).
 *
 * The parser types mirror the contract of `src/reports/parse/` structurally,
 * so the flow can take the real parser or a test fake.
 */
import type { ChannelName } from '../core/messages.js';
import type { CountKind, Indicator, ReportChannel } from '../core/vocabulary.js';
import type { DateIssue } from './parse/date.js';

export type { CountKind, Indicator, ReportChannel } from '../core/vocabulary.js';
export { COUNT_KINDS, INDICATORS, REPORT_CHANNELS } from '../core/vocabulary.js';

/** One content area of section II of the plan, e.g. `II.2.h`. */
export interface ContentAreaInfo {
  code: string;
  indicator: string;
  title: string;
  text?: string;
}

/** The editable fields of a report (a draft holds them while they are incomplete). */
export interface ReportFields {
  date: string | null;
  channel: ReportChannel | null;
  count: number | null;
  /** What `count` measures (tin/bài, lượt người…); null while unknown in a draft. */
  countKind: CountKind | null;
  indicator: Indicator | null;
  area: string | null;
  link: string | null;
  unit: string | null;
  description: string;
}

/** What the parser returns for one message (structural copy of `ParsedReport`). */
export interface ParsedReportLike extends ReportFields {
  missing: string[];
  areaCandidates: Array<{ code: string; title: string; score: number }>;
  /** A date to ask about instead of storing (planned activity, impossible day). */
  dateIssue?: DateIssue;
}

/**
 * The parser as the flow needs it. May be async, e.g. the rule-based parser
 * followed by an optional LLM fill of the fields it left null.
 */
export type ReportParser = (
  text: string,
  opts: { now: Date; reporterUnit?: string; areas: readonly ContentAreaInfo[] },
) => ParsedReportLike | Promise<ParsedReportLike>;

/** Field names that can be asked for or corrected. */
export type ReportFieldName = keyof ReportFields;

/** A confirmed (or deleted) report as stored. */
export interface ReportRecord extends ReportFields {
  id: number;
  reporterChannel: ChannelName;
  reporterId: string;
  /** The reporter's display name when it was known at saving time. */
  reporterName: string | null;
  /** The reporter's own unit at saving time (the activity's unit is `unit`). */
  reporterUnit: string | null;
  sourceMessageId: string;
  status: 'confirmed' | 'deleted';
  createdAt: string;
  confirmedAt: string | null;
  deletedAt: string | null;
}

/** A report ready to be saved. */
export interface NewReport extends ReportFields {
  reporterChannel: ChannelName;
  reporterId: string;
  reporterName?: string | null;
  reporterUnit?: string | null;
  sourceMessageId: string;
}

/** An open draft of one chat. */
export interface ReportDraft {
  chatKey: string;
  sourceMessageId: string;
  state: DraftState;
  updatedAt: string;
}

/** What the flow keeps between messages. */
export interface DraftState {
  fields: ReportFields;
  /** The field the last question asked for, if any. */
  awaiting: ReportFieldName | null;
  /** Area candidates offered as buttons. */
  candidates: Array<{ code: string; title: string }>;
  /** Who is reporting (so a restart does not lose it). */
  reporterChannel: ChannelName;
  reporterId: string;
}

/** Filters for listing reports. */
export interface ReportQuery {
  /** Calendar year of the activity date. */
  year?: number;
  /** Inclusive YYYY-MM-DD bounds on the activity date. */
  from?: string;
  to?: string;
  reporterChannel?: ChannelName;
  reporterId?: string;
  indicator?: Indicator;
  area?: string;
  unit?: string;
  channel?: ReportChannel;
  includeDeleted?: boolean;
  limit?: number;
}
