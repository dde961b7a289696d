/**
 * LLM mode: the model sees the top 8 passages (numbered [1]…[8]) of the
 * retrieval fused over the question and its administrative rewrite, and
 * itself decides whether they answer the question.
 *
 * Decision rules (docs/answering.md, "Chế độ LLM"):
 * 1. Low floor: only near-empty evidence (no passage, or the better query's
 *    evidence below {@link LLM_EVIDENCE_FLOOR}) is refused before the model
 *    is asked.
 * 2. The model says the passages hold no answer ("KHÔNG CÓ THÔNG TIN", or an
 *    answer whose first sentence says there is no information) → refusal.
 * 3. Every cited [n] is checked: a citation to a passage that does not exist,
 *    or an answer with no citation at all, is rejected — as is an error, a
 *    timeout or malformed output. A rejected answer falls back to today's
 *    rules on the fused retrieval: the retrieval abstention policy refuses or
 *    the extractive answer is given.
 * 4. An accepted answer has each [n] replaced by the document citation
 *    (`[1523/KH-SCT, III]`), and its sources start with the cited passages.
 */
import { isAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { foldText } from '../text/normalize.js';
import type { Chunk } from './chunk.js';
import { citation } from './compose.js';
import type { Generator } from './generator.js';
import { fillTemplate, loadTemplate } from './prompts.js';
import { type QueryRewriter, retrieveWithRewrite } from './query-rewrite.js';
import type { RetrievalResult, Retriever } from './retriever.js';

/** Passages shown to the model. */
export const LLM_PASSAGES = 8;
/**
 * Below this evidence (see `retrievalEvidence`) the model is not asked. The
 * extractive mode's bar is 0.5; this one only keeps questions the corpus has
 * (almost) no words for away from the model.
 */
export const LLM_EVIDENCE_FLOOR = 0.2;

/**
 * A first sentence that says the passages do not hold the answer (folded):
 * the prompt's "KHÔNG CÓ THÔNG TIN", or the ways models phrase it ("Xin lỗi,
 * không có thông tin…", "Các đoạn trích không đề cập…").
 */
const NO_INFO_SENTENCE = /^(xin loi[,.!]?\s*)?((toi|em|minh)\s+)?((khong|chua)\s+(co|du|tim thay|thay)\s+(du\s+)?thong tin|cac doan trich (khong|chua)\s)/;

export type LlmOutcome =
  | { kind: 'answer'; text: string; used: Chunk[]; retrieval: RetrievalResult; rewrite: string | null }
  | { kind: 'refuse'; reason: 'floor' | 'model'; retrieval: RetrievalResult; rewrite: string | null }
  | {
      kind: 'fallback';
      reason: 'error' | 'timeout' | 'no-citation' | 'bad-citation';
      retrieval: RetrievalResult;
      rewrite: string | null;
    };

/**
 * Citation numbers in an answer, in order of appearance. `[1][2]`, `[1, 2]`
 * and `[1; 2]` all count.
 */
export function citedNumbers(text: string): number[] {
  return [...text.matchAll(/\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]/g)].flatMap((m) => (m[1] as string).split(/\s*[,;]\s*/).map(Number));
}

/** True when the model says the passages do not answer the question. */
export function saysNoInformation(text: string): boolean {
  const folded = foldText(text.trim().toLowerCase());
  if (folded.includes('khong_du_thong_tin')) return true; // the sentinel of earlier prompts
  const first = folded.split(/(?<=[.!?:])\s|\n/)[0] ?? '';
  return NO_INFO_SENTENCE.test(first);
}

/** The numbered passages block of the prompt. */
export function formatPassages(chunks: readonly Chunk[]): string {
  return chunks.map((c, i) => `[${i + 1}] (${c.docId}, ${c.section}) ${c.trail.join(' › ')}\n${c.text}`).join('\n\n');
}

export interface CheckedAnswer {
  ok: boolean;
  reason?: 'no-citation' | 'bad-citation';
  text: string;
  used: Chunk[];
}

const headerKey = (s: string) =>
  foldText(s)
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Bring the citation styles models use to `[n]`: `[1, 2]` → `[1][2]`,
 * `[Đoạn 3]` → `[3]`, and a copied passage header `[1523/KH-SCT, III]` or
 * `(1523/KH-SCT, III)` → the number of that passage. A document-style
 * citation that matches no passage is kept as `[0]`, so it is rejected.
 */
