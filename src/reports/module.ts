/**
 * Composition of the reports module for `src/main.ts`: store, plan areas,
 * parser, conversation flow, admin page plugin and reminders, from the
 * bot's config and database.
 */
import type { Config } from '../config.js';
import type { OutboundSender, ReportFlow } from '../core/messages.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/database.js';
import { createReportFlow } from './flow/report-flow.js';
import { type AdminRoutesOptions, adminRoutes } from './http/admin-routes.js';
import { loadContentAreas, loadReportGlossary, looksLikeReport, parseReport } from './parse/index.js';
import { sqliteRecipients } from './reminder-recipients.js';
import { createReminderScheduler, type ReminderScheduler, sqliteReminderLog } from './reminders.js';
import type { ReportStore } from './store/report-store.js';
import { SqliteReportStore } from './store/sqlite-report-store.js';
import { readUnansweredQuestions } from './store/unanswered-questions.js';
import type { ContentAreaInfo, ParsedReportLike, ReportParser } from './types.js';
import { loadUnits } from './units.js';

/** What {@link createReportsModule} needs. */
export interface ReportsModuleDeps {
  db: Db;
  config: Pick<Config, 'knowledgeDir' | 'server' | 'department' | 'reminderDays'>;
  logger: Logger;
  now?: () => Date;
  /**
   * Optional second pass for fields the rule-based parser left null, e.g.
   * `(p, text) => fillWithLlm(p, text, complete, areas)` from `./parse/index.js`.
   */
  fill?: (parsed: ParsedReportLike, text: string) => Promise<ParsedReportLike>;
}

/** The wired reports module. */
export interface ReportsModule {
  store: ReportStore;
  areas: readonly ContentAreaInfo[];
  /** Pass to `createConversationEngine({ reportFlow })`. */
  flow: ReportFlow;
  /** Push onto `buildHttpApp({ plugins })` (404 unless ADMIN_TOKEN is set). */
  adminPlugin: { plugin: typeof adminRoutes; opts: AdminRoutesOptions };
  /** Start the reminder timer chain (unref'd); call `stop()` on shutdown. */
  startReminders(sender: OutboundSender): ReminderScheduler;
}

/**
 * Build the reports module.
 * @throws AppError KNOWLEDGE_FILE_UNREADABLE / KNOWLEDGE_INVALID when the plan file is missing or has no areas.
 * @example
 * const reports = createReportsModule({ db, config, logger });
 * const engine = createConversationEngine({ ..., reportFlow: reports.flow });
 * plugins.push(reports.adminPlugin);
 * const reminders = reports.startReminders(outbound);
 */
export function createReportsModule(deps: ReportsModuleDeps): ReportsModule {
  const { db, config, logger } = deps;
  const log = logger.child({ module: 'reports' });
  const store = new SqliteReportStore(db);
  const areas = loadContentAreas(config.knowledgeDir);
  const glossary = loadReportGlossary(config.knowledgeDir);
  const fill = deps.fill;
  const parse: ReportParser = async (text, o) => {
    const parsed = parseReport(text, { ...o, ...(glossary ? { glossary } : {}) });
    if (!fill || parsed.missing.length === 0) return parsed;
    try {
      return await fill(parsed, text);
    } catch (err) {
      log.warn({ err }, 'report fill failed; using the rule-based parse');
      return parsed;
    }
  };
  const flow = createReportFlow({
    store,
    parse,
    areas,
    looksLikeReport,
    logger: log,
    departmentName: config.department.name,
    units: loadUnits(config.knowledgeDir),
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    store,
    areas,
    flow,
    adminPlugin: {
      plugin: adminRoutes,
      opts: {
        store,
        areas,
        adminToken: config.server.adminToken,
        unanswered: () => readUnansweredQuestions(db),
        departmentName: config.department.name,
        ...(config.server.publicUrl ? { publicUrl: config.server.publicUrl } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      },
    },
    startReminders(sender) {
      const scheduler = createReminderScheduler({
        store,
        sender,
        recipients: sqliteRecipients(db),
        areas,
        reminderDays: config.reminderDays,
        logger: log,
        log: sqliteReminderLog(db),
        ...(deps.now ? { now: deps.now } : {}),
      });
      scheduler.start();
      return scheduler;
    },
  };
}
