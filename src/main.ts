/**
 * Composition root (`npm start`): read the configuration, open the database
 * and the knowledge base, build the conversation engine, the channels and
 * the HTTP server, listen, and shut everything down cleanly on SIGINT/SIGTERM.
 * The only module (with the CLI's main) that starts anything.
 */

import type { AddressInfo } from 'node:net';
import { createHandoffHooks } from './chat/handoff.js';
import { SqliteChatStore } from './chat/sqlite-chat-store.js';
import { createConfig } from './config.js';
import type { ReportFlow } from './core/messages.js';
import { vietnamDate } from './core/vietnam-time.js';
import { readEnvironment } from './env.js';
import { isAppError } from './errors.js';
import { createTelegramStaffNotifier, createTicketService, handoffShorthand, SqliteTicketStore } from './handoff/index.js';
import { createLogger, type Logger } from './logger.js';
import { SqliteCuratedHitStore } from './rag/curated-hits.js';
import type { KnowledgeBase } from './rag/knowledge-base.js';
import { createLiveKnowledge } from './rag/live-knowledge.js';
import { watchSnapshots } from './rag/snapshot-watcher.js';
import type { ReportsModule } from './reports/index.js';
import type { ParsedReport } from './reports/parse/index.js';
import type { ParsedReportLike } from './reports/types.js';
import type { MountedPlugin } from './server/app.js';
import { announceReady, isClusterPrimary, probesListenAddress, runsSingletonJobs, superviseWorkers } from './server/cluster.js';
import { knowledgeSyncForProcess, snapshotName, syncedKnowledge } from './server/knowledge-sync.js';
import { listenError } from './server/listen-error.js';
import { checkCanListen } from './server/port-check.js';
import { installRejectionSafetyNet } from './server/process-safety.js';
import type { ShutdownStep } from './server/shutdown.js';
import { openServiceDatabase } from './store/open-service-database.js';
import { databasePath, uploadedDocumentsDir } from './store/paths.js';
import { DAY_MS, startDailyJob } from './store/retention.js';

/**
 * The heavy modules (knowledge base, channels, reports, HTTP), loaded only
 * after the preflight passed, so a wrong setting is reported in a second.
 */
async function loadServiceModules() {
  const [engine, unavailable, configured, outboundSender, telegramMod, kbMod, llmMod, portsMod, reportsMod, parseMod, appMod, shutdownMod, adminMod, unitsMod] =
    await Promise.all([
      import('./chat/engine.js'),
      import('./chat/unavailable-answerer.js'),
      import('./channels/configured-channels.js'),
      import('./channels/outbound-sender.js'),
      import('./channels/telegram/index.js'),
      import('./rag/knowledge-base.js'),
      import('./llm/openai-generator.js'),
      import('./llm/ports.js'),
      import('./reports/index.js'),
      import('./reports/parse/index.js'),
      import('./server/app.js'),
      import('./server/shutdown.js'),
      import('./admin/index.js'),
      import('./reports/units.js'),
    ]);
  return {
    createConversationEngine: engine.createConversationEngine,
    createUnavailableAnswerer: unavailable.createUnavailableAnswerer,
    createConfiguredChannels: configured.createConfiguredChannels,
    createOutboundSender: outboundSender.createOutboundSender,
    telegramWebhookUrl: telegramMod.telegramWebhookUrl,
    openKnowledgeBase: kbMod.openKnowledgeBase,
    queryKnowledgeFor: kbMod.queryKnowledgeFor,
    OpenAiGenerator: llmMod.OpenAiGenerator,
    createLlmPorts: portsMod.createLlmPorts,
    createReportsModule: reportsMod.createReportsModule,
    fillWithLlm: parseMod.fillWithLlm,
    buildHttpApp: appMod.buildHttpApp,
    createShutdown: shutdownMod.createShutdown,
    admin: adminMod,
    loadUnits: unitsMod.loadUnits,
  };
}

