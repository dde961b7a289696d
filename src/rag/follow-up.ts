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
import { baseKind, detectIntent, listSubject } from './intent.js';

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
  /(?:(?:Luật|Nghị định|Quyết định|Nghị quyết|Kế hoạch|Thông tư|Chỉ thị|Công văn)(?:\s+số)?\s+(?:\d[\w/.\-–ĐđÀ-ỹ]*|[A-ZĐÀ-Ỹ][\p{L}]*(?:\s+(?!(?:có|là|thì|bao|mấy|gì|nào|ai|do|được|gồm|quy|ban|ký|ra|từ|khi|ở|về|của|và|nói|năm)(?![\p{L}]))[\p{Ll}]+){0,4})(?:\s+(?:năm\s+)?\d{4})?)|\b\d{1,4}\/(?:\d{4}\/)?[A-ZĐ][A-ZĐ\-–]+\b/u;
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

/**
 * "thế Ban Biên tập?", "vậy năm 2022?": a bare subject after "thế"/"vậy",
 * no question of its own ("thế nào là PCI?" is one). Folded.
 */
const BARE_SUBJECT = /^(?:the|vay|z|v)\s+(?!nao\b|thi\b|la\b|sao\b|con\b)(.+?)\s*\??$/;
/** Question words that make a clause a question of its own (folded). */
const ASKS_ITSELF = /(?:^|\s)(gi|nao|dau|sao|ai|bao nhieu|may|khong|chua|khi nao|the nao|ntn|la gi)(?=\s|\?|$)/;

/** "vậy …", "thế …" opening a question of its own after a previous one (as typed, either spelling). */
const OWN_QUESTION_OPENER = /^\s*(?:vậy|thế|vay|the)\s+(?!(?:nào|nao|thì|thi|là|la|sao|còn|con)(?![\p{L}]))/iu;

/** "còn …", "thế còn …", "vậy còn …" at the start (folded). */
const LEADING_CON = new RegExp(`^(${OPENER} )*con `);
/**
 * "… thì ai?", "… thì khi nào?", "… thì bao nhiêu?": a bare answer-type cue
 * after the new subject asks the previous question's thing of it, as
 * "… thì sao?" does.
 */
const BARE_CUE = /^(.+?)\s+(?:thì|thi)\s+(?:ai|ai làm|ai lo|ai lam|khi nào|khi nao|bao giờ|bao gio|bao nhiêu|bao nhieu|mấy|may|ở đâu|o dau|đâu|dau)$/i;

