/**
 * Structured-data answerers, tried before free-text composition: who does
 * what (responsibilities), administrative procedures, department contacts.
 * Each answers exactly from its records, or returns null and lets retrieval
 * answer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { SourceRef } from '../core/answer.js';
import { answerContactQuestion } from '../knowledge/contacts.js';
import { answerProcedureQuestion, loadProcedures } from '../knowledge/procedures.js';
import { type Duty, findUnits, formatUnitDuties, loadResponsibilities, type Responsibilities, type UnitDuties } from '../knowledge/responsibilities.js';
import type { Logger } from '../logger.js';
import { foldText, normalizeText } from '../text/normalize.js';
import { STOPWORDS_FOLDED } from '../text/stopwords.js';
import type { DirectAnswerer } from './answerer.js';
import { EXACT_SUPPORT, passageEvidence } from './candidates.js';
import { isCatalogueEntry } from './catalogue.js';
import type { Chunk } from './chunk.js';
import { pairsOf } from './chunk-features.js';
import type { IndexSnapshot } from './index-store.js';
import { metadataAnswerer } from './metadata-answerer.js';
import { compiledTermCoverage, compileEvidence } from './query/compiled-coverage.js';
import { pairCoverage, type QueryEvidence, termCoverage } from './query/coverage.js';
import type { RetrievalResult, Retriever } from './retriever.js';
import { sectionAnswerer } from './section-answerer.js';
import { sectionLookup } from './section-lookup.js';

export interface DirectAnswererDeps {
  config: Config;
  snapshot: IndexSnapshot;
  retriever: Retriever;
  logger: Logger;
}

/** Minimum IDF-weighted share of the question a duty must cover. */
const MIN_DUTY_COVERAGE = 0.55;
/** How many of the best retrieval hits may confirm a duty's section. */
const AGREEMENT_DEPTH = 5;
const ASKS_DUTIES =
  /(nhiem vu|trach nhiem|lam gi|phai lam|phu trach (nhung )?(gi|viec gi|viec nao|mang nao|nhung gi)|lo (nhung )?viec gi|co vai tro|duoc giao (gi|viec|nhung gi)|giao (viec|nhung viec|gi)( gi)? cho)/;

/** A question for the units themselves ("những đơn vị nào", "các phòng nào", "những ai"), folded. */
const ASKS_UNITS = /\b(nhung|cac) (don vi|phong|phong ban|co quan|bo phan)( nao)?\b|\bnhung ai\b|\b(don vi|phong|phong ban|co quan|bo phan) nao\b/;
/**
 * Words that name no particular duty: with only these besides the who-frame
 * ("Những đơn vị nào được giao nhiệm vụ trong mục Tổ chức thực hiện?"), the
 * question asks for every unit the plan assigns, not for one duty.
 */
const GENERIC_DUTY_WORDS = new Set(
  (
    'ke hoach kh sct 1523 giao nhiem vu trach nhiem phan cong thuc hien to chuc muc phan iv duoc cho nhung cac don vi nao ai phong ban co quan bo phan ' +
    'lien quan tham gia trien khai so cong thuong trong cua theo la gi co nay quang ngai tinh ve viec cu the gom nguoi ten lam ' +
    // chat particles ("… hả", "… luôn nha")
    'ha ne nhe nha ak a z v nua luon cung vay khong ko'
  ).split(' '),
);
/** Where the plan assigns its units: the numbered contents of section IV, "Tổ chức thực hiện". */
const ASSIGNMENT_SECTION = /^IV\.\d/;

/** True when a question names a unit and asks for its duties with no other topic ("chi đoàn được giao gì?"). */
export function onlyAsksDutiesOf(question: string, unit: UnitDuties): boolean {
  const labelWords = new Set(
    [unit.name, ...unit.aliases].flatMap((l) =>
      foldText(normalizeText(l))
        .replace(/[^a-z0-9]+/g, ' ')
        .split(' '),
    ),
  );
  const words = foldText(normalizeText(question))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  return words.every((w) => labelWords.has(w) || GENERIC_DUTY_WORDS.has(w) || STOPWORDS_FOLDED.has(w));
}

