/**
 * {@link ChatStore} on SQLite (namespace `chat`). Other modules read the
 * `identities` table directly (reports, reminders): keep its column names.
 */
import { randomInt } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { SourceRef } from '../core/answer.js';
import type { ChannelName, Identity, Role } from '../core/messages.js';
import { AppError } from '../errors.js';
import { type Db, type Migration, migrate, openDatabase } from '../store/database.js';
import {
  type ChatState,
  type ChatStore,
  contextQuestionOf,
  type Exchange,
  type ExchangeHead,
  type GapRow,
  type Invite,
  type PendingState,
  type RedeemResult,
  type Vote,
} from './chat-store.js';

/** The chat schema's migrations, in order (exported so a test can build an older schema). */
export const CHAT_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE identities (
        channel TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'citizen',
        unit TEXT, display_name TEXT, last_seen_at TEXT, created_at TEXT NOT NULL,
        PRIMARY KEY (channel, user_id));
      CREATE TABLE invites (
        code TEXT PRIMARY KEY, unit TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL,
        used_by TEXT, used_at TEXT);
      CREATE TABLE chat_state (
        channel TEXT NOT NULL, chat_id TEXT NOT NULL, last_question TEXT, pending_json TEXT,
        updated_at TEXT NOT NULL, PRIMARY KEY (channel, chat_id));
      CREATE TABLE exchanges (
        id TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL,
        question TEXT NOT NULL, answer TEXT NOT NULL, abstained INTEGER NOT NULL, sources_json TEXT NOT NULL,
        created_at TEXT NOT NULL);
      CREATE INDEX exchanges_created ON exchanges (created_at);
      CREATE TABLE feedback (
        exchange_id TEXT PRIMARY KEY REFERENCES exchanges(id) ON DELETE CASCADE,
        vote TEXT NOT NULL CHECK (vote IN ('up','down')), created_at TEXT NOT NULL);
      CREATE TABLE chat_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    // A chat's recent exchanges (follow-ups, visible history) by its own index, not by a scan of
    // everyone's exchanges in the window (the created_at index), which grows with traffic.
    version: 2,
    sql: 'CREATE INDEX exchanges_chat ON exchanges (channel, chat_id, created_at);',
  },
  {
    // The question made standalone, which the next follow-up is resolved against. Null on older rows:
    // readers fall back to `question`.
    version: 3,
    sql: 'ALTER TABLE exchanges ADD COLUMN resolved_question TEXT;',
  },
];

/** How far behind a user's last_seen_at may be before a message refreshes it (ms). */
export const LAST_SEEN_PRECISION_MS = 60_000;

/** Whether an identity row is recent enough, and its name current, to skip the write. */
function isFresh(row: { last_seen_at: string | null; display_name: string | null }, displayName: string | undefined, now: Date): boolean {
  if (displayName !== undefined && displayName !== row.display_name) return false;
  const seen = row.last_seen_at ? Date.parse(row.last_seen_at) : Number.NaN;
  const age = now.getTime() - seen;
  return Number.isFinite(seen) && age >= 0 && age < LAST_SEEN_PRECISION_MS;
}

/** Unambiguous characters (no 0/O, 1/I/L) so codes survive being read aloud. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh 8-character invite code. */
export function generateInviteCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

interface IdentityRow {
  channel: ChannelName;
  user_id: string;
  role: Role;
  unit: string | null;
  display_name: string | null;
  last_seen_at: string | null;
}

interface ExchangeRow {
  id: string;
  channel: ChannelName;
  chat_id: string;
  user_id: string;
  question: string;
  resolved_question: string | null;
  answer: string;
  abstained: number;
  sources_json: string;
  created_at: string;
}

const toIdentity = (r: IdentityRow): Identity => ({
  channel: r.channel,
  userId: r.user_id,
  role: r.role,
  ...(r.unit ? { unit: r.unit } : {}),
  ...(r.display_name ? { displayName: r.display_name } : {}),
});

function parseSources(json: string): SourceRef[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as SourceRef[]) : [];
  } catch {
    return [];
  }
}

const toExchange = (r: ExchangeRow): Exchange => ({
  id: r.id,
  channel: r.channel,
  chatId: r.chat_id,
  userId: r.user_id,
  question: r.question,
  ...(r.resolved_question !== null ? { resolvedQuestion: r.resolved_question } : {}),
  answer: r.answer,
  abstained: r.abstained === 1,
  sources: parseSources(r.sources_json),
  createdAt: r.created_at,
});

