/**
 * Public surface of the activity-report module (Kế hoạch 1523/KH-SCT,
 * section IV): staff report by chat, admins sum up and export.
 */

export {
  buildExport,
  docxTitle,
  EXPORT_FORMATS,
  type ExportFormat,
  isExportFormat,
  reportsToCsv,
  reportsToDocx,
  reportsToXlsx,
} from './export/index.js';

// === Conversation flow (the ReportFlow port)
export { createReportFlow, draftKey, type ReportFlowOptions } from './flow/report-flow.js';
// === Admin page (fastify plugin)
export { type AdminRoutesOptions, adminRoutes } from './http/admin-routes.js';
export { CHANNEL_LABELS, CHANNEL_SHORT, FIELD_LABELS, INDICATOR_HEADINGS, indicatorOfArea, sortAreas } from './labels.js';
// === Composition (src/main.ts)
export { createReportsModule, type ReportsModule, type ReportsModuleDeps } from './module.js';
export { localDate, type Period, type PeriodKind, parsePeriodKind, periodOf } from './period.js';
export { canMessage, type RecipientDirectory, type ReminderRecipient, sqliteRecipients } from './reminder-recipients.js';
// === Reminders
export {
  createReminderScheduler,
  memoryReminderLog,
  type ReminderLog,
  type ReminderOptions,
  type ReminderScheduler,
  sqliteReminderLog,
} from './reminders.js';
export { DELETE_WINDOW_DAYS, type DeleteOutcome, type ReportStore } from './store/report-store.js';
// === Storage
export { SqliteReportStore } from './store/sqlite-report-store.js';
export { readUnansweredQuestions, type UnansweredQuestion } from './store/unanswered-questions.js';
// === Summaries and exports
export { formatSummaryText, formatTotals, type KindTotal, type ReportSummary, summarizeReports, type Tally, totalsByKind, uncoveredAreas } from './summary.js';
// === Types and labels
export * from './types.js';
