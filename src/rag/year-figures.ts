/**
 * Figures for a year: a question that asks for a figure, a result or an
 * amount for year Y ("PCI năm 2023 được bao nhiêu điểm?", "PAR INDEX 2022
 * xếp thứ mấy?") is answered only by a passage that states a figure for Y.
 * A passage that names Y elsewhere — in a comparison ("giảm so với năm
 * 2023"), inside a date ("01/7/2025"), a document number, a period
 * ("2021–2023") — or that says the figure for Y is not confirmed does not
 * answer it: the question is refused with the detail-gap message, which says
 * for which years the nearest passage does give figures.
 *
 * The figure must also be of the kind asked (see {@link askedFigureKinds}):
 * a question for the number of firms surveyed is not answered by a rank for
 * that year, a rank question not by a score, a percentage not by a score on
 * another scale. A score question accepts a percentage (the PAR INDEX and
 * SIPAS scores are percentages).
 */
import { foldText, normalizeText } from '../text/normalize.js';

/** A passage as the check reads it. */
export interface YearPassage {
  text: string;
  docId: string;
  docTitle: string;
  trail: readonly string[];
}

/** Words of the question that ask for a figure or a result. */
const ASKS_FIGURE = / (bao nhieu|may diem|duoc may|thu may|xep hang|xep thu|dung thu|ty le|phan tram|dat (bao nhieu|duoc|may)|ket qua|so lieu|diem so) /;
/** A result without a figure may be a statement ("thuộc nhóm thấp nhất"): asked by these words only. */
const ASKS_NUMBER = / (bao nhieu|may diem|duoc may|thu may|xep hang|xep thu|dung thu|ty le|phan tram|diem so) /;
/** Asking when, not how much: a date question is not a figure question. */
const ASKS_WHEN = / (khi nao|luc nao|ngay nao|thang nao|nam nao|bao gio|thoi gian nao) /;
/** A year right after these words names a document (a law, a decree, a standard), not the year of a figure. */
const LAW_BEFORE =
  /(?:^|[^\p{L}])(?:luật|luat|nghị định|nghi dinh|nghị quyết|nghi quyet|quyết định|quyet dinh|thông tư|thong tu|tcvn|iso)\s+(?:[\p{L}]+\s+){0,5}(?:năm\s+|nam\s+)?$/iu;

/** Dates, month-years, document numbers, periods and list markers: digits that are not figures and years that are not a clause's own. */
const NOT_OWN_YEAR =
  /\b\d{1,2}[/-]\d{1,2}[/-](?:19|20)\d{2}\b|\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\/(?:19|20)\d{2}\b|\b\d+\/(?:19|20)\d{2}\/[\p{L}\p{N}-]+|\b(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}\b|:(?:19|20)\d{2}\b|(?:tháng|thang)\s+\d{1,2}\s+(?:năm|nam)\s+(?:19|20)\d{2}|(?:ngày|ngay)\s+\d{1,2}\s+(?:tháng|thang)\s+\d{1,2}/giu;
/** "từ năm 2023", "so với 2022", "trước 2025": a year that bounds or compares, not the year a figure is for. */
const BOUNDING_YEAR =
  /(?<![\p{L}])(?:từ|tu|kể từ|ke tu|trước|truoc|sau|đến|den|tới|toi|so với|so voi|hơn|hon)\s+(?:[\p{L}]+\s+){0,2}?(?:19|20)\d{2}(?![\p{N}])/giu;
const YEAR = /(?<![\p{L}\p{N}/.,:-])(?:19|20)\d{2}(?![\p{N}/])/gu;
/** Digits left after years, dates and numbers are taken out: a figure. */
const FIGURE = /\d/;
const NOT_FIGURE = /https?:\/\/\S+|\(\d{1,2}\)|\b\d+\/[\p{L}Đđ-]+|\b(?:Điều|Khoản|khoản|điều|mục|Mục)\s+\d+/gu;
/** "… chưa có thông tin được xác nhận", "chưa được xác nhận", "UNVERIFIED": the clause says the figure is not known. */
const UNCONFIRMED = /chưa có thông tin(?: được xác nhận)?|chưa được xác nhận|chưa xác nhận|chưa công bố|unverified/iu;
/** Words of a clause's subject that say what is not confirmed, compared with the question's words. */
const COMMON = new Set(
  'nam cua la va cac nhung tinh quang ngai chi so duoc co thi bao nhieu may gi nao the ra sao ket qua thong tin xac nhan chua cho ve tu den nay tren theo trong'.split(
    ' ',
  ),
);

