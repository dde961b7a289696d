/**
 * The answering pipeline: follow-up resolution → hybrid retrieval →
 * abstention from retrieval evidence → structured answers (who-does-what,
 * procedures, contacts) → extractive answer, or an LLM answer over the
 * numbered passages when a generator is configured (falling back to the
 * extractive answer on any LLM failure).
 */
import type { Answer, AskOptions, QuestionAnswerer, SourceRef } from '../core/answer.js';
import type { CurrencyNotes } from '../knowledge/currency-notes.js';
import type { Logger } from '../logger.js';
import { foldText, normalizeText } from '../text/normalize.js';
import {
  type AbstainPolicy,
  type AbstentionFeatures,
  ANSWER_TYPE_DETAIL,
  abstentionFeatures,
  answerType,
  CALIBRATED_POLICY,
  type CorpusEntities,
  contactDetailGap,
  corpusEntities,
  decideAbstention,
  detailGap,
  entityConflict,
  holderNamedIn,
  roleConflict,
  satisfiesQuestion,
  titleNamedIn,
  usesFiller,
} from './abstention.js';
import { candidateGap, collectCandidates, pickCandidate } from './candidates.js';
import type { Chunk } from './chunk.js';
import { composeCatalogue, composeExtractive } from './compose.js';
import type { CuratedAnswers } from './curated-answers.js';
import { resolveFollowUpFrame } from './follow-up.js';
import type { Generator } from './generator.js';
import { focusClause } from './lead-in.js';
import { answerWithLlm } from './llm-answer.js';
import type { QueryRewriter } from './query-rewrite.js';
import type { RetrievalResult, Retriever } from './retriever.js';
import { sectionLookup } from './section-lookup.js';
import { unconfirmedDetail } from './unconfirmed-detail.js';
import { askedFigureYears, yearFigureGap, yearFigureMessage } from './year-figures.js';

export const MAX_QUESTION_CHARS = 1000;
const MAX_SOURCES = 5;

export type { AbstainPolicy } from './abstention.js';
/** The shipped abstention policy: fitted by bench/calibrate-abstention.ts (see abstention.ts). */
export const DEFAULT_ABSTAIN_POLICY: AbstainPolicy = CALIBRATED_POLICY;

export interface DirectAnswer {
  text: string;
  /** Chunks the answer comes from (cited first among the sources). */
  chunks: Chunk[];
  /** Sources that are not index chunks (e.g. a procedure record). */
  extraSources?: SourceRef[];
  /** The structured data exists but holds no answer (e.g. no contacts configured). */
  abstained?: boolean;
  /**
   * Evidence the answerer claims for itself (e.g. an exact request for a
   * document fact); otherwise it is measured on its quoted passages.
   */
  support?: number;
}

/** A specialised answerer (structured data); null when it does not apply. */
export interface DirectAnswerer {
  name: string;
  answer(question: string, retrieval: RetrievalResult): DirectAnswer | null;
}

export interface AnswererDeps {
  retriever: Retriever;
  /**
   * Documents known only from the catalogue (their full text is not loaded):
   * answers about them say what the catalogue knows and that the full text is
   * not in the sources.
   */
  catalogueOnly?: ReadonlySet<string>;
  direct?: DirectAnswerer[];
  generator?: Generator;
  /** LLM mode: rewrites the question into administrative wording for a second retrieval. */
  rewriter?: QueryRewriter;
  /** LLM mode: the department named in the system prompt (`DEPARTMENT_NAME`). */
  department?: string;
  policy?: AbstainPolicy;
  /** What the bot can help with, appended to refusals. */
  helpText?: string;
  /** Dated notes keeping answers current (changes since the documents were written, validity, ended periods). */
  currency?: CurrencyNotes;
  logger?: Logger;
  /** Reviewed answers (knowledge/answers/), consulted before retrieval. */
  curated?: CuratedAnswers;
}

