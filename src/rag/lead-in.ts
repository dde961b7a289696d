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

/** Between the opening and a connective word: a comma or a space. */
const SEP = String.raw`(?:\s*,\s*|\s+)`;
/** A pronoun of the asker. */
const ASKER = '(?:em|minh|toi|chau|con|tui|anh|chi|chu|co|bac)';
/**
 * Connectives that start the asking clause, on folded text, longest first:
 * "rồi, vậy" / ", cho (em) hỏi" / "giờ em muốn biết" / ", không biết là" /
 * ", vậy" / ", thế" / ", nhưng" / ", giờ" / ", nên", or the end of a sentence
 * (". ", ": "). Each is followed by the asking clause. (", con …" is left out:
 * in "…, con là sinh viên" it is the pronoun.)
 */
const CONNECTIVE = new RegExp(
  [
    String.raw`${SEP}(?:(?:nen|vay nen|thi|gio|vay|vay gio|vay thi)\s+)?cho(?:\s+${ASKER})?(?:\s+xin)?\s+hoi(?:\s+(?:chut|luon|them|giup|thu|voi|la))?`,
    String.raw`${SEP}(?:(?:nen|thi|gio|vay|vay gio|nen gio|bay gio|ma)\s+)?${ASKER}\s+(?:muon|can)\s+(?:biet|hoi)(?:\s+la)?`,
    String.raw`\s+roi(?:\s*,)?(?:\s+(?:vay|the|thi|con|nhung))?`,
    String.raw`\s*,\s*(?:vay thi|the thi|vay gio|bay gio|khong biet la|khong biet|vay|the|nhung|ma|thi|gio|nen)`,
    String.raw`\s*[.!:;]`,
  ]
    .map((alt) => `(?:${alt})(?=\\s+\\S)`)
    .join('|'),
  'g',
);

/**
 * How the words of a connective are spelt when typed with marks ("rồi", not
 * "rơi": "Ngày Pháp luật rơi vào ngày nào" has no opening). Folded form → spellings.
 */
const CONNECTIVE_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    roi: ['rồi'],
    vay: ['vậy'],
    the: ['thế'],
    thi: ['thì'],
    con: ['còn', 'con'],
    nhung: ['nhưng'],
    ma: ['mà'],
    gio: ['giờ'],
    bay: ['bây'],
    nen: ['nên'],
    cho: ['cho'],
    xin: ['xin'],
    hoi: ['hỏi'],
    chut: ['chút'],
    luon: ['luôn'],
    them: ['thêm'],
    giup: ['giúp'],
    thu: ['thử'],
    voi: ['với'],
    la: ['là'],
    em: ['em'],
    minh: ['mình'],
    toi: ['tôi'],
    chau: ['cháu'],
    tui: ['tui'],
    anh: ['anh'],
    chi: ['chị'],
    chu: ['chú'],
    co: ['cô'],
    bac: ['bác'],
    muon: ['muốn'],
    can: ['cần'],
    biet: ['biết'],
    khong: ['không'],
  }),
);

/** Whether the words of a connective, as typed, are spelt as connectives (an unmarked word always is). */
function spelledAsConnective(typed: string): boolean {
  return typed
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .every((w) => !hasDiacritics(w) || (CONNECTIVE_SPELLINGS.get(foldText(w)) ?? []).includes(w));
}

/** Words that make a clause a question, as typed with diacritics (folded, "đầu mối" would read as "đâu"). */
const QUESTION_CUE_ACCENTED = /(?:^|\s)(gì|nào|đâu|sao|ai|bao nhiêu|bao lâu|bao giờ|mấy|thế nào|khi nào|lúc nào|ra sao|có phải)(?=\s|\?|$)/u;
/** The same cues typed without diacritics. */
const QUESTION_CUE_FOLDED = /(?:^|\s)(gi|nao|dau|sao|ai|bao nhieu|bao lau|bao gio|may|the nao|ntn|khi nao|luc nao|ra sao|co phai)(?=\s|\?|$)/;
/** "… không?" / "… chưa?" ask only at the end of a clause ("gọi hoài không được" states). */
const ENDS_ASKING = /(?:^|\s)(khong|chua|ko|k|hong)(?:\s+(?:a|ad|vay|z|v|nhi|nhe))*\s*\??\s*$/;

