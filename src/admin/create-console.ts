/**
 * Wiring of the console for the composition root: the console stores over
 * the shared database, the document library over `DATA_DIR/documents`, and
 * the context every console route receives.
 */
import type { ChatStore } from '../chat/chat-store.js';
import type { Logger } from '../logger.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { LiveKnowledge } from '../rag/live-knowledge.js';
import type { UnitDirectory } from '../reports/units.js';
import type { Db } from '../store/database.js';
import { ConsoleAnswerStore } from './answer-store.js';
import { SqliteAnswerTimings } from './answer-timer.js';
import type { ConsoleContext } from './console-context.js';
import { DocumentLibrary } from './document-library.js';
import { DocumentStore } from './document-store.js';
import { GapDecisions } from './gap-queue.js';
import { sqliteUsage } from './usage-data.js';

/** What {@link createConsoleStores} needs (before the knowledge base is opened). */
export interface ConsoleStoresDeps {
  db: Db;
  /** Cited by console answers given without a source. */
  departmentName: string;
}

/** The console's stores; `answers.entries` goes to `openKnowledgeBase({ curatedExtra })`. */
export function createConsoleStores(deps: ConsoleStoresDeps) {
  return {
    answers: new ConsoleAnswerStore(deps.db, deps.departmentName),
    timings: new SqliteAnswerTimings(deps.db),
  };
}
export type ConsoleStores = ReturnType<typeof createConsoleStores>;

/** What {@link createConsoleContext} needs. */
export interface ConsoleContextDeps {
  db: Db;
  stores: ConsoleStores;
  live: LiveKnowledge;
  /** Open a fresh (incremental) knowledge base, e.g. `() => openKnowledgeBase(opts)`. */
  rebuild: () => Promise<KnowledgeBase>;
  chatStore: ChatStore;
  /** `uploadedDocumentsDir(config)`. */
  documentsDir: string;
  /** `loadUnits(config.knowledgeDir)`: the units invites may name. */
  units: UnitDirectory;
  logger: Logger;
  departmentName?: string;
  now?: () => Date;
  /** Called after console answers changed and were reloaded in this process; resolves once the other workers reloaded them. */
  curatedChanged?: () => Promise<void>;
}

/**
 * @example
 * const stores = createConsoleStores({ db, departmentName });
 * const kb = await openKnowledgeBase({ ..., curatedExtra: () => stores.answers.entries() });
 * const ctx = createConsoleContext({ db, stores, live, rebuild, chatStore, documentsDir, units, logger });
 * adminOpts.extensions = [{ plugin: consolePlugin, opts: { ctx } }];
 */
export function createConsoleContext(deps: ConsoleContextDeps): ConsoleContext {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child({ module: 'console' });
  const library = new DocumentLibrary({ dir: deps.documentsDir, store: new DocumentStore(deps.db), live: deps.live, rebuild: deps.rebuild, logger, now });
  return {
    live: deps.live,
    library,
    answers: deps.stores.answers,
    gaps: new GapDecisions(deps.db),
    chatStore: deps.chatStore,
    units: deps.units.units.map((u) => ({ id: u.id, name: u.name })),
    resolveUnit: (mention) => {
      const byId = deps.units.units.find((u) => u.id === mention.trim());
      if (byId) return { id: byId.id, name: byId.name };
      const r = deps.units.resolve(mention);
      return r?.id ? { id: r.id, name: r.name } : null;
    },
    usage: sqliteUsage(deps.db, deps.stores.timings),
    timings: deps.stores.timings,
    ...(deps.departmentName ? { departmentName: deps.departmentName } : {}),
    ...(deps.curatedChanged ? { curatedChanged: deps.curatedChanged } : {}),
    now,
  };
}
