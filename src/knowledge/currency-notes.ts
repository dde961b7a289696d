/**
 * Keeping answers current: one post-composition step that takes a composed
 * answer and the passages it used, keeps the document's own words and
 * citation, and adds dated notes once:
 *  - a change record whose patterns the answer states ("Lưu ý: từ 01/3/2025
 *    Sở TT&TT đã hợp nhất vào Sở Khoa học và Công nghệ …");
 *  - a used document that is not in force (replaced, amended, historical);
 *  - a used document whose period has ended, when the question asks about
 *    the present ("bây giờ", "hiện nay", "năm nay", a year after the period).
 */
import { foldText, normalizeText } from '../text/normalize.js';
import { type ChangeRecord, foldForMatch, mentionsAny } from './changes.js';
import type { DocMeta } from './document.js';
import { hasEnded, lastDay, STATUS_WORDS, shortDate, type Validity } from './validity.js';

/** What a note needs to know about a document (the index's document list fits). */
export type NoteDocument = Pick<DocMeta, 'id' | 'number' | 'title' | 'type'> & Partial<Validity>;

/** The part of a passage the notes look at (index chunks fit). */
export interface NoteChunk {
  docId: string;
  text: string;
}

/** Prefix of every note line. */
export const NOTE_PREFIX = 'Lưu ý';

const PRESENT = /\b(bay gio|hien nay|hien tai|hien gio|nam nay|luc nay|con hieu luc|con ap dung|con dung|hom nay|sap toi|tu nay)\b/;

