/**
 * Discourse framing: greetings, self-introductions, politeness particles and
 * "may I ask" phrases that surround the substance of a chat question
 * ("Dạ em chào anh chị, em ở xã …, cho em hỏi chút là … ạ?"). They carry no
 * topic and dilute coverage, so they are removed before retrieval; the
 * substance is kept. Patterns are written without diacritics and matched on
 * folded words, so they work for unaccented typing too.
 */
import { STOPWORDS_FOLDED } from '../stopwords.js';
import type { Token } from './tokens.js';

/** Where a pattern may match inside a clause. */
type Place = 'start' | 'end' | 'any';

interface FramePattern {
  words: string[];
  place: Place;
}

const PRONOUN = ['em', 'minh', 'toi', 'tui', 'chau', 'anh', 'chi', 'con', 'bon em', 'tui em', 'chung toi', 'chung em'];
const ADDRESSEE = [
  'anh chi',
  'anh chi em',
  'ad',
  'admin',
  'anh',
  'chi',
  'ban',
  'bot',
  'moi nguoi',
  'ca nha',
  'tong dai',
  'tong dai vien',
  'co',
  'chu',
  'bac',
  'co chu',
  'cac co chu',
  'co chu anh chi',
  'cac anh chi',
  'quy co quan',
];

function p(text: string, place: Place): FramePattern {
  return { words: text.split(' '), place };
}

const ASK = [
  'hoi',
  'hoi chut',
  'hoi xiu',
  'hoi ti',
  'hoi nhe',
  'hoi voi',
  'hoi them',
  'hoi thu',
  'hoi la',
  'hoi chut la',
  'hoi xiu la',
  'hoi ti la',
  'hoi cai',
  'hoi viec',
  'hoi nhanh',
  'hoi nhanh xiu',
  'hoi nhanh chut',
  'hoi chut xiu',
  'hoi ti xiu',
  'hoi xiu xiu',
  'hoi thong tin',
  'hoi mot chut',
  'hoi mot xiu',
  'hoi cai nay',
];