export function normalizeCitations(output: string, chunks: readonly Chunk[]): string {
  const header = new Map<string, number>();
  chunks.forEach((c, i) => {
    const key = headerKey(`${c.docId}, ${c.section}`);
    if (!header.has(key)) header.set(key, i + 1);
  });
  return output
    .trim()
    .replace(/\[(?:đoạn(?: trích)?|passage)\s*(\d{1,2})\]/giu, '[$1]')
    .replace(/\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})+)\]/g, (_m, list: string) =>
      list
        .split(/\s*[,;]\s*/)
        .map((n) => `[${n}]`)
        .join(''),
    )
    .replace(/([[(])([^[\]()\n]{3,80}?,[^[\]()\n]{1,40})([\])])/g, (m, open: string, inner: string, close: string) => {
      if ((open === '[') !== (close === ']')) return m;
      const n = header.get(headerKey(inner));
      if (n) return `[${n}]`;
      // "[26/KH-UBND, Điều 2]" names a document passage that was not shown.
      return open === '[' && DOC_CITATION.test(inner.trim()) ? '[0]' : m;
    });
}

/** What a document citation looks like: a document number, a comma, a section. */
const DOC_CITATION = /^\d+\/[\p{L}\d.-]+(\/[\p{L}\d.-]+)*\s*,\s*\S/u;

/** Check every [n] against the passages and render the accepted answer's citations. */
export function checkCitations(output: string, chunks: readonly Chunk[]): CheckedAnswer {
  const text = normalizeCitations(output, chunks);
  const cited = citedNumbers(text);
  if (cited.length === 0) return { ok: false, reason: 'no-citation', text, used: [] };
  if (cited.some((n) => n < 1 || n > chunks.length)) return { ok: false, reason: 'bad-citation', text, used: [] };
  const used = [...new Set(cited)].map((n) => chunks[n - 1] as Chunk);
  const rendered = text.replace(/\[(\d{1,2})\]/g, (_m, n: string) => citation(chunks[Number(n) - 1] as Chunk));
  // "[A][A]" and "[A] [A]" (two passages of one section) read as one citation.
  return { ok: true, text: rendered.replace(/(\[[^\]]+\])(\s*\1)+/g, '$1'), used };
}

export interface LlmAnswerDeps {
  generator: Generator;
  retriever: Retriever;
  rewriter?: QueryRewriter;
  logger?: Logger;
  department?: string;
  /** Dated notes on what changed since the passages were written; the model is asked to keep them. */
  notesFor?: (chunks: Chunk[]) => string[];
}

/** The prompt's block of change notes (empty when there are none). */
function notesBlock(lines: readonly string[]): string {
  return lines.length > 0
    ? `\nThay đổi sau khi văn bản được ban hành (giữ nguyên lời văn bản, rồi thêm lưu ý tương ứng vào cuối câu trả lời):\n${lines.join('\n')}\n`
    : '';
}

/**
 * Run LLM mode for a question whose retrieval is already done.
 * @param question the effective question (follow-ups resolved)
 */
export async function answerWithLlm(deps: LlmAnswerDeps, question: string, original: RetrievalResult): Promise<LlmOutcome> {
  const started = performance.now();
  const { retrieval, rewrite, evidence } = await retrieveWithRewrite(deps.retriever, deps.rewriter, question, original);
  const chunks = retrieval.hits.slice(0, LLM_PASSAGES).map((h) => h.chunk);
  const log = (outcome: string, extra: Record<string, unknown> = {}) =>
    deps.logger?.info(
      {
        outcome,
        rewritten: rewrite !== null,
        passages: chunks.length,
        evidence: Math.round(evidence * 1000) / 1000,
        ms: Math.round(performance.now() - started),
        ...extra,
      },
      'LLM answer',
    );
  if (chunks.length === 0 || evidence < LLM_EVIDENCE_FLOOR) {
    log('refused-floor');
    return { kind: 'refuse', reason: 'floor', retrieval, rewrite };
  }
  const messages = [
    { role: 'system' as const, content: fillTemplate(loadTemplate('answer.system.md'), { department: deps.department ?? 'Sở Công Thương tỉnh Quảng Ngãi' }) },
    {
      role: 'user' as const,
      content: fillTemplate(loadTemplate('answer.user.md'), { passages: formatPassages(chunks), notes: notesBlock(deps.notesFor?.(chunks) ?? []), question }),
    },
  ];
  deps.logger?.debug({ messages }, 'LLM answer prompt');
  let output: string;
  try {
    output = await deps.generator.generate(messages);
  } catch (err) {
    const code = isAppError(err) ? err.code : 'LLM_UNAVAILABLE';
    log('fallback', { code });
    return { kind: 'fallback', reason: code === 'LLM_TIMEOUT' ? 'timeout' : 'error', retrieval, rewrite };
  }
  deps.logger?.debug({ output }, 'LLM answer output');
  if (saysNoInformation(output)) {
    log('refused-model');
    return { kind: 'refuse', reason: 'model', retrieval, rewrite };
  }
  const checked = checkCitations(output, chunks);
  if (!checked.ok) {
    log('fallback', { reason: checked.reason, cited: citedNumbers(checked.text) });
    return { kind: 'fallback', reason: checked.reason ?? 'no-citation', retrieval, rewrite };
  }
  log('answered', { cited: citedNumbers(normalizeCitations(output, chunks)) });
  return { kind: 'answer', text: checked.text, used: checked.used, retrieval, rewrite };
}
