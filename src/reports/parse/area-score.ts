/**
 * Content-area classification from the plan's own wording. Each area is a
 * bag of folded syllables and syllable bigrams (with glossary expansion),
 * weighted by IDF over the 22 areas; words of the area heading weigh more.
 * An indicator named in the message ("PCI", "chỉ số PAPI") favours its areas.
 */
import type { Glossary } from '../../text/glossary.js';
import { foldText, normalizeText } from '../../text/normalize.js';
import { syllables, tokenize } from '../../text/tokenize.js';
import type { AreaCandidate, ContentAreaInput, IndicatorName } from './types.js';

/** Heading terms count this many times a body term. */
const HEADING_WEIGHT = 3;
/** Bigrams carry phrases ("thủ tục", "tham nhũng"): they count more. */
const BIGRAM_WEIGHT = 1.5;
const TRIGRAM_WEIGHT = 2;
/** Bonus (fraction of the top score) for areas of an indicator the message names. */
const INDICATOR_BONUS = 0.5;

/** Minimum top score and margin over the runner-up to set an area. */
export const AREA_THRESHOLD = { minScore: 20, minRatio: 1.2 } as const;

interface AreaModel {
  area: ContentAreaInput;
  heading: Set<string>;
  body: Set<string>;
}

/** A prepared scorer over a fixed set of areas. */
export interface AreaScorer {
  /** Scores of every area for a message, best first. */
  score(text: string): AreaCandidate[];
}

/** Heading without the "Truyền thông (về chỉ số | nội dung)" lead-in. */
function headingCore(title: string): string {
  return title
    .replace(/^truyền thông\s+/i, '')
    .replace(/^(?:về chỉ số|nội dung|cải thiện điểm số chỉ số thành phần(?:\s*\(PCI\))?)\s*/i, '')
    .replace(/["“”]/g, '');
}

/**
 * Words every report uses ("tuyên truyền", "tổ chức", "giới thiệu"): they
 * say that something was communicated, not what about.
 */
const GENERIC = new Set(
  'tuyen truyen pho bien trien khai gioi thieu thong tin tuyen_truyen pho_bien trien_khai gioi_thieu to_chuc thuc_hien truyen_thong cong_tac dang_tai chia_se'.split(
    ' ',
  ),
);

/** Syllable trigrams (folded): long shared phrases are strong evidence. */
function trigrams(text: string): string[] {
  const words = syllables(foldText(normalizeText(text)));
  const out: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}_${words[i + 2]}`);
  return out;
}

/** Tokens worth matching: drop bare numbers except document-like ones (≥ 3 digits). */
function terms(text: string, glossary?: Glossary): Set<string> {
  return new Set([...tokenize(text, glossary).folded, ...trigrams(text)].filter((t) => !/^\d{1,2}$/.test(t)));
}

/** Message terms: as {@link terms}, without the generic report words. */
function messageTerms(text: string, glossary?: Glossary): Set<string> {
  return new Set([...terms(text, glossary)].filter((t) => !GENERIC.has(t)));
}

const cache = new WeakMap<readonly ContentAreaInput[], Map<Glossary | undefined, AreaScorer>>();

/**
 * Build (or reuse) the scorer for a list of areas.
 * @param areas the plan's content areas
 * @param glossary abbreviation glossary, for expansion on both sides
 */
export function areaScorer(areas: readonly ContentAreaInput[], glossary?: Glossary): AreaScorer {
  let byGlossary = cache.get(areas);
  const hit = byGlossary?.get(glossary);
  if (hit) return hit;
  const models: AreaModel[] = areas.map((area) => {
    const heading = terms(headingCore(area.title), glossary);
    const body = terms(`${area.title}\n${area.text ?? ''}`, glossary);
    return { area, heading, body };
  });
  const df = new Map<string, number>();
  for (const m of models) for (const t of m.body) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, models.length);
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? n));

  const scorer: AreaScorer = {
    score(text: string): AreaCandidate[] {
      const msg = messageTerms(text, glossary);
      const named = namedIndicator(text);
      const raw = models.map((m) => {
        let s = 0;
        for (const t of msg) {
          if (!m.body.has(t)) continue;
          const grams = t.split('_').length;
          const w = idf(t) * (grams === 3 ? TRIGRAM_WEIGHT : grams === 2 ? BIGRAM_WEIGHT : 1);
          s += w * (m.heading.has(t) ? HEADING_WEIGHT : 1);
        }
        return { m, s };
      });
      const top = Math.max(0, ...raw.map((r) => r.s));
      return raw
        .map(({ m, s }) => ({
          code: m.area.code,
          title: m.area.title,
          score: Math.round((s + (named && m.area.indicator === named ? INDICATOR_BONUS * top + 1 : 0)) * 100) / 100,
        }))
        .sort((a, b) => b.score - a.score);
    },
  };
  if (!byGlossary) {
    byGlossary = new Map();
    cache.set(areas, byGlossary);
  }
  byGlossary.set(glossary, scorer);
  return scorer;
}

/**
 * The indicator a message names outright ("PCI", "chỉ số PAPI", "năng lực
 * cạnh tranh"), or null when none or several are named.
 */
export function namedIndicator(text: string): IndicatorName | null {
  const f = foldText(text);
  const found = new Set<IndicatorName>();
  if (/\bpar\s*index\b|\bchi\s+so\s+(?:cai\s+cach\s+hanh\s+chinh|cchc)\b/.test(f)) found.add('PAR INDEX');
  if (/\bpapi\b|hieu\s+qua\s+quan\s+tri\s+va\s+hanh\s+chinh\s+cong/.test(f)) found.add('PAPI');
  if (/\bpci\b|nang\s+luc\s+canh\s+tranh\s+cap\s+tinh/.test(f)) found.add('PCI');
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * Pick an area only when the evidence is clear: the top score reaches
 * {@link AREA_THRESHOLD}.minScore and beats the runner-up by minRatio.
 */
export function confidentArea(candidates: readonly AreaCandidate[]): AreaCandidate | null {
  const [first, second] = candidates;
  if (!first || first.score < AREA_THRESHOLD.minScore) return null;
  if (second && first.score < second.score * AREA_THRESHOLD.minRatio) return null;
  return first;
}