/** Built once: every frame phrase with where it may occur. */
const PATTERNS: FramePattern[] = (() => {
  const out: FramePattern[] = [];
  for (const a of ASK) {
    out.push(p(`cho ${a}`, 'any'), p(`xin ${a}`, 'any'), p(`muon ${a}`, 'any'), p(`can ${a}`, 'any'), p(a, 'start'));
    for (const who of PRONOUN) {
      out.push(p(`cho ${who} ${a}`, 'any'), p(`${who} muon ${a}`, 'any'), p(`${who} xin ${a}`, 'any'), p(`${who} ${a}`, 'start'), p(`${who} can ${a}`, 'any'));
    }
  }
  for (const who of PRONOUN) {
    out.push(
      p(`${who} muon biet`, 'start'),
      p(`${who} can biet`, 'start'),
      p(`${who} muon tim hieu`, 'start'),
      p(`giup ${who}`, 'any'),
      p(`giup ${who} voi`, 'any'),
      p(`ho tro ${who}`, 'end'),
      p(`tu van cho ${who}`, 'end'),
      p(`cho ${who} biet`, 'any'),
      p(`${who} cam on`, 'any'),
      p(`${who} cam on nhieu`, 'any'),
      p(`${who} cam on rat nhieu`, 'any'),
      p(`gium ${who}`, 'any'),
      p(`dum ${who}`, 'any'),
      p(`giai thich giup ${who}`, 'end'),
      p(`giai thich gium ${who}`, 'end'),
      p(`noi ro giup ${who}`, 'end'),
    );
  }
  // "chị cho em hỏi là …": an addressee before the asking phrase.
  for (const to of ['anh', 'chi', 'anh chi', 'ad', 'ban', 'bot', 'co', 'chu', 'bac'])
    for (const who of ['em', 'minh', 'toi', 'chau', 'con'])
      for (const a of ['hoi', 'hoi chut', 'hoi xiu', 'hoi la', 'hoi chut la', 'hoi nhanh']) out.push(p(`${to} cho ${who} ${a}`, 'any'));
  for (const to of ADDRESSEE) {
    out.push(
      p(`cam on ${to} nhieu`, 'any'),
      p(`cam on ${to} nhieu a`, 'any'),
      p(`cam on ${to} truoc`, 'any'),
      p(`nho ${to}`, 'start'),
      p(`lam phien ${to}`, 'any'),
      p(`xin loi ${to}`, 'any'),
      p(`${to} oi`, 'any'),
      p(`chao ${to}`, 'any'),
      p(`xin chao ${to}`, 'any'),
      p(`kinh chao ${to}`, 'any'),
      p(`cam on ${to}`, 'any'),
      p(`${to} cho hoi`, 'any'),
      p(`${to} giup`, 'start'),
      p(`${to} tu van`, 'start'),
      p(`${to} huong dan giup`, 'start'),
    );
  }
  for (const w of [
    'da',
    'vang',
    'alo',
    'a lo',
    'hello',
    'hi',
    'helo',
    'xin chao',
    'chao',
    'kinh gui',
    'kinh chao',
    'thua',
    'oi',
    'e hem',
    'uhm',
    'um',
    'ok',
    'vay thi',
    'the thi',
    'cho hoi',
    'ua',
    'a',
    'da vang',
    'vang a',
    'da a',
    'ah',
    'uk',
    'uh',
    'thua anh chi',
    'cho em',
  ])
    out.push(p(w, 'start'));
  for (const w of [
    'a',
    'ah',
    'ak',
    'nhe',
    'nha',
    'nhen',
    'nhe a',
    'nha a',
    'hen',
    'voi',
    'thi sao',
    'thi the nao',
    'voi a',
    'giup voi',
    'vay',
    'vay a',
    'the',
    'the a',
    'the nhi',
    'nhi',
    'day',
    'z',
    'oi',
    'cam on',
    'cam on nhieu',
    'xin cam on',
    'thank',
    'thanks',
    'gap',
    'gap a',
    'ngay nhe',
    'nhe anh chi',
    'nha anh chi',
    'a anh chi',
    'giup em',
    'giup minh',
    'giup toi',
    'voi nhe',
    'voi nha',
    'cam on nhieu a',
    'cam on rat nhieu',
    'xin cam on nhieu',
    'giai thich giup',
    'giai thich gium',
    'gium',
    'dum',
    'gium voi',
    'dum voi',
    'gium nha',
    'nhe ad',
    'nha ad',
    'a ad',
    'nhe ban',
    'nha ban',
    'luon',
    'vay ta',
  ])
    out.push(p(w, 'end'));
  for (const w of ['lam on', 'vui long', 'lam on cho', 'vui long cho', 'xin vui long', 'xin phep', 'cho em', 'cho minh', 'cho toi']) out.push(p(w, 'start'));
  // An addressee closing the question ("… sao v ad", "… vậy anh chị").
  for (const to of ['anh chi', 'anh chi em', 'ad', 'admin', 'bot', 'ban', 'co chu', 'moi nguoi', 'ca nha'])
    for (const before of ['', 'v ', 'z ', 'vay ', 'a ', 'nhe ', 'nha ', 'voi ']) out.push(p(`${before}${to}`, 'end'));
  // Apologies and hedges: "xin lỗi làm phiền", "không biết là …", "có ai biết …".
  for (const w of ['xin loi lam phien', 'xin loi vi lam phien', 'xin loi', 'lam phien', 'man phep', 'xin phep hoi']) out.push(p(w, 'any'));
  for (const w of ['khong biet la', 'khong biet co', 'khong biet thi', 'co ai biet', 'co ai biet khong', 'ai biet', 'ai biet chi giup', 'lieu', 'cho hoi la'])
    out.push(p(w, 'start'));
  // Fillers left at the start of a clause once an asking phrase is gone ("cho mình hỏi tí, …").
  for (const w of ['ti', 'chut', 'xiu', 'ti xiu', 'chut xiu', 'ti la', 'chut la', 'xiu la', 'la', 'nhe', 'nha', 'voi', 'a', 'thi']) out.push(p(w, 'start'));
  // Time fillers and "I only want to know": no topic.
  for (const w of ['gio chi muon biet', 'chi muon biet', 'gio muon biet', 'gio cho hoi', 'gio thi', 'the gio', 'vay gio']) out.push(p(w, 'start'));
  for (const w of ['bay gio', 'hien gio', 'gio day', 'roi gio', 'r gio']) out.push(p(w, 'any'));
  for (const w of ['ke het', 'ke het ra', 'liet ke het', 'ke ra', 'ke ra giup', 'ke giup', 'noi ro', 'noi cu the', 'cu the', 'chi tiet giup'])
    out.push(p(w, 'end'));
  // Stories before the question: hearsay and "I read / I saw" cues ("nghe nói …",
  // "đọc báo thấy …", "người ta bảo …") introduce what follows; the topic words stay.
  const HEARSAY = ['nghe noi', 'nghe bao', 'nghe don', 'nghe nguoi ta noi', 'nguoi ta bao', 'nguoi ta noi', 'co nguoi noi', 'co nguoi bao'];
  const SAW = [
    'doc bao thay',
    'thay bao noi',
    'thay bao dua',
    'thay tren bao',
    'thay tren mang',
    'doc tren mang thay',
    'xem tren mang thay',
    'len mang thay',
    'xem tin thay',
    'doc tin thay',
  ];
  for (const w of [...HEARSAY, ...SAW]) out.push(p(w, 'any'));
  for (const who of PRONOUN) for (const w of [...HEARSAY, ...SAW, 'thay', 'doc', 'doc thay']) out.push(p(`${who} ${w}`, 'start'));
  out.push(p('thay co', 'any'));
  // Hedges about the asker's own understanding ("… nhưng không hiểu lắm", "không rành máy móc lắm").
  const HEDGES = [
    'khong hieu lam',
    'chua hieu lam',
    'khong ro lam',
    'chua ro lam',
    'khong ranh lam',
    'khong ranh may moc lam',
    'khong ranh cong nghe',
    'khong gioi cong nghe',
    'khong hieu gi',
    'chua hieu gi',
  ];
  for (const w of HEDGES) out.push(p(w, 'any'), p(`nhung ${w}`, 'any'), p(`ma ${w}`, 'any'));
  // "… lên xuống hoài", "… chờ hoài": a complaint's "again and again" carries no topic.
  for (const w of ['hoai', 'hoai a', 'hoai vay', 'lam luon', 'ha', 'ha ad', 'ha a']) out.push(p(w, 'end'));
  out.sort((a, b) => b.words.length - a.words.length);
  return out;
})();

