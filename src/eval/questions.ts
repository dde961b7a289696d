/**
 * Scoring of question sets in the format of `shared/eval/README.md`:
 * hit@1, hit@5, MRR over returned sources; answer-keyword accuracy (folded);
 * abstention on out-of-scope items and false abstentions on the rest.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Answer, QuestionAnswerer } from '../core/answer.js';
import { percentile } from '../core/percentile.js';
import { AppError } from '../errors.js';
import { foldText } from '../text/normalize.js';

export const evalItemSchema = z.object({
  id: z.string(),
  kind: z.string().optional(),
  q: z.string(),
  expect: z.array(z.array(z.string())).default([]),
  answer_has: z.array(z.string()).default([]),
  abstain: z.boolean().optional(),
  /**
   * The previous question in the conversation (the item is a follow-up), or
   * the earlier turns oldest first: each is asked in order, resolved against
   * the one before, as a chat does (see {@link runEval}).
   */
  prev: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** Tuning or held-out half, from {@link splitOf}. */
  split: z.enum(['tune', 'test']).optional(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;
export type EvalSplit = 'tune' | 'test';

/** The split of an item, from a seeded hash of its id (50/50). */
export function splitOf(id: string): EvalSplit {
  const h = createHash('sha256').update(`cchc-eval-split-v1:${id}`).digest();
  return (h[0] as number) % 2 === 0 ? 'tune' : 'test';
}

/** Files named by the arguments: a file as is, a directory as its `*.jsonl` files (sorted). */
export function expandEvalPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new AppError('INPUT_INVALID', `Không tìm thấy tệp đánh giá: ${p}`);
    if (statSync(p).isDirectory()) {
      out.push(
        ...readdirSync(p)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => join(p, f)),
      );
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Keep the items of one split and/or kind (split read from the item, else computed). */
export function filterItems(items: EvalItem[], opts: { split?: EvalSplit; kind?: string }): EvalItem[] {
  return items.filter((i) => (!opts.split || (i.split ?? splitOf(i.id)) === opts.split) && (!opts.kind || i.kind === opts.kind));
}

export interface ItemResult {
  id: string;
  kind?: string;
  rank: number | null;
  /** The item names expected evidence (so it counts for hit@k). */
  hasExpect: boolean;
  keywordsOk: boolean | null;
  abstained: boolean;
  shouldAbstain: boolean;
  ms: number;
}

export interface EvalSummary {
  n: number;
  inScope: number;
  outOfScope: number;
  hit1: number;
  hit5: number;
  mrr: number;
  keywordAccuracy: number;
  oosAbstained: number;
  falseAbstentions: number;
  p50: number;
  p95: number;
  items: ItemResult[];
}

/** Normalisation for evidence matching (README: NFC, lower, dashes, spaces). */
export function normForMatch(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isRelevant(text: string, expect: string[][]): boolean {
  const t = normForMatch(text);
  return expect.some((alt) => alt.every((p) => t.includes(normForMatch(p))));
}

export function readEvalFile(file: string): EvalItem[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  return lines.map((l, i) => {
    let json: unknown;
    try {
      json = JSON.parse(l);
    } catch (e) {
      throw new AppError('INPUT_INVALID', `${file}:${i + 1}: JSON không hợp lệ (${e instanceof Error ? e.message : String(e)})`);
    }
    const parsed = evalItemSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('INPUT_INVALID', `${file}:${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    return parsed.data;
  });
}

export function scoreItem(item: EvalItem, a: Answer): ItemResult {
  const shouldAbstain = item.abstain === true;
  let rank: number | null = null;
  if (!shouldAbstain && item.expect.length > 0) {
    const idx = a.sources.slice(0, 5).findIndex((s) => isRelevant(s.text, item.expect));
    rank = idx >= 0 ? idx + 1 : null;
  }
  const keywordsOk = shouldAbstain || item.answer_has.length === 0 ? null : item.answer_has.every((k) => foldText(a.answer).includes(foldText(k)));
  return {
    id: item.id,
    kind: item.kind,
    rank,
    hasExpect: !shouldAbstain && item.expect.length > 0,
    keywordsOk,
    abstained: a.abstained,
    shouldAbstain,
    ms: a.ms,
  };
}

/** The earlier turns of an item, oldest first (empty: not a follow-up). */
export function earlierTurns(item: Pick<EvalItem, 'prev'>): string[] {
  if (item.prev === undefined) return [];
  return typeof item.prev === 'string' ? [item.prev] : item.prev;
}

/**
 * The previous question the item's own question is resolved against: its
 * earlier turns asked in order, each with the one before as a chat stores it
 * (the answer's standalone form, else the question as typed). One earlier
 * turn is passed as it is, unasked.
 */
export async function previousOf(item: Pick<EvalItem, 'prev'>, answerer: QuestionAnswerer): Promise<string | undefined> {
  const turns = earlierTurns(item);
  if (turns.length <= 1) return turns[0];
  let previous: string | undefined;
  for (const turn of turns) {
    const answer = await answerer.ask(turn, previous ? { previousQuestion: previous } : {});
    previous = answer.resolvedQuestion ?? turn;
  }
  return previous;
}

/** Ask every item (a follow-up with its `prev` turns before it) and score the answers. */
export async function runEval(items: EvalItem[], answerer: QuestionAnswerer): Promise<EvalSummary> {
  const results: ItemResult[] = [];
  for (const item of items) {
    const previousQuestion = await previousOf(item, answerer);
    const answer = await answerer.ask(item.q, previousQuestion ? { previousQuestion } : {});
    results.push(scoreItem(item, answer));
  }
  return summarize(results);
}

/** Aggregate item results into the summary metrics. */
export function summarize(results: ItemResult[]): EvalSummary {
  const inScope = results.filter((r) => !r.shouldAbstain);
  const ranked = inScope.filter((r) => r.hasExpect);
  const kw = inScope.filter((r) => r.keywordsOk !== null);
  const oos = results.filter((r) => r.shouldAbstain);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 1);
  return {
    n: results.length,
    inScope: inScope.length,
    outOfScope: oos.length,
    hit1: ratio(ranked.filter((r) => r.rank === 1).length, ranked.length),
    hit5: ratio(ranked.filter((r) => r.rank !== null).length, ranked.length),
    mrr: ratio(
      ranked.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0),
      ranked.length,
    ),
    keywordAccuracy: ratio(kw.filter((r) => r.keywordsOk).length, kw.length),
    oosAbstained: ratio(oos.filter((r) => r.abstained).length, oos.length),
    falseAbstentions: ratio(inScope.filter((r) => r.abstained).length, inScope.length),
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    items: results,
  };
}

/** Summaries per kind, kinds in first-seen order. */
export function summaryByKind(s: EvalSummary): Array<{ kind: string; summary: EvalSummary }> {
  const kinds = [...new Set(s.items.map((r) => r.kind ?? '-'))];
  return kinds.map((kind) => ({ kind, summary: summarize(s.items.filter((r) => (r.kind ?? '-') === kind)) }));
}

/** A fixed-width table: one row per kind (n, hit@1, hit@5, MRR, keywords, oos abstained, in-scope abstained). */
export function formatKindTable(s: EvalSummary): string {
  const f = (x: number, n: number) => (n === 0 ? '    -' : x.toFixed(3));
  const rows = summaryByKind(s).map(({ kind, summary: k }) => {
    const ranked = k.items.filter((r) => r.hasExpect).length;
    const kw = k.items.filter((r) => r.keywordsOk !== null).length;
    return `${kind.padEnd(16)} ${String(k.n).padStart(4)}  ${f(k.hit1, ranked)}  ${f(k.hit5, ranked)}  ${f(k.mrr, ranked)}  ${f(k.keywordAccuracy, kw)}  ${f(k.oosAbstained, k.outOfScope)}  ${f(k.falseAbstentions, k.inScope)}`;
  });
  const head = ['hit@1', 'hit@5', 'MRR', 'kw', 'oos', 'in-ab'].map((h) => h.padStart(5)).join('  ');
  return [`${'kind'.padEnd(16)} ${'n'.padStart(4)}  ${head}`, ...rows].join('\n');
}

export function formatSummary(s: EvalSummary): string {
  const f = (x: number) => x.toFixed(3);
  return `eval n=${s.n} (in-scope ${s.inScope}, oos ${s.outOfScope}): hit@1 ${f(s.hit1)} | hit@5 ${f(s.hit5)} | MRR ${f(s.mrr)} | answer-keywords ${f(s.keywordAccuracy)} | oos abstained ${f(s.oosAbstained)} | in-scope abstained ${f(s.falseAbstentions)} | p50 ${s.p50.toFixed(1)} ms | p95 ${s.p95.toFixed(1)} ms`;
}