/** True when the question asks about the present (or a year after `periodEnd`). */
export function asksAboutPresent(question: string, periodEnd?: number): boolean {
  const q = foldText(normalizeText(question));
  if (PRESENT.test(q)) return true;
  if (periodEnd === undefined) return false;
  return [...q.matchAll(/\b(20\d\d)\b/g)].some((m) => Number(m[1]) > periodEnd);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Nghị định 59/2022/NĐ-CP", "Kế hoạch 1523/KH-SCT", or the title. */
export function documentLabel(d: NoteDocument): string {
  if (d.number && !d.id.startsWith(capitalise(d.type))) return `${capitalise(d.type)} ${d.number}`;
  return d.id.length <= 60 ? d.id : d.title;
}

function dayAfter(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The note for a document that is not in force, or null (in force, unknown, or only its period ended). */
export function statusNote(d: NoteDocument): string | null {
  const label = documentLabel(d);
  switch (d.status) {
    case 'replaced': {
      if (!d.replacedBy) return `${label} ${STATUS_WORDS.replaced}.`;
      return `${label} đã được thay thế bởi ${d.replacedBy}${d.validUntil ? ` từ ${shortDate(dayAfter(d.validUntil))}` : ''}.`;
    }
    case 'amended':
      return d.amendedBy && d.amendedBy.length > 0
        ? `${label} đã được sửa đổi, bổ sung bởi ${d.amendedBy.join(', ')}; cần đối chiếu văn bản hợp nhất hiện hành.`
        : `${label} ${STATUS_WORDS.amended}; cần đối chiếu văn bản hợp nhất hiện hành.`;
    case 'historical':
      return `${label} ${STATUS_WORDS.historical}.`;
    case 'expired':
      // A plan whose period ended is noted only when asked about the present.
      if (d.period) return null;
      return `${label} ${STATUS_WORDS.expired}${d.validUntil ? ` (áp dụng đến hết ${shortDate(d.validUntil)})` : ''}.`;
    default:
      return null;
  }
}

/** The note for a document whose period has ended, or null. */
export function periodNote(d: NoteDocument, today: string): string | null {
  if (!d.period || !hasEnded({ validUntil: d.validUntil ?? null, period: d.period }, today)) return null;
  const last = lastDay({ validUntil: d.validUntil ?? null, period: d.period }) as string;
  const after = d.replacedBy
    ? `Văn bản áp dụng cho giai đoạn sau là ${d.replacedBy}.`
    : `Nguồn dữ liệu của trợ lý chưa có kế hoạch nào cho giai đoạn sau năm ${d.period.end}.`;
  return `${documentLabel(d)} áp dụng cho giai đoạn ${d.period.start}–${d.period.end}; giai đoạn này đã kết thúc (hết ${shortDate(last)}). ${after}`;
}

/** One change note as shown in answers, with its source. */
export function changeNote(r: ChangeRecord): string {
  const head = r.confirmed ? NOTE_PREFIX : `${NOTE_PREFIX} (thông tin chưa được xác nhận)`;
  return `${head}: ${r.note} Nguồn: ${r.sources[0]}`;
}

export interface CurrencyOptions {
  /** Today's ISO date; defaults to the clock. */
  today?: () => string;
}

export interface NoteContext {
  /** The question as answered (used for "about the present"). */
  question: string;
  /** Passages the answer quotes. */
  used: readonly NoteChunk[];
}

/** Notes keeping answers current, built once from the documents and the change records. */
export class CurrencyNotes {
  private readonly docs: Map<string, NoteDocument>;
  private readonly periodic: NoteDocument[];
  private readonly today: () => string;

  constructor(
    documents: readonly NoteDocument[],
    readonly changes: readonly ChangeRecord[],
    opts: CurrencyOptions = {},
  ) {
    this.docs = new Map(documents.map((d) => [d.id, d]));
    this.periodic = documents.filter((d) => d.period);
    this.today = opts.today ?? (() => new Date().toISOString().slice(0, 10));
  }

  /** Change records whose patterns a text states (and does not already say what changed). */
  matchingChanges(text: string): ChangeRecord[] {
    return this.matchingFolded(foldForMatch(text));
  }

  private matchingFolded(folded: string): ChangeRecord[] {
    return this.changes.filter((r) => mentionsAny(folded, r.affects) && !mentionsAny(folded, r.knownIf));
  }

  /** The note lines an answer needs, in order: documents first, then changes; none already present. */
  notesFor(answer: string, ctx: NoteContext): string[] {
    const today = this.today();
    const notes: string[] = [];
    const add = (n: string | null) => {
      if (n && !notes.includes(n)) notes.push(n);
    };
    const usedIds = new Set(ctx.used.map((c) => c.docId));
    for (const id of usedIds) {
      const d = this.docs.get(id);
      const s = d ? statusNote(d) : null;
      add(s ? `${NOTE_PREFIX}: ${s}` : null);
    }
    // Periods: documents quoted, or named in the answer (a catalogue entry citing the plan).
    // The answer is folded once for the periods, the change records and the final check.
    const folded = foldForMatch(answer);
    for (const d of this.periodic) {
      if (!usedIds.has(d.id) && !mentionsAny(folded, [d.id, ...(d.number ? [d.number] : [])])) continue;
      if (!asksAboutPresent(ctx.question, d.period?.end)) continue;
      const p = periodNote(d, today);
      add(p ? `${NOTE_PREFIX}: ${p}` : null);
    }
    // A document note that already says what a record says (its known_if) covers the record.
    const said = foldForMatch(notes.join('\n'));
    for (const r of this.matchingFolded(folded)) if (!mentionsAny(said, r.knownIf)) add(changeNote(r));
    return notes.filter((n) => !folded.includes(foldForMatch(n)));
  }

  /** The answer with its notes appended, one per line; unchanged when none apply. */
  annotate(answer: string, ctx: NoteContext): string {
    const notes = this.notesFor(answer, ctx);
    return notes.length === 0 ? answer : `${answer}\n${notes.join('\n')}`;
  }

  /** Notes for the passages given to a language model (it is asked to keep them). */
  promptNotes(passages: readonly NoteChunk[], question: string): string[] {
    const text = passages.map((p) => p.text).join('\n');
    return this.notesFor(text, { question, used: passages });
  }
}