/** Every word of a frame phrase (folded): typo repair must leave them alone. */
export const FRAMING_WORDS: ReadonlySet<string> = new Set(PATTERNS.flatMap((pat) => pat.words));

/** Words that open a self-introduction clause ("em ở xã …", "tôi là …", "mình bên công ty …"). */
const INTRO =
  /^((ben|cong ty|cong ti|phong|xa|nha) )?(em|minh|toi|tui|chau|con|chung toi|chung em|bon em) (la|o|dang|lam|tu|thuoc|ben|hien|cong tac|song|mo|kinh doanh|buon ban|ban hang|moi (vao|ve|chuyen|nhan|lam (can bo|o|tai|viec))|vua (vao|ve|chuyen|nhan))( |$)/;
/**
 * Question words of a clause that asks (folded), and "không biết cách" /
 * "chưa biết cách": a self-introduction clause that holds them holds the
 * question ("em đang tìm hiểu dịch vụ toàn trình khác một phần ở chỗ nào?").
 */
const ASKING_CUES: readonly string[][] = [
  'gi',
  'nao',
  'dau',
  'sao',
  'ai',
  'bao nhieu',
  'bao lau',
  'bao gio',
  'may',
  'ntn',
  'khong biet cach',
  'chua biet cach',
  'khong biet lam',
  'chua biet lam',
].map((w) => w.split(' '));
/** How the cue words are spelt when they ask, typed with marks ("ai", not "ái"; "gì", not "gi"). */
const ASKING_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    gi: ['gì'],
    nao: ['nào'],
    dau: ['đâu'],
    sao: ['sao'],
    ai: ['ai'],
    bao: ['bao'],
    nhieu: ['nhiêu'],
    lau: ['lâu'],
    gio: ['giờ'],
    may: ['mấy'],
    ntn: ['ntn'],
    khong: ['không'],
    chua: ['chưa'],
    biet: ['biết'],
    cach: ['cách'],
    lam: ['làm'],
  }),
);

const ASKING_WORDS: ReadonlySet<string> = new Set(ASKING_CUES.flat());

/** Whether a clause asks: it ends with "?" or holds a question word, as typed. */
function clauseAsks(c: readonly Token[]): boolean {
  if (c.some((t) => t.after.includes('?'))) return true;
  const spelt = (t: Token | undefined, w: string) => {
    if (!t || t.fold !== w) return false;
    const typed = t.word.toLowerCase();
    return typed === t.fold || (ASKING_SPELLINGS.get(w) ?? []).includes(typed);
  };
  return c.some((_, i) => ASKING_CUES.some((cue) => cue.every((w, k) => spelt(c[i + k], w))));
}