/**
 * Indices the sources report figures of. A question naming one is answered
 * only by a figure of that index: named by the clause, or by the passage's
 * document or heading ("PAPI năm 2024" is not answered by "PAR INDEX năm 2024 xếp 43/63").
 */
const INDEX_NAMES = /(?<![\p{L}])(PAPI|PCI|PAR INDEX|SIPAS|PGI|DDCI)(?![\p{L}])/gu;

/** Kinds of figure a question can ask for and a clause can state. */
export type FigureKind = 'rank' | 'score' | 'percent' | 'count' | 'money';

/** Nouns a count is of ("12.295 doanh nghiệp", "bao nhiêu người"), folded. */
const COUNT_NOUNS = '(?:can bo|cong chuc|doanh nghiep|nguoi dan|nguoi|ho so|phieu|ho gia dinh|luot|tin bai|tin|bai viet|bai|don vi|xa|chi tieu|cau hoi|mau)';
/** What a question asks, on folded words padded with spaces. */
const ASKS_KIND: Array<[FigureKind, RegExp]> = [
  ['rank', / (thu may|xep hang|xep thu|dung thu|thu hang|hang (may|bao nhieu)|(bao nhieu|may) bac) /],
  ['score', / (?<!(?:dia|thoi|dac|quan|uu|nhuoc|trong|khuyet) )diem (?!(?:ban hanh|ky|tiep nhan) )/],
  ['percent', / (phan tram|ty le) /],
  ['count', new RegExp(` ((bao nhieu|may|(?<!(?:chi|diem|ky) )so|so luong) ${COUNT_NOUNS}|co mau|quy mo khao sat|(khao sat|phong van) (bao nhieu|may)) `)],
  ['money', / (bao nhieu tien|may tien|kinh phi|bao nhieu dong|may dong|bao nhieu (ty|trieu)|may (ty|trieu)|muc phi|le phi) /],
];
/** What a clause states, on its folded lower-case text (digits and signs kept). */
const STATES_KIND: Array<[FigureKind, RegExp]> = [
  ['rank', /(?:xep|hang|thu)\s+(?:thu\s+|khoang\s+thu\s+)?\d+|(?<![\d/])\d{1,2}\/6\d(?!\d)|\d+\s+bac\b/],
  // A score: "40,98 điểm", "đạt 63,20", or a decimal on a scale ("Tiếp cận đất đai 6,07").
  ['score', /\d+(?:,\d+)?\s*diem\b|\bdat\s+(?:khoang\s+)?\d+(?:,\d+)?(?!\d|,\d|\s*%)|(?<![\d.,])\d{1,3},\d{1,2}(?![\d,.]|\s*%)/],
  ['percent', /\d+(?:,\d+)?\s*%|phan tram/],
  // A count: a number of things ("12.295 doanh nghiệp"), or a number in thousands ("hơn 49.600 cán bộ").
  ['count', new RegExp(`\\d[\\d.]*\\s+${COUNT_NOUNS}\\b|(?<![\\d,.])\\d{1,3}(?:\\.\\d{3})+(?![\\d,])`)],
  ['money', /\d[\d.,]*\s*(?:dong|trieu|ty|nghin|vnd)\b/],
];

/** The kinds of figure a question asks for (empty: any figure answers it). */
export function askedFigureKinds(question: string): Set<FigureKind> {
  const f = ` ${words(question).join(' ')} `;
  const out = new Set<FigureKind>(ASKS_KIND.filter(([, re]) => re.test(f)).map(([k]) => k));
  if (normalizeText(question).includes('%')) out.add('percent');
  return out;
}

/** The kinds of figure a clause states. */
export function statedFigureKinds(clause: string): Set<FigureKind> {
  const c = foldText(normalizeText(clause)).toLowerCase();
  return new Set(STATES_KIND.filter(([, re]) => re.test(c)).map(([k]) => k));
}

