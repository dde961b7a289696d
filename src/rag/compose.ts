/**
 * Extractive answers: a short answer built from the best passage(s), with a
 * citation, instead of a dump of the chunk. The sentences are the sources'
 * own words; only the connecting phrases are ours.
 */

import { foldText, normalizeText } from '../text/normalize.js';
import { syllables } from '../text/tokenize.js';
import type { Chunk } from './chunk.js';
import { matchKeysOf, pairsOf } from './chunk-features.js';
import { ordinalAsked } from './follow-up.js';
import { asksWholeDocument } from './intent.js';
import { asksCount, findEnumeration, formatEnumeration, wantsWholeList } from './list-answer.js';
import { type QueryEvidence, termCredit } from './query/coverage.js';
import type { RetrievalResult, RetrievedChunk } from './retriever.js';

const MAX_UNIT = 380;
const DATE_RE = /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b|ngày \d{1,2} tháng \d{1,2}|tháng \d{1,2} năm \d{4}|năm \d{4}/i;

/** `[1523/KH-SCT, IV.2]` */
export function citation(c: Pick<Chunk, 'docId' | 'section'>): string {
  return `[${c.docId}, ${c.section}]`;
}

/** Whether the first line of a chunk is its heading. */
function headingLine(c: Chunk): string | null {
  const first = c.text.split('\n')[0] ?? '';
  const last = c.trail[c.trail.length - 1] ?? '';
  if (!first || !last) return null;
  const f = foldText(first.replace(/\s*\(tiếp\)$/, ''));
  const l = foldText(last);
  return f === l || l.endsWith(f) || f.endsWith(l) ? first : null;
}

/** Plain heading text without its label (`b) `, `2. `, `II. `). */
export function headingLabel(c: Chunk): string {
  const last = c.trail[c.trail.length - 1] ?? c.section;
  return last
    .replace(/^([IVX]+|\d{1,2})\.\s+|^[a-zđ]\)\s+/, '')
    .replace(/\s*—.*$/, '')
    .trim();
}