/** Clauses that are only a greeting ("em chào anh chị", "chào ad"). */
const GREETING = /^((da|vang|xin|kinh) )?((em|minh|toi|chau|con|tui) )?(xin )?(chao|hello|hi|alo|kinh chao|kinh gui)( |$)/;

const CLAUSE_END = /[,.;:!?…\n]/;

/**
 * A clause that points back at the asker's own unit or place ("Sở chúng tôi",
 * "phòng em", "xã mình", "bên mình"): the self-introduction then names what
 * the question is about, so it is not framing. Unit nouns as typed with marks
 * ("hồ sơ em nộp" is no "Sở em"); folded words when typed without.
 */
const ASKER_UNITS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    so: 'sở',
    phong: 'phòng',
    ben: 'bên',
    'don vi': 'đơn vị',
    'co quan': 'cơ quan',
    'cong ty': 'công ty',
    xa: 'xã',
    phuong: 'phường',
    tinh: 'tỉnh',
    huyen: 'huyện',
    to: 'tổ',
    nha: 'nhà',
    ban: 'ban',
  }),
);
const ASKER_SELF: readonly string[][] = ['em', 'minh', 'toi', 'chung toi', 'chung em', 'bon em', 'tui'].map((w) => w.split(' '));

/** The unit noun a clause points back to the asker with ("Sở chúng tôi" → "so"), or null. */
function pointsAtAsker(c: readonly Token[]): string | null {
  for (let i = 0; i < c.length; i++) {
    for (const [folded, accented] of ASKER_UNITS) {
      const unit = folded.split(' ');
      const typed = accented.split(' ');
      const isUnit = unit.every((w, k) => {
        const t = c[i + k];
        return t !== undefined && t.fold === w && (t.word.toLowerCase() === t.fold || t.word.toLowerCase() === typed[k]);
      });
      if (!isUnit) continue;
      const at = i + unit.length;
      if (ASKER_SELF.some((self) => self.every((w, k) => isFrameWord(c[at + k], w)))) return folded;
    }
  }
  return null;
}

/** Whether a self-introduction names the unit the question points back to ("bên mình" points to any). */
function introducesUnit(c: readonly Token[], unit: string): boolean {
  return unit === 'ben' || ` ${text(c)} `.includes(` ${unit} `);
}

/** Words of a preamble clause that only announces a question (folded). */
const PREAMBLE_CUES: ReadonlySet<string> = new Set(['hoi', 'thac', 'mac', 'nho', 'phien', 'giup', 'gium', 'dum', 'chi', 'huong', 'dan', 'tu']);
const PREAMBLE_WORDS: ReadonlySet<string> = new Set([
  ...PREAMBLE_CUES,
  ...['co', 'viec', 'chuyen', 'nay', 'van', 'de', 'mot', 'muon', 'can', 'xin', 'cho', 'chut', 'xiu', 'ti', 'it', 'a', 'da', 'nhe', 'nha', 'voi', 've'],
  ...['em', 'minh', 'toi', 'chau', 'con', 'anh', 'chi', 'ban', 'ad', 'nho', 'ho', 'tro', 'dang', 'lam', 'gi', 'sau', 'day', 'nhu', 'the'],
]);

/** A clause about the asker's own purpose or situation, opening with the asker (folded): "em cần …", "để mình …". */
const AFTERWORD =
  /^(?:(?:de|vi|tai) )?(?:em|minh|toi|chau|con|tui|chung toi|bon em) (?:can|dang|phai|se|muon|tinh|dinh|thay|lam|hoc|o|la|moi|vua)(?: |$)|^de (?:em|minh|toi|chau|con|tui) /;
/** Content syllables an asking clause needs to stand without the clauses after it. */
const MIN_SUBJECT_SYLLABLES = 3;

/** Syllables of a clause that are neither function words nor frame or question words. */
function subjectSyllables(c: readonly Token[]): number {
  return c.filter((t) => /\p{L}|\p{N}/u.test(t.word) && !STOPWORDS_FOLDED.has(t.fold) && !FRAMING_WORDS.has(t.fold) && !ASKING_WORDS.has(t.fold)).length;
}

