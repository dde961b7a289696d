/**
 * Pure draft logic: turn a parse into fields, find what is missing, and
 * merge a correction ("sửa ngày 21/11", "kênh là Zalo") into a draft.
 */
import { foldText } from '../../text/normalize.js';
import { indicatorOfArea } from '../labels.js';
import { countKindInText, kindOfChannel } from '../parse/count.js';
import type { ContentAreaInfo, ParsedReportLike, ReportFieldName, ReportFields } from '../types.js';

/** Fields a report needs before it can be saved, in the order they are asked. */
export const REQUIRED_FIELDS: readonly ReportFieldName[] = ['area', 'date', 'channel', 'count', 'unit'];

/** Draft fields from a parse; the unit falls back to the reporter's own unit. */
export function fieldsFromParse(p: ParsedReportLike, reporterUnit?: string): ReportFields {
  const area = p.area;
  return {
    date: p.date,
    channel: p.channel,
    count: p.count,
    countKind: p.count === null ? null : (p.countKind ?? kindOfChannel(p.channel)),
    indicator: (area ? indicatorOfArea(area) : null) ?? p.indicator,
    area,
    link: p.link,
    unit: p.unit ?? reporterUnit ?? null,
    description: p.description,
  };
}

/** Required fields that are still empty, in asking order. */
export function missingFields(f: ReportFields): ReportFieldName[] {
  return REQUIRED_FIELDS.filter((k) => f[k] === null || f[k] === '');
}

/** Keywords (diacritics folded) that name each field in a correction. */
const FIELD_KEYWORDS: ReadonlyArray<[ReportFieldName, RegExp]> = [
  ['date', /\b(ngay|thoi gian|hom qua|hom nay)\b/],
  ['channel', /\b(kenh|hinh thuc)\b/],
  ['count', /\b(so luong|sl|so nguoi|so tin|so bai)\b/],
  ['area', /\b(noi dung|linh vuc|muc|area)\b|\bii\.[123]\.[a-z]/],
  ['indicator', /\b(chi so)\b/],
  ['link', /\b(link|lien ket|duong dan|url)\b|https?:\/\//],
  ['unit', /\b(don vi|phong)\b/],
  ['description', /\b(mo ta)\b/],
];

/** Which fields a correction message names (possibly none). */
export function namedFields(text: string): ReportFieldName[] {
  const f = foldText(text);
  const names = FIELD_KEYWORDS.filter(([, re]) => re.test(f)).map(([k]) => k);
  // "mô tả" carries free text that may mention other keywords: it wins alone.
  if (/^\s*(sua\s+)?mo ta\b/.test(f)) return ['description'];
  return names;
}

/** Prefix that makes a bare answer ("21/11", "5") parse as the awaited field. */
export function answerPrefix(field: ReportFieldName): string {
  switch (field) {
    case 'date':
      return 'ngày ';
    case 'channel':
      return 'kênh ';
    case 'count':
      return 'số lượng ';
    case 'area':
      return 'nội dung ';
    case 'link':
      return 'liên kết ';
    case 'unit':
      return 'đơn vị ';
    default:
      return '';
  }
}

/** Text after a leading keyword, e.g. "mô tả: Đăng tin…" → "Đăng tin…". */
export function valueAfterKeyword(text: string, keyword: RegExp): string {
  const folded = foldText(text);
  const m = keyword.exec(folded);
  if (!m) return text.trim();
  return text
    .slice(m.index + m[0].length)
    .replace(/^\s*(là|:|=|thành)?\s*/i, '')
    .trim();
}

/**
 * Merge the named fields of a parsed correction into the draft.
 * Returns the new fields and the named fields the parse found no value for.
 */
export function mergeCorrection(
  current: ReportFields,
  text: string,
  parsed: ParsedReportLike,
  names: readonly ReportFieldName[],
): { fields: ReportFields; unresolved: ReportFieldName[] } {
  const next: ReportFields = { ...current };
  const unresolved: ReportFieldName[] = [];
  for (const name of names) {
    switch (name) {
      case 'area':
        if (parsed.area) {
          next.area = parsed.area;
          next.indicator = indicatorOfArea(parsed.area) ?? next.indicator;
        } else unresolved.push(name);
        break;
      case 'indicator':
        if (parsed.indicator) {
          next.indicator = parsed.indicator;
          if (next.area && indicatorOfArea(next.area) !== parsed.indicator) next.area = null;
        } else unresolved.push(name);
        break;
      case 'description': {
        const v = valueAfterKeyword(text, /^\s*(sua\s+)?mo ta\b/);
        if (v) next.description = v;
        else unresolved.push(name);
        break;
      }
      case 'unit': {
        const v = parsed.unit ?? valueAfterKeyword(text, /^\s*(sua\s+)?don vi\b/);
        if (v) next.unit = v;
        else unresolved.push(name);
        break;
      }
      case 'count': {
        const v = parsed.count ?? firstInteger(text);
        if (v !== null) {
          next.count = v;
          next.countKind = countKindInText(foldText(text)) ?? current.countKind ?? kindOfChannel(next.channel);
        } else unresolved.push(name);
        break;
      }
      default: {
        const v = parsed[name];
        if (v !== null && v !== undefined) (next as unknown as Record<string, unknown>)[name] = v;
        else unresolved.push(name);
      }
    }
  }
  return { fields: next, unresolved };
}

/** The first whole number in a text, or null. */
export function firstInteger(text: string): number | null {
  const m = /\d[\d.]*/.exec(text);
  if (!m) return null;
  const n = Number(m[0].replace(/\./g, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * An area code typed explicitly ("II.2.h", "ii 3 đ", "II.3.dd") that names
 * one of `areas`, or null.
 */
export function explicitAreaCode(text: string, areas: readonly ContentAreaInfo[]): string | null {
  const m = /(?:^|[^\p{L}\p{N}])II\s*[.\s]\s*([123])\s*[.\s]?\s*(dd|[a-hđ])(?![\p{L}\p{N}])/iu.exec(text.normalize('NFC'));
  if (!m) return null;
  const letter = (m[2] ?? '').toLowerCase() === 'dd' ? 'đ' : (m[2] ?? '').toLowerCase();
  const code = `II.${m[1]}.${letter}`;
  return areas.some((a) => a.code === code) ? code : null;
}

/**
 * A short token of a draft card: the draft's source message and exactly the
 * fields the card shows. A press on a card whose token no longer matches
 * (the draft changed since) is refused as stale.
 */
export function cardToken(sourceMessageId: string, f: ReportFields): string {
  const text = `${sourceMessageId}\u0000${JSON.stringify([f.date, f.channel, f.count, f.countKind, f.indicator, f.area, f.link, f.unit, f.description])}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
