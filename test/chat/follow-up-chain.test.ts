/**
 * Follow-ups of follow-ups: the chat keeps each question's standalone form
 * beside its exchange, so "còn PCI?" then "thế năm 2020?" asks for PCI 2020,
 * on every channel, on the in-memory store and on a SQLite file, including a
 * file written before the column existed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { CHAT_MIGRATIONS, createMemoryChatStore, SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import type { Answer, AskOptions } from '../../src/core/answer.js';
import type { ChannelName } from '../../src/core/messages.js';
import { resolveFollowUp } from '../../src/rag/follow-up.js';
import { migrate, openDatabase } from '../../src/store/database.js';
import { department, FakeAnswerer, message, silentLogger } from './fakes.js';

/** The fake answerer, resolving follow-ups as the RAG answerer does (resolvedQuestion only when it changed the question). */
class ResolvingAnswerer extends FakeAnswerer {
  override async ask(question: string, options?: AskOptions): Promise<Answer> {
    const answer = await super.ask(question, options);
    const resolved = options?.previousQuestion ? resolveFollowUp(question, options.previousQuestion) : question;
    return resolved !== question ? { ...answer, resolvedQuestion: resolved } : answer;
  }
}

const CHAIN = ['PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?', 'còn PCI thì sao?', 'thế năm 2020?'];

/** Ask the turns in one chat, a second apart; returns the previous question each was asked with. */
async function askChain(store: SqliteChatStore, channel: ChannelName, turns: string[], opts: { start?: number; chatId?: string } = {}) {
  let t = opts.start ?? Date.parse('2026-12-04T10:00:00Z');
  const answerer = new ResolvingAnswerer();
  const engine = createConversationEngine({ answerer, store, logger: silentLogger, department, now: () => new Date(t) });
  for (const text of turns) {
    await engine.handle(message(text, { channel, chatId: opts.chatId ?? `chain-${channel}`, userId: 'u-chain' }));
    t += 1000;
  }
  return answerer.calls.map((c) => c.options?.previousQuestion);
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chain-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a follow-up of a follow-up keeps the first frame', () => {
  it.each(['telegram', 'zalo', 'web'] as const)('over the in-memory store (%s)', async (channel) => {
    const store = createMemoryChatStore();
    const previous = await askChain(store, channel, CHAIN);
    expect(previous).toEqual([undefined, CHAIN[0], 'PCI 2023 của Quảng Ngãi được bao nhiêu điểm?']);
    expect(resolveFollowUp(CHAIN[2] as string, previous[2] as string)).toBe('PCI 2020 của Quảng Ngãi được bao nhiêu điểm?');
  });

  it.each(['telegram', 'web'] as const)('over a SQLite file, across a restart between turns (%s)', async (channel) => {
    const file = path.join(dir, 'chat.sqlite');
    const db1 = openDatabase(file);
    await askChain(new SqliteChatStore(db1), channel, CHAIN.slice(0, 2));
    db1.close();
    const db2 = openDatabase(file);
    const store = new SqliteChatStore(db2);
    const [third] = await askChain(store, channel, CHAIN.slice(2), { start: Date.parse('2026-12-04T10:00:05Z') });
    expect(third).toBe('PCI 2023 của Quảng Ngãi được bao nhiêu điểm?');
    const [exchange] = store.listRecentExchanges(channel, `chain-${channel}`, new Date(0), 1);
    // The question as typed is what the history shows; the standalone form is kept beside it.
    expect(exchange?.question).toBe('thế năm 2020?');
    expect(exchange?.resolvedQuestion).toBe('PCI 2020 của Quảng Ngãi được bao nhiêu điểm?');
    db2.close();
  });

  it('a new standalone question stores itself and does not inherit', async () => {
    const store = createMemoryChatStore();
    await askChain(store, 'telegram', [...CHAIN.slice(0, 2), 'Luật Tố cáo 2018 là luật số mấy?']);
    const [third] = store.listRecentExchanges('telegram', 'chain-telegram', new Date(0), 1);
    expect(third?.resolvedQuestion).toBe('Luật Tố cáo 2018 là luật số mấy?');
    expect(store.getChatState('telegram', 'chain-telegram').lastQuestion).toBe('Luật Tố cáo 2018 là luật số mấy?');
    const [fourth] = await askChain(store, 'telegram', ['còn Luật Khiếu nại?'], { start: Date.parse('2026-12-04T10:00:09Z') });
    expect(fourth).toBe('Luật Tố cáo 2018 là luật số mấy?');
    expect(store.getChatState('telegram', 'chain-telegram').lastQuestion).toBe('Luật Khiếu nại là luật số mấy?');
  });

  it('the web page says which exchange it shows: that exchange’s standalone form (one-row read)', async () => {
    const store = createMemoryChatStore();
    await askChain(store, 'web', CHAIN.slice(0, 2));
    const [, second] = store.listRecentExchanges('web', 'chain-web', new Date(0), 5);
    expect(store.getExchangeHead(second?.id as string)?.resolvedQuestion).toBe('PCI 2023 của Quảng Ngãi được bao nhiêu điểm?');
    const answerer = new ResolvingAnswerer();
    const engine = createConversationEngine({ answerer, store, logger: silentLogger, department, now: () => new Date('2026-12-04T10:00:09Z') });
    await engine.handle(message('thế năm 2020?', { channel: 'web', chatId: 'chain-web', userId: 'u-chain', shownExchangeId: second?.id as string }));
    expect(answerer.calls[0]?.options?.previousQuestion).toBe('PCI 2023 của Quảng Ngãi được bao nhiêu điểm?');
  });
});