function clauses(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (const t of tokens) {
    cur.push(t);
    if (CLAUSE_END.test(t.after)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

const text = (ts: readonly Token[]) => ts.map((t) => t.fold).join(' ');

/**
 * The spellings a frame word has when it is framing. Patterns match folded
 * words so unaccented typing is covered, but a word the user typed WITH its
 * marks is framing only in these spellings: "hỏi thử" is framing, the "thủ"
 * of "thủ tục" is not; the pronoun "con" is, the "còn" of a follow-up is not.
 * Words absent here have no common homograph among question words.
 */
const FRAME_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    a: ['ạ', 'à', 'a', 'ả'],
    alo: ['alô', 'alo'],
    bac: ['bác'],
    ban: ['bạn'],
    bay: ['bây'],
    biet: ['biết'],
    bon: ['bọn'],
    ca: ['cả'],
    cac: ['các'],
    cai: ['cái'],
    cam: ['cảm'],
    lieu: ['liệu'],
    loi: ['lỗi'],
    man: ['mạn'],
    nho: ['nhờ'],
    phien: ['phiền'],
    truoc: ['trước'],
    chao: ['chào'],
    chau: ['cháu'],
    chi: ['chị', 'chỉ'],
    chu: ['chú'],
    chung: ['chúng'],
    chut: ['chút'],
    co: ['cô', 'có'],
    con: ['con'],
    cu: ['cụ'],
    da: ['dạ'],
    day: ['đây', 'đấy'],
    dum: ['dùm'],
    gap: ['gấp'],
    giai: ['giải'],
    gio: ['giờ'],
    gium: ['giùm'],
    giup: ['giúp'],
    gui: ['gửi'],
    het: ['hết'],
    hien: ['hiện'],
    hieu: ['hiểu'],
    ho: ['hộ'],
    hoi: ['hỏi'],
    huong: ['hướng'],
    ke: ['kể'],
    kinh: ['kính'],
    nghe: ['nghe', 'nghệ'],
    cong: ['công'],
    ve: ['về'],
    gi: ['gì'],
    dua: ['đưa'],
    ma: ['mà'],
    nhung: ['nhưng'],
    moc: ['móc'],
    may: ['máy'],
    gioi: ['giỏi'],
    ranh: ['rành'],
    chua: ['chưa'],
    khong: ['không'],
    hoai: ['hoài'],
    ha: ['hả'],
    len: ['lên'],
    tin: ['tin'],
    xem: ['xem'],
    mang: ['mạng'],
    tren: ['trên'],
    ta: ['ta'],
    bao: ['báo', 'bảo'],
    thay: ['thấy'],
    doc: ['đọc'],
    don: ['đồn'],
    la: ['là'],
    lam: ['làm', 'lắm'],
    liet: ['liệt'],
    lo: ['lô'],
    long: ['lòng'],
    luon: ['luôn'],
    minh: ['mình'],
    moi: ['mọi'],
    mot: ['một'],
    muon: ['muốn'],
    nao: ['nào'],
    nay: ['này'],
    nguoi: ['người'],
    nhe: ['nhé', 'nhe'],
    nhen: ['nhen', 'nhén'],
    nhi: ['nhỉ'],
    nhieu: ['nhiều'],
    noi: ['nói'],
    oi: ['ơi'],
    on: ['ơn'],
    phep: ['phép'],
    quy: ['quý'],
    rat: ['rất'],
    ro: ['rõ'],
    the: ['thể', 'thế'],
    them: ['thêm'],
    thi: ['thì'],
    thich: ['thích'],
    thu: ['thử'],
    thua: ['thưa'],
    ti: ['tí'],
    tiet: ['tiết'],
    tim: ['tìm'],
    toi: ['tôi'],
    tro: ['trợ'],
    van: ['vấn'],
    vang: ['vâng'],
    vay: ['vậy'],
    viec: ['việc'],
    vien: ['viên'],
    voi: ['với'],
    xiu: ['xíu'],
  }),
);

/** A token is the frame word `w`: same folded form, and, when typed with marks, a framing spelling. */
function isFrameWord(t: Token | undefined, w: string): boolean {
  if (!t || t.fold !== w) return false;
  const typed = t.word.toLowerCase();
  if (typed === t.fold) return true;
  const spellings = FRAME_SPELLINGS.get(w);
  return !spellings || spellings.includes(typed);
}

function matches(ts: readonly Token[], at: number, pat: FramePattern): boolean {
  if (at + pat.words.length > ts.length) return false;
  return pat.words.every((w, k) => isFrameWord(ts[at + k], w));
}

/** Patterns by their first word and by their last word, longest first. */
const BY_FIRST = new Map<string, FramePattern[]>();
const BY_LAST = new Map<string, FramePattern[]>();
for (const pat of PATTERNS) {
  const first = pat.words[0] as string;
  const last = pat.words[pat.words.length - 1] as string;
  if (pat.place !== 'end') BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), pat]);
  if (pat.place === 'end') BY_LAST.set(last, [...(BY_LAST.get(last) ?? []), pat]);
}