/** True when the question reads as a follow-up. */
export function isFollowUp(question: string): boolean {
  const f = folded(question);
  const n = f.split(/\s+/).length;
  // "còn trên sàn thương mại điện tử thì ai?": an opening "còn" carries a longer subject.
  // So does "thế/vậy … thì sao?" ("thế cải cách chế độ công vụ thì sao?").
  if (n > 8 && !(n <= 12 && (LEADING_CON.test(f) || (/^(?:the|vay) /.test(f) && FOLLOW_UP.test(f))))) return false;
  if (FOLLOW_UP.test(` ${f}`.trimStart())) return true;
  const bare = BARE_SUBJECT.exec(f);
  // "vậy bước tiếp theo?", "thế cái đó?": a pointer back, resolved by {@link resolvePointer}.
  return !!bare?.[1] && f.split(/\s+/).length <= 6 && !ASKS_ITSELF.test(bare[1]) && !NEXT_STEP.test(f) && !ANAPHOR.test(f);
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
    .replace(/^\s*(thế|vậy|the|vay|z|v)\s+(?!(nào|nao|thì|thi|là|la|sao)\b)/i, '')
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

/** Ordinal words after "thứ" (folded). */
const ORDINAL_WORDS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
/** "cái thứ 3", "chỉ số thứ năm", "ý thứ 2": an item of the list just given (folded). */
const ORDINAL = /(?:^|\s)thu\s+(\d{1,2}|nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)(?=\s|\?|$)/;

/** "bước 3" after a steps question ("— bước 3" as {@link resolveOrdinal} writes it), folded. */
const STEP_ORDINAL = /(?:^|\s)(?:—\s*)?buoc\s+(\d{1,2})(?=\s|\?|$)/;

/** The position an ordinal question asks for ("cái thứ 3 là gì" → 3), or null. */
export function ordinalAsked(question: string): number | null {
  const m = ORDINAL.exec(folded(question)) ?? STEP_ORDINAL.exec(folded(question));
  if (!m?.[1]) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : (ORDINAL_WORDS[m[1]] ?? 0);
  return n >= 1 ? n : null;
}

/**
 * "cái thứ 3 là gì?" after a list question: the previous question with the
 * position asked ("PCI gồm những chỉ số thành phần nào? — thứ 3"), so the
 * same list is found and its item answered.
 */
function resolveOrdinal(question: string, previous: string): string | null {
  const f = folded(question);
  // "bước 3 làm sao?" only points into steps just given.
  const step = !ORDINAL.test(f) && STEP_ORDINAL.test(f);
  if (step && !/(?:^|\s)(buoc|quy trinh|trinh tu|lam sao|cach)(?=\s|\?|$)/.test(folded(previous))) return null;
  const n = ordinalAsked(question);
  if (n === null || f.split(/\s+/).length > 8) return null;
  // A question with its own subject ("PAPI thứ 3 là gì") is not about the previous list.
  const own = folded(question)
    .replace(/\?/g, ' ')
    .replace(ORDINAL, ' ')
    .replace(STEP_ORDINAL, ' ')
    .split(/\s+/)
    .filter((w) => w && !POINTER_WORDS.has(w) && !STOPWORDS_FOLDED.has(w) && !QUESTION_FOLDED.has(w));
  if (own.length > 0) return null;
  return `${previous.replace(/[?\s]+$/u, '')} — ${step ? 'bước' : 'thứ'} ${n}`;
}
/** Words of an ordinal follow-up that point at the list's items, not at a subject (folded). */
const POINTER_WORDS = new Set('cai muc y chi so noi dung buoc phan diem dieu thi sao la gi nghia ntn the nao con vay z v ad a nhe lam'.split(' '));

/**
 * Units of the plan named in a question ("Văn phòng Sở", "Ban Biên tập …",
 * "Chi đoàn", "Phòng Kế hoạch – Tài chính – Tổng hợp"), folded: a follow-up
 * naming one swaps the unit of the previous question.
 */
const UNIT =
  /(?:^|\s)((?:ban chap hanh\s+)?(?:van phong(?: so)?|phong ke hoach(?:\s*[-–]?\s*tai chinh)?(?:\s*[-–]?\s*tong hop)?|ban bien tap(?: cong ttdttp)?|ban quan tri(?: san(?: giao dich)?(?: tmdt)?)?|chi doan(?: tncs)?(?: ho chi minh)?|cong doan(?: co so)?|dang uy|(?:pho )?giam doc(?: so)?|ubnd tinh|so thong tin va truyen thong|cac phong(?:,? don vi)?))(?=[\s?.,;:]|$)/;

/** Replace the unit the previous question names by the follow-up's ("còn Chi đoàn thì sao?"). */
function swapUnit(previous: string, subject: string): string | null {
  const prevFolded = foldText(previous);
  const newUnit = UNIT.exec(foldText(subject));
  const prevUnit = UNIT.exec(prevFolded);
  if (!newUnit?.[1] || !prevUnit?.[1] || prevFolded.length !== previous.length) return null;
  // The new subject is the unit alone (a unit and more is a new question, answered with the frame).
  if (
    foldText(subject)
      .replace(/[?.!\s]+$/, '')
      .trim() !== newUnit[1]
  )
    return null;
  const at = prevUnit.index + prevUnit[0].indexOf(prevUnit[1]);
  return `${previous.slice(0, at)}${subject.replace(/[?.!\s]+$/u, '').trim()}${previous.slice(at + prevUnit[1].length)}`;
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

/** Frame words beyond {@link FRAME_ACCENTED} that a follow-up may ask with ("còn thời hạn?", "còn nơi nhận?"). */
const MORE_FRAME_ACCENTED =
  'thời nơi nhận người cơ quan giai đoạn hiệu lực tháng năm mục đích chót lúc giờ lo phụ trách chủ trì đầu mối điểm hạng xếp đứng'.split(' ');
const MORE_FRAME = new Set(MORE_FRAME_ACCENTED);
const MORE_FRAME_FOLDED = new Set(MORE_FRAME_ACCENTED.map((w) => foldText(w)));

/** True when a follow-up's new subject is only frame words: it asks something new about the same subject. */
function isFrameOnly(subject: string): boolean {
  if (/\d/.test(subject)) return false;
  const accented = hasDiacritics(subject);
  const words = subject
    .toLowerCase()
    .replace(/[^\p{L}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const frame = (w: string) => {
    if (accented) return FRAME_WORDS.has(w) || MORE_FRAME.has(w) || STOPWORDS_ACCENTED.has(w);
    const f = foldText(w);
    return FRAME_FOLDED.has(f) || MORE_FRAME_FOLDED.has(f) || STOPWORDS_FOLDED.has(f);
  };
  return words.length > 0 && words.every(frame);
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
 * The slots of a question's frame: the entities a follow-up may keep or swap
 * (an indicator, a unit of the plan, a year, a document, a section of the
 * plan), and whether the question asks something of its own (a question
 * word: "ai", "bao nhiêu", "khi nào" …).
 */
export interface FrameSlots {
  indicator?: string;
  unit?: string;
  year?: string;
  doc?: string;
  section?: string;
  asks: boolean;
}

const YEAR = /\b((?:19|20)\d{2})\b/;
/** "năm đó", "năm ấy", "năm này": the year of the previous question (folded). */
const YEAR_ANAPHOR = /(?:^|\s)(nam (?:do|ay|nay|kia))(?=\s|\?|$)/;

/** The slots of a question (see {@link FrameSlots}). */
export function frameSlots(question: string): FrameSlots {
  const f = folded(question);
  const slots: FrameSlots = { asks: ASKS_ITSELF.test(f) };
  const indicator = INDICATOR.exec(question)?.[0];
  if (indicator) slots.indicator = indicator;
  const unit = UNIT.exec(foldText(question))?.[1];
  if (unit) slots.unit = unit;
  const year = YEAR.exec(question)?.[1];
  if (year) slots.year = year;
  const doc = DOC_REF.exec(question)?.[0];
  if (doc && !(indicator && doc.includes(indicator))) slots.doc = doc;
  const section = SECTION_REF.exec(` ${question}`)?.[2] ?? PATH.exec(question)?.[0];
  if (section) slots.section = section;
  return slots;
}

/** A follow-up made standalone, with the words it brings (its new subject), which retrieval weighs above the rest. */
export interface FollowUpResolution {
  question: string;
  /** The follow-up's own subject words (empty: not a follow-up, or nothing new). */
  focus: string;
}

/**
 * Words of a question that are not a slot, a frame word or a function word:
 * what it says of its own ("PAPI có mấy chỉ số nội dung" → "chỉ số nội dung").
 */
function ownWords(text: string, slots: FrameSlots): string[] {
  let rest = text;
  for (const v of [slots.indicator, slots.doc, slots.year]) if (v) rest = rest.replace(v, ' ');
  const accented = hasDiacritics(rest);
  return rest
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => {
      if (!w) return false;
      if (accented) return !(FRAME_WORDS.has(w) || MORE_FRAME.has(w) || STOPWORDS_ACCENTED.has(w) || QUESTION_WORDS.has(w));
      const fw = foldText(w);
      return !(FRAME_FOLDED.has(fw) || MORE_FRAME_FOLDED.has(fw) || STOPWORDS_FOLDED.has(fw) || QUESTION_FOLDED.has(fw));
    })
    .filter((w) => !(slots.unit && slots.unit.split(' ').includes(foldText(w))));
}

/**
 * A follow-up that asks a question of its own about a new subject ("còn PAPI
 * có mấy chỉ số nội dung?", "còn PCI thì do ai xây dựng?"): the new question
 * stands, and only the slots it leaves empty are filled from the previous
 * frame — the year ("năm đó", or none at all when it asks a score or a rank
 * of an indicator), and the indicator or document when it names neither
 * an indicator, a unit nor a document.
 */
function fillSlots(subject: string, previous: string): string {
  const now = frameSlots(subject);
  const before = frameSlots(previous);
  let out = subject;
  const f = folded(out);
  const anaphor = YEAR_ANAPHOR.exec(f);
  if (before.year && anaphor?.[1]) {
    // Replace "năm đó" where it stands, in the user's spelling.
    const words = out.split(/\s+/);
    const at = words.findIndex((w, i) => `${folded(w)} ${folded(words[i + 1] ?? '')}`.replace(/\?/g, '').trim() === anaphor[1]);
    if (at >= 0) out = [...words.slice(0, at), 'năm', before.year + ((words[at + 1] ?? '').match(/[?.!,;:]+$/u)?.[0] ?? ''), ...words.slice(at + 2)].join(' ');
  }
  const named = now.indicator || now.unit || now.doc;
  // The name the question is of goes first, as it would be typed ("PAR INDEX năm 2024 xếp thứ mấy"):
  // after the question words it reads as an afterthought the analysis weighs less.
  if (!named && before.indicator) out = `${before.indicator} ${out}`;
  else if (!named && before.doc) out = `${before.doc} ${out}`;
  // A score or a rank is of a year; who builds an indicator is not.
  const yearBound = /(?:^|\s)(bao nhieu|may|diem|hang|thu)(?=\s|\?|$)/.test(f);
  if (before.year && !now.year && !anaphor && yearBound && !frameSlots(out).year && (now.indicator || before.indicator)) out = `${out} năm ${before.year}`;
  return out;
}

/**
 * An elliptic question: no subject of its own, only what is asked ("hạn chót
 * là lúc nào?", "ký ngày nào?", "thế ai làm?"). The previous question's
 * subject fills the missing slot.
 */
function resolveEllipsis(question: string, previous: string): string | null {
  const f = folded(question);
  if (f.split(/\s+/).length > 6 || !ASKS_ITSELF.test(f)) return null;
  const slots = frameSlots(question);
  if (slots.indicator || slots.unit || slots.year || slots.doc || slots.section) return null;
  const bare = question.replace(/^\s*((và|vậy|thế|nhưng|z|v|ok|rồi|va|vay|the|nhung|roi)\s+)+/i, '');
  if (ownWords(bare, slots).length > 0) return null;
  // The previous question without its question and frame words: its subject, not what it asked of it
  // ("Ai ký Kế hoạch 1523?" + "gửi cho những ai?" asks the recipients of the plan, not its signer).
  const accented = hasDiacritics(previous);
  const asked = (w: string) => {
    const a = w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (accented) return QUESTION_WORDS.has(a) || FRAME_WORDS.has(a) || MORE_FRAME.has(a);
    const fw = foldText(a);
    return QUESTION_FOLDED.has(fw) || FRAME_FOLDED.has(fw) || MORE_FRAME_FOLDED.has(fw);
  };
  const subject = previous
    .split(/\s+/)
    .map((w) => w.replace(/[?.!,;:]+$/u, ''))
    .filter((w) => w && !asked(w) && !/^(do|là|la)$/i.test(w))
    .join(' ');
  if (!subject) return null;
  return `${bare.replace(/[?\s]+$/u, '')} ${subject}`;
}

/**
 * Rewrite a follow-up into a standalone question using the previous one.
 * Non-follow-ups are returned unchanged.
 */
export function resolveFollowUp(question: string, previous: string): string {
  return resolveFollowUpFrame(question, previous).question;
}

/** "quyết định đó", "nghị định này", "luật ấy": the document the previous question named (folded). */
const DOC_ANAPHOR = /^(?:quyet dinh|nghi dinh|nghi quyet|luat|thong tu|chi thi|cong van|ke hoach|van ban) (?:do|nay|kia|tren|ay)$/;

/**
 * A slot the question points back at, filled from the previous frame: "năm
 * đó" → the previous year, "quyết định đó" → the document the previous
 * question named. Null when the question points at no slot the previous
 * question fills.
 */
function resolveSlotAnaphors(question: string, previous: string): string | null {
  const before = frameSlots(previous);
  if (!before.year && !before.doc) return null;
  const words = question.split(/\s+/);
  const fw = words.map((w) => folded(w).replace(/\?/g, ''));
  for (let i = 0; i < fw.length; i++) {
    for (const n of [3, 2]) {
      const span = fw.slice(i, i + n).join(' ');
      const tail = (words[i + n - 1] ?? '').match(/[?.!,;:]+$/u)?.[0] ?? '';
      if (n === 2 && before.year && YEAR_ANAPHOR.test(span)) {
        return [...words.slice(0, i), 'năm', before.year + tail, ...words.slice(i + n)].join(' ');
      }
      if (before.doc && DOC_ANAPHOR.test(span)) return [...words.slice(0, i), before.doc + tail, ...words.slice(i + n)].join(' ');
    }
  }
  return null;
}

/**
 * A follow-up made standalone: the previous question's frame (what it asked,
 * its attribute, its entities) kept, the slots the follow-up fills replaced,
 * the missing ones filled from the previous frame. The new subject is
 * returned as `focus` for retrieval to weigh.
 */
export function resolveFollowUpFrame(question: string, previous: string): FollowUpResolution {
  const out = (q: string, focus = ''): FollowUpResolution => ({ question: q, focus: q === question ? '' : focus });
  if (!previous) return out(question);
  const ordinal = resolveOrdinal(question, previous);
  if (ordinal) return out(ordinal);
  if (!isFollowUp(question)) {
    const slot = resolveSlotAnaphors(question, previous);
    if (slot) return out(slot);
    const pointer = resolvePointer(question, previous);
    if (pointer) return out(pointer);
    const ellipsis = resolveEllipsis(question, previous);
    if (ellipsis) return out(ellipsis);
    // "vậy tính minh bạch được bao nhiêu?": an opener, then a question of its own that names no
    // indicator, unit or document; its empty slots are filled from the previous frame.
    const opened = OWN_QUESTION_OPENER.exec(question);
    if (opened && folded(question).split(/\s+/).length <= 9) {
      const rest = question.slice(opened[0].length);
      const slots = frameSlots(rest);
      if (slots.asks && !slots.indicator && !slots.unit && !slots.doc && ownWords(rest, slots).length > 0) {
        const filled = fillSlots(rest, previous);
        if (filled !== rest) return out(filled, rest);
      }
    }
    return out(question);
  }
  const asked = followUpSubject(question);
  if (!asked) return out(previous);
  // A bare cue of the previous question's own kind ("… thì ai?" after a who-question) is "… thì sao?".
  const bare = BARE_CUE.exec(asked)?.[1];
  const sameKind = bare !== undefined && baseKind(detectIntent(asked).kind) === baseKind(detectIntent(previous).kind);
  const subject = sameKind && bare ? bare : asked;
  return out(swapSubject(subject, previous), subject);
}

/** The previous question with the follow-up's subject in the slot of the same kind (see {@link resolveFollowUpFrame}). */
function swapSubject(subject: string, previous: string): string {
  // A unit for a unit ("Văn phòng Sở làm gì?" → "còn Chi đoàn thì sao?").
  const unitSwapped = swapUnit(previous, subject);
  if (unitSwapped) return unitSwapped;
  // A new frame for the same subject ("Ai ký Kế hoạch 1523?" → "còn ngày ban hành?"): keep the subject.
  const subjectWordsOnly = subjectOf(previous)
    .split(/\s+/)
    .filter((w) => w && !FRAME_FOLDED.has(foldText(w.toLowerCase())))
    .join(' ');
  if (isFrameOnly(subject) && subjectWordsOnly) return `${subject} ${subjectWordsOnly}`;
  // An indicator for an indicator.
  const prevIndicator = INDICATOR.exec(previous);
  const newIndicator = INDICATOR.exec(subject);
  // A question of its own about the new subject: it stands, its empty slots filled.
  const own = frameSlots(subject);
  if (own.asks && ownWords(subject, own).length > 0) return fillSlots(subject, previous);
  // A named subject asked of another kind of answer ("Luật X có hiệu lực khi nào?" → "còn Luật Y có bao nhiêu điều?"): it stands too.
  const ownNamed = own.indicator || own.unit || own.doc;
  // (A bare cue after the name, "còn Ban Biên tập thì ai?", still takes the previous frame.)
  if (own.asks && ownNamed && !BARE_CUE.test(subject) && baseKind(detectIntent(subject).kind) !== baseKind(detectIntent(previous).kind))
    return fillSlots(subject, previous);

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
  // A value for the value of the same head ("cấp tỉnh" → "cấp xã", "lần đầu" → "lần hai").
  const headSwapped = swapHeadValue(subject, previous);
  if (headSwapped) return headSwapped;
  // The subject of a list ("X gồm những gì?" → "Y gồm những gì?").
  const prevSubject = listSubject(previous);
  if (prevSubject) return previous.replace(prevSubject, subject);
  if (newIndicator && prevIndicator) return previous.replace(INDICATOR, newIndicator[0]);
  // A named item for the item the previous question asked of ("điểm quản trị môi trường" → "còn quản trị điện tử?").
  const itemSwapped = swapItem(subject, previous);
  if (itemSwapped) return itemSwapped;
  // Otherwise the new subject with the previous question's frame.
  const frame = frameOf(previous);
  return frame ? `${subject} ${frame}` : `${subject} ${previous}`;
}

/**
 * Head nouns whose value a follow-up swaps: a level ("cấp tỉnh" → "cấp xã"),
 * a round ("lần đầu" → "lần hai"), a grade ("mức 1" → "mức 2"), a field or an
 * indicator by name ("chỉ số gia nhập thị trường" → "chỉ số tính minh bạch").
 * Folded, longest first.
 */
const SLOT_HEADS = ['chỉ số thành phần', 'chỉ số', 'lĩnh vực', 'nội dung', 'mức độ', 'mức', 'cấp', 'lần'].map((h) => h.split(' '));

/** A typed word is the head word `h`: the same when typed with marks ("mục" is not "mức"), the same folded when typed without. */
function isHeadWord(typed: string | undefined, h: string): boolean {
  if (typed === undefined) return false;
  const w = typed.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return hasDiacritics(w) ? w === h : w === foldText(h);
}

/** A word of a question that is a frame, question or function word (not part of a value). */
function frameish(word: string): boolean {
  const a = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (!a) return true;
  if (hasDiacritics(a)) return FRAME_WORDS.has(a) || MORE_FRAME.has(a) || STOPWORDS_ACCENTED.has(a) || QUESTION_WORDS.has(a);
  const f = foldText(a);
  return FRAME_FOLDED.has(f) || MORE_FRAME_FOLDED.has(f) || STOPWORDS_FOLDED.has(f) || QUESTION_FOLDED.has(f);
}

/** A question or function word, read as typed ("đầu" is no "đâu"); punctuation alone counts as one. */
function functionWord(word: string): boolean {
  const a = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (!a) return true;
  if (hasDiacritics(a)) return STOPWORDS_ACCENTED.has(a) || QUESTION_WORDS.has(a);
  const f = foldText(a);
  return STOPWORDS_FOLDED.has(f) || QUESTION_FOLDED.has(f);
}

const foldWord = (w: string) => foldText(w.toLowerCase()).replace(/[^a-z0-9]/g, '');
const trailingPunct = (w: string) => w.match(/[?.!,;:]+$/u)?.[0] ?? '';

/**
 * "cấp xã thì sao?" after "Chủ tịch UBND cấp tỉnh tiếp công dân mấy ngày?":
 * the follow-up is a head noun with a value, the previous question has the
 * same head with another value; the value is replaced (one word for a
 * one-word value, else up to the next frame word). Null when no head matches.
 */
function swapHeadValue(subject: string, previous: string): string | null {
  const sw = subject.split(/\s+/).filter(Boolean);
  const head = SLOT_HEADS.find((h) => h.every((w, k) => isHeadWord(sw[k], w)));
  if (!head) return null;
  const value = sw.slice(head.length);
  if (value.length === 0 || value.length > 5 || value.some((w) => QUESTION_FOLDED.has(foldWord(w)))) return null;
  const pw = previous.split(/\s+/);
  const pf = pw.map(foldWord);
  for (let i = 0; i + head.length < pw.length; i++) {
    if (!head.every((w, k) => isHeadWord(pw[i + k], w))) continue;
    const from = i + head.length;
    // The word after the head must be a value, not a question or function word ("chỉ số nào", "cấp nào").
    if (functionWord(pw[from] as string) || trailingPunct(pw[from - 1] as string)) continue;
    let to = from + 1;
    if (value.length > 1) while (to < pw.length && !frameish(pw[to] as string) && !trailingPunct(pw[to - 1] as string)) to++;
    if (value.map(foldWord).join(' ') === pf.slice(from, to).join(' ')) return null;
    const tail = trailingPunct(pw[to - 1] as string);
    return [...pw.slice(0, from), ...value.slice(0, -1), `${value[value.length - 1]}${tail}`, ...pw.slice(to)].join(' ');
  }
  return null;
}

/** Words of the province and of the plan: every question is about them, they are not the item it asks of. */
const PLACE_OR_PLAN = new Set(['quang', 'ngai', 'tinh', 'ke', 'hoach']);
/** Frame nouns and verbs that bound an item's name ("Nội dung X", "điểm X là", "Kết quả X"), folded. */
const ITEM_FRAME = new Set('la co duoc gom noi diem xep hang ket qua noi dung muc phan truyen thong ban hanh ky phai lam can muon nam thang ngay'.split(' '));
/** A follow-up that names a place is about another province or commune, not another item. */
const PLACE_HEAD = /^(tỉnh|tinh|thành phố|thanh pho|tp|huyện|huyen|xã|xa|phường|phuong)\s/i;
/** How and who cues of a question (folded): "thế nào", "làm sao", "bằng cách", "các bước", "ai", "đơn vị nào" ("cải cách" is no "cách"). */
const HOW_OR_WHO = /(?:^|\s)(?:the nao|lam sao|ra sao|cach nao|bang cach|cach lam|cac buoc|quy trinh|ai|don vi nao|phong nao|co quan nao)(?=\s|\?|$)/;
/** A quoted name in a question ("nội dung “trách nhiệm giải trình với người dân”"). */
const QUOTED = /([“"])([^”"]{3,80})([”"])/u;

function itemWord(w: string): boolean {
  if (functionWord(w) || /\d/.test(w)) return false;
  const f = foldWord(w);
  return !ITEM_FRAME.has(f) && !PLACE_OR_PLAN.has(f);
}

/**
 * "còn quản trị điện tử?" after "PAPI năm 2023 điểm quản trị môi trường là
 * bao nhiêu?": a bare name (two to seven words, no question word, no slot or
 * place of its own) replaces the item the previous question asked of: its
 * quoted name, else a run of two or more content words (not its indicator,
 * document, year, province or the plan) — the run that opens with the same
 * word as the new name, else the one closest in length, the last on a tie.
 * Not after a how-to or a who question, whose subject is an action or a task, not an item.
 */
function swapItem(subject: string, previous: string): string | null {
  const words = subject.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 7 || /\d/.test(subject) || PLACE_HEAD.test(subject)) return null;
  const slots = frameSlots(subject);
  if (slots.asks || slots.indicator || slots.unit || slots.doc || slots.year || slots.section) return null;
  if (words.some((w) => QUESTION_FOLDED.has(foldWord(w)))) return null;
  // After a how-to or a who question the subject is an action or a task ("đăng nhập …", "cập nhật tin …"), not an item.
  if (detectIntent(previous).kinds.some((k) => ['howto', 'who'].includes(baseKind(k))) || HOW_OR_WHO.test(folded(previous))) return null;
  const bare = subject.replace(/[?.!,;:]+$/u, '');
  const quoted = QUOTED.exec(previous);
  if (quoted?.[2] && quoted[2].split(/\s+/).length >= 2) return previous.replace(quoted[0], `${quoted[1]}${bare}${quoted[3]}`);
  const pw = previous.split(/\s+/);
  const before = frameSlots(previous);
  const slotWords = new Set([before.indicator, before.doc].filter(Boolean).join(' ').split(/\s+/).filter(Boolean).map(foldWord));
  const runs: { start: number; end: number }[] = [];
  let open = -1;
  pw.forEach((w, i) => {
    const inRun = itemWord(w) && !slotWords.has(foldWord(w));
    if (inRun && open < 0) open = i;
    if (open >= 0 && (!inRun || trailingPunct(w) || i === pw.length - 1)) {
      const end = inRun ? i : i - 1;
      if (end - open + 1 >= 2) runs.push({ start: open, end });
      open = inRun && !trailingPunct(w) ? open : -1;
    }
  });
  if (runs.length === 0) return null;
  const first = foldWord(words[0] as string);
  const same = runs.filter((r) => foldWord(pw[r.start] as string) === first);
  const pool = same.length > 0 ? same : runs;
  const distance = (r: { start: number; end: number }) => Math.abs(r.end - r.start + 1 - words.length);
  const best = pool.reduce((a, b) => (distance(b) <= distance(a) ? b : a));
  const tail = trailingPunct(pw[best.end] as string);
  return [...pw.slice(0, best.start), bare + tail, ...pw.slice(best.end + 1)].join(' ');
}