/**
 * Question words that state: indefinite after a negation ("chưa thấy ai
 * gọi", "không có gì") and "mấy" of a span up to now ("mấy năm nay", "mấy
 * hôm trước"). Folded; removed before the cues are read.
 */
const NEGATED_INDEFINITE =
  /(?:^|\s)(?:(?:khong|chua|chang|cha|ko)(?:\s+(?:thay|co|biet|gap|duoc|nghe))?\s+(?:ai|gi|dau|nao)|may\s+(?:nam|thang|tuan|hom|bua|ngay|lan)\s+(?:nay|qua|truoc|roi|lien))(?=\s|,|$)/g;

/** Whether a clause (lower case, as typed) asks something. */
function asks(clause: string): boolean {
  const folded = foldText(clause);
  if (folded.length !== clause.length) return /\?\s*$/.test(clause);
  // Folding keeps offsets, so the negated indefinites are cut from both spellings alike.
  let typed = clause;
  for (const m of folded.matchAll(NEGATED_INDEFINITE)) typed = typed.slice(0, m.index) + ' '.repeat(m[0].length) + typed.slice(m.index + m[0].length);
  const plain = foldText(typed);
  const cue = hasDiacritics(typed) ? QUESTION_CUE_ACCENTED.test(typed) : QUESTION_CUE_FOLDED.test(plain);
  return cue || ENDS_ASKING.test(plain) || /\?\s*$/.test(clause);
}

/**
 * A question the opening only reports or hedges ("… nhưng không rõ còn kịp
 * không", "hôm họp có người hỏi PAPI đo cái gì mà chị không trả lời được"):
 * from the lead to the end of its clause, what follows is not asked of the
 * bot. Folded.
 */
const REPORTED_LEAD = /(?:^|\s)(?:(?:khong|chua|cha|ko) (?:ro|biet|hieu)|(?:co nguoi|nguoi ta|ai do|moi nguoi|khach|dan) (?:hoi|thac mac))(?=\s)[^,.;:!?]*/g;

/** Whether an opening asks the bot something, its reported or hedged questions left out (as typed, lower case). */
function openingAsks(opening: string): boolean {
  const folded = foldText(opening);
  if (folded.length !== opening.length) return asks(opening);
  let typed = opening;
  for (const m of folded.matchAll(REPORTED_LEAD)) typed = typed.slice(0, m.index) + ' '.repeat(m[0].length) + typed.slice(m.index + m[0].length);
  return asks(typed);
}

/**
 * An opening about where the asker works ("em làm ở phòng chuyên môn, …",
 * "mình là cán bộ Văn phòng Sở, …"): the unit the question may be about
 * without naming it again. Other self-introductions ("em là sinh viên", "mình
 * đang viết bài") hold no such subject: the framing stage drops them and the
 * conflict checks ignore them (entity-conflicts.ts, askedPart), so the cut
 * may pass them. A greeting alone does not count either. Folded.
 */
const ABOUT_ASKER =
  /(?:^|\s)(?:em|minh|toi|con|chau|tui|chung toi|bon em|tui em) (?:lam (?:o|tai|ben|cho|trong)|cong tac|thuoc|ben|moi (?:ve|vao|chuyen)|o (?:phong|ban|van phong|chi doan|cong doan|dang uy|so|bo phan|to|don vi)|la (?:can bo|cong chuc|vien chuc|nhan vien|chuyen vien|doan vien|dang vien|truong|pho|thanh vien|ke toan|lanh dao))(?=\s|,|$)/;
