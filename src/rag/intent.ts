/**
 * What kind of answer a question wants, from its wording (folded, so it works
 * without diacritics). Drives ranking and answer composition, never topic
 * filtering.
 */

import { foldText, normalizeText } from '../text/normalize.js';
import { withoutPointingMay } from '../text/query/everyday-frame.js';
import { docNumbers } from '../text/tokenize.js';

/**
 * The answer type a question asks for.
 * - `who`: a unit / body ("đơn vị nào", "ai phụ trách");
 * - `person`: a named person or role ("ai ký", "người ký", "giám đốc là ai");
 * - `when`: a date or deadline;
 * - `count`: a number ("bao nhiêu", "mấy");
 * - `list`: an enumeration ("gồm những nội dung nào");
 * - `steps`: a procedure in order ("các bước", "quy trình", "trình tự");
 * - `howto`: how to do something ("làm sao", "cách", "ở đâu");
 * - `yesno`: a yes/no question ("có … không", "được không", "phải không");
 * - `definition`: what a term means ("là gì", "nghĩa là gì");
 * - `what`: anything else.
 */
export type IntentKind = 'who' | 'person' | 'when' | 'count' | 'list' | 'steps' | 'howto' | 'yesno' | 'definition' | 'what';

/** Every intent kind, in detection priority order. */
export const INTENT_KINDS: readonly IntentKind[] = ['person', 'who', 'when', 'count', 'list', 'steps', 'howto', 'definition', 'yesno', 'what'];

/**
 * The older, coarser kind a new kind refines (`person` → `who`, `count` →
 * `list`, `steps` → `howto`, `yesno`/`definition` → `what`). Code written for
 * the five original kinds can switch on this and keep working.
 */
export type BaseIntentKind = 'who' | 'when' | 'list' | 'howto' | 'what';

const BASE: Record<IntentKind, BaseIntentKind> = {
  who: 'who',
  person: 'who',
  when: 'when',
  count: 'list',
  list: 'list',
  steps: 'howto',
  howto: 'howto',
  yesno: 'what',
  definition: 'what',
  what: 'what',
};

/** The coarse kind of an intent kind. */
export function baseKind(kind: IntentKind): BaseIntentKind {
  return BASE[kind];
}

export interface QueryIntent {
  /** The main answer type (the first matching kind in {@link INTENT_KINDS} order). */
  kind: IntentKind;
  /** Every kind the wording signals, main first ("nộp qua mạng được không" → yesno, howto…). */
  kinds: IntentKind[];
  /**
   * For list and count questions, what the list is of: the words before the
   * list cue ("PCI gồm những nội dung nào?" → "PCI"). Empty otherwise.
   */
  subject: string;
  /** Document numbers named in the question (folded, `/`-separated). */
  docNumbers: string[];
}

const PATTERNS: Array<[IntentKind, RegExp]> = [
  [
    'person',
    /(^|\s)(ai|nguoi nao|nguoi) ky(\s|$)|(^|\s)ky boi|(^|\s)do ai ky|(giam doc|pho giam doc|lanh dao|thu truong|chanh van phong|truong phong)( so| phong)? (la ai|ten (la )?gi)|(^|\s)ai (la|dang la) (giam doc|pho giam doc|lanh dao|thu truong)/,
  ],
  ['who', /(^|\s)(ai|do ai|cho ai|giao ai|(don vi|phong|co quan|bo phan|(?<!van )ban|to chuc|noi) nao)(\s|$|\?)|chiu trach nhiem|phu trach|dau moi/],
  [
    'when',
    /(khi nao|bao gio|luc nao|thoi han|han chot|(^|\s)han (nop|bao cao|gui)|truoc ngay|ngay nao|(^|\s)ngay may(\s|$)|hoi nao|thang nao|nam nao|giai doan nao|thoi diem)/,
  ],
  [
    'count',
    /(^|\s)bao nhieu(\s|$)|(^|\s)may (noi dung|phan|muc|linh vuc|chi so|buoc|ngay|nam|lan|loai|van ban|nhiem vu|don vi|diem|tieu chi|giai doan|nhom|nguoi|bua|buoi|thang|tuan|tieng|luot|bac)(\s|$)|so luong|bao lau|(^|\s)mat may/,
  ],
  [
    'list',
    /(gom (nhung|cac|nhung gi|gi|may)|bao gom|nhung noi dung|cac noi dung|co nhung|liet ke|nhung (muc|linh vuc|chi so|van ban) nao|(co|gom) (may|bao nhieu) (noi dung|phan|muc|linh vuc|chi so)|may noi dung|bao nhieu noi dung)/,
  ],
  ['steps', /(cac|nhung|tung|may) buoc|(^|\s)buoc (nao|dau tien|tiep theo)|quy trinh|trinh tu|lan luot/],
  ['howto', /(lam (sao|the nao|cach nao)|cach (nao|de|thuc hien|dang ky|nop|tra cuu|thanh toan)|the nao de|huong dan|thu tuc (de|nhu the nao)|o dau)/],
  ['definition', /(^|\s)(la|nghia la|hieu la) (gi|the nao)(\s|$)|(^|\s)la sao(\s|$)|(co )?nghia la|khai niem|dinh nghia|viet tat cua|(^|\s)la cai gi/],
  ['yesno', /(^|\s)(co|duoc|phai|dung|chua|kip|can|nen) khong(\s|$)|(^|\s)khong(\s|$)$|co phai|phai khong|duoc khong|(^|\s)(da|co) .+ chua(\s|$)$|dung khong/],
];

