/**
 * Query-string schemas (zod) of the admin JSON API and the export download.
 * An empty parameter counts as absent; anything else that does not fit is a
 * 400 with a Vietnamese message naming the parameter. Unknown parameters are
 * ignored (and `token` grants nothing: credentials never travel in URLs).
 */
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat } from '../export/index.js';
import { INDICATORS, type Indicator, REPORT_CHANNELS, type ReportChannel, type ReportQuery } from '../types.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const oneOf = <T extends string>(values: readonly T[], name: string) =>
  z.preprocess(blank, z.enum(values as [T, ...T[]], { errorMap: () => ({ message: `${name} phải là một trong: ${values.join(', ')}` }) }).optional());

/** Filters shared by `/admin/api/reports`, `/admin/api/summary` and `/admin/export`. */
export const reportFiltersSchema = z.object({
  year: z.preprocess(
    blank,
    z.coerce
      .number({ invalid_type_error: 'year phải là một năm, ví dụ 2026' })
      .int('year phải là một năm, ví dụ 2026')
      .min(2000, 'year phải từ 2000 đến 2999')
      .max(2999, 'year phải từ 2000 đến 2999')
      .optional(),
  ),
  indicator: oneOf<Indicator>(INDICATORS, 'indicator'),
  area: z.preprocess(blank, z.string().max(20, 'area quá dài').optional()),
  unit: z.preprocess(blank, z.string().max(200, 'unit quá dài').optional()),
  channel: oneOf<ReportChannel>(REPORT_CHANNELS, 'channel'),
});

/** `/admin/export?format=…&<filters>`. */
export const exportQuerySchema = reportFiltersSchema.extend({
  format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]], {
    errorMap: () => ({ message: 'format phải là csv, xlsx hoặc docx' }),
  }),
});

/** Parsed filters. */
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

/** The store query for parsed filters; the year defaults to `defaultYear`. */
export function filtersToQuery(f: ReportFilters, defaultYear: number): ReportQuery {
  const q: ReportQuery = { year: f.year ?? defaultYear };
  if (f.indicator) q.indicator = f.indicator;
  if (f.area) q.area = f.area;
  if (f.unit) q.unit = f.unit;
  if (f.channel) q.channel = f.channel;
  return q;
}
