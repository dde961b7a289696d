/**
 * Entity conflicts: an entity in the question that the sources contradict or
 * do not cover — another province, another department or ministry asked
 * about as if it were this one, a person the sources never name, a year or
 * period outside what the documents cover, a document number the corpus
 * lacks. A conflict makes the answer a refusal that names the entity and
 * says what the sources do cover, never a nearby passage.
 */
import { CAPITALISED_ONLY, HOME_PROVINCE, otherProvinceNames } from '../core/provinces.js';
import { vietnamYear } from '../core/vietnam-time.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { foldText, normalizeText } from '../text/normalize.js';
import { docNumbers } from '../text/tokenize.js';
import type { Chunk } from './chunk.js';
import type { RetrievalResult } from './retriever.js';

/** An entity in the question that the sources contradict or do not cover. */
export interface EntityConflict {
  kind: 'province' | 'body' | 'person' | 'period' | 'document';
  /** The entity as the user wrote it. */
  value: string;
  /** The refusal sentence: what the sources do not cover, and what they do. */
  message: string;
}

/** What the corpus mentions, for entity conflicts. Built once per index. */
export interface CorpusEntities {
  years: ReadonlySet<string>;
  /** The calendar year of today: a question about it asks about the present, not a gap in the sources. */
  currentYear: number;
  /** Folded, `/`-separated document numbers found anywhere in the corpus. */
  numbers: ReadonlySet<string>;
  /** Whether the folded corpus text contains a folded phrase (as whole words). */
  hasText(folded: string): boolean;
  /** Ids of the documents the sources hold ("1523/KH-SCT", "Luật Tiếp công dân 2013"). */
  documents: readonly string[];
}

/** Scan the corpus once; `now` fixes the present year (Việt Nam time, UTC+7). */
export function corpusEntities(chunks: readonly Chunk[], now: Date = new Date()): CorpusEntities {
  const currentYear = vietnamYear(now);
  const years = new Set<string>();
  const numbers = new Set<string>();
  for (const c of chunks) {
    const t = `${c.docId} ${c.docTitle} ${c.text}`;
    for (const y of t.match(/\b(19|20)\d{2}\b/g) ?? []) years.add(y);
    for (const n of docNumbers(t)) numbers.add(n);
  }
  // The folded full text is built only if asked for, and each answer remembered.
  let all: string | undefined;
  const seen = new Map<string, boolean>();
  const hasText = (f: string) => {
    let hit = seen.get(f);
    if (hit === undefined) {
      all ??= ` ${chunks.map((c) => foldWords(`${c.docId} ${c.docTitle} ${c.trail.join(' ')} ${c.text}`)).join(' \n ')} `;
      hit = all.includes(` ${foldWords(f)} `);
      if (seen.size < 10_000) seen.set(f, hit);
    }
    return hit;
  };
  return { years, currentYear, numbers, hasText, documents: [...new Set(chunks.map((c) => c.docId))] };
}

/** Folded words separated by single spaces (punctuation dropped). */
function foldWords(text: string): string {
  return foldText(normalizeText(text))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "… hỏi giùm:", "em muốn hỏi", "nhờ hỏi": what comes before is who asks, not what is asked. */
const ASKER_CUE =
  /(?<![\p{L}])(?:(?:em|tôi|mình|anh|chị|ad)\s+(?:muốn\s+|xin\s+|cần\s+)?hỏi|(?:nhờ|xin|muốn)\s+hỏi|hỏi\s+(?:giúp|giùm|hộ|luôn|thử))(?![\p{L}])\s*[:,.-]?|(?<![\p{L}])hỏi\s*[:,]/iu;

/**
 * The part of a question that is asked: without the greetings and
 * self-introductions the query pipeline found ("Em là cán bộ Sở Tư pháp"),
 * and without a leading "X hỏi giùm:" clause. A department or a province the
 * asker comes from is not what the question is about.
 */
export function askedPart(question: string, framing: readonly string[]): string {
  let q = normalizeText(question);
  for (const f of framing) if (f.trim().length > 3) q = q.replace(f, ' ');
  const cue = ASKER_CUE.exec(q);
  if (cue && cue.index + cue[0].length < q.length - 3) q = q.slice(cue.index + cue[0].length);
  return q.replace(/\s+/g, ' ').trim();
}

/** Other provinces: folded patterns, except names that are ordinary words, matched with capitals. */
const PROVINCE_RE = otherProvinceNames().map((name) => ({
  name,
  re: CAPITALISED_ONLY.has(name)
    ? new RegExp(`(^|[^\\p{L}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}($|[^\\p{L}])`, 'u')
    : new RegExp(`(^|[^a-z0-9])${foldWords(name).replace(/ /g, '[.\\s-]*')}($|[^a-z0-9])`),
}));

/**
 * Departments of a provincial People's Committee (before and after 2025)
 * and ministries, folded: asked about without capitals too ("so y te").
 */
const BODY_NAMES = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Xây dựng',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Giáo dục',
  'Sở Nông nghiệp và Môi trường',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Nông nghiệp',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Văn hóa',
  'Sở Du lịch',
  'Sở Dân tộc và Tôn giáo',
  'Sở Ngoại vụ',
  'Sở Kế hoạch và Đầu tư',
  'Sở Giao thông vận tải',
  'Sở Tài nguyên và Môi trường',
  'Sở Lao động – Thương binh và Xã hội',
  'Sở Lao động',
  'Sở Thông tin và Truyền thông',
  'Bộ Công Thương',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Tài chính',
  'Bộ Xây dựng',
  'Bộ Y tế',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Công an',
  'Bộ Quốc phòng',
  'Bộ Ngoại giao',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Khoa học và Công nghệ',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Dân tộc và Tôn giáo',
].map((name) => ({ name, re: new RegExp(`(^| )${foldWords(name)}( |$)`) }));

