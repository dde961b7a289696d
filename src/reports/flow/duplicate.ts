/**
 * Duplicate warning: the same reporter sending the same text again within a
 * day is told that it was already saved (it may still be a second activity,
 * so nothing is refused).
 */
import type { Identity } from '../../core/messages.js';
import { vietnamDateTime } from '../../core/vietnam-time.js';
import type { ReportStore } from '../store/report-store.js';

/** How far back a saved report counts as a duplicate of a new message. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Same text, whatever the spacing and case. */
export function sameReportText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** The warning for a message that repeats a report saved in the last day, or null. */
export function duplicateNote(store: ReportStore, identity: Pick<Identity, 'channel' | 'userId'>, description: string, now: Date): string | null {
  if (!description.trim()) return null;
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  const same = store
    .recentByReporter(identity.channel, identity.userId, since)
    .find((r) => r.status === 'confirmed' && sameReportText(r.description, description));
  if (!same) return null;
  return `⚠️ Bạn đã lưu một báo cáo giống hệt nội dung này lúc ${vietnamDateTime(same.confirmedAt ?? same.createdAt)} (mã #${same.id}). Nếu gửi nhầm, gõ «hủy»; nếu đây là một hoạt động khác, vẫn có thể bấm «Lưu».`;
}