/** Whether a clause's figures are of a kind asked (a percentage answers a score question). */
function kindMatches(asked: ReadonlySet<FigureKind>, clause: string): boolean {
  if (asked.size === 0) return true;
  const stated = statedFigureKinds(clause);
  if (stated.has('percent') && asked.has('score')) return true;
  return [...asked].some((k) => stated.has(k));
}

/** Vietnamese names of the kinds, for the refusal. */
const KIND_TEXT: Record<FigureKind, string> = {
  rank: 'thứ hạng',
  score: 'điểm số',
  percent: 'tỷ lệ phần trăm',
  count: 'số lượng',
  money: 'số tiền',
};

/** The indices a text names. */
function indicesOf(text: string): Set<string> {
  return new Set([...text.matchAll(INDEX_NAMES)].map((m) => m[1] ?? ''));
}

/** Folded words (letters and digits). */
function words(text: string): string[] {
  return foldText(normalizeText(text))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** The years a question asks figures for (standalone years, not documents' years, not inside dates or periods). */
export function askedFigureYears(question: string): string[] {
  const q = normalizeText(question);
  const f = ` ${words(q).join(' ')} `;
  if (!ASKS_FIGURE.test(f) || ASKS_WHEN.test(f)) return [];
  // A month named beside the year is a month's figure: src/rag/entity-conflicts.ts (monthGap) checks it.
  if (/(?<![\p{L}])(?:tháng|thang)\s+\d/iu.test(q)) return [];
  const masked = mask(q);
  const out: string[] = [];
  for (const m of masked.matchAll(YEAR)) {
    const before = q.slice(0, m.index);
    if (LAW_BEFORE.test(before)) continue;
    out.push(m[0]);
  }
  return [...new Set(out)];
}

/** Clauses of a passage: split at semicolons, sentence ends, bullets and line breaks. */
function clauses(text: string): string[] {
  return text
    .split(/;|\n|•|(?<=[^\d\s])\.\s+|\.\s+(?=\p{Lu})/u)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The standalone years of a clause, in order. */
function ownYears(clause: string): string[] {
  return [...mask(clause).matchAll(YEAR)].map((m) => m[0]);
}

/** The text with dates, numbers, periods and bounding years blanked (same length). */
function mask(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text.replace(NOT_OWN_YEAR, blank).replace(BOUNDING_YEAR, blank);
}

/** Whether a period written in the text ("2021–2023") holds the year. */
function inPeriod(text: string, year: string): boolean {
  return [...text.matchAll(/\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/g)].some(([, a, b]) => Number(year) >= Number(a) && Number(year) <= Number(b));
}

/** What a clause says about year Y: a figure, a statement, "not confirmed", or nothing. */
type YearStatement = 'figure' | 'statement' | 'unconfirmed' | null;

function statementFor(clause: string, year: string, asked: ReadonlySet<string>): YearStatement {
  const years = ownYears(clause);
  if (!years.includes(year) && !inPeriod(clause, year)) return null;
  const marker = UNCONFIRMED.exec(clause);
  if (marker) {
    // The few words before the marker say what is not confirmed: the year itself, or a measure the question asks.
    const subject = clause.slice(Math.max(0, marker.index - 60), marker.index);
    const sw = words(subject);
    const last = sw.slice(-6);
    if (last.includes(year) || last.some((w) => asked.has(w) && !COMMON.has(w))) return 'unconfirmed';
    // "Kết quả … các năm 2021–2023 … chưa có thông tin được xác nhận": a period holding the year.
    for (const [, a, b] of subject.matchAll(/\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/g))
      if (Number(year) >= Number(a) && Number(year) <= Number(b)) return 'unconfirmed';
  }
  if (!years.includes(year)) return null;
  // The clause is about the first year it names ("năm 2024 xếp 43/63, giảm so với năm 2023" is about 2024).
  if (years[0] !== year) return null;
  const rest = clause.replace(NOT_OWN_YEAR, ' ').replace(YEAR, ' ').replace(NOT_FIGURE, ' ');
  return FIGURE.test(rest) ? 'figure' : 'statement';
}

/** The gap found: the year without a figure, and the years the nearest passage does give figures for. */
export interface YearFigureGap {
  year: string;
  have: string[];
  /** The best passage says the figure for the year is not confirmed. */
  unconfirmed: boolean;
  /** The kinds of figure asked, when the passages give the year figures of other kinds only. */
  kinds?: FigureKind[];
}

/**
 * The first asked year that none of the passages states a figure for (or a
 * statement, when the question asks a result without a number), or null.
 * A year the passage's own document is of (its title or id) names the
 * document, not a figure, and is not checked.
 */
export function yearFigureGap(question: string, passages: readonly YearPassage[]): YearFigureGap | null {
  const years = askedFigureYears(question);
  if (years.length === 0 || passages.length === 0) return null;
  const f = ` ${words(question).join(' ')} `;
  const needsNumber = ASKS_NUMBER.test(f);
  const asked = new Set(words(question));
  const wanted = indicesOf(normalizeText(question).replace(/par\s+index/giu, 'PAR INDEX'));
  const kinds = askedFigureKinds(question);
  for (const year of years) {
    // The best passage's own document is of that year: the year names the document.
    if (passages[0] && yearOfDocument(passages[0], year)) continue;
    // A passage answers when it states the figure for the year and does not say, elsewhere, that it is not confirmed.
    // A figure for the year of another kind than asked ("xếp 41" for "bao nhiêu doanh nghiệp") is remembered: the refusal names the kind.
    let otherKind = false;
    const read = (p: YearPassage) => {
      let answered = false;
      const head = indicesOf(`${p.docId} ${p.trail.at(-1) ?? ''}`);
      for (const c of clauses(p.text)) {
        const s = statementFor(c, year, asked);
        if (s === 'unconfirmed') return 'unconfirmed';
        const own = indicesOf(c);
        const sameIndex = wanted.size === 0 || [...wanted].some((i) => own.has(i) || (own.size === 0 && head.has(i)));
        if (!sameIndex) continue;
        if (s === 'figure' && !kindMatches(kinds, c)) otherKind = true;
        else if (s === 'figure' || (s === 'statement' && !needsNumber)) answered = true;
      }
      return answered ? 'answered' : null;
    };
    const top = passages[0];
    // The best passage saying the figure is not confirmed outweighs another passage's figure for the year (of another subject).
    const topSays = top ? read(top) : null;
    if (topSays !== 'unconfirmed' && passages.some((p) => read(p) === 'answered')) continue;
    const unconfirmed = topSays === 'unconfirmed';
    const byKind = otherKind && !unconfirmed && kinds.size > 0;
    return {
      year,
      have: top ? figureYears(top.text, byKind ? kinds : undefined) : [],
      unconfirmed,
      ...(byKind ? { kinds: [...kinds] } : {}),
    };
  }
  return null;
}

/** Whether the passage's document is of that year (its id or title names it, or a period of the title holds it). */
function yearOfDocument(p: YearPassage, year: string): boolean {
  const head = `${p.docId} ${p.docTitle}`;
  if (new RegExp(`(?<!\\d)${year}(?!\\d)`).test(head)) return true;
  return [...head.matchAll(/\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/g)].some(([, a, b]) => Number(year) >= Number(a) && Number(year) <= Number(b));
}

/** The years a passage states figures for (of the kinds given, when given), sorted. */
export function figureYears(text: string, kinds?: ReadonlySet<FigureKind>): string[] {
  const out = new Set<string>();
  for (const c of clauses(text)) {
    const first = ownYears(c)[0];
    if (first && statementFor(c, first, new Set()) === 'figure' && (!kinds || kindMatches(kinds, c))) out.add(first);
  }
  return [...out].sort();
}

/** "Nguồn của trợ lý có nói về “…” nhưng không có số liệu cho năm Y (nguồn có số liệu các năm …)." */
export function yearFigureMessage(gap: YearFigureGap, topic: string): string {
  const have = gap.have.filter((y) => y !== gap.year);
  const tail = have.length > 0 ? ` Nguồn này có số liệu cho ${have.length === 1 ? 'năm' : 'các năm'} ${have.join(', ')}.` : '';
  const kinds = gap.kinds?.map((k) => KIND_TEXT[k]).join(', ');
  const what = gap.unconfirmed
    ? `số liệu được hỏi cho năm ${gap.year} chưa được xác nhận`
    : kinds
      ? `chỉ có số liệu khác loại cho năm ${gap.year}, không có ${kinds} được hỏi`
      : `không có số liệu cho năm ${gap.year}`;
  return `Nguồn của trợ lý có nói về ${topic} nhưng ${what}.${tail}`;
}
