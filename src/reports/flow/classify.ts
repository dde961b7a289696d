/**
 * One reading of a staff member's free text, against the chat's open draft:
 * save / cancel / a new report / a correction / an answer to the awaited
 * field / a question for the bot. The engine asks once; the flow acts on the
 * answer and never re-decides.
 */
import type { ReportTurn } from '../../core/messages.js';
import { foldText } from '../../text/normalize.js';
import { stripLinks } from '../parse/link-unit.js';
import { isQuestion } from '../parse/looks-like-report.js';
import type { ReportDraft } from '../types.js';
import { namedFields } from './draft.js';

/** Words that confirm or drop the open draft when typed instead of pressed. */
const SAVE_WORDS: ReadonlySet<string> = new Set(['luu', 'ok', 'dong y', 'xac nhan', 'luu lai', 'luu bao cao']);
const CANCEL_WORDS: ReadonlySet<string> = new Set(['huy', 'huy bo', 'bo', 'huy bao cao']);

/** An edit verb first: the message edits the open draft, even when it reads like a question. */
const EDIT_VERB = /^(sua|doi|chinh|cap nhat)\b/;
/** A field name first ("ngày 21/11", "kênh Zalo"): a correction unless it reads as a question. */
const FIELD_START = /^(kenh|ngay|so luong|noi dung|chi so|link|lien ket|don vi|mo ta)\b/;

/** A long message that reads like a report replaces the open draft. */
const REPLACING_REPORT_CHARS = 60;

export interface ClassifyInput {
  text: string;
  messageId: string;
  /** The chat's open draft, if any. */
  draft: ReportDraft | null;
  looksLikeReport: (text: string) => boolean;
}

/**
 * Classify a staff member's free text.
 * @example classifyReportTurn({ text: 'Văn phòng Sở có nhiệm vụ gì?', draft, … }).kind === 'question'
 */
export function classifyReportTurn(input: ClassifyInput): ReportTurn {
  const { text, draft } = input;
  const folded = foldText(stripLinks(text)).replace(/\s+/g, ' ').trim();
  const word = folded.replace(/[.!\s]+$/, '');
  if (SAVE_WORDS.has(word) && (draft || word.startsWith('luu'))) return { kind: 'save', evidence: `save word "${word}"` };
  if (!draft) {
    if (input.looksLikeReport(text)) return { kind: 'new-report', evidence: 'reads like a report' };
    return { kind: 'not-report', evidence: 'no draft open and not a report' };
  }
  if (draft.sourceMessageId === input.messageId) return { kind: 'repeat', evidence: 'same message delivered again' };
  if (CANCEL_WORDS.has(word)) return { kind: 'cancel', evidence: `cancel word "${word}"` };
  if (draft.state.awaiting === 'description') return { kind: 'draft-text', evidence: 'report text awaited after /baocao' };
  const editVerb = EDIT_VERB.test(folded);
  if (!editVerb && !FIELD_START.test(folded) && text.length >= REPLACING_REPORT_CHARS && input.looksLikeReport(text)) {
    return { kind: 'replace-draft', evidence: 'a new report while a draft is open' };
  }
  if (!editVerb && isQuestion(text)) return { kind: 'question', evidence: 'reads as a question' };
  const fields = namedFields(text);
  if (fields.length > 0) return { kind: 'correction', fields, evidence: `names ${fields.join(', ')}` };
  if (draft.state.awaiting) return { kind: 'field-answer', field: draft.state.awaiting, evidence: `answers the awaited ${draft.state.awaiting}` };
  return { kind: 'unclear', evidence: 'draft open, no field named' };
}
