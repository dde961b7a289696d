/**
 * Follow-up questions ("còn PCI thì sao?") only make sense with the previous
 * question. A follow-up keeps the frame of the previous question (what it
 * asked: the steps, the number, the contents, who) and swaps its subject for
 * the new one: the same kind of thing in the previous question (an
 * indicator, a document, a section of the plan, the subject of a list) is
 * replaced; failing that, the new subject is asked with the previous
 * question's frame words only, so the old subject does not pull retrieval
 * back to the old answer.
 */
import { foldText, hasDiacritics } from '../text/normalize.js';
import { STOPWORDS_ACCENTED, STOPWORDS_FOLDED } from '../text/stopwords.js';
import { listSubject } from './intent.js';

const FOLLOW_UP = /^(va |vay |the |con |nhung )*con\s|^(the|vay) con\s|\s(thi|the) (sao|nao)\s*\??$|^con\s|\s(nua|nua khong)\s*\??$/;
const INDICATOR = /\b(PAR\s*INDEX|PAPI|PCI)\b/i;
/** A document reference: a type word with its number or name, or a bare number. */
const DOC_REF =
  /(?:(?:Luật|Nghị định|Quyết định|Nghị quyết|Kế hoạch|Thông tư|Chỉ thị|Công văn)(?:\s+số)?\s+(?:\d[\w/.\-–ĐđÀ-ỹ]*|[A-ZĐÀ-Ỹ][\p{L}]*(?:\s+[\p{Ll}]+){0,4})(?:\s+(?:năm\s+)?\d{4})?)|\b\d{1,4}\/(?:\d{4}\/)?[A-ZĐ][A-ZĐ\-–]+\b/u;
/** "mục b", "điểm c", "mục II.2", "phần IV" */
const SECTION_REF = /(?:^|\s)(mục|điểm|phần|muc|diem|phan)\s+((?:[IVX]+)(?:\.\d{1,2})?(?:\.[a-zđ])?|\d{1,2}|[a-zđ])(?=[\s?.,;:]|$)/i;
const PATH = /\b([IVX]+)(?:\.(\d{1,2}))?(?:\.([a-zđ]))?\b/;

/**
 * Words that make up a question's frame rather than its subject: what kind
 * of answer it wants (steps, number, contents, deadline, who …).
 */
const FRAME_ACCENTED =
  'bước cách quy trình số hiệu ngày hạn thời gian nội dung gồm bao nhiêu mấy những các nào gì ai đâu sao thế như làm phải được cần muốn có là ký ban hành chức năng nhiệm vụ trách nhiệm gửi cho'.split(
    ' ',
  );
const FRAME_WORDS = new Set(FRAME_ACCENTED);
const FRAME_FOLDED = new Set(FRAME_ACCENTED.map((w) => foldText(w)));

/** True when the question reads as a follow-up. */
export function isFollowUp(question: string): boolean {
  const f = foldText(question).trim();
  return f.split(/\s+/).length <= 8 && FOLLOW_UP.test(` ${f}`.trimStart());
}

/** The new subject of a follow-up: "còn PCI thì sao?" → "PCI". */
export function followUpSubject(question: string): string {
  return question
    .replace(/^\s*(và|vậy|thế|nhưng)?\s*còn\s+/i, '')
    .replace(/^\s*(va|vay|the|nhung)?\s*con\s+/i, '')
    .replace(/\s*(thì|thế|thi|the)\s+(sao|nào|nao|như thế nào)\s*\??\s*$/i, '')
    .replace(/\s+(nữa|nua)(\s+(không|khong))?\s*\??\s*$/i, '')
    .replace(/\?+$/, '')
    .trim();
}

/** Replace the last component of a section path: "II.1.a" + "b" → "II.1.b"; "II.1" + "2" → "II.2". */
function swapSection(previous: string, target: string): string | null {
  const m = PATH.exec(previous);
  if (!m) return null;
  const [whole, part, num] = m;
  let next: string;
  if (/^[IVX]+/.test(target)) next = target;
  else if (/^\d+$/.test(target)) next = `${part}.${target}`;
  else if (num) next = `${part}.${num}.${target}`;
  else return null;
  return previous.replace(whole, next);
}

/** The previous question's frame: its words that say what is asked, not about what. */
export function frameOf(previous: string): string {
  const accented = hasDiacritics(previous);
  return previous
    .split(/\s+/)
    .filter((w) => {
      const a = w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (!a) return false;
      if (accented) return STOPWORDS_ACCENTED.has(a) || FRAME_WORDS.has(a);
      const f = foldText(a);
      return STOPWORDS_FOLDED.has(f) || FRAME_FOLDED.has(f);
    })
    .join(' ');
}

/**
 * Rewrite a follow-up into a standalone question using the previous one.
 * Non-follow-ups are returned unchanged.
 */
export function resolveFollowUp(question: string, previous: string): string {
  if (!previous || !isFollowUp(question)) return question;
  const subject = followUpSubject(question);
  if (!subject) return previous;
  // An indicator for an indicator.
  const prevIndicator = INDICATOR.exec(previous);
  const newIndicator = INDICATOR.exec(subject);
  if (prevIndicator && newIndicator && subject.replace(INDICATOR, '').trim().length <= 12) {
    return previous.replace(INDICATOR, newIndicator[0]);
  }
  // A year for a year ("năm 2023 thì sao?").
  const newYear = /^(?:năm|nam)?\s*((?:19|20)\d{2})$/i.exec(subject);
  if (newYear?.[1] && /\b(19|20)\d{2}\b/.test(previous)) return previous.replace(/\b(19|20)\d{2}\b/, newYear[1]);
  // A section for a section ("còn mục b?").
  const sec = SECTION_REF.exec(` ${subject}`);
  if (sec?.[2] && PATH.test(previous)) {
    const swapped = swapSection(previous, sec[2]);
    if (swapped) return swapped;
  }
  // A document for a document ("Luật Tố cáo thì sao?").
  const prevDoc = DOC_REF.exec(previous);
  const newDoc = DOC_REF.exec(subject);
  if (prevDoc && newDoc) return previous.replace(prevDoc[0], newDoc[0]);
  // The subject of a list ("X gồm những gì?" → "Y gồm những gì?").
  const prevSubject = listSubject(previous);
  if (prevSubject) return previous.replace(prevSubject, subject);
  if (newIndicator && prevIndicator) return previous.replace(INDICATOR, newIndicator[0]);
  // Otherwise the new subject with the previous question's frame.
  const frame = frameOf(previous);
  return frame ? `${subject} ${frame}` : `${subject} ${previous}`;
}