export const DEFAULT_HELP =
  'Tôi có thể giúp về: nội dung Kế hoạch 1523/KH-SCT (truyền thông nâng cao các chỉ số PAR INDEX, PAPI, PCI), đơn vị phụ trách từng nhiệm vụ, các văn bản được Kế hoạch viện dẫn, và cách dùng dịch vụ công trực tuyến (nộp hồ sơ, thanh toán phí, tra cứu hồ sơ).';

function toSource(c: Chunk, score: number): SourceRef {
  return {
    doc: c.docId,
    section: c.section,
    title: [c.docTitle === c.trail[0] ? '' : c.docId, ...c.trail].filter(Boolean).join(' › '),
    text: c.text,
    score: Math.round(score * 10_000) / 10_000,
  };
}

/** Sources best first: the quoted chunks, then the other hits; at most 5. */
function sourcesFor(used: Chunk[], retrieval: RetrievalResult): SourceRef[] {
  const out: SourceRef[] = [];
  const seen = new Set<string>();
  const scoreOf = new Map(retrieval.hits.map((h) => [h.chunk.id, h.score]));
  for (const c of used) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(toSource(c, scoreOf.get(c.id) ?? retrieval.hits[0]?.score ?? 0));
  }
  for (const h of retrieval.hits) {
    if (out.length >= MAX_SOURCES) break;
    if (seen.has(h.chunk.id)) continue;
    seen.add(h.chunk.id);
    out.push(toSource(h.chunk, h.score));
  }
  return out.slice(0, MAX_SOURCES);
}

/**
 * The question that is searched: a follow-up made standalone with the
 * previous question, then an opening statement ("Văn phòng Sở làm đầu mối
 * rồi, vậy …") left out when the asking clause has its own subject.
 */
export function standalone(question: string, options: AskOptions = {}): string {
  return standaloneQuery(question, options).question;
}

/**
 * {@link standalone} with the follow-up's new subject (`focus`, empty when
 * none), which retrieval weighs, and `resolved`: the follow-up made
 * standalone before any opening statement is left out (the question itself
 * when it is not a follow-up), which the next turn is resolved against.
 */
export function standaloneQuery(question: string, options: AskOptions = {}): { question: string; focus: string; resolved: string } {
  const resolved = options.previousQuestion ? resolveFollowUpFrame(question, normalizeText(options.previousQuestion)) : { question, focus: '' };
  return { question: focusClause(resolved.question), focus: resolved.focus, resolved: resolved.question };
}

/**
 * The question as the query pipeline understood it (abbreviations expanded,
 * typos repaired, framing removed), or the question itself when nothing was
 * changed or the analysis lost every word.
 */
export function understoodQuestion(question: string, retrieval: Pick<RetrievalResult, 'analysis'>): string {
  const a = retrieval.analysis;
  if (!a || (a.rewrites.length === 0 && a.framing.length === 0)) return question;
  return a.cleaned.trim() ? a.cleaned : question;
}

/** How many of the best passages may state the figure asked for a year. */
const YEAR_FIGURE_DEPTH = 3;

/**
 * A figure asked for a year that none of the best passages states
 * (src/rag/year-figures.ts): the detail-gap refusal names the nearest
 * passage's topic and the years it does give figures for.
 */
function yearGap(question: string, retrieval: RetrievalResult): { message: string } | null {
  const asked = retrieval.analysis?.cleaned || question;
  const passages = retrieval.hits.slice(0, YEAR_FIGURE_DEPTH).map((h) => h.chunk);
  const gap = yearFigureGap(asked, passages) ?? (asked === question ? null : yearFigureGap(question, passages));
  const top = passages[0];
  if (!gap || !top) return null;
  const heading = top.trail.at(-1) ?? top.docTitle;
  const topic = heading && heading !== top.docTitle ? `“${heading}” (${top.docId})` : `${top.docTitle || top.docId}`;
  return { message: yearFigureMessage(gap, topic) };
}