/**
 * What an asking clause asks when the asker's own unit may be its subject:
 * duties, tasks, a role ("phải làm gì", "nhiệm vụ", "giao việc gì"). Other
 * questions (a date, a number, a definition) name their own subject. Folded.
 */
const ASKS_DUTY = /(?:^|\s)(?:nhiem vu|trach nhiem|vai tro|phan cong|phu trach|cong viec|lam gi|lam nhung gi|phai lam|giao)(?=\s|\?|,|$)/;
/** Unit nouns that restate the asker's unit in the asking clause ("các phòng", "chi đoàn"). Folded, two syllables or one. */
const UNIT_HEADS = new Set(['phong', 'ban', 'to', 'bo phan', 'chi doan', 'cong doan', 'van phong', 'dang uy', 'chi bo', 'doan thanh nien']);

/**
 * Whether where the asker works may be the subject the asking clause leaves
 * unnamed: the opening says where the asker works, the asking clause asks a
 * duty, and it does not restate that unit (a unit noun or two syllables of
 * the unit's name).
 */
function askerUnitMatters(openingFolded: string, askingFolded: string): boolean {
  const m = ABOUT_ASKER.exec(openingFolded);
  if (!m) return false;
  if (!ASKS_DUTY.test(askingFolded)) return false;
  const unit = openingFolded.slice(m.index + m[0].length).split(/[,.;:!?]/)[0] ?? '';
  const unitWords = subjectWords(unit);
  const asking = ` ${askingFolded.replace(/[^a-z0-9/]+/g, ' ')} `;
  const pairs = unitWords.slice(1).map((w, i) => `${unitWords[i]} ${w}`);
  const restated = pairs.some((p) => asking.includes(` ${p} `)) || [...UNIT_HEADS].some((h) => ` ${unit} `.includes(` ${h} `) && asking.includes(` ${h} `));
  return !restated;
}

/** The asking clause points back at the asker ("phòng em", "tụi em", "bên mình"). Folded. */
const POINTS_AT_ASKER = /(?:^|\s)(?:phong|ben|don vi|cho|tui|bon|nha|xa|cong ty|to) (?:em|minh|toi|chung toi)(?=\s|\?|$)/;

/**
 * The asking clause points back into the opening ("… năm 2021 tỉnh tăng hạng.
 * Vậy năm đó tỉnh xếp thứ mấy?"): a placeholder noun with a demonstrative, whose
 * referent was just said. "tài khoản cũ đó" restates its noun and stands alone.
 * As typed with marks; without marks "do" is also "by", so only after such a noun.
 */
const POINTS_BACK_ACCENTED =
  /(?:^|\s)(?:(?:năm|tháng|lúc|hồi|khi|cái|việc|chỗ|nơi|người|bên|chỉ số|văn bản) (?:đó|ấy|đấy)|nói trên|kể trên|vừa nói)(?=[\s?.,!]|$)/u;
const POINTS_BACK_FOLDED = /(?:^|\s)(?:(?:nam|thang|luc|hoi|khi|cai|viec|cho|noi|nguoi|ben|chi so|van ban) (?:do|ay|day)|noi tren|ke tren|vua noi)(?=\s|\?|$)/;

function pointsBack(clause: string): boolean {
  return hasDiacritics(clause) ? POINTS_BACK_ACCENTED.test(clause.toLowerCase()) : POINTS_BACK_FOLDED.test(foldText(clause));
}

/**
 * "X rồi thì Y" without a comma reads as a condition ("Có tài khoản cũ rồi
 * thì nối qua VNeID kiểu gì?", "Bỏ huyện rồi thì nộp ở đâu?"): the opening
 * is part of what is asked. It states something else only when it names a
 * unit, a body or a person ("phòng kế hoạch lo dự toán rồi thì ai …"). Folded
 * ("sở", "bộ" are left out: folded, they are also "số", "bỏ").
 */