describe('a database written before the standalone form was kept', () => {
  /** The chat schema as the two earlier migrations left it (no resolved_question column). */
  function writeOldDatabase(file: string): void {
    const db = openDatabase(file);
    migrate(
      db,
      'chat',
      CHAT_MIGRATIONS.filter((m) => m.version <= 2),
    );
    db.exec(`
      INSERT INTO exchanges (id, channel, chat_id, user_id, question, answer, abstained, sources_json, created_at)
        VALUES ('old1', 'web', 's1', 'u1', 'PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?', 'Trả lời', 0, '[]', '2026-12-04T09:59:00.000Z');
      INSERT INTO chat_state (channel, chat_id, last_question, updated_at) VALUES ('telegram', 't1', 'PAPI gồm những nội dung nào?', '2026-12-04T09:59:00.000Z');`);
    db.close();
  }

  it('migrates: old rows read as before (the question as typed), new rows keep the standalone form', async () => {
    const file = path.join(dir, 'old.sqlite');
    writeOldDatabase(file);
    const db = openDatabase(file);
    const store = new SqliteChatStore(db);
    const columns = (db.prepare('PRAGMA table_info(exchanges)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toContain('resolved_question');
    const old = store.getExchange('old1');
    expect(old?.question).toBe('PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?');
    expect(old).not.toHaveProperty('resolvedQuestion');
    expect(store.getExchangeHead('old1')).not.toHaveProperty('resolvedQuestion');
    const since = new Date('2026-12-04T00:00:00Z');
    expect(store.lastQuestionSince('web', 's1', since)).toBe('PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?');

    // A chain continued on the old rows: the old question as typed, then the standalone form of the new one.
    expect(await askChain(store, 'web', CHAIN.slice(1), { chatId: 's1' })).toEqual([
      'PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?',
      'PCI 2023 của Quảng Ngãi được bao nhiêu điểm?',
    ]);
    expect(store.getChatState('telegram', 't1').lastQuestion).toBe('PAPI gồm những nội dung nào?');
    expect(await askChain(store, 'telegram', ['còn PCI thì sao?', 'thế còn PAR INDEX?'], { chatId: 't1' })).toEqual([
      'PAPI gồm những nội dung nào?',
      'PCI gồm những nội dung nào?',
    ]);
    db.close();
  });
});
