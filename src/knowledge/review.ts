/**
 * The currency review of the knowledge base: what an editor must look at so
 * answers stay current. Used by `cli knowledge review`; the admin console can
 * call {@link reviewKnowledge} with the index's documents and chunks.
 */
import { type ChangeRecord, foldForMatch, mentionsAny } from './changes.js';
import type { NoteChunk, NoteDocument } from './currency-notes.js';
import { hasEnded, lastDay, shortDate, type Validity } from './validity.js';

export type ReviewKind = 'unknown-status' | 'unapplied-change' | 'period-ended' | 'stale-as-of' | 'unconfirmed-change';

export interface ReviewItem {
  kind: ReviewKind;
  /** Document id or change record id. */
  target: string;
  /** Knowledge file, when known. */
  file?: string;
  /** What to do, in Vietnamese. */
  message: string;
  /** True when the item is explicitly marked as awaiting confirmation from a source. */
  awaitingConfirmation: boolean;
}

export interface KnowledgeReview {
  items: ReviewItem[];
  /** Items that need an editor now (not merely awaiting confirmation). */
  actionable: number;
}

export interface ReviewInput {
  documents: ReadonlyArray<NoteDocument & Partial<Pick<Validity, 'awaitingConfirmation'>> & { file?: string; verified?: boolean }>;
  chunks: readonly NoteChunk[];
  changes: readonly ChangeRecord[];
  /** ISO date of today. */
  today: string;
  /** "As of" dates older than this many days are listed. */
  maxFactAgeDays: number;
}

const CLOSED = new Set(['expired', 'historical', 'replaced']);

function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** Review documents and change records; items sorted by kind, then target. */
export function reviewKnowledge(input: ReviewInput): KnowledgeReview {
  const items: ReviewItem[] = [];
  for (const d of input.documents) {
    const awaiting = Boolean(d.awaitingConfirmation) || d.verified === false;
    const status = d.status ?? 'unknown';
    if (status === 'unknown') {
      const why = d.awaitingConfirmation ?? (d.verified === false ? 'văn bản chưa được xác nhận qua nguồn công khai' : null);
      items.push({
        kind: 'unknown-status',
        target: d.id,
        file: d.file,
        message: why
          ? `tình trạng hiệu lực chưa xác định — đang chờ xác nhận: ${why}`
          : 'tình trạng hiệu lực chưa xác định: ghi status (và nguồn) vào phần đầu tệp',
        awaitingConfirmation: awaiting,
      });
    }
    const validity = { validUntil: d.validUntil ?? null, period: d.period ?? null };
    if (hasEnded(validity, input.today) && !CLOSED.has(status)) {
      items.push({
        kind: 'period-ended',
        target: d.id,
        file: d.file,
        message: `thời hạn/giai đoạn đã kết thúc (hết ${shortDate(lastDay(validity) as string)}) nhưng status vẫn là "${status}"`,
        awaitingConfirmation: Boolean(d.awaitingConfirmation),
      });
    }
    if (d.asOf && daysBetween(d.asOf, input.today) > input.maxFactAgeDays) {
      items.push({
        kind: 'stale-as-of',
        target: d.id,
        file: d.file,
        message: `thông tin "tính đến" ${shortDate(d.asOf)} đã cũ hơn ${input.maxFactAgeDays} ngày: đối chiếu lại với nguồn và cập nhật as_of`,
        awaitingConfirmation: false,
      });
    }
  }
  const folded = input.chunks.map((c) => foldForMatch(c.text));
  for (const r of input.changes) {
    if (!folded.some((t) => mentionsAny(t, r.affects))) {
      items.push({
        kind: 'unapplied-change',
        target: r.id,
        message: `không đoạn nào trong kho tri thức khớp mẫu của bản ghi (${r.affects.join(', ')}): sửa mẫu hoặc bỏ bản ghi`,
        awaitingConfirmation: false,
      });
    }
    if (!r.confirmed) {
      items.push({
        kind: 'unconfirmed-change',
        target: r.id,
        message: `thay đổi từ ${shortDate(r.date)} đang chờ xác nhận qua nguồn: ${r.sources.join(', ')}`,
        awaitingConfirmation: true,
      });
    }
  }
  const order: ReviewKind[] = ['unknown-status', 'period-ended', 'stale-as-of', 'unapplied-change', 'unconfirmed-change'];
  items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.target.localeCompare(b.target, 'vi'));
  return { items, actionable: items.filter((i) => !i.awaitingConfirmation).length };
}

const HEADINGS: Record<ReviewKind, string> = {
  'unknown-status': 'Văn bản chưa rõ tình trạng hiệu lực',
  'period-ended': 'Văn bản đã hết giai đoạn/thời hạn',
  'stale-as-of': 'Thông tin "tính đến" đã cũ',
  'unapplied-change': 'Bản ghi thay đổi không khớp đoạn nào',
  'unconfirmed-change': 'Thay đổi đang chờ xác nhận',
};

/** The review as readable Vietnamese text. */
export function formatReview(r: KnowledgeReview): string {
  if (r.items.length === 0) return 'Rà soát tri thức: không có mục nào cần xử lý.\n';
  const lines = [`Rà soát tri thức: ${r.items.length} mục, ${r.actionable} mục cần xử lý ngay (các mục còn lại đang chờ xác nhận).`];
  let kind: ReviewKind | null = null;
  for (const i of r.items) {
    if (i.kind !== kind) {
      kind = i.kind;
      lines.push('', `${HEADINGS[kind]}:`);
    }
    lines.push(`  ${i.awaitingConfirmation ? '[chờ xác nhận]' : '[cần xử lý]'} ${i.target}${i.file ? ` (${i.file})` : ''}: ${i.message}`);
  }
  return `${lines.join('\n')}\n`;
}