/**
 * A detail the best passage marks as not confirmed and the question asks
 * for (src/rag/unconfirmed-detail.ts). A question for a year's figure is
 * left to {@link yearGap}.
 */
function unconfirmedGap(question: string, retrieval: RetrievalResult): { message: string } | null {
  const asked = retrieval.analysis?.cleaned || question;
  const top = retrieval.hits[0]?.chunk;
  if (!top || askedFigureYears(asked).length > 0) return null;
  const detail = unconfirmedDetail(asked, top);
  if (!detail) return null;
  const heading = top.trail.at(-1) ?? top.docTitle;
  const topic = heading && heading !== top.docTitle ? `“${heading}” (${top.docId})` : `${top.docTitle || top.docId}`;
  return { message: `Nguồn của trợ lý có nói về ${topic} nhưng ghi rõ: ${detail} là chưa có thông tin được xác nhận.` };
}

export class RagAnswerer implements QuestionAnswerer {
  private readonly policy: AbstainPolicy;
  private readonly help: string;

  constructor(private readonly deps: AnswererDeps) {
    this.policy = deps.policy ?? DEFAULT_ABSTAIN_POLICY;
    this.help = deps.helpText ?? DEFAULT_HELP;
  }

  private entitiesCache?: CorpusEntities;

  /**
   * Count now what the first question would otherwise wait for: the corpus's
   * years and document numbers (a scan of every chunk, about 1 s at 10k
   * chunks). Called by openKnowledgeBase before the base serves.
   */
  warmCorpusEntities(): void {
    void this.entities;
  }

  /** Whether {@link warmCorpusEntities} (or a first question) has scanned the corpus. */
  get corpusEntitiesReady(): boolean {
    return this.entitiesCache !== undefined;
  }

  /** What the corpus mentions (years, document numbers), scanned once. */
  private get entities(): CorpusEntities {
    this.entitiesCache ??= corpusEntities(this.deps.retriever.chunks);
    return this.entitiesCache;
  }

  /** Decide from evidence whether the sources cover the question. */
  shouldAbstain(r: RetrievalResult, question: string = r.query): boolean {
    return decideAbstention(abstentionFeatures(question, r, this.deps.retriever, { filler: usesFiller(this.policy) }), this.policy);
  }

  /**
   * The evidence behind the abstention decision for a question, for
   * calibration (bench/calibrate-abstention.ts): its features, whether a
   * structured answer or an entity conflict decides before them.
   */
  async evidence(rawQuestion: string, options: AskOptions = {}): Promise<{ features: AbstentionFeatures; decidedBefore: 'structured' | 'conflict' | null }> {
    const question = normalizeText(rawQuestion).trim().slice(0, MAX_QUESTION_CHARS);
    const { question: effective, focus } = standaloneQuery(question, options);
    const retrieval = await this.deps.retriever.retrieve(effective, undefined, { focus });
    const features = abstentionFeatures(effective, retrieval, this.deps.retriever);
    if (this.conflict(effective, retrieval) || this.catalogueGap(effective, retrieval)) return { features, decidedBefore: 'conflict' };
    const direct = this.structured(effective, retrieval);
    return { features, decidedBefore: direct ? 'structured' : null };
  }

  /** An entity the sources do not cover, or a role whose holder no passage names. */
  private conflict(question: string, retrieval: RetrievalResult): { message: string } | null {
    return (
      entityConflict(question, retrieval, this.entities) ??
      this.roleConflictOf(question, retrieval) ??
      yearGap(question, retrieval) ??
      unconfirmedGap(question, retrieval)
    );
  }

  /** Whether some passage names a person beside a title, remembered per title (the scan reads every chunk). */
  private readonly namedTitles = new Map<string, boolean>();