/** Sentences/bullets of a chunk, heading excluded. */
export function answerUnits(c: Chunk): string[] {
  const lines = c.text.split('\n');
  // Drop the heading line, unless it is the whole content (a numbered
  // paragraph such as "2. Văn phòng Sở làm đầu mối …").
  if (headingLine(c) !== null && lines.length > 1) lines.shift();
  const units: string[] = [];
  for (const raw of lines) {
    const line = raw
      .replace(/^[-•*+]\s*/, '')
      .replace(/^\d{1,2}\.\s+(?=\p{Lu})/u, '')
      .trim();
    if (!line || /^Nguồn\s*:/i.test(line)) continue;
    if (line.length <= MAX_UNIT) {
      units.push(line);
      continue;
    }
    for (const s of line.split(/(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ"“(])/u)) units.push(s.trim());
  }
  return units.filter(Boolean);
}

function clip(s: string, max = MAX_UNIT): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > max / 2 ? cut : max - 1)} …`;
}

/**
 * How well a sentence answers: the IDF weight of the question's words it
 * holds, and, for a word it lacks, the credit of an alternative it holds
 * (the thesaurus wording retrieval matched: "chỗ làm" → "vị trí việc làm").
 */
function unitScore(unit: string, terms: Set<string>, idf: (w: string) => number, labels: readonly string[] = [], ev?: QueryEvidence): number {
  const folded = foldText(normalizeText(unit));
  const words = new Set(syllables(folded));
  let s = 0;
  let all = 0;
  for (const t of terms) {
    const w = idf(t);
    all += w;
    if (words.has(t)) s += w;
  }
  if (ev && (ev.termAlternatives.size > 0 || ev.pairAlternatives.size > 0)) {
    const keys = new Set(matchKeysOf(unit));
    const pairs = new Set(pairsOf(unit));
    for (const t of ev.terms) {
      const own = t.startsWith('a:') ? foldText(t.slice(2)) : t;
      if (words.has(own) || !ev.termAlternatives.has(t)) continue;
      // The word itself is not in the sentence (counted above when it is): only its alternatives can be.
      s +=
        idf(own) *
        termCredit(
          t,
          ev,
          (k) => keys.has(k),
          idf,
          (p) => pairs.has(p),
        );
    }
  }
  // A numbered label the question names ("mức 2", "bước 3", "điều 11") picks its sentence first.
  if (labels.some((l) => new RegExp(`(?<![a-z0-9])${l}(?![0-9])`).test(folded))) s += all + 1;
  return s;
}

/**
 * Numbered labels a question names, folded: "mức 2 khác mức 1" → ["muc 2",
 * "muc 1"]; "mức độ 4" → ["muc 4"]. Document numbers and counts are not labels.
 */
export function numberedLabels(question: string): string[] {
  const words = foldText(normalizeText(question))
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const out = new Set<string>();
  words.forEach((w, i) => {
    if (!/^\d{1,2}$/.test(w) || i === 0) return;
    const prev = words[i - 1] as string;
    const before = words[i - 2];
    // "mức độ 4": the label noun may sit one word back.
    for (const label of [prev, prev === 'do' ? before : undefined]) if (label && LABEL_NOUNS.has(label)) out.add(`${label} ${w}`);
  });
  return [...out];
}

/** Nouns that a number labels when it follows them ("mức 2", "bước 3"); a number before its noun ("8 nội dung") is a count. */
const LABEL_NOUNS: ReadonlySet<string> = new Set([
  'muc',
  'buoc',
  'dieu',
  'khoan',
  'diem',
  'phan',
  'chuong',
  'cap',
  'loai',
  'nhom',
  'doan',
  'tang',
  'quy',
  'dot',
]);

/** Where a passage comes from, in words: "mục II.1.h (…) của Kế hoạch 1523/KH-SCT". */
export function sourcePhrase(c: Chunk): string {
  if (c.docType === 'kế hoạch' && /^[IVX]+(\.\d+)?(\.[a-zđ])?$/.test(c.section)) {
    const label = headingLabel(c);
    return label.length <= 100 ? `mục ${c.section} «${label}» của Kế hoạch ${c.docId}` : `mục ${c.section} của Kế hoạch ${c.docId}`;
  }
  return c.section === 'Giới thiệu' || c.section === c.docId ? c.docTitle : `${c.docTitle} — ${c.section}`;
}

function ensureStop(s: string): string {
  return /[.!?…:;]$/.test(s) ? s.replace(/[;:]$/, '.') : `${s}.`;
}

/** First sentence of a line (bullet), clipped. */
function leadSentence(line: string, max = 240): string {
  const first = line.split(/(?<=[.;!?])\s+(?=\p{Lu})/u)[0] ?? line;
  return clip(first, max);
}

/**
 * Pick what to quote from a chunk. A question about the section as a whole
 * (its heading covers the question) gets the lead sentence of each of the
 * first bullets; a specific question gets the sentences that match it best.
 */
export function bestUnits(
  c: Chunk,
  terms: string[],
  idf: (w: string) => number,
  opts: { max?: number; prefer?: RegExp; wholeSection?: boolean; labels?: readonly string[]; evidence?: QueryEvidence } = {},
): string[] {
  // As many sentences as the question names numbered labels ("mức 2 khác mức 1": both), up to three.
  const named = new Set((opts.labels ?? []).map((l) => l.split(' ')[1])).size;
  const max = Math.max(opts.max ?? 2, Math.min(3, named));
  if (opts.wholeSection && !opts.prefer) {
    const lines = c.text.split('\n');
    if (headingLine(c) !== null && lines.length > 1) lines.shift();
    const bullets = lines.map((l) => l.replace(/^[-•*+]\s*/, '').trim()).filter((l) => l && !/^Nguồn\s*:/i.test(l));
    if (bullets.length > 0) return bullets.slice(0, 3).map((b) => leadSentence(b));
  }
  const units = answerUnits(c);
  if (units.length === 0) return [];
  const termSet = new Set(terms.map((t) => (t.startsWith('a:') ? foldText(t.slice(2)) : t)));
  const scored = units.map((u, i) => ({ u, i, s: unitScore(u, termSet, idf, opts.labels, opts.evidence) + (opts.prefer?.test(u) ? 100 : 0) }));
  const best = Math.max(...scored.map((x) => x.s));
  // No sentence matches the question better than the heading did: the whole
  // section is the answer, so lead with its first units.
  if (best <= 0) return units.slice(0, max);
  const picked = scored
    .filter((x) => x.s >= best * 0.6)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return picked.map((x) => x.u);
}

/** Answer a list question from an outline chunk. */
function composeOutline(c: Chunk): string {
  const lines = c.text.split('\n');
  const first = lines.shift() ?? '';
  const noun = /—\s*gồm \d+ (.+?):\s*$/.exec(first)?.[1] ?? 'nội dung';
  const head = first.replace(/\s*—\s*gồm \d+ .+?:\s*$/, '').replace(/^([IVX]+|\d{1,2})\.\s+/, '');
  const items = lines.map((l) => `• ${clip(l, 200)}`).join('\n');
  const where = /^[IVX]+$/.test(c.section)
    ? `phần ${c.section} của Kế hoạch ${c.docId} («${head}»)`
    : /^[IVX]+\./.test(c.section)
      ? `mục ${c.section} của Kế hoạch ${c.docId} («${head}»)`
      : `Kế hoạch ${c.docId} — ${head}`;
  return `Theo ${where}, có ${lines.length} ${noun}:\n${items}\n${citation(c)}`;
}

export interface Composed {
  text: string;
  /** The chunks the answer quotes, best first. */
  used: Chunk[];
}

/** Heading coverage from which a question is about a passage as a whole. */
const WHOLE_SECTION = 0.6;

/** How many of the best hits a list question may look through for a list. */
const LIST_DEPTH = 3;

/** Share of an item's own heading words (those its list's heading lacks) below which a question is about the list. */
const ITEM_NAMED = 0.5;

/**
 * A list question whose best passage is one item of a list ("II.3.e") while
 * the list itself ("II.3", an outline) is among the hits, and the question
 * does not name that item: the answer is the whole list, not the item.
 */
function parentList(result: RetrievalResult): Chunk | undefined {
  const top = result.hits[0]?.chunk;
  if (!top || top.kind === 'outline') return undefined;
  const outline = result.hits.find((h) => h.chunk.kind === 'outline' && h.chunk.docId === top.docId && top.section.startsWith(`${h.chunk.section}.`))?.chunk;
  if (!outline) return undefined;
  const words = (t: string) => new Set(syllables(foldText(normalizeText(t))));
  const [head = '', ...items] = outline.text.split('\n');
  const listWords = words(head);
  // Words shared by several items ("truyền thông", "chỉ số") name no item in particular.
  const inItems = new Map<string, number>();
  for (const line of items) for (const w of words(line)) inItems.set(w, (inItems.get(w) ?? 0) + 1);
  const own = [...words(top.trail[top.trail.length - 1] ?? '')].filter((w) => !listWords.has(w) && w.length > 1 && (inItems.get(w) ?? 0) <= 1);
  if (own.length === 0) return undefined;
  // The question's words with their glossary expansions ("TTHC" names "thủ tục hành chính").
  const asked = new Set([...words(result.query), ...result.terms.map((t) => (t.startsWith('a:') ? foldText(t.slice(2)) : t))]);
  return own.filter((w) => asked.has(w)).length / own.length < ITEM_NAMED ? outline : undefined;
}

/**
 * A passage split into several chunks ("a) … (tiếp)"): all of them, in order,
 * so a list is given whole and not cut at the chunk boundary.
 */
export function sectionParts(c: Chunk, all: readonly Chunk[]): Chunk[] {
  if (c.kind !== 'passage' || !/~\d+$/.test(c.id)) return [c];
  const base = c.id.replace(/~\d+$/, '');
  const order = (x: Chunk) => Number(/~(\d+)$/.exec(x.id)?.[1] ?? 0);
  const parts = all.filter((x) => x.docId === c.docId && x.section === c.section && x.id.replace(/~\d+$/, '') === base);
  return parts.length > 1 ? parts.sort((a, b) => order(a) - order(b)) : [c];
}

/** The body of a chunk without its heading line (kept when it is the whole content). */
function bodyOf(c: Chunk): string {
  const lines = c.text.split('\n');
  if (headingLine(c) !== null && lines.length > 1) lines.shift();
  return lines.join('\n');
}

/**
 * Compose an extractive answer from retrieval results (not abstained).
 * @param idf inverse document frequency of a folded word
 * @param all every chunk of the snapshot (to read a passage split into several chunks whole)
 */
/** The items of a chunk's list: an outline's lines, or the enumeration of its (whole) passage. */
function itemsOf(c: Chunk, all: readonly Chunk[]): { items: string[]; parts: Chunk[] } | null {
  if (c.kind === 'outline') {
    const items = c.text.split('\n').slice(1).filter(Boolean);
    return items.length > 0 ? { items, parts: [c] } : null;
  }
  const parts = sectionParts(c, all);
  const e = findEnumeration(parts.map(bodyOf).join('\n'));
  return e ? { items: e.items, parts } : null;
}

/** Item `position` (1-based) of the first list among the best hits that has that many items. */
function listItem(result: RetrievalResult, position: number, all: readonly Chunk[]): Composed | null {
  for (const h of result.hits.slice(0, LIST_DEPTH)) {
    const list = itemsOf(h.chunk, all);
    const item = list?.items[position - 1];
    if (!list || !item) continue;
    const text = item.replace(/^\s*(?:[-•*+]|\(?\d{1,2}[.)]|[a-zđ]\))\s*/u, '').trim();
    return {
      text: `Theo ${sourcePhrase(h.chunk)}, mục thứ ${position} (trong ${list.items.length} mục) là: ${ensureStop(clip(text))} ${citation(h.chunk)}`,
      used: list.parts,
    };
  }
  return null;
}

export function composeExtractive(result: RetrievalResult, idf: (w: string) => number, all: readonly Chunk[] = []): Composed {
  const top = result.hits[0] as RetrievedChunk;
  const c = top.chunk;
  // "… — thứ 3" (an item of the list just given, see follow-up.ts): that item of the list.
  const position = ordinalAsked(result.query);
  if (position !== null) {
    const item = listItem(result, position, all);
    if (item) return item;
  }
  if (c.kind === 'outline') return { text: composeOutline(c), used: [c] };

  // A list, steps or count question gets a whole enumeration: the top passage's,
  // or, when it holds none (a passage that only talks about the list), the next
  // hits' outline or enumeration — a list question needs a list to answer it.
  if (wantsWholeList(result.query, result.intent)) {
    const parent = parentList(result);
    if (parent) return { text: composeOutline(parent), used: [parent] };
    for (const [i, h] of result.hits.slice(0, LIST_DEPTH).entries()) {
      const chunk = h.chunk;
      // Below the top hit only an outline (a section's own list of items) is taken.
      if (i > 0 && chunk.kind !== 'outline') continue;
      if (chunk.kind === 'outline') return { text: composeOutline(chunk), used: [chunk] };
      const parts = sectionParts(chunk, all);
      const e = findEnumeration(parts.map(bodyOf).join('\n'));
      if (e) return { text: `Theo ${sourcePhrase(chunk)}: ${formatEnumeration(e, asksCount(result.query))}\n${citation(chunk)}`, used: parts };
    }
  }
  // A question about a passage as a whole (its heading covers the question) whose passage is one
  // enumeration ("một tỉnh điều hành tốt khi có: a; b; c; …") gets every item, not the first ones.
  // Plan sections keep their own shape (the lead sentence of each bullet, below).
  // So does a passage that is one long enumeration, which quoting would cut mid-list.
  const labelsAsked = numberedLabels(result.query);
  const body = bodyOf(c);
  const aboutWhole = result.intent.kind === 'what' || result.intent.kind === 'definition' || wantsWholeList(result.query, result.intent);
  if (aboutWhole && labelsAsked.length === 0 && c.docType !== 'kế hoạch' && (top.headingCoverage >= WHOLE_SECTION || body.length > MAX_UNIT)) {
    const e = findEnumeration(body);
    if (e && e.lead.length <= MAX_UNIT / 2)
      return { text: `Theo ${sourcePhrase(c)}: ${formatEnumeration(e, asksCount(result.query))}\n${citation(c)}`, used: [c] };
  }
  const prefer = result.intent.kind === 'when' ? DATE_RE : undefined;
  let chosen = c;
  const labels = numberedLabels(result.query);
  let units = bestUnits(c, result.terms, idf, {
    prefer,
    labels,
    evidence: result.evidence,
    wholeSection: labels.length === 0 && top.headingCoverage >= WHOLE_SECTION && c.docType === 'kế hoạch',
  });
  // A date question whose top passage has no date: look at the next hits.
  if (prefer && !units.some((u) => prefer.test(u))) {
    for (const h of result.hits.slice(1, 3)) {
      const alt = bestUnits(h.chunk, result.terms, idf, { prefer, max: 1 });
      if (alt.some((u) => prefer.test(u))) {
        chosen = h.chunk;
        units = alt;
        break;
      }
    }
  }
  const quoted = units.length > 0 ? units.map((u) => ensureStop(clip(u))).join(' ') : ensureStop(clip(c.text.replace(/\n/g, ' ')));
  const text = `Theo ${sourcePhrase(chosen)}: ${quoted} ${citation(chosen)}`;
  return { text, used: [chosen] };
}

/** Sections of a catalogue entry that describe the document itself. */
const GENERAL_SECTION = /^Thông tin chung$/;

/**
 * Answer about a document known only from the catalogue: what the catalogue
 * says (its general-information section, or the best passage), and that the
 * full text is not in the sources.
 */
export function composeCatalogue(top: Chunk, all: readonly Chunk[], result: RetrievalResult, idf: (w: string) => number): Composed {
  const general = all.find((c) => c.docId === top.docId && GENERAL_SECTION.test(c.section));
  // A question about one aspect (an article, where it is cited) keeps its passage.
  // A bare reference ("kh 444", "quyết định 845 là gì") asks for the document as a whole.
  const whole = asksWholeDocument(result.analysis?.content ?? result.query, result.intent.docNumbers);
  const asksAspect = !whole && top.section !== 'Toàn văn' && !GENERAL_SECTION.test(top.section);
  const chosen = asksAspect || !general ? top : general;
  const units = bestUnits(chosen, result.terms, idf, { max: 2 });
  const body = units.map((u) => ensureStop(clip(u))).join(' ');
  const note = `Toàn văn ${top.docId} chưa có trong nguồn dữ liệu của trợ lý.`;
  return { text: `Theo danh mục văn bản (${top.docId}): ${body} ${citation(chosen)}\n${note}`, used: [chosen] };
}
