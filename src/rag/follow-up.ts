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

/** Chat openers before "còn" ("z còn …", "ok còn …"). */
const OPENER = '(?:va|vay|the|con|nhung|z|v|ok|uh|um|roi|the thi|vay thi)';
/** A closing particle or addressee after the question ("… thì sao ad", "… thì s z"). */
const CLOSER = '(?:\\s+(?:a|ad|nhi|nhe|vay|z|v|ban|anh chi))*';
const FOLLOW_UP = new RegExp(
  `^(${OPENER} )*con\\s|\\s(thi|the) (sao|s|nao|ntn|lam sao|the nao)${CLOSER}\\s*\\??$|^con\\s|\\s(nua|nua khong|nua ko)${CLOSER}\\s*\\??$`,
);
/**
 * A question that points back at the previous one's subject ("cái đó ai
 * làm?", "việc này hạn khi nào?", "nó gồm gì?"): folded.
 */
const ANAPHOR = /(?:^|\s)((?:cai|viec|noi dung|muc|van ban|thu tuc|chi so|nhiem vu|ke hoach|quy dinh|buoc|phan|dieu) (?:do|nay|kia|tren|ay)|no)(?=\s|\?|$)/;
/** Asking for what comes next in the steps just given ("vậy bước tiếp theo?", "rồi sau đó làm gì"). */
const NEXT_STEP = /(?:^|\s)(buoc (tiep theo|tiep|sau|ke tiep)|sau do|tiep theo|tiep theo la gi|xong roi|roi sao nua|roi lam gi)(?=\s|\?|$)/;
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
/** Question words only: what a subject is left with when they go ("chỉ số" keeps its "số"). */
const QUESTION_ACCENTED = 'nào gì ai đâu sao bao nhiêu mấy thế như ra không chưa thuộc'.split(' ');
const QUESTION_WORDS = new Set(QUESTION_ACCENTED);
const QUESTION_FOLDED = new Set(QUESTION_ACCENTED.map((w) => foldText(w)));
const FRAME_FOLDED = new Set(FRAME_ACCENTED.map((w) => foldText(w)));

/** Folded words of a question, punctuation dropped ("Còn PCI thì sao?" → "con pci thi sao?"). */
const folded = (question: string) =>
  foldText(question)
    .replace(/[^a-z0-9?/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** True when the question reads as a follow-up. */
export function isFollowUp(question: string): boolean {
  const f = folded(question);
  return f.split(/\s+/).length <= 8 && FOLLOW_UP.test(` ${f}`.trimStart());
}

/** True when a short question points back at the previous subject ("cái đó ai làm?") or asks for the next step. */
export function pointsBack(question: string): boolean {
  const f = folded(question);
  return f.split(/\s+/).length <= 8 && (ANAPHOR.test(f) || NEXT_STEP.test(f));
}

/** The new subject of a follow-up: "còn PCI thì sao?" → "PCI". */
export function followUpSubject(question: string): string {
  return question
    .replace(/^\s*((và|vậy|thế|nhưng|z|v|ok|ừ|ừm|rồi|va|vay|the|nhung|uh|um|roi)\s+)*(còn|con)\s+/i, '')
    .replace(/(\s+(ạ|a|ad|nhỉ|nhi|nhé|nhe|vậy|vay|z|v|bạn|ban|anh chị|anh chi))*\s*\??\s*$/i, '')
    .replace(/\s*(thì|thế|thi|the)\s+(sao|s|nào|nao|ntn|như thế nào|nhu the nao|làm sao|lam sao|thế nào|the nao)\s*\??\s*$/i, '')
    .replace(/\s+(nữa|nua)(\s+(không|khong|ko))?\s*\??\s*$/i, '')
    .replace(/\?+$/, '')
    .trim();
}

/** The previous question's subject: its words that are not frame or function words. */
export function subjectOf(previous: string): string {
  const accented = hasDiacritics(previous);
  return previous
    .split(/\s+/)
    .filter((w) => {
      const a = w.toLowerCase().replace(/[^\p{L}\p{N}/-]/gu, '');
      if (!a) return false;
      if (accented) return !(STOPWORDS_ACCENTED.has(a) || QUESTION_WORDS.has(a));
      const f = foldText(a);
      return !(STOPWORDS_FOLDED.has(f) || QUESTION_FOLDED.has(f));
    })
    .map((w) => w.replace(/[?.!,;:]+$/u, ''))
    .join(' ');
}

/**
 * A question that points back: the anaphor replaced by the previous
 * subject ("cái đó ai làm?" → "<subject> ai làm?"); a next-step question is
 * the previous question itself (its answer holds every step).
 */
function resolvePointer(question: string, previous: string): string | null {
  if (!pointsBack(question)) return null;
  const f = folded(question);
  if (NEXT_STEP.test(f) && !ANAPHOR.test(f)) return previous;
  const subject = subjectOf(previous);
  if (!subject) return previous;
  // Replace the anaphor where it stands, in the user's spelling.
  const words = question.split(/\s+/);
  const fw = words.map((w) => foldText(w.toLowerCase()).replace(/[^a-z0-9]/g, ''));
  for (let i = 0; i < fw.length; i++) {
    const two = `${fw[i]} ${fw[i + 1] ?? ''}`;
    const m = ANAPHOR.exec(` ${two}`) ?? ANAPHOR.exec(` ${fw[i]}`);
    if (!m?.[1]) continue;
    const n = m[1].split(' ').length;
    const tail = (words[i + n - 1] ?? '').match(/[?.!,;:]+$/u)?.[0] ?? '';
    return [...words.slice(0, i), subject + tail, ...words.slice(i + n)].join(' ');
  }
  return `${subject} ${question}`;
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
  if (!previous) return question;
  if (!isFollowUp(question)) return resolvePointer(question, previous) ?? question;
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
