/**
 * LLM answers over numbered passages. The model must cite passages as [n];
 * an answer citing a passage that does not exist, citing nothing, or failing
 * (error, timeout) is rejected, and the caller falls back to the extractive
 * answer.
 */
import { isAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Chunk } from './chunk.js';
import { citation } from './compose.js';
import type { Generator } from './generator.js';
import { fillTemplate, loadTemplate } from './prompts.js';
import type { RetrievalResult } from './retriever.js';

const PASSAGES = 5;
const NOT_ENOUGH = 'KHÔNG_ĐỦ_THÔNG_TIN';

export interface LlmAnswer {
  text: string;
  used: Chunk[];
  abstained: boolean;
}

/** Citation numbers in an answer, in order of appearance. */
export function citedNumbers(text: string): number[] {
  return [...text.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1]));
}

/**
 * Ask the generator; returns null when its output cannot be trusted.
 * @param department name used in the system prompt
 */
export async function generateAnswer(
  generator: Generator,
  question: string,
  retrieval: RetrievalResult,
  logger?: Logger,
  department = 'Sở Công Thương tỉnh Quảng Ngãi',
  /** Dated notes on what changed since the passages were written; the model is asked to keep them. */
  notesFor?: (chunks: Chunk[]) => string[],
): Promise<LlmAnswer | null> {
  const chunks = retrieval.hits.slice(0, PASSAGES).map((h) => h.chunk);
  if (chunks.length === 0) return null;
  const passages = chunks.map((c, i) => `[${i + 1}] (${c.docId}, ${c.section}) ${c.trail.join(' › ')}\n${c.text}`).join('\n\n');
  const noteLines = notesFor?.(chunks) ?? [];
  const notes = noteLines.length > 0 ? `\nThay đổi sau khi văn bản được ban hành (giữ nguyên lời văn bản, rồi thêm lưu ý tương ứng vào cuối câu trả lời):\n${noteLines.join('\n')}\n` : '';
  let output: string;
  try {
    output = await generator.generate([
      { role: 'system', content: fillTemplate(loadTemplate('answer.system.md'), { department }) },
      { role: 'user', content: fillTemplate(loadTemplate('answer.user.md'), { passages, notes, question }) },
    ]);
  } catch (err) {
    logger?.warn({ code: isAppError(err) ? err.code : 'LLM_UNAVAILABLE' }, 'LLM failed; using the extractive answer');
    return null;
  }
  const text = output.trim();
  if (text.includes(NOT_ENOUGH)) return { text: '', used: [], abstained: true };
  const cited = citedNumbers(text);
  if (cited.length === 0 || cited.some((n) => n < 1 || n > chunks.length)) {
    logger?.warn({ cited, passages: chunks.length }, 'LLM cited a passage that does not exist (or none); using the extractive answer');
    return null;
  }
  const usedIdx = [...new Set(cited)];
  const used = usedIdx.map((n) => chunks[n - 1] as Chunk);
  // Replace [n] by the document citation the user can check.
  const rendered = text.replace(/\[(\d{1,2})\]/g, (_m, n: string) => citation(chunks[Number(n) - 1] as Chunk));
  return { text: rendered.replace(/(\[[^\]]+\])(\s*\1)+/g, '$1'), used, abstained: false };
}
