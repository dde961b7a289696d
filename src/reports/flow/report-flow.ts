/**
 * The staff activity-report conversation, behind the {@link ReportFlow} port:
 * message → parsed draft → one question per missing field → card with
 * Lưu / Sửa / Hủy → saved report. Drafts live in the store, so a restart
 * does not lose them.
 */
import type { Identity, IncomingMessage, OutgoingReply, ReportFlow, ReportTurn } from '../../core/messages.js';
import { decodePayload, type ReportAction } from '../../core/payload.js';
import { REPORT_COMMAND_NAMES } from '../../core/vocabulary.js';
import type { Logger } from '../../logger.js';
import { formatDateVi, indicatorOfArea } from '../labels.js';
import { kindOfChannel } from '../parse/count.js';
import type { DateIssue } from '../parse/date.js';
import { localDate } from '../period.js';
import type { ReportStore } from '../store/report-store.js';
import type { ContentAreaInfo, DraftState, ParsedReportLike, ReportDraft, ReportFieldName, ReportFields, ReportParser } from '../types.js';
import { EMPTY_UNITS, type UnitDirectory } from '../units.js';
import { countText, draftReply, EDIT_HELP, REPORT_HELP } from './card.js';
import { classifyReportTurn } from './classify.js';
import { askDelete, type CommandContext, deleteOwn, exportReply, listOwn, STALE_CARD, summaryReply } from './commands.js';
import { reviseDescription } from './description.js';
import { answerPrefix, cardToken, explicitAreaCode, fieldsFromParse, mergeCorrection, missingFields } from './draft.js';
import { duplicateNote } from './duplicate.js';
import { defaultLooksLikeReport } from './looks-like.js';

/** Dependencies of {@link createReportFlow}. */
export interface ReportFlowOptions {
  store: ReportStore;
  /** The report parser (`parseReport` from `src/reports/parse`). */
  parse: ReportParser;
  /** Content areas of the plan (`loadContentAreas`). */
  areas: readonly ContentAreaInfo[];
  /** `looksLikeReport` from `src/reports/parse`; a small keyword heuristic otherwise. */
  looksLikeReport?: (text: string) => boolean;
  now?: () => Date;
  logger: Logger;
  /** Shown at the top of the DOCX export. */
  departmentName?: string;
  /** The department's units (`knowledge/units.yaml`); mentions resolve to one name each. */
  units?: UnitDirectory;
}

/** The flow's commands: the report commands, and `/huy` while a draft is open. */
const REPORT_COMMANDS: ReadonlySet<string> = new Set([...REPORT_COMMAND_NAMES, 'huy']);
const ADMIN_ONLY = 'Chức năng này chỉ dành cho quản trị viên (Văn phòng Sở).';
const CITIZEN_REFUSAL =
  'Xin lỗi, chức năng báo cáo hoạt động truyền thông chỉ dành cho cán bộ, công chức của Sở Công Thương. Bạn vẫn có thể hỏi tôi về Kế hoạch và thủ tục hành chính.';

/** Drafts untouched for this long are dropped, so they do not capture later messages. */
export const DRAFT_TTL_MS = 72 * 60 * 60 * 1000;

const r = (text: string): OutgoingReply => ({ kind: 'report', text });

/** What to say about a date that cannot be stored as it is (see {@link DateIssue}). */
export function dateIssueText(issue: DateIssue, now: Date): string {
  if (issue.kind === 'invalid') {
    return `Ngày «${issue.text}» không có trên lịch, nên tôi chưa ghi ngày. Vui lòng nhập lại ngày diễn ra (ví dụ «ngày 20/11»).`;
  }
  const when = issue.iso ? `Ngày ${formatDateVi(issue.iso)} chưa tới (hôm nay là ${formatDateVi(localDate(now))}). ` : '';
  return `Hoạt động này đã diễn ra chưa? ${when}Báo cáo chỉ ghi hoạt động đã diễn ra: nếu đã diễn ra, hãy nhập ngày thực tế; nếu chưa, gõ «hủy» và báo cáo lại khi hoàn thành.`;
}

function emptyState(identity: Identity): DraftState {
  return {
    fields: { date: null, channel: null, count: null, countKind: null, indicator: null, area: null, link: null, unit: identity.unit ?? null, description: '' },
    awaiting: null,
    candidates: [],
    reporterChannel: identity.channel,
    reporterId: identity.userId,
  };
}

/** The chat key of drafts: one draft per user per chat. */
export function draftKey(msg: Pick<IncomingMessage, 'channel' | 'chatId' | 'userId'>): string {
  return `${msg.channel}:${msg.chatId}:${msg.userId}`;
}