/**
 * The cluster primary (WORKERS > 1): preflight once (each failure one line,
 * before any worker starts), fork the workers (worker 0 first: it builds or
 * loads the index) and stop them on a signal.
 */
async function runPrimary(config: ReturnType<typeof createConfig>, logger: Logger): Promise<void> {
  await checkCanListen(config.server.host, config.server.port);
  openServiceDatabase(databasePath(config)).close();
  const supervisor = superviseWorkers(config, logger);
  const onSignal = () => {
    void supervisor.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await supervisor.ready;
}

/** Set once the logger exists, so the last-resort handlers can use it. */
let processLogger: Logger | undefined;

async function main(): Promise<void> {
  const config = createConfig(readEnvironment());
  const logger = createLogger(config.logLevel);
  processLogger = logger;
  // A promise nobody awaited must not go unnoticed, nor stop the bot.
  installRejectionSafetyNet(logger);
  if (isClusterPrimary(config)) return runPrimary(config, logger);
  /** Polling, reminders and retention run in one process only (a single process, or worker 0). */
  const singleton = runsSingletonJobs(config);
  // Preflight, each failure one clear line: the address can be bound (the primary checked it for
  // its workers, which share its socket); the database passes its integrity check and takes a test write.
  if (probesListenAddress()) await checkCanListen(config.server.host, config.server.port);
  const db = openServiceDatabase(databasePath(config));
  const {
    createConversationEngine,
    createUnavailableAnswerer,
    createConfiguredChannels,
    createOutboundSender,
    telegramWebhookUrl,
    openKnowledgeBase,
    queryKnowledgeFor,
    OpenAiGenerator,
    createLlmPorts,
    createReportsModule,
    fillWithLlm,
    buildHttpApp,
    createShutdown,
    admin,
    loadUnits,
  } = await loadServiceModules();
  const chatStore = new SqliteChatStore(db);
  // Retention: anonymous web chats older than WEB_CHAT_RETENTION_DAYS go, at start and daily.
  const retention = singleton
    ? startDailyJob({
        name: 'web chat retention',
        run: (now) => chatStore.purgeAnonymousWebChats(new Date(now.getTime() - config.webChatRetentionDays * DAY_MS)),
        logger,
      })
    : { stop: () => {} };
  // Handoff to a person: tickets in the same database, kept HANDOFF_RETENTION_DAYS after their last change.
  const tickets = createTicketService({ store: new SqliteTicketStore(db), logger });
  const ticketRetention = singleton
    ? startDailyJob({
        name: 'handoff ticket retention',
        run: (now) => ({ tickets: tickets.purgeBefore(new Date(now.getTime() - config.handoff.retentionDays * DAY_MS)) }),
        logger,
      })
    : { stop: () => {} };
  const plugins: MountedPlugin[] = [];
  /** Close steps that run after the HTTP server stopped, in order. */
  const closers: ShutdownStep[] = [];

  // === knowledge base: a failure keeps the server up (healthz → 503, questions → apology)
  // The console's curated answers (SQLite) are read beside knowledge/answers on every reload.
  const consoleStores = admin.createConsoleStores({ db, departmentName: config.department.name });
  const kbOptions = {
    config,
    logger,
    curatedHits: new SqliteCuratedHitStore(db),
    curatedExtra: () => consoleStores.answers.entries(),
    ...(await createLlmPorts(config, logger)),
  };
  /** Open (incrementally rebuild) the base over KNOWLEDGE_DIR and the console's uploads. */
  const openCurrentKnowledge = () => openKnowledgeBase(kbOptions);
  // With several workers, one index build at a time in DATA_DIR, and a console change reaches every worker before its reply.
  const sync = knowledgeSyncForProcess();
  let kb: KnowledgeBase | undefined;
  try {
    const release = await sync.lock();
    try {
      kb = await openCurrentKnowledge();
    } finally {
      release();
    }
    logger.info({ chunks: kb.chunkCount }, 'knowledge base loaded');
  } catch (err) {
    logger.error({ err }, 'knowledge base could not be opened; questions will get an apology until it is fixed');
  }
  // Questions always go to the current base; a rebuilt one is swapped in without a restart.
  const live = createLiveKnowledge(kb);
  // Each answer's time is recorded for the console's usage page.
  const answerer = admin.timedAnswerer(live.answerer(createUnavailableAnswerer('knowledge base not loaded')), consoleStores.timings);
  // A snapshot built elsewhere (`cli index`, another worker) is loaded and swapped in while the old one answers.
  const watcher = watchSnapshots({
    dataDir: config.dataDir,
    live,
    load: (snapshotDir) => openKnowledgeBase({ ...kbOptions, snapshotDir }),
    intervalMs: config.indexWatchMs,
    logger,
  });
  sync.serve({ load: (name) => watcher.serve(name), reloadCurated: () => void live.current()?.curated.reload() });
  const consoleKnowledge = syncedKnowledge(live, openCurrentKnowledge, sync);

  // === reports (R2): set reportFlow and push the admin page plugin here
  // The plan file is required; without it staff reports are off but the bot still answers.
  let reportFlow: ReportFlow | undefined;
  let reports: ReportsModule | undefined;
  try {
    // With an LLM configured, it fills what the rule-based parser missed
    // (its output is validated field by field before use).
    const llm = config.llm ? new OpenAiGenerator(config.llm) : undefined;
    const fill = llm
      ? (p: ParsedReportLike, text: string) => fillWithLlm(p as ParsedReport, text, (prompt) => llm.generate([{ role: 'user', content: prompt }]))
      : undefined;
    reports = createReportsModule({ db, config, logger, ...(fill ? { fill } : {}) });
    reportFlow = reports.flow;
    // The console (documents, retrieval test, answers, gaps, staff, usage) inside the admin area.
    const consoleCtx = admin.createConsoleContext({
      db,
      stores: consoleStores,
      live: consoleKnowledge.live,
      rebuild: consoleKnowledge.rebuild,
      curatedChanged: () => sync.curatedChanged(),
      chatStore,
      documentsDir: uploadedDocumentsDir(config),
      units: loadUnits(config.knowledgeDir),
      logger,
      departmentName: config.department.name,
    });
    // The admin page shows the same knowledge review as `cli knowledge review`.
    const loaded = kb;
    // Handoff tickets (/admin/tickets) and the console live in the same authenticated admin area.
    plugins.push({
      ...reports.adminPlugin,
      opts: {
        ...reports.adminPlugin.opts,
        tickets: { tickets, departmentName: config.department.name },
        ...(loaded ? { knowledgeReview: () => (live.current() ?? loaded).review(vietnamDate(new Date())) } : {}),
        extensions: [{ plugin: admin.consolePlugin, opts: { ctx: consoleCtx } }],
        allowedOrigins: config.server.publicUrl ? [config.server.publicUrl] : [],
      },
    });
  } catch (err) {
    logger.error({ err }, 'reports module could not be started; staff activity reports are disabled');
  }

  const engine = createConversationEngine({
    answerer,
    store: chatStore,
    logger,
    department: config.department,
    ...(reportFlow ? { reportFlow } : {}),
    handoff: createHandoffHooks({
      tickets,
      officeHours: config.handoff.officeHours,
      ...(config.handoff.telegramStaffChatId ? { staffChatId: config.handoff.telegramStaffChatId } : {}),
      // The one chat vocabulary (knowledge/chat-abbreviations.yaml) reads "cho gặp cb" too.
      shorthand: handoffShorthand(queryKnowledgeFor(config.knowledgeDir).abbreviations),
    }),
  });

  // === channels: Telegram and Zalo OA, enabled by their configuration
  const channels = createConfiguredChannels({ config, handler: engine, db, logger });
  const { telegram, zalo } = channels;
  plugins.push(...channels.plugins);
  closers.push(...channels.closers);
  /** Proactive messages (reminders), for the reports module. */
  const outbound = createOutboundSender(channels.senders);
  // Staff replies go out on the citizen's channel; new tickets to the staff group if configured.
  // "Lưu làm câu trả lời": a reply becomes a console curated answer, in service at once.
  const staffChatId = config.handoff.telegramStaffChatId;
  tickets.connect({
    outbound,
    curated: {
      saveCuratedAnswer: (question, answer) => {
        consoleStores.answers.add({ questions: [question], answer, source: null }, new Date());
        live.current()?.curated.reload();
        // The staff reply is saved; the other workers pick the answer up within milliseconds (a failure is only logged).
        sync.curatedChanged().catch((err: unknown) => logger.error({ err }, 'curated answer not reloaded by every worker'));
      },
    },
    ...(staffChatId && telegram ? { staffNotifier: createTelegramStaffNotifier(outbound, staffChatId) } : {}),
  });
  if (reports && singleton) {
    const reminders = reports.startReminders(outbound);
    // Stop reminders before the channels they send through.
    closers.unshift({ name: 'report reminders', run: () => reminders.stop() });
  }

  // === HTTP server
  const app = await buildHttpApp({
    config,
    logger,
    handler: engine,
    store: chatStore,
    db,
    shedLoad: true,
    indexStatus: () => ({ loaded: live.current() !== undefined, chunks: live.current()?.chunkCount ?? 0 }),
    plugins,
    webInbox: (sessionId) => tickets.takeWebInbox(sessionId),
  });

  const shutdown = createShutdown(
    [
      { name: 'http', run: () => app.close() },
      { name: 'retention', run: () => retention.stop() },
      { name: 'ticket retention', run: () => ticketRetention.stop() },
      { name: 'snapshot watcher', run: () => watcher.stop() },
      ...closers,
      { name: 'knowledge base', run: () => live.close() },
      { name: 'answer timings', run: () => consoleStores.timings.flush() },
      { name: 'database', run: () => void db.close() },
    ],
    { logger },
  );
  const onSignal = (signal: NodeJS.Signals) => {
    void shutdown(signal).then((ok) => process.exit(ok ? 0 : 1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    await app.listen({ host: config.server.host, port: config.server.port });
  } catch (err) {
    throw listenError(err, config.server.host, config.server.port);
  }
  const served = live.current();
  announceReady(served ? snapshotName(served) : null);
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const localUrl = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}/`;

  // Webhook mode needs a public URL and the secret token (the plugin refuses unsigned updates).
  if (telegram && singleton) {
    if (config.server.publicUrl && config.telegram?.webhookSecret) {
      await telegram.setWebhook(telegramWebhookUrl(config.server.publicUrl));
    } else {
      if (config.server.publicUrl) logger.warn('TELEGRAM_WEBHOOK_SECRET is not set: using long polling instead of the webhook');
      telegram.startPolling();
    }
  }

  // Staff replies a crash or restart left unsent (web replies wait for the page instead); one process sends them.
  if (singleton) {
    void tickets.deliverPending().then(
      (sent) => sent > 0 && logger.info({ sent }, 'handoff: pending staff replies delivered'),
      (err: unknown) => logger.error({ err }, 'handoff: delivering pending staff replies failed'),
    );
  }

  if (!singleton) return;
  process.stdout.write(`Trang trò chuyện (web chat): ${localUrl}\n`);
  if (config.server.publicUrl) process.stdout.write(`Địa chỉ công khai (public URL): ${config.server.publicUrl}\n`);
  process.stdout.write(
    `Kênh: web${telegram ? ', Telegram' : ''}${zalo ? ', Zalo OA' : ''}. ` +
      `Dữ liệu tri thức: ${kb ? `${kb.chunkCount} đoạn` : 'CHƯA NẠP ĐƯỢC (xem log)'}. Nhấn Ctrl+C để dừng.\n`,
  );
}

// Every start-up failure is one line naming the variable or file; the details go to the log (debug).
main().catch((err: unknown) => {
  processLogger?.debug({ err }, 'start-up failed');
  const line = isAppError(err)
    ? `[${err.code}] ${err.message}`
    : `[STARTUP_FAILED] Bot không khởi động được: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
});
