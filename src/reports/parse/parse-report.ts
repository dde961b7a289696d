/**
 * `parseReport`: one staff message ("Đã đăng 3 tin về DVC trực tuyến trên
 * Cổng TTĐT ngày 20/11") → a structured activity record. Works with or
 * without diacritics; every extractor is a pure function of the text and
 * `now`.
 */
import { indicatorSchema } from '../../core/vocabulary.js';
import { areaScorer, confidentArea, namedIndicator } from './area-score.js';
import { channelFromLink, channelSpans, detectChannel } from './channel.js';
import { extractCountWithKind } from './count.js';
import { dateIssue, extractDate, findDates } from './date.js';
import { findLink, findUnit } from './link-unit.js';
import { blankSpans, prepareText } from './prepare.js';
import type { IndicatorName, ParsedReport, ParseReportOptions } from './types.js';

function asIndicator(s: string | undefined): IndicatorName | null {
  const r = indicatorSchema.safeParse(s);
  return r.success ? r.data : null;
}

/**
 * Parse one activity report.
 * @param text the message as typed, with or without a leading `/baocao`
 * @param opts `now` (send time), the plan's `areas`, optional `reporterUnit`
 *   and `glossary`
 */
export function parseReport(text: string, opts: ParseReportOptions): ParsedReport {
  const { clean, folded } = prepareText(text);
  const link = findLink(clean);
  const linkSpan: Array<[number, number]> = link ? [[link.start, link.end]] : [];
  const foldedNoLink = blankSpans(folded, linkSpan);

  const date = extractDate(foldedNoLink, opts.now);
  const dateSpans = findDates(foldedNoLink, opts.now).map((d): [number, number] => [d.start, d.end]);
  const channel = detectChannel(foldedNoLink, blankSpans(clean, linkSpan)) ?? (link ? channelFromLink(link.link) : null);
  const counted = extractCountWithKind(foldedNoLink, clean, channel, dateSpans);

  const unit = findUnit(clean);
  const unitSpan: Array<[number, number]> = unit ? [[unit.start, unit.end]] : [];
  const areaText = blankSpans(clean, [...linkSpan, ...dateSpans, ...unitSpan, ...channelSpans(foldedNoLink)]);
  const candidates = opts.areas.length > 0 ? areaScorer(opts.areas, opts.glossary).score(areaText) : [];
  const chosen = explicitArea(clean, candidates) ?? confidentArea(candidates);
  const chosenArea = chosen ? opts.areas.find((a) => a.code === chosen.code) : undefined;
  const indicator = asIndicator(chosenArea?.indicator) ?? namedIndicator(clean);

  const parsed: ParsedReport = {
    date: date?.iso ?? null,
    channel,
    count: counted?.count ?? null,
    countKind: counted?.kind ?? null,
    indicator,
    area: chosen?.code ?? null,
    link: link?.link ?? null,
    unit: unit?.unit ?? opts.reporterUnit ?? null,
    description: clean,
    missing: [],
    areaCandidates: candidates.slice(0, 3),
  };
  const issue = dateIssue(foldedNoLink, opts.now);
  if (issue) parsed.dateIssue = issue;
  parsed.missing = missingFields(parsed);
  return parsed;
}

const AREA_CODE = /(?<![\p{L}\p{N}.])(II)\s*\.\s*([1-3])\s*\.?\s*([a-hđ])(?![\p{L}])/iu;

/** An area the reporter named by its code ("mục II.3.đ"), if it exists. */
function explicitArea(clean: string, candidates: ParsedReport['areaCandidates']): ParsedReport['areaCandidates'][number] | null {
  const m = AREA_CODE.exec(clean);
  if (!m) return null;
  const code = `II.${m[2]}.${(m[3] ?? '').toLowerCase()}`;
  return candidates.find((c) => c.code === code) ?? null;
}

/** Required fields (`date`, `channel`, `count`, `area`) still null. */
export function missingFields(r: Pick<ParsedReport, 'date' | 'channel' | 'count' | 'area'>): string[] {
  return (['date', 'channel', 'count', 'area'] as const).filter((k) => r[k] === null);
}