const CONDITION_CUT = /^\s+roi\s+thi$/;
const NAMES_A_UNIT =
  /(?:^|\s)(?:phong|van phong|ban|ubnd|uy ban|hdnd|hoi dong|chu tich|giam doc|chinh phu|thu tuong|tinh uy|trung tam|cuc|cong doan|chi doan|dang uy|lanh dao|can bo|doanh nghiep|cong ty)(?=\s|$)/;

/** Question and frame words that do not make a subject. */
const NOT_SUBJECT = new Set(
  (
    'gi nao dau sao ai bao nhieu lau gio may khong chua the nhu khi luc la lam o tu ra co phai duoc can muon phai a ad nhe nhi vay z v s ko k ' +
    // Greetings and addressees ("Dạ em chào cô chú") are no subject of an opening either.
    'da vang chao xin kinh gui thua alo hello hi oi chu bac ban bot'
  ).split(' '),
);

/** Content syllables an asking clause needs to stand alone as a question. */
const MIN_SUBJECT_WORDS = 3;

/** Content syllables of a folded clause. */
function subjectWords(folded: string): string[] {
  return folded.split(/[^a-z0-9/]+/).filter((w) => w && !STOPWORDS_FOLDED.has(w) && !NOT_SUBJECT.has(w));
}

/**
 * Names an asking clause may lack when the opening gave them: acronyms of
 * two capitals or more ("PCI", "PAPI", "VNeID") and document numbers
 * ("1523/KH-SCT"). As typed.
 */
const NAME = /(?<![\p{L}\d])(?:\p{Lu}[\p{L}\d]*\p{Lu}[\p{L}\d]*|\d+\/[\p{L}\d-]+)(?![\p{L}\d])/gu;

/** The names of a clause, in order, once each. */
function namesOf(clause: string): string[] {
  return [...new Set(clause.match(NAME) ?? [])];
}

/**
 * The asking clause of a question that opens with a statement, in the
 * user's own spelling; the question unchanged when it has no such opening.
 * The last connective that splits the question into a stating opening and
 * an asking clause with its own subject wins. Names of the opening that the
 * asking clause lacks ("… điểm PCI lên xuống. Năm 2020 tỉnh được bao nhiêu
 * điểm?") are put before it: the clause asks about them.
 * @example
 * focusClause('Văn phòng Sở làm đầu mối rồi, vậy Ban Biên tập phải làm gì?')
 * // → 'Ban Biên tập phải làm gì?'
 */
export function focusClause(question: string): string {
  const text = normalizeText(question).trim();
  const folded = foldText(text);
  // Folding keeps one character per character on NFC text: the offsets carry over.
  if (folded.length !== text.length) return question;
  const cuts = [...folded.matchAll(CONNECTIVE)].reverse();
  for (const cut of cuts) {
    const at = cut.index;
    const after = at + cut[0].length;
    if (at === 0 || !spelledAsConnective(text.slice(at, after))) continue;
    const opening = text.slice(0, at);
    const asking = text.slice(after).trim();
    const openingFolded = folded.slice(0, at);
    const askingFolded = foldText(asking);
    if (askerUnitMatters(openingFolded, askingFolded) || POINTS_AT_ASKER.test(askingFolded) || pointsBack(asking)) continue;
    if (CONDITION_CUT.test(folded.slice(at, after)) && !NAMES_A_UNIT.test(openingFolded)) continue;
    // The opening states, the asking clause asks, and it names its own subject.
    if (openingAsks(opening.toLowerCase()) || !asks(asking.toLowerCase())) continue;
    if (subjectWords(openingFolded).length === 0) continue;
    const carried = namesOf(asking).length === 0 ? namesOf(opening) : [];
    // A clause that opens on a name ("Ban Biên tập …") names its subject even in two syllables.
    const named = /^\p{Lu}/u.test(asking) || carried.length > 0 ? 1 : 0;
    if (subjectWords(askingFolded).length + named < MIN_SUBJECT_WORDS) continue;
    return carried.length > 0 ? `${carried.join(' ')} ${asking}` : asking;
  }
  return question;
}
