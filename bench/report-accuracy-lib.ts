/**
 * Field accuracy of the report parser against an eval file
 * (`{"id","now","text","expect"}` per line; see shared/eval/README.md).
 * A field counts only for messages whose `expect` lists it.
 */
import { z } from 'zod';
import { type ContentAreaInput, type ParsedReport, parseReport } from '../src/reports/parse/index.js';
import type { Glossary } from '../src/text/glossary.js';

/** Fields the eval may score, in print order. */
export const SCORED_FIELDS = ['date', 'channel', 'count', 'indicator', 'area', 'link'] as const;
type ScoredField = (typeof SCORED_FIELDS)[number];

const evalLine = z.object({
  id: z.string(),
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string(),
  expect: z.record(z.string(), z.unknown()),
});

/** One eval message. */
export type EvalReport = z.infer<typeof evalLine>;

/** Per-field and overall accuracy, plus the misses for debugging. */
export interface AccuracyResult {
  n: number;
  overall: number;
  fields: Partial<Record<ScoredField, { correct: number; total: number }>>;
  misses: Array<{ id: string; field: string; expected: unknown; got: unknown }>;
}

/** Parse a JSONL eval file's content (blank lines ignored). */
export function readEvalReports(content: string): EvalReport[] {
  return content
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const r = evalLine.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`line ${i + 1}: ${r.error.message}`);
      return r.data;
    });
}

/** Score the parser on eval messages. */
export function scoreReports(items: readonly EvalReport[], areas: readonly ContentAreaInput[], glossary?: Glossary): AccuracyResult {
  const fields: AccuracyResult['fields'] = {};
  const misses: AccuracyResult['misses'] = [];
  let correct = 0;
  let total = 0;
  for (const item of items) {
    const p: ParsedReport = parseReport(item.text, { now: new Date(`${item.now}T00:00:00Z`), areas, glossary });
    for (const field of SCORED_FIELDS) {
      if (!(field in item.expect)) continue;
      const stat = (fields[field] ??= { correct: 0, total: 0 });
      const ok = p[field] === item.expect[field];
      stat.total++;
      total++;
      if (ok) {
        stat.correct++;
        correct++;
      } else misses.push({ id: item.id, field, expected: item.expect[field], got: p[field] });
    }
  }
  return { n: items.length, overall: total === 0 ? 0 : correct / total, fields, misses };
}

/** `report fields: 0.97 overall (date 1.00, channel 0.95, …) n=…` */
export function formatAccuracy(r: AccuracyResult): string {
  const parts = SCORED_FIELDS.flatMap((f) => {
    const s = r.fields[f];
    return s ? [`${f} ${(s.correct / s.total).toFixed(2)}`] : [];
  });
  return `report fields: ${r.overall.toFixed(2)} overall (${parts.join(', ')}) n=${r.n}`;
}