  private roleConflictOf(question: string, retrieval: RetrievalResult) {
    const titleNamed = (title: string) => {
      let named = this.namedTitles.get(title);
      if (named === undefined) {
        named = titleNamedIn(this.deps.retriever.chunks, title);
        this.namedTitles.set(title, named);
      }
      return named;
    };
    const holderNamed = (title: string, body: string) => {
      const key = `${title}\u0000${body}`;
      let named = this.namedTitles.get(key);
      if (named === undefined) {
        named = holderNamedIn(this.deps.retriever.chunks, title, body);
        this.namedTitles.set(key, named);
      }
      return named;
    };
    return roleConflict(retrieval.analysis?.cleaned || question, titleNamed, retrieval.intent.kind, holderNamed);
  }

  /**
   * "The catalogue names document X but does not give its Y": the question
   * names a document known only from the catalogue and asks for a number, a
   * name, a date or a unit that none of the document's catalogue passages
   * holds. Null when the catalogue can answer (or the question is not of
   * that kind).
   */
  private catalogueGap(question: string, retrieval: RetrievalResult): string | null {
    const top = retrieval.hits[0]?.chunk;
    if (!top || !this.deps.catalogueOnly?.has(top.docId)) return null;
    const folded = foldText(top.docId).replace(/-/g, '/');
    if (!retrieval.intent.docNumbers.includes(folded)) return null;
    const type = answerType(question, retrieval.intent.kind);
    if (!type) return null;
    if (this.deps.retriever.chunks.some((c) => c.docId === top.docId && satisfiesQuestion(c.text, question, type))) return null;
    const what = ANSWER_TYPE_DETAIL[type];
    return `Danh mục văn bản của trợ lý có ${top.docTitle && top.docTitle !== top.docId ? `${top.docTitle} (${top.docId})` : top.docId} nhưng không ghi ${what}; toàn văn văn bản này chưa có trong nguồn dữ liệu của trợ lý.`;
  }

  /**
   * The structured answer that beats retrieval, if any: both compete on the
   * same evidence, and each must be able to hold the kind of answer asked
   * for (a question for a person's name — "Trưởng phòng … là ai?" — is not
   * answered by a duty card that names only units).
   */
  private structured(question: string, retrieval: RetrievalResult) {
    const type = answerType(question, retrieval.intent.kind);
    const fits = (text: string) => satisfiesQuestion(text, question, type);
    // The answerers read the question as understood: chat shorthand expanded and typos repaired
    // ("ai ki" → "ai ký", "dc giao j" → "được giao gì"), greetings and self-introductions gone.
    const understood = understoodQuestion(question, retrieval);
    // Each candidate passes the same detail checks as the retrieval passages (a year's figure of the kind asked, details marked not confirmed).
    const asked = retrieval.analysis?.cleaned || question;
    const cands = collectCandidates(understood, retrieval, this.deps.direct ?? [], this.deps.retriever).filter((c) => !candidateGap(asked, c));
    return pickCandidate(cands, retrieval, fits);
  }

  private refusal(started: number, question: string): Answer {
    const text =
      question.trim() === ''
        ? `Bạn hãy nhập câu hỏi. ${this.help}`
        : `Xin lỗi, tôi chưa tìm thấy thông tin về câu hỏi này trong các tài liệu tôi được cung cấp, nên không thể trả lời chính xác. ${this.help}`;
    return { answer: text, abstained: true, sources: [], ms: this.elapsed(started) };
  }

  /**
   * Answer a question; a follow-up is resolved against `previousQuestion`
   * first, and its standalone form comes back as `resolvedQuestion` (absent
   * when the question stands on its own), for the chat to resolve the next
   * follow-up against.
   */
  async ask(rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const question = normalizeText(rawQuestion).trim().slice(0, MAX_QUESTION_CHARS);
    if (!question) return this.refusal(started, question);
    const curated = this.deps.curated?.answer(question);
    if (curated) {
      // Reviewed answers get the same dated notes as any other answer (a merged body, a replaced decree…).
      const used = curated.sources.flatMap((src) => sectionLookup(this.deps.retriever.chunks)(src.doc, src.section));
      const answer = this.deps.currency ? this.deps.currency.annotate(curated.answer, { question, used }) : curated.answer;
      return { ...curated, answer, ms: this.elapsed(started) };
    }
    const query = standaloneQuery(question, options);
    const answer = await this.answerStandalone(started, question, query);
    // A standalone form longer than a question may be is not kept: a long chat must not grow the stored frame turn by turn.
    const kept = query.resolved !== question && query.resolved.length <= MAX_QUESTION_CHARS;
    return kept ? { ...answer, resolvedQuestion: query.resolved } : answer;
  }

