/**
 * A damaged database file: `/healthz` says so (503 unhealthy) instead of
 * "healthy while every chat fails", and start-up refuses it with one line
 * naming the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import { isAppError } from '../../src/errors.js';
import { buildHttpApp } from '../../src/server/app.js';
import { openDatabase } from '../../src/store/database.js';
import { openServiceDatabase } from '../../src/store/open-service-database.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';
import { writeDatabaseWithDamagedTable } from '../helpers/corrupt-db.js';

const dir = mkdtempSync(join(tmpdir(), 'health-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function healthOf(file: string) {
  const db = openDatabase(file);
  const store = new SqliteChatStore(db);
  const handler = createConversationEngine({ answerer: new FakeAnswerer(), store, logger: silentLogger, department });
  const app = await buildHttpApp({
    config: createConfig({}),
    logger: silentLogger,
    handler,
    store,
    db,
    indexStatus: () => ({ loaded: true, chunks: 5 }),
  });
  const health = await app.inject({ method: 'GET', url: '/healthz' });
  const chat = await app.inject({ method: 'POST', url: '/api/chat', payload: { sessionId: 'session-3', text: 'PAPI là gì?' } });
  await app.close();
  db.close();
  return { health, chat };
}

describe('/healthz on the real database', () => {
  it('is healthy on a sound file', async () => {
    const file = join(dir, 'sound.sqlite');
    openDatabase(file).close();
    const { health, chat } = await healthOf(file);
    expect(chat.json().answer).toContain('Trả lời: PAPI là gì?');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'healthy', db: 'ok' });
  });

  it('is 503 unhealthy when a table page is damaged (the same damage that makes chats fail)', async () => {
    const file = join(dir, 'damaged.sqlite');
    writeDatabaseWithDamagedTable(file);
    const { health, chat } = await healthOf(file);
    // The engine apologises instead of answering: the chat is broken for this session.
    expect(chat.json().answer).not.toContain('Trả lời: PAPI là gì?');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unhealthy', ok: false, db: 'error' });
  });
});

describe('start-up database check', () => {
  it('refuses a damaged file with one line naming it (PRAGMA quick_check)', () => {
    const file = join(dir, 'damaged-start.sqlite');
    writeDatabaseWithDamagedTable(file);
    let message = '';
    try {
      openServiceDatabase(file).close();
    } catch (err) {
      expect(isAppError(err, 'DB_CORRUPT')).toBe(true);
      message = (err as Error).message;
    }
    expect(message).toContain(file);
    expect(message).not.toContain('\n');
  });

  it('refuses a file that is not a database, naming it', () => {
    const file = join(dir, 'not-a-db.sqlite');
    writeFileSync(file, 'this is not sqlite '.repeat(300));
    expect(() => openServiceDatabase(file)).toThrow(file);
  });

  it('names DATA_DIR when the directory cannot be created', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    expect(() => openServiceDatabase(join(blocker, 'sub', 'cchc-bot.sqlite'))).toThrow(/^DATA_DIR=.*a-file\/sub: /);
  });

  it('opens a sound file and proves a write works', () => {
    const db = openServiceDatabase(join(dir, 'fresh', 'cchc-bot.sqlite'));
    expect(db.prepare('SELECT count(*) AS n FROM store_health').get()).toEqual({ n: 1 });
    db.close();
  });
});