/** "Sở Tư pháp", "Sở Giáo dục và Đào tạo": another department, named with capitals. */
const OTHER_BODY =
  /(?<![\p{L}])Sở\s+(\p{Lu}[\p{L}&]*(?:\s+(?!(?:của|năm|tỉnh|thành|có|gồm|về|đã|là|những|các|thì|ở|tại|trong|cho|được|ban|kế|hoạch|Quảng|Ngãi)(?![\p{L}]))[\p{L}&]+){0,4})/gu;
const OWN_BODY = /^(?:Công\s+Thương|CT)\b/u;

/**
 * Other kinds of body, named with capitals: "Ban Quản lý Khu kinh tế Dung
 * Quất", "Cục Thuế", "Chi cục Quản lý thị trường", "UBND huyện Bình Sơn",
 * "Công an tỉnh", "Công ty Điện lực …". They count only when the corpus never
 * writes the name (the sources hold no passage about that body in any role).
 */
const OTHER_ORG =
  /(?<![\p{L}])((?:Ban\s+Quản\s+lý|Tổng\s+cục|Chi\s+cục|Cục|Công\s+ty|Tổng\s+công\s+ty|Công\s+an|Tòa\s+án|Viện\s+kiểm\s+sát|Kho\s+bạc|Hải\s+quan|Bảo\s+hiểm\s+xã\s+hội)(?:\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|xã|phường|nhân\s+dân))?(?:\s+(?!(?:của|năm|có|gồm|về|đã|là|những|các|thì|ở|tại|trong|cho|được|phải|làm|ra|nào|gì|ai|không|với|và)(?![\p{L}]))[\p{L}]+){0,5})|(?<![\p{L}])((?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+(?:huyện|thị\s+xã|xã|phường|thị\s+trấn|thành\s+phố)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})/gu;

/** The capitalised part of an organisation name as asked ("Cục Thuế tỉnh có …" → "Cục Thuế tỉnh"): it ends at the last capitalised or place word. */
function orgName(raw: string): string {
  const words = raw.trim().split(/\s+/);
  let end = 1;
  for (let i = 1; i < words.length; i++)
    if (/^\p{Lu}/u.test(words[i] ?? '') || /^(tỉnh|huyện|xã|phường|kinh|tế|thị|trường|lý|an|án|sát|bạc|quan|hội|nhân|dân|công|ty|cục)$/u.test(words[i] ?? ''))
      end = i + 1;
  return words.slice(0, end).join(' ');
}

/** Common family names (the first word of a Vietnamese full name); ones that are also place or ordinary words are left out. */
const SURNAMES =
  'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Ngô|Dương|Lý|Đinh|Đoàn|Trương|Trịnh|Lương|Tạ|Châu|Tô|Quách|Lưu|Kiều|Phùng|Nghiêm|Khúc|Tôn';
