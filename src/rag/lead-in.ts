/**
 * Questions that open with a statement before they ask: "Văn phòng Sở làm
 * đầu mối rồi, vậy Ban Biên tập phải làm gì?", "Gọi cho Sở hoài không được,
 * cho hỏi dịch vụ công toàn trình là gì?". The opening clause names units,
 * the department or another topic that the question is not about; left in,
 * its words pull retrieval (and the structured answerers) to the wrong
 * passage. The asking clause is kept alone when it carries its own subject;
 * when it does not ("Em nộp hồ sơ rồi, vậy bao lâu có kết quả?") the whole
 * question is kept, since the opening then holds the subject.
 */
import { foldText, hasDiacritics, normalizeText } from '../text/normalize.js';
import { STOPWORDS_FOLDED } from '../text/stopwords.js';

/**
 * Where the asking clause starts, on folded text: after "rồi," / "rồi thì" /
 * ", vậy" / ", thế" / ", cho (em) hỏi" / ", nhưng", the last one. Group 1 is the opening.
 */
const BOUNDARY =
  /^(.+)(?:\s+roi\s*,?\s*(?:vay|the|thi|con|nhung)?|\s*,\s*(?:vay|vay thi|the thi|the|nhung|ma|con)|\s*,?\s*(?:nen|vay nen)?\s*cho\s+(?:em|minh|toi|chau|anh|chi|con)?\s*(?:xin\s+)?hoi(?:\s+(?:chut|luon|them|giup|thu|voi))?)\s+(.+)$/;

/** Words that make a clause a question, as typed with diacritics (folded, "đầu mối" would read as "đâu"). */
const QUESTION_CUE_ACCENTED = /(?:^|\s)(gì|nào|đâu|sao|ai|bao nhiêu|bao lâu|bao giờ|mấy|thế nào|khi nào|lúc nào|ra sao|có phải)(?=\s|\?|$)/u;
/** The same cues typed without diacritics. */
const QUESTION_CUE_FOLDED = /(?:^|\s)(gi|nao|dau|sao|ai|bao nhieu|bao lau|bao gio|may|the nao|ntn|khi nao|luc nao|ra sao|co phai)(?=\s|\?|$)/;
/** "… không?" / "… chưa?" ask only at the end of a clause ("gọi hoài không được" states). */
const ENDS_ASKING = /(?:^|\s)(khong|chua|ko|k|hong)(?:\s+(?:a|ad|vay|z|v|nhi|nhe))*\s*\??\s*$/;

/** Whether a clause (lower case, as typed) asks something. */
function asks(clause: string): boolean {
  const folded = foldText(clause);
  const cue = hasDiacritics(clause) ? QUESTION_CUE_ACCENTED.test(clause) : QUESTION_CUE_FOLDED.test(folded);
  return cue || ENDS_ASKING.test(folded) || /\?\s*$/.test(clause);
}

/**
 * An opening about the asker ("em làm ở phòng chuyên môn, …", "chào chị, …"):
 * a self-introduction or greeting, which the framing stage removes and which
 * may hold the subject the question points back to ("phòng em"). Folded.
 */
const ABOUT_ASKER =
  /(?:^|\s)(?:(?:em|minh|toi|con|chau|tui|chung toi|bon em|tui em) (?:la|lam|o|dang|moi|thuoc|ben|cong tac)|chao|alo|xin chao|hi|hello)(?=\s|,|$)|^da\s/;
/** The asking clause points back at the asker ("phòng em", "tụi em", "bên mình"). Folded. */
const POINTS_AT_ASKER = /(?:^|\s)(?:phong|ben|don vi|cho|tui|bon|nha|xa|cong ty|to) (?:em|minh|toi|chung toi)(?=\s|\?|$)/;

/** Question and frame words that do not make a subject. */
const NOT_SUBJECT = new Set(
  'gi nao dau sao ai bao nhieu lau gio may khong chua the nhu khi luc la lam o tu ra co phai duoc can muon phai a ad nhe nhi vay z v s ko k'.split(' '),
);

/** Content syllables an asking clause needs to stand alone as a question. */
const MIN_SUBJECT_WORDS = 3;

/** Content syllables of a folded clause. */
function subjectWords(folded: string): string[] {
  return folded.split(/[^a-z0-9/]+/).filter((w) => w && !STOPWORDS_FOLDED.has(w) && !NOT_SUBJECT.has(w));
}

/**
 * The asking clause of a question that opens with a statement, in the
 * user's own spelling; the question unchanged when it has no such opening.
 * @example
 * focusClause('Văn phòng Sở làm đầu mối rồi, vậy Ban Biên tập phải làm gì?')
 * // → 'Ban Biên tập phải làm gì?'
 */
export function focusClause(question: string): string {
  const text = normalizeText(question).trim();
  const folded = foldText(text);
  // Folding keeps one character per character on NFC text: the offsets carry over.
  if (folded.length !== text.length) return question;
  const m = BOUNDARY.exec(folded);
  if (!m?.[1] || !m[2]) return question;
  const lower = text.toLowerCase();
  const opening = lower.slice(0, m[1].length);
  const asking = text.slice(text.length - m[2].length);
  if (ABOUT_ASKER.test(m[1]) || POINTS_AT_ASKER.test(m[2])) return question;
  // The opening states, the asking clause asks, and it names its own subject.
  if (asks(opening) || !asks(asking.toLowerCase())) return question;
  // A clause that opens on a name ("Ban Biên tập …") names its subject even in two syllables.
  const named = /^\p{Lu}/u.test(asking) ? 1 : 0;
  if (subjectWords(m[2]).length + named < MIN_SUBJECT_WORDS || subjectWords(m[1]).length === 0) return question;
  return asking;
}