/** True when a who-question asks for the plan's units as a whole. */
export function asksUnitRoster(question: string): boolean {
  const q = foldText(normalizeText(question))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!ASKS_UNITS.test(q)) return false;
  return q.split(' ').every((w) => GENERIC_DUTY_WORDS.has(w));
}

/** Every unit with duties in section IV, each with those duties: the whole list of who does what. */
function unitRoster(r: Responsibilities, snapshot: IndexSnapshot): { text: string; chunks: Chunk[] } | null {
  const doc = r.document;
  const lines: string[] = [];
  for (const unit of r.units) {
    const own = unit.duties.filter((d) => ASSIGNMENT_SECTION.test(d.section));
    if (own.length === 0) continue;
    const sections = [...new Set(own.map((d) => d.section))].join(', ');
    lines.push(`• ${unit.name}: ${own.map((d) => d.task).join('; ')}. [${doc}, ${sections}]`);
  }
  // The section's outline lists its numbered contents; the numbered passages follow.
  const inSection = sectionLookup(snapshot.chunks)(doc, 'IV');
  const outline = inSection.find((c) => c.kind === 'outline') ?? inSection[0];
  if (lines.length === 0 || !outline) return null;
  const parts = [...new Set(r.units.flatMap((u) => u.duties.map((d) => d.section)).filter((x) => ASSIGNMENT_SECTION.test(x)))].sort();
  const passages = parts.map((x) => planChunk(snapshot, doc, x)).filter((c): c is Chunk => !!c);
  return {
    text: `Theo mục IV «Tổ chức thực hiện» của Kế hoạch ${doc}, ${lines.length} đơn vị được giao nhiệm vụ:\n${lines.join('\n')}`,
    chunks: [outline, ...passages],
  };
}

/** A match key without its accent marker: structured records are matched accent-insensitively. */
const plainKey = (k: string) => (k.startsWith('a:') ? foldText(k.slice(2)) : k);

function planChunk(snapshot: IndexSnapshot, doc: string, section: string): Chunk | undefined {
  const s = section.replace(/\s*\(.*\)\s*$/, '');
  const inSection = sectionLookup(snapshot.chunks)(doc, s);
  return inSection.find((c) => c.kind === 'passage') ?? inSection[0];
}

function dutySentence(unit: UnitDuties, d: Duty, doc: string): string {
  const extra = [d.deadline ? `thời hạn: ${d.deadline}` : null, d.to ? `gửi/báo cáo: ${d.to}` : null].filter(Boolean).join('; ');
  return `${unit.name}: ${d.task}${extra ? ` (${extra})` : ''}. [${doc}, ${d.section}]`;
}

/**
 * The unit a duties question is about: of the units named, the one written
 * last before the duty cue ("Văn phòng Sở làm đầu mối rồi, vậy Ban Biên tập
 * phải làm gì?" → Ban Biên tập).
 */
function subjectUnit(folded: string, named: readonly UnitDuties[]): UnitDuties {
  const q = folded.replace(/[^a-z0-9]+/g, ' ');
  const cue = ASKS_DUTIES.exec(q)?.index ?? q.length;
  let best = named[0] as UnitDuties;
  let bestAt = -1;
  for (const unit of named) {
    for (const label of [unit.name, ...unit.aliases]) {
      const l = foldText(normalizeText(label))
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      const at = l ? q.lastIndexOf(` ${l} `, cue) : -1;
      if (at > bestAt) {
        best = unit;
        bestAt = at;
      }
    }
  }
  return best;
}

