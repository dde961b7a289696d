/**
 * Activity-report parser: free Vietnamese text → structured record.
 * @see parseReport
 */

export { AREA_THRESHOLD, type AreaScorer, areaScorer, confidentArea, namedIndicator } from './area-score.js';
export { type BoundReportParser, createReportParser, GLOSSARY_FILE, loadContentAreas, loadReportGlossary, PLAN_FILE } from './areas.js';
export { type ChannelScore, channelFromLink, detectChannel, scoreChannels } from './channel.js';
export { extractCount, wordsToNumber } from './count.js';
export { type DateMatch, extractDate, findDates } from './date.js';
export { extractLink, extractUnit, findLink, findUnit, stripLinks } from './link-unit.js';
export { type CompleteFn, fillWithLlm, llmFillPrompt } from './llm-fill.js';
export { isQuestion, looksLikeReport } from './looks-like-report.js';
export { missingFields, parseReport } from './parse-report.js';
export { prepareText } from './prepare.js';
export {
  type AreaCandidate,
  CHANNELS,
  type Channel,
  type ContentArea,
  type ContentAreaInput,
  type IndicatorName,
  type ParsedReport,
  type ParseReportOptions,
  type PreparedText,
} from './types.js';