/** Capitalised words that begin an institution or a document, not a given name. */
const NOT_A_GIVEN_NAME = new Set('Sở Phòng Ban Kế Quyết Nghị Chỉ Bộ Tỉnh Thành Ủy Uỷ Hội Trung Cục Cổng Luật Thông Công Đảng Chi Chính Nhà Nước'.split(' '));
/** A person written with an honorific ("ông Nguyễn Văn A", "bà Lan") or as a full name that starts with a family name. */
const PERSON_AFTER_TITLE = /(?<![\p{L}])(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|[Đđ]\/c)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})/gu;
const PERSON_FULL_NAME = new RegExp(`(?<![\\p{L}])((?:${SURNAMES})(?:\\s+\\p{Lu}\\p{Ll}*){1,3})(?![\\p{L}])`, 'gu');

/** People named in the question (as written). */
export function namedPeople(question: string): string[] {
  const q = normalizeText(question);
  const out: string[] = [];
  const take = (raw: string) => {
    const words = raw.replace(/\s+Văn\s+phòng.*$/u, '').split(/\s+/);
    // Cut at the first word that starts an institution ("ông Giám đốc Sở" is a title, not a name).
    const cut = words.findIndex((w, i) => i > 0 && NOT_A_GIVEN_NAME.has(w));
    const name = (cut > 0 ? words.slice(0, cut) : words).join(' ');
    if (name && !NOT_A_GIVEN_NAME.has(words[0] ?? '') && !/^(Giám|Phó|Chủ|Trưởng|Chánh|Bí|Thứ)$/u.test(words[0] ?? '')) out.push(name);
  };
  for (const m of q.matchAll(PERSON_AFTER_TITLE)) take(m[1] ?? '');
  for (const m of q.matchAll(PERSON_FULL_NAME)) take(m[1] ?? '');
  return [...new Set(out)];
}

/** How many of the best passages may carry a year the question names. */
const YEAR_DEPTH = 3;
/** A number written right after these words is a document number, not a year. */
const NUMBER_PREFIX = /(?:\bsố|\bKH|\bQĐ|\bNĐ|\bNQ|\bTT|hoạch|định|quyết|thông tư|văn bản)\s*:?\s*$/iu;
/** "năm sau", "năm tới", "sang năm": a future the documents cannot describe. */
const NEXT_YEAR = / (nam sau|nam toi|sang nam|nam ke tiep|nhiem ky toi|giai doan toi|giai doan sau) /;

