/**
 * The real app with the admin console mounted as src/main.ts mounts it:
 * the repository's knowledge base over a temporary DATA_DIR, the chat
 * engine, the reports admin area and the console, one shared database.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ConsoleContext } from '../../src/admin/console-context.js';
import { consolePlugin, createConsoleContext, createConsoleStores, timedAnswerer } from '../../src/admin/index.js';
import { createConversationEngine } from '../../src/chat/engine.js';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createUnavailableAnswerer } from '../../src/chat/unavailable-answerer.js';
import { createConfig } from '../../src/config.js';
import { SqliteCuratedHitStore } from '../../src/rag/curated-hits.js';
import { openKnowledgeBase } from '../../src/rag/knowledge-base.js';
import { createLiveKnowledge, type LiveKnowledge } from '../../src/rag/live-knowledge.js';
import { createReportsModule } from '../../src/reports/module.js';
import { loadUnits } from '../../src/reports/units.js';
import { buildHttpApp } from '../../src/server/app.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { uploadedDocumentsDir } from '../../src/store/paths.js';
import { department, silentLogger } from '../chat/fakes.js';
import { tempDir } from '../helpers/knowledge-base.js';

/** Admin token of the harness. */
export const TOKEN = 'console-test-token-0123456789abcdef';

export interface ConsoleHarness {
  app: FastifyInstance;
  db: Db;
  chatStore: SqliteChatStore;
  live: LiveKnowledge;
  ctx: ConsoleContext;
  dataDir: string;
  close(): Promise<void>;
}

/** Build the app; `dataDir` reuses an earlier harness's data (restart test). */
export async function startConsole(opts: { dataDir?: string } = {}): Promise<ConsoleHarness> {
  const dataDir = opts.dataDir ?? tempDir('cchc-console-');
  const config = createConfig({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, DEPARTMENT_NAME: department.name });
  const db = openDatabase(join(dataDir, 'test.sqlite'));
  const chatStore = new SqliteChatStore(db);
  const stores = createConsoleStores({ db, departmentName: department.name });
  const kbOptions = {
    config,
    logger: silentLogger,
    generator: null,
    curatedHits: new SqliteCuratedHitStore(db),
    curatedExtra: () => stores.answers.entries(),
  };
  const rebuild = () => openKnowledgeBase(kbOptions);
  const live = createLiveKnowledge(await rebuild());
  const engine = createConversationEngine({
    answerer: timedAnswerer(live.answerer(createUnavailableAnswerer('not loaded')), stores.timings),
    store: chatStore,
    logger: silentLogger,
    department,
  });
  const ctx = createConsoleContext({
    db,
    stores,
    live,
    rebuild,
    chatStore,
    documentsDir: uploadedDocumentsDir(config),
    units: loadUnits(config.knowledgeDir),
    logger: silentLogger,
    departmentName: department.name,
  });
  const reports = createReportsModule({ db, config, logger: silentLogger });
  const app = await buildHttpApp({
    config,
    logger: silentLogger,
    handler: engine,
    store: chatStore,
    db,
    indexStatus: () => ({ loaded: live.current() !== undefined, chunks: live.current()?.chunkCount ?? 0 }),
    plugins: [{ ...reports.adminPlugin, opts: { ...reports.adminPlugin.opts, extensions: [{ plugin: consolePlugin, opts: { ctx } }] } }],
  });
  return {
    app,
    db,
    chatStore,
    live,
    ctx,
    dataDir,
    async close() {
      await ctx.library.whenIdle();
      await app.close();
      await live.close();
      db.close();
    },
  };
}

/** Log in through the form; returns the Cookie header value. */
export async function login(app: FastifyInstance): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/admin/login',
    payload: `token=${TOKEN}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const set = res.headers['set-cookie'];
  const first = (Array.isArray(set) ? set[0] : set) ?? '';
  return first.split(';')[0] ?? '';
}

/** A multipart body with `file` parts and text fields. */
export function multipartBody(
  files: Array<{ name: string; data: Buffer; type?: string }>,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cchc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
