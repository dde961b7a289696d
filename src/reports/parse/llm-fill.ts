/**
 * Optional LLM fill: ask a language model for the fields the rule-based
 * parser left null. The reply is validated field by field with zod before
 * anything is used, and only null fields are filled; a failing or invalid
 * reply leaves the record unchanged.
 */
import { z } from 'zod';
import { areaCodeSchema, COUNT_KINDS, countKindSchema, INDICATORS, indicatorSchema, REPORT_CHANNELS, reportChannelSchema } from '../../core/vocabulary.js';
import { kindOfChannel } from './count.js';
import { missingFields } from './parse-report.js';
import type { ContentAreaInput, ParsedReport } from './types.js';

/** A text-completion function (prompt in, raw model text out). */
export type CompleteFn = (prompt: string) => Promise<string>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  });

/** Schema of each field the model may fill. */
const FIELD_SCHEMAS = {
  date: isoDate,
  channel: reportChannelSchema,
  count: z.number().int().positive().max(1_000_000),
  countKind: countKindSchema,
  indicator: indicatorSchema,
  area: areaCodeSchema,
  link: z
    .string()
    .max(2000)
    .regex(/^(?:https?:\/\/|www\.)\S+$/),
  unit: z.string().trim().min(2).max(120),
} as const;

type FillableField = keyof typeof FIELD_SCHEMAS;
const FILLABLE = Object.keys(FIELD_SCHEMAS) as FillableField[];

/** The prompt sent to the model (Vietnamese instructions, strict JSON reply). */
export function llmFillPrompt(parsed: ParsedReport, text: string, areas: readonly ContentAreaInput[] = []): string {
  const wanted = FILLABLE.filter((f) => parsed[f] === null);
  const areaList = areas.map((a) => `${a.code} (${a.indicator}): ${a.title}`).join('\n');
  return [
    'Bạn trích xuất thông tin từ một tin nhắn báo cáo hoạt động truyền thông của cán bộ Sở Công Thương.',
    `Tin nhắn: """${text}"""`,
    `Chỉ trả về MỘT đối tượng JSON với các khóa: ${wanted.join(', ')}. Giá trị không chắc chắn thì để null.`,
    `date: YYYY-MM-DD; channel: ${REPORT_CHANNELS.join(' | ')};`,
    `count: số nguyên (số tin/bài/tờ hoặc số người tham dự); countKind: ${COUNT_KINDS.join(' | ')}; indicator: ${INDICATORS.join(' | ')};`,
    'area: mã nội dung của Kế hoạch 1523/KH-SCT; link: URL; unit: đơn vị thực hiện.',
    areaList ? `Các mã nội dung:\n${areaList}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The first {...} block of a reply, parsed; null when there is none. */
function jsonObject(reply: string): Record<string, unknown> | null {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const v: unknown = JSON.parse(reply.slice(start, end + 1));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Fill the null fields of `parsed` from a model reply.
 * @param complete the model call; errors are swallowed (the record is returned as is)
 * @param areas when given, an area must be one of them and sets a null indicator
 * @returns a new record; `missing` is recomputed
 */
export async function fillWithLlm(parsed: ParsedReport, text: string, complete: CompleteFn, areas: readonly ContentAreaInput[] = []): Promise<ParsedReport> {
  const out: ParsedReport = { ...parsed, missing: [...parsed.missing], areaCandidates: [...parsed.areaCandidates] };
  if (!FILLABLE.some((f) => parsed[f] === null)) return out;
  let reply: string;
  try {
    reply = await complete(llmFillPrompt(parsed, text, areas));
  } catch {
    return out;
  }
  const obj = jsonObject(reply);
  if (!obj) return out;
  const filled: Partial<Record<FillableField, unknown>> = {};
  for (const f of FILLABLE) {
    if (parsed[f] !== null || obj[f] === null || obj[f] === undefined) continue;
    const r = FIELD_SCHEMAS[f].safeParse(obj[f]);
    if (r.success) filled[f] = r.data;
  }
  if (typeof filled.area === 'string' && areas.length > 0) {
    const area = areas.find((a) => a.code === filled.area);
    const indicator = out.indicator ?? filled.indicator;
    if (!area || (indicator && indicator !== area.indicator)) delete filled.area;
    else if (out.indicator === null) filled.indicator = area.indicator;
  }
  Object.assign(out, filled);
  if (out.count !== null && out.countKind === null) out.countKind = kindOfChannel(out.channel);
  out.missing = missingFields(out);
  return out;
}
