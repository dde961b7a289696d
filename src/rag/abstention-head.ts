/**
 * The asked head: the content word a question asks for — the noun after
 * "bao nhiêu" / "mấy" ("mấy phút", "bao nhiêu doanh nghiệp"), before "mấy",
 * "gì", "nào" ("tầng mấy", "phần mềm gì", "kênh nào"), the subject of
 * "… là gì / là bao nhiêu / ở đâu" ("mã số thuế của Sở là gì"), the last
 * noun of a yes/no question ("có ứng dụng cho iPhone không").
 *
 * A near-domain question the sources cannot answer usually shares every word
 * with a passage but the one it asks for; an average coverage hides that, the
 * head does not. `headEvidence` says where the head is found: in the best
 * passages, elsewhere in the corpus, or nowhere (thesaurus alternatives count).
 */
import { foldText, hasDiacritics, normalizeText } from '../text/normalize.js';
import type { Alternative } from './query/coverage.js';

/** Lowercase letters and digits of a text, one space between tokens; accents kept or folded. */
export function tokensOf(text: string, keepAccents: boolean): string[] {
  const lower = normalizeText(text).toLowerCase();
  const t = keepAccents ? lower : foldText(lower);
  return t.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Function words that end a head, written with accents: an accented question
 * is checked against them as written ("đề án" is not "để"), an unaccented one
 * against their folded forms.
 */
const STOP_WORDS = (
  'con cháu mình bạn hỏi là của ở tại cho trong về thì khi và với có không ko k được dc đc để này đó kia thế nào gì đâu ai mấy bao nhiêu khoảng tầm chừng ' +
  'những các mỗi một hay hoặc ra vào lên xuống rồi chưa đã đang sẽ vẫn cũng nữa ạ nhé nha vậy z à ơi ad em tôi ' +
  'theo từ đến bằng qua sau trước lại như nếu phải cần muốn biết xin giúp nhỉ hả ừ hiện nay hơn nhất ' +
  'tụi bọn chị cái sao xong chuyện giờ lúc khỏi hoài hôm tất cả'
).split(' ');
const STOP_ACCENTED = new Set(STOP_WORDS);
const STOP_FOLDED = new Set(STOP_WORDS.map((w) => foldText(w)));
/** Heads that name a time or a quantity unit rather than a thing (the answer type covers them). */
const TIME_HEADS = accentSet('ngày tháng năm giờ lúc tuần quý lần buổi hôm dịp thứ hạng bậc');
/** Words after "bao nhiêu" / "mấy" that count nothing by themselves. */
const NOT_COUNTED = accentSet('tiền phần điểm');
/**
 * Words that ask without naming a thing: placeholders ("cái gì", "chỗ nào",
 * "cách nào", "việc gì", "tên gì"), document and record nouns every passage
 * is about ("văn bản", "thủ tục", "hồ sơ", "nội dung") and verbs that take
 * the question word as object ("làm gì", "nói gì", "bấm chỗ nào"). They are
 * trimmed from a head; a head of nothing else is no head.
 */
const GENERIC = accentSet(
  'cái chỗ cách việc làm nói nhắc tới yêu cầu gồm văn bản chức năng trang nội dung điều kiện thủ tục hồ sơ giấy tờ tên kiểu loại ' +
    'thông tin vấn đề bấm mục phần điểm bỏ gọi điện cơ quan đơn vị người kết quả nhiệm vụ trách nhiệm xem nhập sao',
);
/** Words between the head and the cue that are skipped ("tầng mấy", "nằm ở tầng mấy", "là bao nhiêu"). */
const BRIDGE = new Set('la khoang tam chung o het mat co thi vay duoc dat'.split(' '));

/** A word set checked as written when accented, folded otherwise. */
function accentSet(words: string): (token: string) => boolean {
  const list = words.split(' ');
  const accented = new Set(list);
  const folded = new Set(list.map((w) => foldText(w)));
  return (token) => (hasDiacritics(token) ? accented.has(token) : folded.has(foldText(token)));
}

/** Whether a token is a function word (checked as written when accented). */
export function isFunctionWord(token: string): boolean {
  return hasDiacritics(token) ? STOP_ACCENTED.has(token) : STOP_FOLDED.has(foldText(token));
}

const isContent = (token: string, folded: string) => !(hasDiacritics(token) ? STOP_ACCENTED.has(token) : STOP_FOLDED.has(folded)) && !/^\d+$/.test(folded);

/** Up to `max` content tokens from `from` in direction `step`, stopping at the first function word. */
function run(tokens: readonly string[], folded: readonly string[], from: number, step: 1 | -1, max = 2): string[] {
  const out: string[] = [];
  for (let i = from; i >= 0 && i < tokens.length && out.length < max; i += step) {
    if (!isContent(tokens[i] ?? '', folded[i] ?? '')) break;
    out.push(tokens[i] ?? '');
  }
  return step === 1 ? out : out.reverse();
}

/** Index of the first token sequence `seq` (folded) in `folded`, or -1. */
function find(folded: readonly string[], seq: readonly string[], from = 0): number {
  for (let i = from; i + seq.length <= folded.length; i++) if (seq.every((s, j) => folded[i + j] === s)) return i;
  return -1;
}

/**
 * The asked head of a question, as tokens (accented when the question is),
 * or null when the question has no cue or the head names a time.
 */
export function askedHead(question: string): string[] | null {
  const accented = hasDiacritics(question);
  const tokens = tokensOf(question, accented);
  const folded = tokens.map((t) => foldText(t));
  // The word next to the question word decides: "phần mềm gì" names a thing, "kế hoạch nói gì" does not.
  const keep = (h: string[], nextToCue: 'first' | 'last' = 'first') => {
    const edge = nextToCue === 'first' ? h[0] : h[h.length - 1];
    return edge && !GENERIC(edge) && !h.some((t) => TIME_HEADS(t)) ? h : null;
  };
  // "bao nhiêu X" / "mấy X" (accented "máy" is a machine, not a cue).
  const cues: Array<[number, number]> = [];
  const bn = find(folded, ['bao', 'nhieu']);
  if (bn >= 0) cues.push([bn, 2]);
  const may = folded.findIndex((f, i) => (f === 'may' || f === 'bn') && (!accented || tokens[i] === 'mấy' || f === 'bn'));
  if (may >= 0) cues.push([may, 1]);
  const what = folded.findIndex((f) => f === 'gi' || f === 'nao' || f === 'j');
  if (what >= 0) cues.push([what, 1]);
  const where = find(folded, ['o', 'dau']);
  if (where >= 0) cues.push([where, 2]);
  cues.sort((a, b) => a[0] - b[0]);
  const cue = cues[0];
  // "Ai là người soạn thảo …?", "ai được khen thưởng?": the role or the act asked about.
  const who = folded.findIndex((f, j) => f === 'ai' && ['la', 'duoc', 'bi'].includes(folded[j + 1] ?? ''));
  if (who >= 0 && (!cue || who < cue[0])) {
    let from = who + 2;
    while (from < tokens.length && GENERIC(tokens[from] ?? '') && foldText(tokens[from] ?? '') === 'nguoi') from++;
    const role = run(tokens, folded, from, 1);
    if (role.length > 0) return keep(role);
  }
  // "Mã số thuế của Sở … là gì?", "Lương của cán bộ … bao nhiêu?": the possessed thing is asked.
  const start = folded.findIndex((f, j) => isContent(tokens[j] ?? '', f));
  // "xếp thứ mấy", "năm nào", "mấy giờ": a rank or a time is asked, whatever the subject.
  if (cue && [tokens[cue[0] - 1], tokens[cue[0] + cue[1]]].some((t) => t !== undefined && TIME_HEADS(t))) return null;
  if (cue && start >= 0) {
    const subject = run(tokens, folded, start, 1, 3);
    if (folded[start + subject.length] === 'cua' && start + subject.length < cue[0]) return keep(subject.slice(0, 2));
  }
  if (cue) {
    const [at, len] = cue;
    const isCount = folded[at] === 'bao' || folded[at] === 'may' || folded[at] === 'bn';
    if (isCount) {
      const after = run(tokens, folded, at + len, 1);
      // "tài trợ bao nhiêu tiền", "được mấy điểm": what is paid or scored comes before the cue.
      if (after.length > 0 && !(after[0] && NOT_COUNTED(after[0]))) return keep(after);
    }
    let i = at - 1;
    let bridged = false;
    while (i >= 0 && BRIDGE.has(folded[i] ?? '')) {
      if (folded[i] === 'la' || folded[i] === 'o') bridged = true;
      i--;
    }
    // "… là gì", "… ở đâu": the subject, the first noun of the question.
    if (bridged || folded[at] === 'o') return start >= 0 ? keep(run(tokens, folded, start, 1)) : null;
    return keep(run(tokens, folded, i, -1), 'last');
  }
  // "có X không": the last noun before the closing "không".
  const no = folded.lastIndexOf(folded.includes('khong') ? 'khong' : 'ko');
  if (no > 0 && folded.slice(0, no).includes('co')) return keep(run(tokens, folded, no - 1, -1), 'last');
  return null;
}

/** Where a question's head is found. */
export type HeadPlace = 'passage' | 'corpus' | 'absent' | 'none';

/** A text searched by phrase: tokens joined by single spaces, padded. */
const padded = (text: string, keepAccents: boolean) => ` ${tokensOf(text, keepAccents).join(' ')} `;

/** Accented and folded phrase forms of a passage, cached per chunk object (passages are asked about again and again). */
const passageCache = new WeakMap<object, { accented: string; folded: string }>();

function passageText(x: { text: string }): { accented: string; folded: string } {
  let c = passageCache.get(x);
  if (!c) {
    const accented = padded(x.text, true);
    c = { accented, folded: foldText(accented) };
    passageCache.set(x, c);
  }
  return c;
}

/** Whether a passage holds a phrase (padded), as written when the phrase has accents, folded otherwise. */
const holds = (x: { text: string }, phrase: string) => {
  const t = passageText(x);
  return hasDiacritics(phrase) ? t.accented.includes(phrase) : t.folded.includes(phrase);
};

/**
 * What the whole corpus writes, asked word by word or phrase by phrase
 * (tokens lowercase, accented when typed so). The retriever answers from its
 * build-time frequencies (`Retriever.writes`), so no answer scans the corpus;
 * {@link textCorpus} answers exactly from a short list of texts.
 */
export interface CorpusWords {
  writes(tokens: readonly string[]): boolean;
}

const textCorpusCache = new WeakMap<readonly { text: string }[], CorpusWords>();

/** The exact {@link CorpusWords} of a short list of texts (tests, a retrieval's own passages), cached per list. */
export function textCorpus(chunks: readonly { text: string }[]): CorpusWords {
  let c = textCorpusCache.get(chunks);
  if (!c) {
    const accented = chunks.map((x) => padded(x.text, true)).join('|');
    const folded = foldText(accented);
    c = { writes: (tokens) => tokens.length > 0 && (hasDiacritics(tokens.join('')) ? accented : folded).includes(` ${tokens.join(' ')} `) };
    textCorpusCache.set(chunks, c);
  }
  return c;
}

/** A corpus given either way: as its words, or as a list of texts. */
export const corpusWords = (corpus: CorpusWords | readonly { text: string }[]): CorpusWords => ('writes' in corpus ? corpus : textCorpus(corpus));

/** The head and its thesaurus alternatives as phrases to look for (accented when typed so). */
function headPhrases(head: readonly string[], alternatives: ReadonlyMap<string, readonly Alternative[]>): string[] {
  const phrases = [head.join(' ')];
  const inHead = new Set(head.map((t) => foldText(t)));
  for (const [term, alts] of alternatives) {
    if (!inHead.has(foldText(term.replace(/^a:/, '')))) continue;
    for (const a of alts) phrases.push(a.keys.map((k) => k.replace(/^a:/, '')).join(' '));
  }
  return [...new Set(phrases)];
}

/**
 * The head cut at a word boundary the corpus shows: when its first syllable
 * forms a word the corpus writes with the syllable before it, and not with
 * the syllable after it, it belongs to the word before ("sổ theo dõi phản
 * ánh màu gì": "phản ánh" is a word, "ánh màu" is not, so the head is "màu").
 */
export function segmentedHead(question: string, head: string[] | null, words: CorpusWords): string[] | null {
  if (!head || head.length < 2) return head;
  const tokens = tokensOf(question, hasDiacritics(question));
  for (let i = tokens.length - head.length; i >= 1; i--) {
    if (!head.every((h, k) => tokens[i + k] === h)) continue;
    const before = tokens[i - 1] as string;
    const [first, second] = head as [string, string];
    return words.writes([before, first]) && !words.writes([first, second]) ? head.slice(1) : head;
  }
  return head;
}

/**
 * Where the asked head is found: in one of the best passages, elsewhere in
 * the corpus, or nowhere; 'none' when the question has no head.
 */
export function headEvidence(
  question: string,
  passages: readonly { text: string }[],
  corpus: CorpusWords | readonly { text: string }[],
  alternatives: ReadonlyMap<string, readonly Alternative[]> = new Map(),
): HeadPlace {
  const words = corpusWords(corpus);
  const head = segmentedHead(question, askedHead(question), words);
  if (!head) return 'none';
  const phrases = headPhrases(head, alternatives).map((p) => ` ${p} `);
  if (passages.some((x) => phrases.some((p) => holds(x, p)))) return 'passage';
  if (phrases.some((p) => words.writes(p.trim().split(' ')))) return 'corpus';
  return 'absent';
}

/** Words that open a condition clause and belong to none of its content. */
const CONDITION_OPENERS = accentSet('nếu khi lỡ trường hợp bây hồi lúc giờ');

/**
 * The content words of a condition clause ("Quên mật khẩu VNeID thì …",
 * "Nếu mất thẻ căn cước thì …"): the words before the first "thì", function
 * words, placeholders and openers left out; empty when there is none.
 */
export function conditionWords(question: string): string[] {
  const accented = hasDiacritics(question);
  const tokens = tokensOf(question, accented);
  const at = tokens.findIndex((t) => foldText(t) === 'thi' && (!accented || t === 'thì'));
  if (at <= 0) return [];
  return tokens.slice(0, at).filter((t) => !isFunctionWord(t) && !GENERIC(t) && !CONDITION_OPENERS(t) && !/\d/.test(t));
}

/**
 * Whether a condition word of the question is in none of the best passages
 * (a thesaurus alternative counts): "Quên mật khẩu VNeID thì lấy lại thế
 * nào?" is not answered by a passage on logging in with VNeID.
 */
export function conditionMissing(
  question: string,
  passages: readonly { text: string }[],
  alternatives: ReadonlyMap<string, readonly Alternative[]> = new Map(),
): boolean {
  const words = conditionWords(question);
  if (words.length === 0) return false;
  return words.some((w) => !headPhrases([w], alternatives).some((p) => passages.some((x) => holds(x, ` ${p} `))));
}
