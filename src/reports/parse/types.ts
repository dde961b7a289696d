/**
 * Types of the activity-report parser: one free-text staff message in,
 * one structured record out.
 */

import type { CountKind, ReportChannel } from '../../core/vocabulary.js';
import type { ContentArea, Indicator } from '../../knowledge/plan-parser.js';
import type { Glossary } from '../../text/glossary.js';
import type { DateIssue } from './date.js';

export type { ContentArea };

/** How an activity reached people (definitions: eval README). */
export type Channel = ReportChannel;

/** The three indices of Kế hoạch 1523/KH-SCT, section II. */
export type IndicatorName = Indicator;

/**
 * What the parser accepts as an area: a {@link ContentArea}, or a looser
 * copy of it (indicator as a plain string, body text optional).
 */
export interface ContentAreaInput {
  code: string;
  indicator: string;
  title: string;
  text?: string;
}

/** One scored area, best first, offered to the reporter when unsure. */
export interface AreaCandidate {
  code: string;
  title: string;
  score: number;
}

/** The structured record for one report message. */
export interface ParsedReport {
  /** Activity date, `YYYY-MM-DD`. */
  date: string | null;
  channel: Channel | null;
  /** Items published or handed out, or people reached or attending. */
  count: number | null;
  /** What `count` measures; null when there is no count. */
  countKind: CountKind | null;
  indicator: IndicatorName | null;
  /** Plan section code, e.g. `II.3.đ`. */
  area: string | null;
  link: string | null;
  unit: string | null;
  /** The cleaned message text. */
  description: string;
  /** Required fields not found, among `date`, `channel`, `count`, `area`. */
  missing: string[];
  /** Best three areas (always filled when areas are given). */
  areaCandidates: AreaCandidate[];
  /** A date to ask about instead of storing (planned activity, impossible day). */
  dateIssue?: DateIssue;
}

/** Options of {@link ParsedReport} parsing. */
export interface ParseReportOptions {
  /** The moment the message was sent; its calendar day in Việt Nam (UTC+7) is "today". */
  now: Date;
  /** The reporter's own unit, used when the text names none. */
  reporterUnit?: string;
  /** The plan's content areas (see `loadContentAreas`). */
  areas: readonly ContentAreaInput[];
  /** Abbreviation glossary (`knowledge/glossary.yaml`) for area scoring. */
  glossary?: Glossary;
}

/** Every channel, in display order. */
export { REPORT_CHANNELS as CHANNELS } from '../../core/vocabulary.js';

/** The message prepared once for all extractors. */
export interface PreparedText {
  /** NFC, canonical tones, `/baocao` prefix removed, spaces collapsed. */
  clean: string;
  /** `clean`, lower-cased, diacritics folded (same length as `clean`). */
  folded: string;
}