const foldForIntent = (question: string): string =>
  ` ${foldText(normalizeText(question))
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

/** Classify a question. */
export function detectIntent(question: string): QueryIntent {
  // A plural-determiner "mấy" ("về mấy chỉ số này") points at things; it does not ask how many.
  const f = foldForIntent(withoutPointingMay(question));
  const kinds = PATTERNS.filter(([, re]) => re.test(f)).map(([k]) => k);
  const kind = kinds[0] ?? 'what';
  if (kinds.length === 0) kinds.push('what');
  const wantsSubject = kind === 'list' || kind === 'count';
  const subject = wantsSubject ? listSubject(question) || stripFrame(question, 'list') : '';
  return { kind, kinds, subject, docNumbers: docNumbers(question) };
}

const LIST_CUE = /\s(gồm|gom|bao gồm|bao gom|có những|co nhung|có các|co cac|có bao nhiêu|co bao nhieu|có mấy|co may|liệt kê|liet ke)(\s|$)/i;

/** The words before the list cue, e.g. "Quản trị điện tử trong PAPI". */
export function listSubject(question: string): string {
  const q = normalizeText(question);
  const m = LIST_CUE.exec(` ${q}`);
  return m ? ` ${q}`.slice(0, m.index).trim() : '';
}

const WHO_FRAME =
  /(^|\s)(đơn vị|phòng|cơ quan|bộ phận|ban|tổ chức|người|ai)\s+nào(?=\s|$|\?)|(^|\s)(don vi|phong|co quan|bo phan|ban|to chuc|nguoi|ai)\s+nao(?=\s|$|\?)/gi;

/** The question without its "which unit" frame: "Đơn vị nào phải báo cáo?" → "phải báo cáo?". */
export function stripWhoFrame(question: string): string {
  return normalizeText(question).replace(WHO_FRAME, ' ').replace(/\s+/g, ' ').trim();
}

const LIST_FRAME = /(^|\s)((có|co|gồm|gom|bao gồm|bao gom)\s+)?(mấy|may|bao nhiêu|bao nhieu|những|nhung|các|cac)(\s+(gì|gi|nào|nao))?(?=\s|$|\?)/gi;

const WHEN_FRAME =
  /(^|\s)((thời hạn|thoi han|hạn chót|han chot|hạn|han)(\s+(nộp|nop|gửi|gui))?|khi nào|khi nao|bao giờ|bao gio|lúc nào|luc nao|hồi nào|hoi nao|ngày nào|ngay nao|ngày mấy|ngay may|giai đoạn nào|giai doan nao)(?=\s|$|\?)/gi;

const DEFINITION_FRAME =
  /(^|\s)((có )?nghĩa là|(co )?nghia la|được hiểu là|duoc hieu la|khái niệm|khai niem|định nghĩa|dinh nghia|là viết tắt của|la viet tat cua|viết tắt của|viet tat cua|là cái gì|la cai gi|là sao|la sao|là như thế nào|la nhu the nao|là thế nào|la the nao)(?=\s|$|\?)/gi;

const YESNO_FRAME = /(^|\s)(có phải|co phai|phải không|phai khong|được không|duoc khong|đúng không|dung khong)(?=\s|$|\?)/gi;

const HOWTO_FRAME =
  /(^|\s)((bằng )?cách nào|(bang )?cach nao|làm (sao|thế nào|cách nào)|lam (sao|the nao|cach nao)|như thế nào|nhu the nao|thế nào|the nao|ra sao)(?=\s|$|\?)/gi;

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The question without its frame words: "which unit" for who-questions,
 * "deadline / when" for when-questions, "how many / which" for list and
 * count questions, "what does … mean" for definitions, "… or not" for yes/no
 * questions. Frame words say what kind of answer is wanted, not what it is
 * about, so they are not evidence to cover.
 */
export function stripFrame(question: string, kind: IntentKind): string {
  const q = normalizeText(question);
  switch (kind) {
    case 'who':
    case 'person':
      return stripWhoFrame(question);
    case 'when':
      return squeeze(q.replace(WHEN_FRAME, ' '));
    case 'list':
    case 'count':
      return squeeze(q.replace(LIST_FRAME, ' '));
    case 'definition':
      return squeeze(q.replace(DEFINITION_FRAME, ' '));
    case 'yesno':
      return squeeze(q.replace(YESNO_FRAME, ' ').replace(HOWTO_FRAME, ' '));
    case 'howto':
    case 'steps':
      return squeeze(q.replace(HOWTO_FRAME, ' ').replace(YESNO_FRAME, ' '));
    default:
      // "quyết định mấy", "số mấy": the question word asks for a number, it is not a topic.
      return squeeze(q.replace(/(^|\s)mấy(?=\s*(\?|$))/gi, ' ')) || question;
  }
}

/**
 * Words that, beside a document's number, ask for the document as a whole
 * ("kh1523", "kế hoạch 1523 là gì", "cho xem văn bản 1523"): folded.
 */
const CARD_FILLER = new Set(
  (
    'xem cho xin hoi tim tra cuu van ban thong tin noi dung ve gi la cai nay do so ke hoach quyet dinh nghi dinh nghi quyet thong tu kh qd nd nq tt ' +
    'tom tat chung gioi thieu ad a ak nhe voi oi minh em toi ban anh chi nao the nhu j z v s k ko khong co'
  ).split(' '),
);
/** Words beside the number a request for a whole document may have. */
const MAX_CARD_WORDS = 8;

/** Asking for the document itself rather than for something inside it, with a number named. */
export function asksWholeDocument(content: string, docNumbers: readonly string[]): boolean {
  if (docNumbers.length !== 1) return false;
  const words = foldText(normalizeText(content))
    .replace(/\b\d{1,5}\/[\w/.-]+/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length <= MAX_CARD_WORDS && words.every((w) => CARD_FILLER.has(w) || /^\d{1,5}$/.test(w));
}
