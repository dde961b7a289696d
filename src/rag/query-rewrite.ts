/**
 * LLM mode: one rewrite of the question into administrative wording ("tiền
 * làm truyền thông ai lo" → "đơn vị nào lập dự toán kinh phí thực hiện kế
 * hoạch truyền thông"), retrieved **beside** the original question and fused
 * with it by reciprocal rank, keyed by chunk id.
 *
 * The rewrite is cached in memory (bounded LRU) keyed by the normalised
 * question, so a repeated question costs no model call. On a timeout or an
 * error nothing is cached and the original question is used alone.
 */
import { isAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { normalizeLower } from '../text/normalize.js';
import { reciprocalRankFusion } from './fusion.js';
import type { Generator } from './generator.js';
import { fillTemplate, loadTemplate } from './prompts.js';
import type { RetrievalResult, RetrievedChunk, Retriever } from './retriever.js';

const MAX_REWRITE_CHARS = 300;

/** Cache key of a question: NFC, lower case, single spaces, no trailing punctuation. */
export function rewriteCacheKey(question: string): string {
  return normalizeLower(question)
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!…]+$/u, '')
    .trim();
}

/**
 * The usable rewrite in a model's output, or null: first non-empty line,
 * without quotes or a "Câu hỏi:" label, at most 300 characters, and not just
 * the question again.
 */
export function cleanRewrite(output: string, question: string): string | null {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line) return null;
  const text = line
    .replace(/^(câu hỏi( đã)?( được)? viết lại|viết lại|câu hỏi)\s*[:：]\s*/iu, '')
    .replace(/^["'“”«»]+|["'“”«»]+$/gu, '')
    .trim();
  if (!text || text.length > MAX_REWRITE_CHARS) return null;
  if (rewriteCacheKey(text) === rewriteCacheKey(question)) return null;
  return text;
}

export interface QueryRewriterOptions {
  generator: Generator;
  logger?: Logger;
  /** Cached questions (default 500). */
  capacity?: number;
  /** Time budget of one rewrite (default: the generator's own timeout). */
  timeoutMs?: number;
  department?: string;
}

export class QueryRewriter {
  private readonly cache = new Map<string, Promise<string | null>>();
  private readonly capacity: number;
  /** Model calls made (a cache hit makes none). */
  calls = 0;

  constructor(private readonly opts: QueryRewriterOptions) {
    this.capacity = Math.max(1, opts.capacity ?? 500);
  }

  get size(): number {
    return this.cache.size;
  }

  /** The rewrite, or null when there is none (no change, bad output, error, timeout). */
  async rewrite(question: string): Promise<string | null> {
    const key = rewriteCacheKey(question);
    if (!key) return null;
    const hit = this.cache.get(key);
    if (hit) {
      // Least recently used goes first: move the hit to the end.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const pending = this.ask(question).catch((err: unknown) => {
      this.cache.delete(key);
      this.opts.logger?.warn({ code: isAppError(err) ? err.code : 'LLM_UNAVAILABLE' }, 'query rewrite failed; using the original question alone');
      return null;
    });
    this.cache.set(key, pending);
    while (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    return pending;
  }

  private async ask(question: string): Promise<string | null> {
    this.calls++;
    const system = fillTemplate(loadTemplate('rewrite.system.md'), { department: this.opts.department ?? 'Sở Công Thương tỉnh Quảng Ngãi' });
    this.opts.logger?.debug({ prompt: question }, 'query rewrite prompt');
    const output = await this.opts.generator.generate(
      [
        { role: 'system', content: system },
        { role: 'user', content: question },
      ],
      this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {},
    );
    const rewrite = cleanRewrite(output, question);
    this.opts.logger?.debug({ rewrite }, 'query rewrite');
    return rewrite;
  }
}

/** Evidence of a retrieval: the best passage's word + ½ phrase coverage, times the supported-syllable share. */
export function retrievalEvidence(r: RetrievalResult): number {
  const top = r.hits[0];
  if (!top || r.terms.length === 0) return 0;
  return (top.coverage + 0.5 * top.phraseCoverage) * r.supportedSyllables;
}

/**
 * Fuse the retrievals of the original question and of its rewrite: hits in
 * reciprocal-rank order keyed by chunk id (each with its better-scored
 * features); the question-level features (terms, coverage) of whichever
 * query has more evidence; the original's intent (the rewrite keeps the
 * question's form, but the user's own words decide).
 */
export function fuseRetrievals(original: RetrievalResult, rewritten: RetrievalResult, limit = 10): RetrievalResult {
  const fused = reciprocalRankFusion([original.hits.map((h) => h.chunk.id), rewritten.hits.map((h) => h.chunk.id)]);
  const best = new Map<string, RetrievedChunk>();
  for (const h of [...original.hits, ...rewritten.hits]) {
    const prev = best.get(h.chunk.id);
    if (!prev || h.score > prev.score) best.set(h.chunk.id, h);
  }
  const base = retrievalEvidence(rewritten) > retrievalEvidence(original) ? rewritten : original;
  const hits = fused.map((f) => best.get(f.id)).filter((h): h is RetrievedChunk => h !== undefined);
  return { ...base, intent: original.intent, hits: hits.slice(0, limit) };
}

/** Result of {@link retrieveWithRewrite}. */
export interface RewriteRetrieval {
  retrieval: RetrievalResult;
  /** The rewrite used, or null (the original alone). */
  rewrite: string | null;
  /** Evidence of the better of the two queries. */
  evidence: number;
}

/**
 * Retrieve for the question and its rewrite and fuse them; the original
 * alone when there is no rewrite.
 * @param original the retrieval already done for the question
 */
export async function retrieveWithRewrite(
  retriever: Retriever,
  rewriter: QueryRewriter | undefined,
  question: string,
  original: RetrievalResult,
): Promise<RewriteRetrieval> {
  const rewrite = rewriter ? await rewriter.rewrite(question) : null;
  if (!rewrite) return { retrieval: original, rewrite: null, evidence: retrievalEvidence(original) };
  const rewritten = await retriever.retrieve(rewrite);
  return {
    retrieval: fuseRetrievals(original, rewritten),
    rewrite,
    evidence: Math.max(retrievalEvidence(original), retrievalEvidence(rewritten)),
  };
}
