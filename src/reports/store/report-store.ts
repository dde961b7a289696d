/**
 * Storage port of the activity-report module. The flow, the summaries and
 * the admin page depend on this interface only.
 */
import type { DraftState, NewReport, ReportDraft, ReportQuery, ReportRecord } from '../types.js';

/** Outcome of deleting a report. */
export type DeleteOutcome = 'deleted' | 'not_found' | 'not_owner' | 'too_old' | 'already_deleted';

/** How long a reporter may delete their own report. */
export const DELETE_WINDOW_DAYS = 7;

export interface ReportStore {
  /**
   * Save a confirmed report. Idempotent on (reporter channel, reporter id,
   * source message id): a second call returns the existing record.
   * When `chatKey` is given, that chat's draft is removed in the same transaction.
   */
  confirm(report: NewReport, now: Date, chatKey?: string): { record: ReportRecord; created: boolean };
  /** One report by id (deleted ones included), or null. */
  get(id: number): ReportRecord | null;
  /** The confirmed report made from one source message, if any. */
  findBySource(reporterChannel: string, reporterId: string, sourceMessageId: string): ReportRecord | null;
  /** The reporter's confirmed reports saved at or after `sinceIso`, newest first. */
  recentByReporter(reporterChannel: string, reporterId: string, sinceIso: string): ReportRecord[];
  /** Reports matching the filters, newest activity first. Deleted ones only on request. */
  list(query?: ReportQuery): ReportRecord[];
  /** The distinct unit names of confirmed reports. */
  units(): string[];
  /** Soft-delete one's own report, within {@link DELETE_WINDOW_DAYS} of saving it. */
  deleteOwn(id: number, reporterChannel: string, reporterId: string, now: Date): DeleteOutcome;
  /** The open draft of a chat, or null. */
  getDraft(chatKey: string): ReportDraft | null;
  /** Create or replace a chat's draft. */
  saveDraft(chatKey: string, sourceMessageId: string, state: DraftState, now: Date): void;
  /** Discard a chat's draft (no-op when none). */
  deleteDraft(chatKey: string): void;
}
