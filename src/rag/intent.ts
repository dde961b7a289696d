/**
 * What kind of answer a question wants, from its wording (folded, so it works
 * without diacritics). Drives ranking and answer composition, never topic
 * filtering.
 */
import { foldText, normalizeText } from '../text/normalize.js';
import { docNumbers } from '../text/tokenize.js';

export type IntentKind = 'who' | 'when' | 'list' | 'howto' | 'what';

export interface QueryIntent {
  kind: IntentKind;
  /**
   * For list questions, what the list is of: the words before the list cue
   * ("PCI gồm những nội dung nào?" → "PCI"). Empty otherwise.
   */
  subject: string;
  /** Document numbers named in the question (folded, `/`-separated). */
  docNumbers: string[];
}

const PATTERNS: Array<[IntentKind, RegExp]> = [
  ['who', /(^|\s)(ai|do ai|cho ai|giao ai|(don vi|phong|co quan|bo phan|ban|to chuc|noi) nao)(\s|$|\?)|chiu trach nhiem|phu trach|dau moi/],
  ['when', /(khi nao|bao gio|luc nao|thoi han|han chot|(^|\s)han (nop|bao cao|gui)|truoc ngay|ngay nao|thang nao|nam nao|giai doan nao|thoi diem)/],
  ['list', /(gom (nhung|cac|nhung gi|gi|may)|bao gom|nhung noi dung|cac noi dung|co nhung|liet ke|nhung (muc|linh vuc|chi so|van ban) nao|(co|gom) (may|bao nhieu) (noi dung|phan|muc|linh vuc|chi so)|may noi dung|bao nhieu noi dung)/],
  ['howto', /(lam (sao|the nao|cach nao)|cach (nao|de|thuc hien|dang ky|nop|tra cuu|thanh toan)|the nao de|huong dan|thu tuc (de|nhu the nao)|o dau)/],
];

/** Classify a question. */
export function detectIntent(question: string): QueryIntent {
  const f = ` ${foldText(normalizeText(question)).replace(/[^a-z0-9/ ]+/g, ' ').replace(/\s+/g, ' ')} `;
  const kind = PATTERNS.find(([, re]) => re.test(f))?.[0] ?? 'what';
  const subject = kind === 'list' ? listSubject(question) || stripFrame(question, 'list') : '';
  return { kind, subject, docNumbers: docNumbers(question) };
}

const LIST_CUE = /\s(gồm|gom|bao gồm|bao gom|có những|co nhung|có các|co cac|có bao nhiêu|co bao nhieu|có mấy|co may|liệt kê|liet ke)(\s|$)/i;

/** The words before the list cue, e.g. "Quản trị điện tử trong PAPI". */
export function listSubject(question: string): string {
  const q = normalizeText(question);
  const m = LIST_CUE.exec(` ${q}`);
  return m ? ` ${q}`.slice(0, m.index).trim() : '';
}

const WHO_FRAME = /(^|\s)(đơn vị|phòng|cơ quan|bộ phận|ban|tổ chức|người|ai)\s+nào(?=\s|$|\?)|(^|\s)(don vi|phong|co quan|bo phan|ban|to chuc|nguoi|ai)\s+nao(?=\s|$|\?)/gi;

/** The question without its "which unit" frame: "Đơn vị nào phải báo cáo?" → "phải báo cáo?". */
export function stripWhoFrame(question: string): string {
  return normalizeText(question).replace(WHO_FRAME, ' ').replace(/\s+/g, ' ').trim();
}

const LIST_FRAME = /(^|\s)((có|co|gồm|gom|bao gồm|bao gom)\s+)?(mấy|may|bao nhiêu|bao nhieu|những|nhung|các|cac)(\s+(gì|gi|nào|nao))?(?=\s|$|\?)/gi;

const WHEN_FRAME = /(^|\s)((thời hạn|thoi han|hạn chót|han chot|hạn|han)(\s+(nộp|nop|gửi|gui))?|khi nào|khi nao|bao giờ|bao gio|lúc nào|luc nao|ngày nào|ngay nao|giai đoạn nào|giai doan nao)(?=\s|$|\?)/gi;

/**
 * The question without its frame words: "which unit" for who-questions,
 * "deadline / when" for when-questions. Frame words say what kind of answer
 * is wanted, not what it is about, so they are not evidence to cover.
 */
export function stripFrame(question: string, kind: IntentKind): string {
  if (kind === 'who') return stripWhoFrame(question);
  if (kind === 'when') return normalizeText(question).replace(WHEN_FRAME, ' ').replace(/\s+/g, ' ').trim();
  if (kind === 'list') return normalizeText(question).replace(LIST_FRAME, ' ').replace(/\s+/g, ' ').trim();
  return question;
}
