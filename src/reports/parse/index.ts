/**
 * Activity-report parser: free Vietnamese text → structured record.
 * @see parseReport
 */
export { parseReport, missingFields } from './parse-report.js';
export { isQuestion, looksLikeReport } from './looks-like-report.js';
export { fillWithLlm, llmFillPrompt, type CompleteFn } from './llm-fill.js';
export { createReportParser, loadContentAreas, loadReportGlossary, PLAN_FILE, GLOSSARY_FILE, type BoundReportParser } from './areas.js';
export { areaScorer, confidentArea, namedIndicator, AREA_THRESHOLD, type AreaScorer } from './area-score.js';
export { channelFromLink, detectChannel, scoreChannels, type ChannelScore } from './channel.js';
export { extractCount, wordsToNumber } from './count.js';
export { extractDate, findDates, type DateMatch } from './date.js';
export { extractLink, extractUnit, findLink, findUnit, stripLinks } from './link-unit.js';
export { prepareText } from './prepare.js';
export {
  CHANNELS,
  type AreaCandidate,
  type Channel,
  type ContentArea,
  type ContentAreaInput,
  type IndicatorName,
  type ParsedReport,
  type ParseReportOptions,
  type PreparedText,
} from './types.js';
