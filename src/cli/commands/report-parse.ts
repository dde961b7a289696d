/**
 * `cli report parse`: run the activity-report parser on one message or on a
 * JSONL batch. With `--json`, stdout carries only the JSON records.
 */

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { vietnamDate } from '../../core/vietnam-time.js';
import { AppError } from '../../errors.js';
import { CHANNEL_LABELS, FIELD_LABELS } from '../../reports/labels.js';
import { loadContentAreas, loadReportGlossary, type ParsedReport, parseReport } from '../../reports/parse/index.js';
import { type CliContext, parseArgs } from '../command.js';

/** The JSON fields printed for each message, in this order. */
export const REPORT_JSON_FIELDS = ['date', 'channel', 'count', 'indicator', 'area', 'link', 'unit', 'description', 'missing'] as const;

const batchLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string(), now: z.string().optional() });

/** `YYYY-MM-DD` → UTC midnight, or an INPUT_INVALID error. */
function parseNow(value: string, where: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new AppError('INPUT_INVALID', `${where}: ngày không hợp lệ "${value}" (cần dạng YYYY-MM-DD)`);
  }
  return d;
}

/** The JSON record of one parsed message (fixed field order). */
export function reportJson(p: ParsedReport): Record<string, unknown> {
  return Object.fromEntries(REPORT_JSON_FIELDS.map((k) => [k, p[k]]));
}

/** A readable Vietnamese summary card. */
export function reportCard(p: ParsedReport): string {
  const dash = '—';
  const date = p.date ? p.date.split('-').reverse().join('/') : dash;
  const area = p.area ? `${p.area} ${p.areaCandidates.find((c) => c.code === p.area)?.title ?? ''}`.trim() : dash;
  const rows: Array<[string, string]> = [
    [FIELD_LABELS.date, date],
    [FIELD_LABELS.channel, p.channel ? CHANNEL_LABELS[p.channel] : dash],
    [FIELD_LABELS.count, p.count === null ? dash : String(p.count)],
    [FIELD_LABELS.indicator, p.indicator ?? dash],
    [FIELD_LABELS.area, area],
    [FIELD_LABELS.link, p.link ?? dash],
    [FIELD_LABELS.unit, p.unit ?? dash],
    [FIELD_LABELS.description, p.description],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 1;
  const lines = ['Báo cáo hoạt động truyền thông', ...rows.map(([k, v]) => `  ${`${k}:`.padEnd(width + 1)} ${v}`)];
  if (p.missing.length > 0) {
    const names = p.missing.map((f) => (f in FIELD_LABELS ? FIELD_LABELS[f as keyof typeof FIELD_LABELS] : f).toLowerCase());
    lines.push(`  Còn thiếu: ${names.join(', ')}`);
  }
  if (!p.area && p.areaCandidates.length > 0) {
    lines.push('  Gợi ý nội dung (chọn một):');
    for (const c of p.areaCandidates) lines.push(`    - ${c.code} ${c.title}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `report parse [--json] [--now YYYY-MM-DD] [--unit "..."] (--batch FILE | "text")`.
 * @returns exit code (2 on usage errors)
 */
export async function runReportParse(args: string[], ctx: CliContext): Promise<number> {
  const { flags, positionals } = parseArgs(args, ['now', 'batch', 'unit']);
  const json = flags.json === true;
  const defaultNow = parseNow(typeof flags.now === 'string' ? flags.now : vietnamDate(new Date()), '--now');
  const reporterUnit = typeof flags.unit === 'string' ? flags.unit : undefined;
  const areas = loadContentAreas(ctx.config.knowledgeDir);
  const glossary = loadReportGlossary(ctx.config.knowledgeDir);
  const parse = (text: string, now: Date) => parseReport(text, { now, areas, glossary, reporterUnit });

  if (typeof flags.batch === 'string') {
    const lines = readFileSync(flags.batch, 'utf8').split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      let item: z.infer<typeof batchLine>;
      try {
        item = batchLine.parse(JSON.parse(line));
      } catch (err) {
        throw new AppError('INPUT_INVALID', `${flags.batch}:${i + 1}: dòng không hợp lệ (cần {"id","text","now"?})`, { cause: err });
      }
      const p = parse(item.text, item.now ? parseNow(item.now, `${flags.batch}:${i + 1}`) : defaultNow);
      ctx.out(json ? `${JSON.stringify({ id: item.id, ...reportJson(p) })}\n` : `[${item.id}]\n${reportCard(p)}\n`);
    }
    return 0;
  }
  const text = positionals.join(' ').trim();
  if (text === '') {
    process.stderr.write('Cách dùng: report parse [--json] [--now YYYY-MM-DD] [--unit "Đơn vị"] (--batch FILE | "nội dung báo cáo")\n');
    return 2;
  }
  const p = parse(text, defaultNow);
  ctx.out(json ? `${JSON.stringify(reportJson(p))}\n` : reportCard(p));
  return 0;
}
