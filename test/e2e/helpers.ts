/**
 * End-to-end fixtures: the bot composed like `src/main.ts` (same factories,
 * same wiring of engine, reports module, channels and HTTP app) but not
 * listening and without signal handlers or reminders; the admin CLI run
 * in-process; and a Telegram Bot API proxy that adds `sendDocument` to
 * telegram-test-api (the emulator answers 500 to it).
 */
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { createConfiguredChannels } from '../../src/channels/configured-channels.js';
import type { TelegramChannel } from '../../src/channels/telegram/index.js';
import type { ZaloChannel } from '../../src/channels/zalo/index.js';
import { createConversationEngine } from '../../src/chat/engine.js';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import type { CliCommand } from '../../src/cli/command.js';
import { type Config, createConfig } from '../../src/config.js';
import type { Answer, QuestionAnswerer } from '../../src/core/answer.js';
import type { ConversationHandler } from '../../src/core/messages.js';
import { createLogger } from '../../src/logger.js';
import { XLSX_SHEETS } from '../../src/reports/export/index.js';
import { createReportsModule, type ReportsModule } from '../../src/reports/index.js';
import { buildHttpApp, type MountedPlugin } from '../../src/server/app.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { databasePath } from '../../src/store/paths.js';

export const KNOWLEDGE_DIR = path.join(import.meta.dirname, '../../knowledge');
export const silent = createLogger('silent');

/** Questions are not the point of these tests: a canned answer instead of the knowledge base. */
const cannedAnswerer: QuestionAnswerer = {
  async ask(): Promise<Answer> {
    return { answer: 'Đây là câu trả lời mẫu cho câu hỏi.', abstained: false, sources: [], ms: 1 };
  },
};

export interface E2eBot {
  config: Config;
  db: Db;
  chatStore: SqliteChatStore;
  reports: ReportsModule;
  engine: ConversationHandler;
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  /** The real HTTP app (web chat, /admin, /webhooks/telegram, /webhooks/zalo); not listening, use `inject`. */
  app: FastifyInstance;
  /** Same order as main.ts's shutdown: HTTP, channels, database. */
  close(): Promise<void>;
}

/** A fresh data directory for one bot. */
export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-'));
}

/**
 * Compose the bot from environment variables, as `src/main.ts` does.
 * Channels are enabled by their variables (TELEGRAM_*, ZALO_*).
 * Telegram polling is not started here; the caller decides.
 */
export async function startBot(env: Record<string, string>): Promise<E2eBot> {
  const config = createConfig({ KNOWLEDGE_DIR, ...env });
  const logger = silent;
  const db = openDatabase(databasePath(config));
  const chatStore = new SqliteChatStore(db);
  const plugins: MountedPlugin[] = [];

  const reports = createReportsModule({ db, config, logger });
  plugins.push(reports.adminPlugin);

  const engine = createConversationEngine({
    answerer: cannedAnswerer,
    store: chatStore,
    logger,
    department: config.department,
    reportFlow: reports.flow,
  });

  const channels = createConfiguredChannels({ config, handler: engine, db, logger, zaloRateLimitDelaysMs: [5, 5] });
  const { telegram, zalo } = channels;
  plugins.push(...channels.plugins);

  const app = await buildHttpApp({
    config,
    logger,
    handler: engine,
    store: chatStore,
    indexStatus: () => ({ loaded: true, chunks: 0 }),
    plugins,
  });
  await app.ready();

  return {
    config,
    db,
    chatStore,
    reports,
    engine,
    ...(telegram ? { telegram } : {}),
    ...(zalo ? { zalo } : {}),
    app,
    async close() {
      await app.close();
      await telegram?.stop();
      await zalo?.drain();
      db.close();
    },
  };
}

/** Run a CLI command in-process (what `npm run -s cli -- …` does), capturing stdout. */
export async function runCli(command: CliCommand, args: string[], config: Config): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await command.run(args, { config, logger: silent, out: (s) => void out.push(s) });
  return { code, out: out.join('') };
}

/** Rows in the `reports` table, whatever their status. */
export function reportRowCount(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
}

export interface CapturedDocument {
  chatId: string;
  filename: string;
  content: Buffer;
}

export interface SendDocumentProxy {
  /** Use as the bot's `apiRoot` (TELEGRAM_API_ROOT). */
  url: string;
  /** Files the bot sent with `sendDocument`, in order. */
  documents: CapturedDocument[];
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of telegram-test-api: `sendDocument` is answered
 * here (the multipart upload is parsed and kept), everything else is
 * forwarded unchanged to the emulator. The bot talks HTTP through its real
 * telegraf client either way.
 */
export async function startSendDocumentProxy(upstream: string): Promise<SendDocumentProxy> {
  const target = new URL(upstream);
  const documents: CapturedDocument[] = [];
  let messageId = 90_000;

  const answerDocument = async (req: http.IncomingMessage, body: Buffer): Promise<unknown> => {
    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': String(req.headers['content-type'] ?? '') },
    }).formData();
    const file = form.get('document');
    const chatId = String(form.get('chat_id') ?? '');
    if (!(file instanceof File)) throw new Error('sendDocument without a file part');
    documents.push({ chatId, filename: file.name, content: Buffer.from(await file.arrayBuffer()) });
    return {
      ok: true,
      result: {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(chatId), type: 'private' },
        document: { file_id: `doc-${messageId}`, file_unique_id: `u${messageId}`, file_name: file.name },
      },
    };
  };

  const server = http.createServer((req, res) => {
    if ((req.url ?? '').endsWith('/sendDocument')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        answerDocument(req, Buffer.concat(chunks)).then(
          (answer) => {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(answer));
          },
          (err: unknown) => {
            res.statusCode = 400;
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ ok: false, error_code: 400, description: `Bad Request: ${String(err)}` }));
          },
        );
      });
      return;
    }
    const up = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.statusCode = 502;
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    documents,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Read a CSV export (UTF-8 with BOM, CRLF) into header and rows; handles RFC 4180 quoting. */
export function parseCsv(buf: Buffer): { header: string[]; rows: Array<Record<string, string>> } {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header = [], ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/** The "Báo cáo" sheet of an XLSX export, one record per row keyed by the header row. */
export async function xlsxReportRows(buf: Buffer): Promise<Array<Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(XLSX_SHEETS.reports);
  if (!sheet) throw new Error(`no "${XLSX_SHEETS.reports}" sheet`);
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => void (header[col] = String(cell.value)));
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, unknown> = {};
    header.forEach((h, col) => void (rec[h] = row.getCell(col).value));
    rows.push(rec);
  });
  return rows;
}