function parseCommand(text: string): { name: string; arg: string } | null {
  const m = /^\/([a-z]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return m ? { name: (m[1] ?? '').toLowerCase(), arg: (m[2] ?? '').trim() } : null;
}

/** Create the report flow. Nothing runs until `handle` is called. */
export function createReportFlow(opts: ReportFlowOptions): ReportFlow {
  const { store, parse, areas, logger } = opts;
  const now = opts.now ?? (() => new Date());
  const looksLike = opts.looksLikeReport ?? defaultLooksLikeReport;
  const units = opts.units ?? EMPTY_UNITS;

  /**
   * Put the unit named in the message under its listed name; a unit not on
   * the list is kept as written, with a note saying so (null otherwise).
   */
  function resolveUnit(fields: ReportFields, mentioned: string | null): string | null {
    const resolved = units.resolve(fields.unit);
    if (!resolved) return null;
    fields.unit = resolved.name;
    if (resolved.id || !mentioned || units.units.length === 0) return null;
    return `Đơn vị «${resolved.name}» chưa có trong danh sách đơn vị của Sở (knowledge/units.yaml); tôi ghi đúng như bạn viết. Nếu chưa đúng, gõ «sửa đơn vị …».`;
  }
  const ctx: CommandContext = { store, areas, now, logger, departmentName: opts.departmentName };

  /** The chat's draft, unless it went stale (then it is dropped). */
  function openDraft(key: string): ReportDraft | null {
    const d = store.getDraft(key);
    if (d && now().getTime() - Date.parse(d.updatedAt) > DRAFT_TTL_MS) {
      store.deleteDraft(key);
      logger.debug({ chatKey: key }, 'stale report draft dropped');
      return null;
    }
    return d;
  }

  /** The parser, plus explicit area codes ("II.2.h") which take precedence. */
  async function parseText(text: string, msg: IncomingMessage, identity: Identity): Promise<ParsedReportLike> {
    const parsed = await parse(text, { now: msg.time, reporterUnit: identity.unit, areas });
    const code = explicitAreaCode(text, areas);
    return code ? { ...parsed, area: code, indicator: indicatorOfArea(code) ?? parsed.indicator } : parsed;
  }

  /** The card of a draft; its buttons carry a token of exactly these fields, so an older card is refused. */
  function render(sourceId: string, state: DraftState, preface?: string): OutgoingReply {
    const next = missingFields(state.fields)[0] ?? null;
    state.awaiting = next;
    return draftReply(state.fields, next, next === 'area' ? state.candidates : [], areas, preface, cardToken(sourceId, state.fields));
  }

  function persist(key: string, sourceId: string, state: DraftState): void {
    store.saveDraft(key, sourceId, state, now());
  }

  async function startDraft(msg: IncomingMessage, identity: Identity, text: string, preface?: string): Promise<OutgoingReply> {
    const key = draftKey(msg);
    const existing = store.findBySource(identity.channel, identity.userId, msg.messageId);
    if (existing && existing.status === 'confirmed') return r(`Báo cáo này đã được lưu (mã #${existing.id}).`);
    const draft = openDraft(key);
    if (draft && draft.sourceMessageId === msg.messageId) return render(draft.sourceMessageId, draft.state); // same delivery again
    const parsed = await parseText(text, msg, identity);
    const fields = fieldsFromParse(parsed, identity.unit);
    if (parsed.dateIssue) fields.date = null;
    const unitNote = resolveUnit(fields, parsed.unit !== identity.unit ? parsed.unit : null);
    const state: DraftState = {
      fields,
      awaiting: null,
      candidates: parsed.areaCandidates.slice(0, 3).map((c) => ({ code: c.code, title: c.title })),
      reporterChannel: identity.channel,
      reporterId: identity.userId,
    };
    const issue = parsed.dateIssue ? dateIssueText(parsed.dateIssue, msg.time) : undefined;
    const dup = duplicateNote(store, identity, fields.description, now());
    const out = render(msg.messageId, state, [dup, preface, issue, unitNote].filter(Boolean).join('\n') || undefined);
    persist(key, msg.messageId, state);
    logger.debug({ chatKey: key, missing: missingFields(state.fields) }, 'report draft opened');
    return out;
  }

  async function correct(
    msg: IncomingMessage,
    identity: Identity,
    text: string,
    draft: ReportDraft,
    turn: Extract<ReportTurn, { kind: 'correction' | 'field-answer' }>,
  ): Promise<OutgoingReply> {
    const key = draftKey(msg);
    const state = draft.state;
    const names = (turn.kind === 'correction' ? turn.fields : [turn.field]) as ReportFieldName[];
    const input = turn.kind === 'field-answer' ? answerPrefix(turn.field as ReportFieldName) + text : text;
    const parsed = await parseText(input, msg, identity);
    const dateProblem = names.includes('date') && parsed.dateIssue ? parsed.dateIssue : null;
    const { fields, unresolved } = mergeCorrection(state.fields, input, dateProblem ? { ...parsed, date: null } : parsed, names);
    if (dateProblem) fields.date = null;
    if (!names.includes('description')) fields.description = reviseDescription(state.fields, fields, msg.time);
    const unitNote = names.includes('unit') ? resolveUnit(fields, fields.unit) : null;
    state.fields = fields;
    if (unresolved.includes('area') && parsed.areaCandidates.length > 0) {
      state.candidates = parsed.areaCandidates.slice(0, 3).map((c) => ({ code: c.code, title: c.title }));
    }
    const preface = dateProblem
      ? dateIssueText(dateProblem, msg.time)
      : unresolved.length > 0 && !(unresolved.length === 1 && unresolved[0] === 'area' && state.candidates.length > 0)
        ? 'Tôi chưa nhận ra giá trị mới trong tin nhắn, vui lòng nhập lại theo ví dụ.'
        : '✏️ Đã cập nhật.';
    const out = render(draft.sourceMessageId, state, [preface, unitNote].filter(Boolean).join('\n'));
    persist(key, draft.sourceMessageId, state);
    return out;
  }

  function save(msg: IncomingMessage, identity: Identity): OutgoingReply {
    const key = draftKey(msg);
    const draft = openDraft(key);
    if (!draft) return r('Không có bản nháp nào đang mở (có thể báo cáo đã được lưu). Gõ /baocaocuatoi để xem.');
    const state = draft.state;
    if (missingFields(state.fields).length > 0) return render(draft.sourceMessageId, state, 'Báo cáo chưa đủ thông tin.');
    const f = state.fields;
    // An unlisted abbreviation joins the one stored full name with the same initials.
    const stored = store.units();
    const unit = f.unit ? (units.groups([...stored, f.unit]).get(f.unit) ?? f.unit) : f.unit;
    const { record, created } = store.confirm(
      {
        ...f,
        unit,
        indicator: (f.area ? indicatorOfArea(f.area) : null) ?? f.indicator,
        reporterChannel: state.reporterChannel ?? identity.channel,
        reporterId: state.reporterId ?? identity.userId,
        reporterName: identity.displayName ?? msg.userName ?? null,
        reporterUnit: identity.unit ?? null,
        sourceMessageId: draft.sourceMessageId,
      },
      now(),
      key,
    );
    logger.info({ reportId: record.id, created, area: record.area }, 'report confirmed');
    return r(
      created
        ? `✅ Đã lưu báo cáo #${record.id} (hoạt động ngày ${formatDateVi(record.date)}${record.count === null ? '' : `, ${countText(record.count, record.countKind)}`}). Cảm ơn bạn!`
        : `Báo cáo này đã được lưu trước đó (mã #${record.id}).`,
    );
  }

  async function callback(msg: IncomingMessage, identity: Identity, p: ReportAction): Promise<OutgoingReply> {
    const key = draftKey(msg);
    switch (p.action) {
      case 'delete':
        return askDelete(ctx, identity, p.id);
      case 'delete-confirm':
        return deleteOwn(ctx, identity, String(p.id), true);
      case 'delete-keep':
        return r('Đã giữ nguyên báo cáo, không xóa gì.');
      case 'summary':
        return identity.role === 'admin' ? summaryReply(ctx, p.period) : r(ADMIN_ONLY);
      default:
        break;
    }
    const draft = openDraft(key);
    if (!draft) return r(`${STALE_CARD} Bản nháp của thẻ này không còn mở (đã lưu, đã hủy hoặc quá hạn). Gõ /baocaocuatoi để xem các báo cáo đã lưu.`);
    if (p.card !== undefined && p.card !== cardToken(draft.sourceMessageId, draft.state.fields)) {
      logger.debug({ chatKey: key, action: p.action }, 'stale report card pressed');
      return render(draft.sourceMessageId, draft.state, `${STALE_CARD} Đây là bản nháp hiện tại:`);
    }
    if (p.action === 'save') return save(msg, identity);
    if (p.action === 'cancel') return cancel(key);
    if (p.action === 'edit') return r(EDIT_HELP);
    if (p.action === 'area') {
      if (!areas.some((a) => a.code === p.code)) return render(draft.sourceMessageId, draft.state, 'Mã nội dung không hợp lệ.');
      draft.state.fields.area = p.code;
      draft.state.fields.indicator = indicatorOfArea(p.code) ?? draft.state.fields.indicator;
    } else {
      draft.state.fields.channel = p.channel;
      if (draft.state.fields.count !== null && (draft.state.fields.countKind ?? 'unknown') === 'unknown') {
        draft.state.fields.countKind = kindOfChannel(p.channel);
      }
    }
    const out = render(draft.sourceMessageId, draft.state, '✏️ Đã cập nhật.');
    persist(key, draft.sourceMessageId, draft.state);
    return out;
  }

  function cancel(key: string): OutgoingReply {
    const had = openDraft(key) !== null;
    store.deleteDraft(key);
    return r(had ? 'Đã hủy bản nháp báo cáo.' : 'Không có bản nháp nào đang mở.');
  }

  function classify(msg: IncomingMessage): ReportTurn {
    return classifyReportTurn({ text: (msg.text ?? '').trim(), messageId: msg.messageId, draft: openDraft(draftKey(msg)), looksLikeReport: looksLike });
  }

  /** Free text, acted on as classified. Null for what is not the flow's (a question, not a report). */
  async function onText(msg: IncomingMessage, identity: Identity, text: string, turn: ReportTurn): Promise<OutgoingReply | null> {
    const key = draftKey(msg);
    const draft = openDraft(key);
    switch (turn.kind) {
      case 'save':
        return save(msg, identity);
      case 'cancel':
        return cancel(key);
      case 'new-report':
        return startDraft(msg, identity, text);
      case 'replace-draft':
        store.deleteDraft(key);
        return startDraft(msg, identity, text, 'Bản nháp trước chưa lưu đã được thay bằng báo cáo mới.');
      case 'draft-text':
        store.deleteDraft(key);
        return startDraft(msg, identity, text);
      case 'repeat':
        return draft ? render(draft.sourceMessageId, draft.state) : null;
      case 'correction':
      case 'field-answer':
        return draft ? correct(msg, identity, text, draft, turn) : null;
      case 'unclear':
        return r(`Tôi chưa rõ bạn muốn sửa mục nào.\n${EDIT_HELP}`);
      case 'question':
      case 'not-report':
        return null;
    }
  }

  return {
    looksLikeReport: (text) => looksLike(text),
    hasOpenDraft: (msg) => openDraft(draftKey(msg)) !== null,
    classify,

    async handle(msg, identity, given) {
      const text = (msg.text ?? '').trim();
      const data = msg.callbackData;
      const cmd = data ? null : parseCommand(text);
      const key = draftKey(msg);
      const turn = data || cmd ? null : (given ?? classify(msg));
      const payload = data ? decodePayload(data) : null;
      const ours =
        payload?.kind === 'report' ||
        (cmd !== null && REPORT_COMMANDS.has(cmd.name) && (cmd.name !== 'huy' || openDraft(key) !== null)) ||
        (turn !== null && turn.kind !== 'not-report' && turn.kind !== 'question');
      if (!ours) return null;
      if (identity.role === 'citizen') return [r(CITIZEN_REFUSAL)];

      if (payload?.kind === 'report') return [await callback(msg, identity, payload)];
      if (cmd) {
        switch (cmd.name) {
          case 'baocao':
            if (cmd.arg) return [await startDraft(msg, identity, cmd.arg)];
            // Wait for the report text: the next message is parsed as a new report.
            persist(key, msg.messageId, { ...emptyState(identity), awaiting: 'description' });
            return [r(`${REPORT_HELP}\nGõ /huy để thôi.`)];
          case 'baocaocuatoi':
            return [listOwn(ctx, identity)];
          case 'xoa':
            return [deleteOwn(ctx, identity, cmd.arg)];
          case 'huy':
            return [cancel(key)];
          case 'tonghop':
            return [identity.role === 'admin' ? summaryReply(ctx, cmd.arg) : r(ADMIN_ONLY)];
          case 'xuat':
            return [identity.role === 'admin' ? await exportReply(ctx, cmd.arg) : r(ADMIN_ONLY)];
          default:
            return null;
        }
      }
      const out = turn ? await onText(msg, identity, text, turn) : null;
      return out ? [out] : null;
    },
  };
}
