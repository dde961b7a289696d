/**
 * Where one `/api/chat` request's time goes, in process (no sockets): the
 * whole `inject` (HTTP layer + engine), the conversation engine (state and
 * exchange reads/writes in SQLite, routing), and the answerer alone. Built
 * like `src/main.ts` (chat store, handoff hooks, timed answerer on a file
 * database in WAL mode), embedded default. Prints ms per request (mean and
 * p50/p95 of each part), the process CPU time per request (`process.cpuUsage`,
 * all threads: steadier than wall time when other processes share the cores)
 * and the SQLite write transactions per request.
 *
 * `--profile FILE` writes a CPU profile of the measured requests (after the
 * warm-up; open it in Chrome DevTools or speedscope).
 *
 * `--history N` gives every session N earlier exchanges (inside the page's
 * 24-hour window, answers and sources of a real answer's size) and a closed
 * handoff ticket of N messages before the run, so a cost that grows with a
 * chat's history shows as the difference from `--history 0`.
 *
 *   npx tsx bench/request-cost.ts [--requests 600] [--sessions 200] [--history 0] [--profile out.cpuprofile]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAnswerTimings, timedAnswerer } from '../src/admin/answer-timer.js';
import { createConversationEngine } from '../src/chat/engine.js';
import { createHandoffHooks } from '../src/chat/handoff.js';
import { SqliteChatStore } from '../src/chat/sqlite-chat-store.js';
import { createConfig } from '../src/config.js';
import type { ConversationHandler } from '../src/core/messages.js';
import { percentile } from '../src/core/percentile.js';
import { createTicketService, SqliteTicketStore } from '../src/handoff/index.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
import { buildHttpApp } from '../src/server/app.js';
import { openServiceDatabase } from '../src/store/open-service-database.js';
import { startCpuProfile } from './lib/cpu-profile.js';
import { LOAD_QUESTIONS } from './lib/load-questions.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const total = arg('requests', 600);
const sessions = arg('sessions', 200);
const history = arg('history', 0);
const profileAt = process.argv.indexOf('--profile');
const profileFile = profileAt >= 0 ? process.argv[profileAt + 1] : undefined;

const QUESTIONS = LOAD_QUESTIONS;

const dataDir = mkdtempSync(join(tmpdir(), 'cchc-cost-'));
const config = createConfig({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '100000000' });
const logger = createLogger('silent');
const db = openServiceDatabase(join(dataDir, 'cchc.db'));
const store = new SqliteChatStore(db);
const kb = await openKnowledgeBase({ config, logger, generator: null });
const tickets = createTicketService({ store: new SqliteTicketStore(db), logger });

const answerMs: number[] = [];
const timed = timedAnswerer(kb.answerer, new SqliteAnswerTimings(db));
const answerer = {
  async ask(...a: Parameters<typeof timed.ask>) {
    const t = performance.now();
    const r = await timed.ask(...a);
    answerMs.push(performance.now() - t);
    return r;
  },
};
const engineMs: number[] = [];
const inner = createConversationEngine({
  answerer,
  store,
  logger,
  department: config.department,
  handoff: createHandoffHooks({ tickets, officeHours: config.handoff.officeHours }),
});
const engine: ConversationHandler = {
  async handle(msg) {
    const t = performance.now();
    const r = await inner.handle(msg);
    engineMs.push(performance.now() - t);
    return r;
  },
};
const app = await buildHttpApp({ config, logger, handler: engine, store, db, indexStatus: () => ({ loaded: true, chunks: kb.chunkCount }) });

/** SQLite commits so far (WAL frames are a proxy; data_version does not count our own). */
const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Seed `history` exchanges and a closed ticket of `history` messages per session (see the header). */
function seedHistory(): void {
  if (history <= 0) return;
  const now = Date.now();
  const answer = 'Theo Kế hoạch, nội dung này do các sở, ngành chủ trì thực hiện. '.repeat(20);
  const sources = Array.from({ length: 5 }, (_, k) => ({
    doc: '1523/KH-SCT',
    section: `II.${k + 1}`,
    title: `Mục II.${k + 1}`,
    text: 'Đoạn trích của kế hoạch. '.repeat(40),
    score: 1 - k / 10,
  }));
  const longAgo = new Date(now - 30 * 24 * 3_600_000);
  const ticketStore = new SqliteTicketStore(db);
  db.transaction(() => {
    for (let s = 0; s < sessions; s++) {
      const chatId = `cost-session-${s}`;
      for (let k = 0; k < history; k++) {
        const at = new Date(now - 20 * 3_600_000 + Math.floor(((k + 1) / (history + 1)) * 19 * 3_600_000));
        store.saveExchange(
          {
            id: `seed-${s}-${k}`,
            channel: 'web',
            chatId,
            userId: chatId,
            question: QUESTIONS[(s + k) % QUESTIONS.length] as string,
            answer,
            abstained: false,
            sources,
            createdAt: at.toISOString(),
          },
          { asLastQuestion: k === history - 1 },
        );
      }
      const messages = Array.from({ length: history }, (_, k) => ({ text: `Tin nhắn cũ số ${k} của người dân.`, at: longAgo.toISOString() }));
      const ticket = ticketStore.create({ channel: 'web', chatId, userId: chatId, messages }, longAgo);
      ticketStore.setStatus(ticket.id, 'closed', longAgo);
    }
  })();
}
seedHistory();

