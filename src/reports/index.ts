/**
 * Public surface of the activity-report module (Kế hoạch 1523/KH-SCT,
 * section IV): staff report by chat, admins sum up and export.
 */

// === Composition (src/main.ts)
export { createReportsModule, type ReportsModule, type ReportsModuleDeps } from './module.js';

// === Conversation flow (the ReportFlow port)
export { createReportFlow, draftKey, type ReportFlowOptions } from './flow/report-flow.js';

// === Storage
export { SqliteReportStore } from './store/sqlite-report-store.js';
export { DELETE_WINDOW_DAYS, type DeleteOutcome, type ReportStore } from './store/report-store.js';
export { readUnansweredQuestions, type UnansweredQuestion } from './store/unanswered-questions.js';

// === Summaries and exports
export { summarizeReports, uncoveredAreas, formatSummaryText, type ReportSummary, type Tally } from './summary.js';
export { periodOf, parsePeriodKind, localDate, type Period, type PeriodKind } from './period.js';
export {
  buildExport,
  isExportFormat,
  reportsToCsv,
  reportsToXlsx,
  reportsToDocx,
  docxTitle,
  EXPORT_FORMATS,
  type ExportFormat,
} from './export/index.js';

// === Admin page (fastify plugin)
export { adminRoutes, type AdminRoutesOptions } from './http/admin-routes.js';

// === Reminders
export {
  createReminderScheduler,
  memoryReminderLog,
  sqliteReminderLog,
  type ReminderOptions,
  type ReminderScheduler,
  type ReminderLog,
} from './reminders.js';
export { sqliteRecipients, canMessage, type RecipientDirectory, type ReminderRecipient } from './reminder-recipients.js';

// === Types and labels
export * from './types.js';
export { CHANNEL_LABELS, CHANNEL_SHORT, FIELD_LABELS, INDICATOR_HEADINGS, indicatorOfArea, sortAreas } from './labels.js';