  /** The answer to `question` as {@link standaloneQuery} made it standalone (`effective`, with the follow-up's `focus`). */
  private async answerStandalone(started: number, question: string, { question: effective, focus }: { question: string; focus: string }): Promise<Answer> {
    let retrieval = await this.deps.retriever.retrieve(effective, undefined, { focus });
    // An entity the sources do not cover (another province, a year, a document number) is refused by name.
    const conflict = this.conflict(effective, retrieval);
    if (conflict) return { answer: `${conflict.message} ${this.help}`, abstained: true, sources: [], ms: this.elapsed(started) };
    const gap = this.catalogueGap(effective, retrieval);
    if (gap) return { answer: `${gap} ${this.help}`, abstained: true, sources: [], ms: this.elapsed(started) };

    // Structured answers compete with retrieval on the same evidence.
    const direct = this.structured(effective, retrieval);
    if (direct) {
      if (direct.abstained) {
        return { answer: `${direct.text}\n${this.help}`, abstained: true, sources: [], ms: this.elapsed(started) };
      }
      return this.finish(started, direct.text, direct.chunks, retrieval, direct.extraSources);
    }
    // === LLM mode (src/rag/llm-answer.ts): the model decides; on fallback, today's rules below on the fused retrieval
    if (this.deps.generator) {
      const { generator, rewriter, retriever, logger, department, currency } = this.deps;
      const notesFor = currency ? (c: Chunk[]) => currency.promptNotes(c, effective) : undefined;
      const llm = await answerWithLlm({ generator, rewriter, retriever, logger, department, notesFor }, effective, retrieval);
      if (llm.kind === 'answer') return this.finish(started, llm.text, llm.used, llm.retrieval);
      if (llm.kind === 'refuse') return this.refusal(started, question);
      retrieval = llm.retrieval;
    }
    // === end LLM mode
    const features = abstentionFeatures(effective, retrieval, this.deps.retriever, { filler: usesFiller(this.policy) });
    if (decideAbstention(features, this.policy)) {
      const detail = detailGap(effective, retrieval, features, this.policy);
      if (detail) return { answer: `${detail} ${this.help}`, abstained: true, sources: [], ms: this.elapsed(started) };
      return this.refusal(started, question);
    }
    const contact = contactDetailGap(effective, retrieval);
    if (contact) return { answer: `${contact} ${this.help}`, abstained: true, sources: [], ms: this.elapsed(started) };

    const top = retrieval.hits[0]?.chunk;
    const extractive =
      top && this.deps.catalogueOnly?.has(top.docId)
        ? composeCatalogue(top, this.deps.retriever.chunks, retrieval, (w) => this.deps.retriever.idf(w))
        : composeExtractive(retrieval, (w) => this.deps.retriever.idf(w), this.deps.retriever.chunks);
    return this.finish(started, extractive.text, extractive.used, retrieval);
  }

  private elapsed(started: number): number {
    return Math.round((performance.now() - started) * 100) / 100;
  }

  private finish(started: number, text: string, used: Chunk[], retrieval: RetrievalResult, extra: SourceRef[] = []): Answer {
    const answer = this.deps.currency ? this.deps.currency.annotate(text, { question: retrieval.query, used }) : text;
    return {
      answer,
      abstained: false,
      sources: [...extra, ...sourcesFor(used, retrieval)].slice(0, MAX_SOURCES),
      ms: this.elapsed(started),
    };
  }
}