/** "Ai / đơn vị nào …", "… có nhiệm vụ gì", deadlines of duties. */
export function responsibilitiesAnswerer(r: Responsibilities, deps: DirectAnswererDeps): DirectAnswerer {
  const doc = r.document;
  // Match keys of every duty, computed once.
  const duties = r.units.flatMap((unit) =>
    unit.duties.map((duty) => ({
      unit,
      duty,
      // The unit's own name is not evidence for "who …?": it is the answer.
      keys: deps.retriever.foldedKeys(`${duty.task} ${duty.deadline ?? ''} ${duty.to ?? ''}`),
      pairs: new Set(pairsOf(`${duty.task} ${duty.deadline ?? ''} ${duty.to ?? ''}`)),
    })),
  );
  const nameKeys = new Map(r.units.map((u) => [u.id, deps.retriever.foldedKeys([u.name, ...u.aliases].join(' '))]));
  const title = deps.snapshot.documents.find((d) => d.id === doc)?.title ?? '';
  const titleKeys = deps.retriever.foldedKeys(title);
  const titlePairs = new Set(pairsOf(title));
  return {
    name: 'responsibilities',
    answer(question: string, retrieval: RetrievalResult) {
      const { kind } = retrieval.intent;
      const folded = ` ${foldText(normalizeText(question))} `;
      const named = findUnits(question, r);
      const asksDuties = ASKS_DUTIES.test(folded);
      if (kind !== 'who' && kind !== 'when' && !(named.length > 0 && asksDuties)) return null;
      // "Những đơn vị nào được giao nhiệm vụ?": the whole list, not the one duty that says "được giao".
      if (named.length === 0 && asksUnitRoster(question)) {
        const roster = unitRoster(r, deps.snapshot);
        if (roster) return { ...roster, support: EXACT_SUPPORT };
      }
      // A question naming a document number is about that document.
      if (retrieval.intent.docNumbers.length > 0 && named.length === 0) return null;

      // A unit named and its duties asked ("… phải làm gì?", no "ai"/"nào"): list them all.
      const asksWhoWord = / (ai|nao) /.test(folded.replace(/[^a-z0-9]+/g, ' '));
      if (named.length > 0 && asksDuties && (kind !== 'who' || !asksWhoWord)) {
        const unit = subjectUnit(folded, named);
        const chunks = [...new Set(unit.duties.map((d) => planChunk(deps.snapshot, doc, d.section)).filter((c): c is Chunk => !!c))];
        // Nothing asked beyond the unit and its duties ("chi đoàn được giao gì?"): the unit's record is the answer.
        const exact = onlyAsksDutiesOf(question, unit);
        return { text: formatUnitDuties(unit, doc), chunks, ...(exact ? { support: EXACT_SUPPORT } : {}) };
      }

      // Otherwise: the single duty that best covers the question, scored on
      // the retrieval's own evidence (thesaurus alternatives count: "tiền" is
      // found as "kinh phí", "ai lo" as "chủ trì"). Words of the plan's title
      // say which plan, not which duty: they are left out of the duty score.
      const ev = retrieval.evidence;
      const own = ev.terms.filter((t) => !titleKeys.has(plainKey(t)));
      if (own.length === 0) return null;
      const dutyEvidence: QueryEvidence = { ...ev, terms: own };
      const idf = (t: string) => deps.retriever.idf(t);
      // A unit the question names is its subject ("Văn phòng Sở báo cáo … cho ai?"): its name counts for its own duties.
      const subjects = new Set(named.map((u) => u.id));
      // The keys the duty score asks about (terms and their alternatives' words), resolved once for all duties.
      const position = new Map<string, number>();
      const asked: string[] = [];
      const slot = new Map<string, number>();
      for (const k of [...own, ...own.flatMap((t) => (dutyEvidence.termAlternatives.get(t) ?? []).flatMap((a) => a.keys))]) {
        if (position.has(k)) continue;
        const plain = plainKey(k);
        let j = slot.get(plain);
        if (j === undefined) {
          j = asked.push(plain) - 1;
          slot.set(plain, j);
        }
        position.set(k, j);
      }
      const cev = compileEvidence(dutyEvidence, (k) => position.get(k) ?? -1, idf, idf);
      const none = new Set<string>();
      const held = new Uint8Array(asked.length);
      const holds = (j: number) => held[j] === 1;
      const scored = duties.map((d) => {
        const own = subjects.has(d.unit.id) ? (nameKeys.get(d.unit.id) ?? none) : none;
        for (let j = 0; j < asked.length; j++) held[j] = d.keys.has(asked[j] as string) || own.has(asked[j] as string) ? 1 : 0;
        const score = compiledTermCoverage(cev, holds);
        // A "when" question wants a date: duties with a dated deadline rank first.
        // The named unit's own duties come before equally covering duties of others.
        const rank = score + (kind === 'when' && /\d/.test(d.duty.deadline ?? '') ? 0.2 : 0) + (subjects.has(d.unit.id) ? 0.03 : 0);
        return { ...d, score, rank };
      });
      const top = Math.max(0, ...scored.map((d) => d.score));
      if (top < MIN_DUTY_COVERAGE) return null;
      const topRank = Math.max(...scored.filter((d) => d.score >= MIN_DUTY_COVERAGE).map((d) => d.rank));
      // Duties that cover the question equally well are all part of the
      // answer (e.g. the unit that reports and the one that receives it).
      const best = scored
        .filter((d) => d.score >= MIN_DUTY_COVERAGE && d.rank >= topRank - 0.02 && (kind !== 'when' || d.duty.deadline))
        .sort((a, b) => b.rank - a.rank)
        .slice(0, 3);
      if (best.length === 0) return null;
      // Support on the passages' scale: the duty read as a passage of the plan (its title words found).
      const first = best[0] as (typeof best)[number];
      const has = (k: string) => first.keys.has(plainKey(k)) || titleKeys.has(plainKey(k));
      const pairHas = (p: string) => first.pairs.has(p) || titlePairs.has(p);
      const support = termCoverage(ev, has, idf) + 0.5 * pairCoverage(ev, pairHas, (q) => deps.retriever.pairIdf(q), has, idf);
      // Retrieval must agree (the duty's section is among the best passages),
      // unless the duty covers the question better than the best passage does.
      const near = new Set(retrieval.hits.slice(0, AGREEMENT_DEPTH).map((h) => `${h.chunk.docId}#${h.chunk.section}`));
      const agrees = best.some((d) => near.has(`${doc}#${d.duty.section.replace(/\s*\(.*\)\s*$/, '')}`));
      const topHit = retrieval.hits[0];
      if (!agrees && topHit && support <= passageEvidence(topHit)) return null;
      const chunks = [...new Set(best.map((d) => planChunk(deps.snapshot, doc, d.duty.section)).filter((c): c is Chunk => !!c))];
      return { text: best.map((d) => dutySentence(d.unit, d.duty, doc)).join('\n'), chunks, support };
    },
  };
}