const ask = (i: number) =>
  app.inject({
    method: 'POST',
    url: '/api/chat',
    payload: { sessionId: `cost-session-${i % sessions}`, text: QUESTIONS[i % QUESTIONS.length] },
  });
for (let i = 0; i < 100; i++) await ask(i);
answerMs.length = 0;
engineMs.length = 0;
const stopProfile = await startCpuProfile(profileFile);
const injectMs: number[] = [];
const cpuMs: number[] = [];
const c0 = changes();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let i = 0; i < total; i++) {
  const t = performance.now();
  const u = process.cpuUsage();
  const r = await ask(i);
  injectMs.push(performance.now() - t);
  const du = process.cpuUsage(u);
  cpuMs.push((du.user + du.system) / 1000);
  if (r.statusCode !== 200) throw new Error(`HTTP ${r.statusCode}: ${r.body}`);
}
const wall = performance.now() - t0;
const cpuAll = process.cpuUsage(cpu0);
await stopProfile();
const rowsChanged = (changes() - c0) / total;

const line = (name: string, xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${name.padEnd(34)} mean ${mean.toFixed(2)} ms  p50 ${percentile(xs, 50).toFixed(2)}  p95 ${percentile(xs, 95).toFixed(2)}`;
};
const diff = injectMs.map((x, i) => x - (engineMs[i] ?? 0));
const engineOwn = engineMs.map((x, i) => x - (answerMs[i] ?? 0));
process.stdout.write(
  `# ${total} sequential /api/chat requests in process, ${sessions} sessions (${history} earlier exchanges and ticket messages each), ${kb.chunkCount} chunks\n`,
);
process.stdout.write(`${line('whole request (inject)', injectMs)}\n`);
process.stdout.write(`${line('HTTP layer (inject − engine)', diff)}\n`);
process.stdout.write(`${line('engine without answerer', engineOwn)}\n`);
process.stdout.write(`${line('answerer (incl. timing record)', answerMs)}\n`);
process.stdout.write(`${line('process CPU per request', cpuMs)}\n`);
process.stdout.write(`process CPU in all: ${((cpuAll.user + cpuAll.system) / 1000 / total).toFixed(2)} ms per request\n`);
process.stdout.write(`rows written per request ${rowsChanged.toFixed(2)}; ${((total / wall) * 1000).toFixed(0)} req/s on one core\n`);
await app.close();
await kb.close();
db.close();
rmSync(dataDir, { recursive: true, force: true });
