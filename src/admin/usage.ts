/**
 * Console routes for usage:
 * - `GET /api/usage?days=30`: the figures as JSON;
 * - `GET /usage/daily.svg`, `GET /usage/rates.svg`: server-rendered charts;
 * - `GET /usage.csv`: questions per day by channel, with the period's rates.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { csvField } from '../reports/export/csv.js';
import type { ConsoleContext } from './console-context.js';
import { CHAT_CHANNEL_LABELS, dailyChartSvg, ratesChartSvg } from './usage-chart.js';
import type { UsageSummary } from './usage-data.js';

const query = z
  .object({
    days: z.coerce
      .number({ invalid_type_error: 'days phải là số' })
      .int('days phải là số nguyên')
      .min(1, 'days tối thiểu là 1')
      .max(366, 'days tối đa là 366')
      .default(30),
  })
  .strict();

/** The usage CSV: UTF-8 with BOM, CRLF, formulas neutralised. */
export function usageCsv(s: UsageSummary): Buffer {
  const header = ['Ngày', ...s.channels.map((c) => CHAT_CHANNEL_LABELS[c] ?? c), 'Tổng'];
  const lines = [header, ...s.days.map((d) => [d.date, ...s.channels.map((c) => d.byChannel[c] ?? 0), d.total])];
  const rate = (x: number | null) => (x === null ? '' : x);
  lines.push([]);
  lines.push(['Tổng số câu hỏi', s.questions]);
  lines.push(['Tỷ lệ từ chối', rate(s.refusalRate)]);
  lines.push(['Tỷ lệ đánh giá hữu ích', rate(s.upRate)]);
  lines.push(['Tỷ lệ đánh giá không hữu ích', rate(s.downRate)]);
  lines.push(['Thời gian trả lời trung vị (ms)', s.medianAnswerMs ?? '']);
  for (const t of s.topQuestions) lines.push(['Câu hỏi nhiều nhất', t.question, t.count]);
  return Buffer.from(`\uFEFF${lines.map((l) => l.map((v) => csvField(v)).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** The usage routes; register inside the authenticated admin scope. */
export const usageRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (app, { ctx }) => {
  const summary = (q: unknown) => ctx.usage.summary((q as z.infer<typeof query>).days, ctx.now());
  const opts = { schema: { querystring: query } };

  app.get('/api/usage', opts, async (request) => summary(request.query));
  app.get('/usage/daily.svg', opts, async (request, reply) => reply.type('image/svg+xml; charset=utf-8').send(dailyChartSvg(summary(request.query))));
  app.get('/usage/rates.svg', opts, async (request, reply) => reply.type('image/svg+xml; charset=utf-8').send(ratesChartSvg(summary(request.query))));
  app.get('/usage.csv', opts, async (request, reply) => {
    const s = summary(request.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="su-dung-${s.from}-${s.to}.csv"`).send(usageCsv(s));
  });
};