/** Department phone/address/e-mail/portal: only from configuration. */
export function contactsAnswerer(dept: Config['department']): DirectAnswerer {
  const configured = Boolean(dept.phone || dept.address || dept.email || dept.portalUrl);
  return {
    name: 'contacts',
    answer(question: string) {
      const text = answerContactQuestion(question, dept);
      // Only a bare request for a contact detail reaches here (see contacts.ts): it is exact.
      return text ? { text, chunks: [], abstained: !configured, support: EXACT_SUPPORT } : null;
    },
  };
}

/** Administrative procedures from `knowledge/procedures/*.yaml`. */
export function proceduresAnswerer(dir: string, logger: Logger): DirectAnswerer | null {
  const { procedures, errors } = loadProcedures(dir);
  for (const e of errors) logger.warn({ file: e.file }, e.message);
  if (procedures.length === 0) return null;
  return {
    name: 'procedures',
    answer(question: string) {
      const a = answerProcedureQuestion(question, procedures);
      if (!a) return null;
      const p = a.procedure;
      const source: SourceRef = {
        doc: `TTHC ${p.code}`,
        section: a.aspect,
        title: p.name,
        text: a.text.slice(0, 1500),
        score: 1,
      };
      return { text: a.text, chunks: [], extraSources: [source] };
    },
  };
}

export function createDirectAnswerers(deps: DirectAnswererDeps): DirectAnswerer[] {
  const out: DirectAnswerer[] = [
    contactsAnswerer(deps.config.department),
    metadataAnswerer(deps.snapshot.documents, deps.snapshot.chunks, (d) => isCatalogueEntry(d.file)),
    sectionAnswerer(deps.snapshot.chunks, new Set(deps.snapshot.documents.filter((d) => d.fulltext && d.structure === 'plan').map((d) => d.id))),
  ];
  const respFile = join(deps.config.knowledgeDir, 'responsibilities.yaml');
  if (existsSync(respFile)) out.push(responsibilitiesAnswerer(loadResponsibilities(respFile), deps));
  const procedures = proceduresAnswerer(join(deps.config.knowledgeDir, 'procedures'), deps.logger);
  if (procedures) out.push(procedures);
  return out;
}