const words = (ts: readonly Token[]) => ts.map((t) => t.word).join(' ');

/** One removal from the clause (the longest frame phrase found), or null when none is left. */
function stripOnce(ts: Token[], framing: string[]): Token[] | null {
  let best: { at: number; n: number } | null = null;
  const consider = (at: number, n: number) => {
    if (!best || n > best.n) best = { at, n };
  };
  for (const pat of BY_FIRST.get(ts[0]?.fold ?? '') ?? []) if (pat.place === 'start' && matches(ts, 0, pat)) consider(0, pat.words.length);
  for (let i = 0; i < ts.length; i++) {
    for (const pat of BY_FIRST.get((ts[i] as Token).fold) ?? []) if (pat.place === 'any' && matches(ts, i, pat)) consider(i, pat.words.length);
  }
  for (const pat of BY_LAST.get(ts[ts.length - 1]?.fold ?? '') ?? []) {
    const n = pat.words.length;
    if (ts.length >= n && matches(ts, ts.length - n, pat)) consider(ts.length - n, n);
  }
  if (!best) return null;
  const { at, n } = best as { at: number; n: number };
  framing.push(words(ts.slice(at, at + n)));
  const removed = ts[at + n - 1] as Token;
  const before = ts.slice(0, at);
  const prev = before[before.length - 1];
  if (prev && (at + n === ts.length || (CLAUSE_END.test(removed.after) && !CLAUSE_END.test(prev.after))))
    before[before.length - 1] = { ...prev, after: removed.after };
  return [...before, ...ts.slice(at + n)];
}

/** Remove frame phrases from one clause (start, end, anywhere). */
function stripClause(clause: Token[], framing: string[]): Token[] {
  let ts = clause;
  while (ts.length > 0) {
    const next = stripOnce(ts, framing);
    if (!next) break;
    ts = next;
  }
  return ts;
}

/**
 * Remove discourse framing. Greeting-only and self-introduction clauses go
 * when another clause remains; frame phrases go from every clause. Returns
 * the tokens unchanged when nothing of substance would be left.
 */
export function stripFraming(tokens: readonly Token[]): { tokens: Token[]; framing: string[] } {
  const framing: string[] = [];
  const all = clauses(tokens);
  const pointedUnits = all.filter((c) => !INTRO.test(text(c))).flatMap((c) => pointsAtAsker(c) ?? []);
  let kept = all.filter((c, i) => {
    const f = text(c);
    // A self-introduction that asks holds the question ("em đang tìm hiểu … ở chỗ nào?"): it stays;
    // so does one the question points back to ("… của Sở chúng tôi …").
    const dropClause = (GREETING.test(f) && c.length <= 6) || (INTRO.test(f) && !clauseAsks(c) && !pointedUnits.some((u) => introducesUnit(c, u)));
    const othersLeft = all.some((o, j) => j !== i && !GREETING.test(text(o)) && !INTRO.test(text(o)));
    if (dropClause && othersLeft) {
      framing.push(c.map((t) => t.word).join(' '));
      return false;
    }
    return true;
  });
  // A preamble that is all asking and no topic ("em có việc này muốn hỏi", "có chút thắc mắc").
  const preamble = (c: readonly Token[]) => c.every((t) => PREAMBLE_WORDS.has(t.fold)) && c.some((t) => PREAMBLE_CUES.has(t.fold));
  kept = kept.filter((c, i) => {
    if (preamble(c) && kept.some((o, j) => j !== i && !preamble(o))) {
      framing.push(c.map((t) => t.word).join(' '));
      return false;
    }
    return true;
  });
  // A note about the asker after the question ("…, em cần tóm tắt để báo cáo ạ", "…, để em ghi vào sổ"):
  // it goes when an earlier clause asks with a subject of its own.
  kept = kept.filter((c, i) => {
    if (i === 0 || !AFTERWORD.test(text(c)) || clauseAsks(c)) return true;
    const asking = kept.slice(0, i).find((o) => clauseAsks(o) && subjectSyllables(o) >= MIN_SUBJECT_SYLLABLES);
    if (!asking) return true;
    framing.push(c.map((t) => t.word).join(' '));
    return false;
  });
  kept = kept.map((c) => stripClause(c, framing)).filter((c) => c.length > 0);
  const out = kept.flat();
  if (out.length === 0) return { tokens: [...tokens], framing: [] };
  return { tokens: out, framing };
}
