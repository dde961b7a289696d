/**
 * Validity of a document as data: whether it is still in force, what amended
 * or replaced it, when it took effect, until when it applies, the period it
 * covers and the date its statements about the present were last checked.
 * One vocabulary, shared by Markdown front matter and binary sidecars.
 */
import { z } from 'zod';

/** Machine values of a document's status. `in force` keeps its historical spelling; `in_force` is accepted too. */
export const DOC_STATUSES = ['in force', 'amended', 'replaced', 'expired', 'historical', 'unknown'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

/** Statuses that mean: do not present the document's content as current without a note. */
export const NOT_IN_FORCE: ReadonlySet<DocStatus> = new Set(['amended', 'replaced', 'expired', 'historical']);

/** Vietnamese words for each status (document cards, notes, the review). */
export const STATUS_WORDS: Record<DocStatus, string> = {
  'in force': 'đang có hiệu lực',
  amended: 'đã được sửa đổi, bổ sung',
  replaced: 'đã được thay thế',
  expired: 'đã hết thời hạn áp dụng',
  historical: 'chỉ còn giá trị tham khảo lịch sử',
  unknown: 'chưa xác định',
};

/** `status` field: one of {@link DOC_STATUSES}; `in_force` is read as `in force`. */
export const docStatusSchema = z.preprocess(
  (v) => (v === 'in_force' ? 'in force' : v),
  z.enum(DOC_STATUSES, { errorMap: () => ({ message: `phải là một trong: ${DOC_STATUSES.join(', ')}` }) }),
);

/** `YYYY-MM-DD`, a real calendar date; YAML may hand over a Date for an unquoted date. */
export const isoDateSchema = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'ngày không hợp lệ'),
);

/** A period of years such as `2022-2025` (hyphen or en dash). */
export interface Period {
  start: number;
  end: number;
}

/** `period` field: `"2022-2025"` → `{ start: 2022, end: 2025 }`. */
export const periodSchema = z
  .string()
  .regex(/^\d{4}\s*[-–]\s*\d{4}$/, 'giai đoạn phải có dạng YYYY-YYYY')
  .transform((s, ctx): Period => {
    const [start, end] = s.split(/\s*[-–]\s*/).map(Number) as [number, number];
    if (end < start) ctx.addIssue({ code: 'custom', message: 'năm kết thúc phải sau năm bắt đầu' });
    return { start, end };
  });

const docNumber = z.string().trim().min(1, 'không được để trống');

/**
 * The validity fields as they appear in YAML (snake_case, like `cited_in`).
 * Every field is optional; a wrong value is rejected.
 */
export const validityFields = {
  status: docStatusSchema,
  amended_by: z.union([docNumber.transform((s) => [s]), z.array(docNumber)]),
  replaced_by: docNumber.nullable(),
  effective: isoDateSchema.nullable(),
  valid_until: isoDateSchema.nullable(),
  period: periodSchema.nullable(),
  as_of: isoDateSchema.nullable(),
  awaiting_confirmation: z.string().trim().min(1, 'không được để trống').nullable(),
};

/** Validity as carried by a loaded document's metadata. */
export interface Validity {
  status: DocStatus;
  /** Documents that amended this one (số hiệu). */
  amendedBy: string[];
  /** The document that replaced this one, or null. */
  replacedBy: string | null;
  /** ISO date it took effect, or null. */
  effective: string | null;
  /** ISO date of the last day it applies, or null. */
  validUntil: string | null;
  /** The years it covers (a plan's giai đoạn), or null. */
  period: Period | null;
  /** ISO date its statements about the present were last checked, or null. */
  asOf: string | null;
  /** What about its validity still awaits confirmation from a source, or null. */
  awaitingConfirmation: string | null;
}

/** Map parsed YAML validity fields to {@link Validity} fields (only those given). */
export function validityFromYaml(d: {
  status?: DocStatus;
  amended_by?: string[];
  replaced_by?: string | null;
  effective?: string | null;
  valid_until?: string | null;
  period?: Period | null;
  as_of?: string | null;
  awaiting_confirmation?: string | null;
}): Partial<Validity> {
  const out: Partial<Validity> = {};
  if (d.status !== undefined) out.status = d.status;
  if (d.amended_by !== undefined) out.amendedBy = d.amended_by;
  if (d.replaced_by !== undefined) out.replacedBy = d.replaced_by;
  if (d.effective !== undefined) out.effective = d.effective;
  if (d.valid_until !== undefined) out.validUntil = d.valid_until;
  if (d.period !== undefined) out.period = d.period;
  if (d.as_of !== undefined) out.asOf = d.as_of;
  if (d.awaiting_confirmation !== undefined) out.awaitingConfirmation = d.awaiting_confirmation;
  return out;
}

/** `2024-07-01` → `01/7/2024` (the way Vietnamese documents write dates). */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${Number(m)}/${y}`;
}

/** The last day a document applies: `valid_until`, else the end of its period. */
export function lastDay(v: Pick<Validity, 'validUntil' | 'period'>): string | null {
  return v.validUntil ?? (v.period ? `${v.period.end}-12-31` : null);
}

/** True when the document's period or validity has ended before `today` (ISO date). */
export function hasEnded(v: Pick<Validity, 'validUntil' | 'period'>, today: string): boolean {
  const last = lastDay(v);
  return last !== null && last < today;
}