/** Year ranges written in a text ("2022–2025", "2022 - 2025"). */
function periodsOf(text: string): Array<[number, number]> {
  return [...text.matchAll(/\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** "các năm 2013–2024": the years a passage speaks of, to say what the sources do cover. */
function yearSpan(text: string): string | null {
  // Web addresses and document numbers ("2074/QĐ-UBND") carry digits that are not years the passage covers.
  const plain = text.replace(/https?:\/\/\S+/g, ' ').replace(/\b\d+\/[\p{L}Đđ][\p{L}\p{N}Đđ-]*/gu, ' ');
  const ys = [...plain.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  if (ys.length === 0) return null;
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return lo === hi ? `năm ${lo}` : `các năm ${lo}–${hi}`;
}

const OWN_SCOPE = `Nguồn dữ liệu của trợ lý chỉ có tài liệu của Sở Công Thương tỉnh ${HOME_PROVINCE}`;

/** An entity of the question that the sources do not cover, or null. */
export function entityConflict(question: string, r: RetrievalResult, corpus: CorpusEntities): EntityConflict | null {
  const q = askedPart(question, r.analysis?.framing ?? []);
  const f = ` ${foldWords(q)} `;
  // The best passages' folded texts are built only when a name in the question asks for them (most questions name none).
  let best2: string[] | undefined;
  const best2Words = () => (best2 ??= r.hits.slice(0, 2).map((h) => ` ${foldWords(`${h.chunk.trail.join(' ')} ${h.chunk.text}`)} `));
  // Names inside a passage are matched across spaces only: "các Sở, xây dựng" does not name "Sở Xây dựng".
  let phrases: string[] | undefined;
  const best2Phrases = () =>
    (phrases ??= r.hits.slice(0, 2).map((h) => foldText(normalizeText(`${h.chunk.trail.join(' \n ')} \n ${h.chunk.text}`)).replace(/[ \t]+/g, ' ')));
  for (const p of PROVINCE_RE) {
    if (!p.re.test(CAPITALISED_ONLY.has(p.name) ? q : f)) continue;
    // The best passages are about that province: the sources do cover it.
    if (best2Words().some((t) => (CAPITALISED_ONLY.has(p.name) ? false : p.re.test(t)))) continue;
    return { kind: 'province', value: p.name, message: `${OWN_SCOPE}; không có thông tin về ${p.name}.` };
  }
  for (const n of r.intent.docNumbers) {
    if (corpus.numbers.has(n)) continue;
    const shown = (q.match(/\d[\w/.\-–]*[A-ZĐ][\w/.\-–Đ]*/u) ?? [n])[0];
    return { kind: 'document', value: shown, message: `Nguồn dữ liệu của trợ lý không có văn bản số ${shown}.${sameKind(n, corpus.documents)}` };
  }
  const body = otherBody(q, f, best2Phrases) ?? otherOrganisation(q, best2Phrases, corpus);
  if (body) return { kind: 'body', value: body, message: `${OWN_SCOPE}; nguồn dữ liệu không có thông tin về ${body}.` };
  for (const person of namedPeople(q)) {
    if (corpus.hasText(person)) continue;
    return { kind: 'person', value: person, message: `Các tài liệu của trợ lý không nhắc đến ${person}, nên trợ lý không có thông tin về người này.` };
  }
  return periodConflict(q, f, r, corpus);
}

/** "Các văn bản cùng loại trong nguồn dữ liệu: 1523/KH-SCT, 444/KH-SCT." — documents whose number has the same kind part. */
function sameKind(folded: string, documents: readonly string[]): string {
  const kind = folded.replace(/^[^/]*\//, '');
  if (!kind || kind === folded) return '';
  const same = documents
    .filter(
      (d) =>
        foldText(d)
          .replace(/-/g, '/')
          .replace(/^[^/]*\//, '') === kind,
    )
    .slice(0, 5);
  return same.length > 0 ? ` Các văn bản cùng loại trong nguồn dữ liệu: ${same.join(', ')}.` : '';
}

/** Another department or ministry than Sở Công Thương, that the best passages do not speak about. */
function otherBody(q: string, f: string, best2Phrases: () => readonly string[]): string | null {
  const named: string[] = [];
  for (const b of BODY_NAMES) if (b.re.test(f)) named.push(b.name);
  for (const m of q.matchAll(OTHER_BODY)) {
    const name = (m[1] ?? '').trim();
    if (name && !OWN_BODY.test(name)) named.push(`Sở ${name}`);
  }
  for (const name of named) {
    // The best passages name that body (as written, across spaces only): the sources do speak about it.
    const written = escapeRegExp(foldText(normalizeText(name)).replace(/\s+/g, ' ')).replace(/ /g, '\\s+');
    const inText = new RegExp(`(^|[^a-z0-9])${written}($|[^a-z0-9])`);
    if (best2Phrases().some((t) => inText.test(t))) continue;
    return name;
  }
  return null;
}

/** A body of another kind ({@link OTHER_ORG}) that neither the best passages nor the corpus write. */
function otherOrganisation(q: string, best2Phrases: () => readonly string[], corpus: CorpusEntities): string | null {
  for (const m of q.matchAll(OTHER_ORG)) {
    const name = orgName(m[1] ?? m[2] ?? '');
    // A bare kind ("Cục", "Công ty") names no one.
    if (!/\s\S/u.test(name) || !/\s\p{Lu}|\s(?:tỉnh|huyện|xã|phường)\b/u.test(name)) continue;
    const written = escapeRegExp(foldText(normalizeText(name)).replace(/\s+/g, ' ')).replace(/ /g, '\\s+');
    if (best2Phrases().some((t) => new RegExp(`(^|[^a-z0-9])${written}($|[^a-z0-9])`).test(t))) continue;
    if (corpus.hasText(name)) continue;
    return name;
  }
  return null;
}

/** "tháng 9/2025", "tháng 9 năm 2025", "thang 9/2025". */
const MONTH_OF_YEAR = /\b(?:tháng|thang)\s+(\d{1,2})\s*(?:\/|năm|nam)\s*((?:19|20)\d{2})\b/giu;

/**
 * A month of a past year that the passages which would answer never write
 * ("Tháng 9/2025 … bao nhiêu hồ sơ?" when they give August 2025): "M/YYYY"
 * (also inside a date, "31/8/2025"), "tháng M năm YYYY" or a zero-padded
 * month count as written. The present year is the present, not a gap.
 */
export function monthGap(q: string, best: readonly string[], corpus: Pick<CorpusEntities, 'currentYear'>): string | null {
  for (const m of q.matchAll(MONTH_OF_YEAR)) {
    const month = Number(m[1]);
    const year = m[2] ?? '';
    if (month < 1 || month > 12 || Number(year) === corpus.currentYear) continue;
    const forms = [`${month}/${year}`, `${String(month).padStart(2, '0')}/${year}`, `tháng ${month} năm ${year}`];
    if (best.some((t) => forms.some((x) => t.includes(x)))) continue;
    return `${month}/${year}`;
  }
  return null;
}

/** Years inside a full date ("01/7/2025", "31-8-2025") or a document number ("202/2025/QH15", "69/2024/NĐ-CP"). */
const DATE_OR_NUMBER_YEAR = /\b\d{1,2}[/-]\d{1,2}[/-](?:19|20)\d{2}\b|\b\d+\/(?:19|20)\d{2}\/[\p{L}\p{N}-]+/gu;

/** " Nguồn gần nhất với câu hỏi có thông tin các năm 2013–2024.": what the best passage does cover. */
function periodHave(r: RetrievalResult): string {
  const span = r.hits[0] ? yearSpan(`${r.hits[0].chunk.trail.join(' ')} ${r.hits[0].chunk.text}`) : null;
  return span ? ` Nguồn gần nhất với câu hỏi có thông tin ${span}.` : '';
}

/** A year, or the coming years, that the passages which would answer do not cover. */
function periodConflict(q: string, f: string, r: RetrievalResult, corpus: CorpusEntities): EntityConflict | null {
  const best = r.hits.slice(0, YEAR_DEPTH).map((h) => `${h.chunk.docId} ${h.chunk.docTitle} ${h.chunk.trail.join(' ')} ${h.chunk.text}`);
  const years = [...q.matchAll(/\b(?:19|20)\d{2}\b/g)].filter((m) => !NUMBER_PREFIX.test(q.slice(0, m.index))).map((m) => m[0]);
  // A year written only inside a full date ("01/7/2025") or a document number ("202/2025/QH15") says
  // that something happened then, not what the passage reports for that year: it covers a question about
  // the year only when the question asks when, or names a day or a month itself.
  const datedOnly = !/\d{1,2}\/(?:19|20)\d{2}|tháng|thang/iu.test(q) && r.intent.kind !== 'when';
  const yearText = (t: string) => (datedOnly ? t.replace(DATE_OR_NUMBER_YEAR, ' ') : t);
  const covered = (y: string) => best.some((t) => yearText(t).includes(y) || periodsOf(t).some(([a, b]) => Number(y) >= a && Number(y) <= b));
  // An asked period ("giai đoạn 2016-2020") is covered only as a whole: by a period holding both ends,
  // or by a passage that writes both years; one end alone ("2020" in a list of results) does not.
  for (const [a, b] of periodsOf(q)) {
    // A period around today that ends by this year is the present; one that runs past it
    // ("giai đoạn 2026–2030" in December 2026) asks about years the documents must cover.
    if (a >= b || (a <= corpus.currentYear && b === corpus.currentYear)) continue;
    const whole = best.some((t) => periodsOf(t).some(([x, y]) => x <= a && b <= y) || (yearText(t).includes(String(a)) && yearText(t).includes(String(b))));
    if (whole) continue;
    return { kind: 'period', value: `${a}–${b}`, message: `Các tài liệu của trợ lý không có thông tin cho giai đoạn ${a}–${b}.${periodHave(r)}` };
  }
  // What the nearest source covers, said only with a conflict.
  const have = () => periodHave(r);
  for (const y of years) {
    // The present year is a question about now: the dated notes say what
    // has changed and which periods have ended, so it is not refused by name.
    if (Number(y) === corpus.currentYear) continue;
    // A year counts as covered only when the passages that would answer carry it
    // (as a year or inside a period such as 2022–2025), not merely somewhere in the corpus.
    if (covered(y)) continue;
    const what = corpus.years.has(y) ? 'về nội dung này ' : '';
    return { kind: 'period', value: y, message: `Các tài liệu của trợ lý không có thông tin ${what}cho năm ${y}.${have()}` };
  }
  const month = monthGap(q, best, corpus);
  if (month) return { kind: 'period', value: month, message: `Các tài liệu của trợ lý không có thông tin cho tháng ${month}.${have()}` };
  const next = NEXT_YEAR.exec(f)?.[1];
  if (next && years.length === 0) {
    return { kind: 'period', value: next, message: `Các tài liệu của trợ lý chưa có thông tin cho những năm tới.${have()}` };
  }
  return null;
}