/** SQLite-backed chat store. The caller owns (and closes) the database. */
const INSERT_EXCHANGE = `INSERT INTO exchanges (id, channel, chat_id, user_id, question, resolved_question, answer, abstained, sources_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export class SqliteChatStore implements ChatStore {
  /** Statements of the per-message path, prepared once. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {
    migrate(db, 'chat', CHAT_MIGRATIONS);
  }

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /**
   * Create or refresh the identity. A message within {@link LAST_SEEN_PRECISION_MS}
   * of the last recorded one, with no new display name, writes nothing (a
   * read instead of a write transaction on every message; last_seen_at is
   * then at most that much behind, which keeps Zalo's 48-hour window on the
   * safe side).
   */
  touchIdentity(input: { channel: ChannelName; userId: string; displayName?: string }, now: Date): Identity {
    const row = this.stmt('SELECT * FROM identities WHERE channel = ? AND user_id = ?').get(input.channel, input.userId) as IdentityRow | undefined;
    if (row && isFresh(row, input.displayName, now)) return toIdentity(row);
    const at = now.toISOString();
    this.stmt(
      `INSERT INTO identities (channel, user_id, role, display_name, last_seen_at, created_at)
         VALUES (?, ?, 'citizen', ?, ?, ?)
         ON CONFLICT (channel, user_id) DO UPDATE SET
           last_seen_at = excluded.last_seen_at,
           display_name = COALESCE(excluded.display_name, identities.display_name)`,
    ).run(input.channel, input.userId, input.displayName ?? null, at, at);
    return this.getIdentity(input.channel, input.userId) as Identity;
  }

  getIdentity(channel: ChannelName, userId: string): Identity | undefined {
    const row = this.stmt('SELECT * FROM identities WHERE channel = ? AND user_id = ?').get(channel, userId) as IdentityRow | undefined;
    return row ? toIdentity(row) : undefined;
  }

  listStaff(): Array<Identity & { lastSeenAt?: string }> {
    const rows = this.db.prepare(`SELECT * FROM identities WHERE role IN ('staff','admin') ORDER BY unit, display_name, user_id`).all() as IdentityRow[];
    return rows.map((r) => ({ ...toIdentity(r), ...(r.last_seen_at ? { lastSeenAt: r.last_seen_at } : {}) }));
  }

  createInvite(input: { unit: string; role: Exclude<Role, 'citizen'> }, now: Date): Invite {
    const insert = this.db.prepare('INSERT OR IGNORE INTO invites (code, unit, role, created_at) VALUES (?, ?, ?, ?)');
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = generateInviteCode();
      if (insert.run(code, input.unit, input.role, now.toISOString()).changes === 1) {
        return { code, unit: input.unit, role: input.role, createdAt: now.toISOString() };
      }
    }
    throw new AppError('DB_ERROR', 'Could not generate a unique invite code');
  }

  listOpenInvites(): Invite[] {
    const rows = this.db.prepare('SELECT code, unit, role, created_at FROM invites WHERE used_by IS NULL ORDER BY created_at DESC, code').all() as Array<{
      code: string;
      unit: string;
      role: Invite['role'];
      created_at: string;
    }>;
    return rows.map((r) => ({ code: r.code, unit: r.unit, role: r.role, createdAt: r.created_at }));
  }

  revokeInvite(code: string): boolean {
    return this.db.prepare('DELETE FROM invites WHERE code = ? AND used_by IS NULL').run(code.trim().toUpperCase()).changes === 1;
  }

  setRole(channel: ChannelName, userId: string, role: Role): boolean {
    return this.db.prepare('UPDATE identities SET role = ? WHERE channel = ? AND user_id = ?').run(role, channel, userId).changes === 1;
  }

  redeemInvite(code: string, who: { channel: ChannelName; userId: string }, now: Date): RedeemResult {
    const normalized = code.trim().toUpperCase();
    const at = now.toISOString();
    return this.db.transaction((): RedeemResult => {
      const invite = this.db.prepare('SELECT * FROM invites WHERE code = ?').get(normalized) as
        | { unit: string; role: Role; used_by: string | null }
        | undefined;
      if (!invite) return { ok: false, reason: 'unknown' };
      if (invite.used_by) return { ok: false, reason: 'used' };
      this.db.prepare('UPDATE invites SET used_by = ?, used_at = ? WHERE code = ?').run(`${who.channel}:${who.userId}`, at, normalized);
      this.db
        .prepare(
          `INSERT INTO identities (channel, user_id, role, unit, last_seen_at, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (channel, user_id) DO UPDATE SET role = excluded.role, unit = excluded.unit,
             last_seen_at = excluded.last_seen_at`,
        )
        .run(who.channel, who.userId, invite.role, invite.unit, at, at);
      return { ok: true, identity: this.getIdentity(who.channel, who.userId) as Identity };
    })();
  }

  getChatState(channel: ChannelName, chatId: string): ChatState {
    const row = this.stmt('SELECT last_question, pending_json FROM chat_state WHERE channel = ? AND chat_id = ?').get(channel, chatId) as
      | { last_question: string | null; pending_json: string | null }
      | undefined;
    if (!row) return {};
    const state: ChatState = {};
    if (row.last_question) state.lastQuestion = row.last_question;
    if (row.pending_json) {
      try {
        state.pending = JSON.parse(row.pending_json) as PendingState;
      } catch {
        // A corrupt pending step is dropped rather than blocking the chat.
      }
    }
    return state;
  }

  setLastQuestion(channel: ChannelName, chatId: string, question: string, now: Date): void {
    this.stmt(
      `INSERT INTO chat_state (channel, chat_id, last_question, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (channel, chat_id) DO UPDATE SET last_question = excluded.last_question, updated_at = excluded.updated_at`,
    ).run(channel, chatId, question, now.toISOString());
  }

  setPending(channel: ChannelName, chatId: string, pending: PendingState | undefined, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO chat_state (channel, chat_id, pending_json, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (channel, chat_id) DO UPDATE SET pending_json = excluded.pending_json, updated_at = excluded.updated_at`,
      )
      .run(channel, chatId, pending ? JSON.stringify(pending) : null, now.toISOString());
  }

  saveExchange(e: Exchange, opts: { asLastQuestion?: boolean } = {}): void {
    const insert = this.stmt(INSERT_EXCHANGE);
    const args = [
      e.id,
      e.channel,
      e.chatId,
      e.userId,
      e.question,
      e.resolvedQuestion ?? null,
      e.answer,
      e.abstained ? 1 : 0,
      JSON.stringify(e.sources),
      e.createdAt,
    ];
    if (!opts.asLastQuestion) {
      insert.run(...args);
      return;
    }
    // One write transaction for both: workers sharing the database queue on its write lock once per answer.
    this.saveWithLastQuestion ??= this.db.transaction((ex: Exchange, row: unknown[]) => {
      this.stmt(INSERT_EXCHANGE).run(...row);
      this.setLastQuestion(ex.channel, ex.chatId, contextQuestionOf(ex), new Date(ex.createdAt));
    });
    this.saveWithLastQuestion(e, args);
  }

  /** The transaction of {@link saveExchange} with `asLastQuestion`, wrapped once (better-sqlite3 builds a wrapper per `transaction` call). */
  private saveWithLastQuestion?: (e: Exchange, row: unknown[]) => void;

  getExchange(id: string): Exchange | undefined {
    const r = this.stmt('SELECT * FROM exchanges WHERE id = ?').get(id) as ExchangeRow | undefined;
    return r ? toExchange(r) : undefined;
  }

  getExchangeHead(id: string): ExchangeHead | undefined {
    const r = this.stmt('SELECT channel, chat_id, question, resolved_question, created_at FROM exchanges WHERE id = ?').get(id) as
      | Pick<ExchangeRow, 'channel' | 'chat_id' | 'question' | 'resolved_question' | 'created_at'>
      | undefined;
    if (!r) return undefined;
    const resolved = r.resolved_question !== null ? { resolvedQuestion: r.resolved_question } : {};
    return { id, channel: r.channel, chatId: r.chat_id, question: r.question, ...resolved, createdAt: r.created_at };
  }

  lastQuestionSince(channel: ChannelName, chatId: string, since: Date): string | undefined {
    // The chat's index (channel, chat_id, created_at), read backwards from the newest row: one row, same order as the history.
    const r = this.stmt(
      `SELECT COALESCE(resolved_question, question) AS question FROM exchanges WHERE channel = ? AND chat_id = ? AND created_at >= ?
         ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ).get(channel, chatId, since.toISOString()) as { question: string } | undefined;
    return r?.question;
  }

  listRecentExchanges(channel: ChannelName, chatId: string, since: Date, limit: number): Array<Exchange & { vote?: Vote }> {
    // The created_at index bounds the scan to the window; rowid breaks ties in the same millisecond.
    const rows = this.stmt(
      `SELECT e.*, f.vote FROM exchanges e LEFT JOIN feedback f ON f.exchange_id = e.id
         WHERE e.created_at >= ? AND e.channel = ? AND e.chat_id = ?
         ORDER BY e.created_at DESC, e.rowid DESC LIMIT ?`,
    ).all(since.toISOString(), channel, chatId, Math.max(0, Math.floor(limit))) as Array<ExchangeRow & { vote: Vote | null }>;
    return rows.reverse().map((r) => ({ ...toExchange(r), ...(r.vote ? { vote: r.vote } : {}) }));
  }

  saveFeedback(exchangeId: string, vote: Vote, now: Date): boolean {
    if (!this.db.prepare('SELECT 1 FROM exchanges WHERE id = ?').get(exchangeId)) return false;
    this.db
      .prepare(
        `INSERT INTO feedback (exchange_id, vote, created_at) VALUES (?, ?, ?)
         ON CONFLICT (exchange_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`,
      )
      .run(exchangeId, vote, now.toISOString());
    return true;
  }

  listGapRows(): GapRow[] {
    const rows = this.db
      .prepare(
        `SELECT e.question, e.abstained, f.vote, e.created_at FROM exchanges e
         LEFT JOIN feedback f ON f.exchange_id = e.id
         WHERE e.abstained = 1 OR f.vote = 'down' ORDER BY e.created_at DESC`,
      )
      .all() as Array<{ question: string; abstained: number; vote: Vote | null; created_at: string }>;
    return rows.map((r) => ({
      question: r.question,
      abstained: r.abstained === 1,
      ...(r.vote ? { vote: r.vote } : {}),
      createdAt: r.created_at,
    }));
  }

  recentQuestions(channel: ChannelName, chatId: string, since: Date, limit: number): Array<{ text: string; at: string }> {
    const rows = this.db
      .prepare('SELECT question, created_at FROM exchanges WHERE channel = ? AND chat_id = ? AND created_at >= ? ORDER BY created_at DESC LIMIT ?')
      .all(channel, chatId, since.toISOString(), limit) as Array<{ question: string; created_at: string }>;
    return rows.reverse().map((r) => ({ text: r.question, at: r.created_at }));
  }

  /**
   * Retention: delete anonymous web chats (citizen web sessions) idle since
   * before `cutoff`, and web exchanges older than `cutoff` from anyone who is
   * not staff. Staff and admin identities, their history, invites and every
   * other channel are kept. Feedback goes with its exchange (cascade).
   * @example store.purgeAnonymousWebChats(new Date(Date.now() - 90 * 86_400_000)) // { sessions: 12, exchanges: 40 }
   */
  purgeAnonymousWebChats(cutoff: Date): { sessions: number; exchanges: number } {
    const at = cutoff.toISOString();
    const staffWeb = `SELECT user_id FROM identities WHERE channel = 'web' AND role <> 'citizen'`;
    return this.db.transaction(() => {
      const exchanges = this.db.prepare(`DELETE FROM exchanges WHERE channel = 'web' AND created_at < ? AND user_id NOT IN (${staffWeb})`).run(at).changes;
      // A session's state goes only when its owner is gone too (idle citizen, or no identity).
      const keptWeb = `SELECT user_id FROM identities WHERE channel = 'web'
        AND (role <> 'citizen' OR COALESCE(last_seen_at, created_at) >= ?)`;
      const states = this.db.prepare(`DELETE FROM chat_state WHERE channel = 'web' AND updated_at < ? AND chat_id NOT IN (${keptWeb})`).run(at, at).changes;
      const identities = this.db
        .prepare(`DELETE FROM identities WHERE channel = 'web' AND role = 'citizen' AND COALESCE(last_seen_at, created_at) < ?`)
        .run(at).changes;
      return { sessions: Math.max(states, identities), exchanges };
    })();
  }

  checkWritable(): void {
    this.db
      .prepare(`INSERT INTO chat_meta (key, value) VALUES ('health_check', ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(new Date().toISOString());
  }
}

/** A chat store on a private in-memory database (tests, one-off tools). */
export function createMemoryChatStore(): SqliteChatStore {
  return new SqliteChatStore(openDatabase(':memory:'));
}
