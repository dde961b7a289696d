/**
 * {@link TicketStore} on SQLite (namespace `handoff`), in the same database
 * as the chat store. Tickets and their messages survive restarts; a staff
 * reply is recorded `pending` before it is sent, so a crash never loses it.
 */
import type { Statement } from 'better-sqlite3';
import type { ChannelName } from '../core/messages.js';
import { type Db, type Migration, migrate, openDatabase } from '../store/database.js';
import type { DeliveryState, Ticket, TicketHead, TicketMessage, TicketStatus, TicketViewer } from './ticket.js';
import type { NewTicket, PendingDelivery, TicketCounts, TicketFilter, TicketStore } from './ticket-store.js';

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE tickets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL, display_name TEXT,
        status TEXT NOT NULL CHECK (status IN ('open','answered','closed')),
        unit TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_citizen_at TEXT NOT NULL);
      CREATE INDEX tickets_chat ON tickets (channel, chat_id, updated_at);
      CREATE TABLE ticket_messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        author TEXT NOT NULL CHECK (author IN ('citizen','staff')),
        text TEXT NOT NULL, at TEXT NOT NULL,
        delivery TEXT CHECK (delivery IN ('pending','sent','failed','undeliverable')),
        delivery_note TEXT, staff_name TEXT);
      CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, id);`,
  },
];

interface TicketRow {
  id: number;
  channel: ChannelName;
  chat_id: string;
  user_id: string;
  display_name: string | null;
  status: TicketStatus;
  unit: string | null;
  created_at: string;
  updated_at: string;
  last_citizen_at: string;
}

interface MessageRow {
  id: number;
  ticket_id: number;
  author: 'citizen' | 'staff';
  text: string;
  at: string;
  delivery: DeliveryState | null;
  delivery_note: string | null;
  staff_name: string | null;
}

const toMessage = (r: MessageRow): TicketMessage => ({
  id: r.id,
  author: r.author,
  text: r.text,
  at: r.at,
  ...(r.delivery ? { delivery: r.delivery } : {}),
  ...(r.delivery_note ? { deliveryNote: r.delivery_note } : {}),
  ...(r.staff_name ? { staffName: r.staff_name } : {}),
});

/** The last staff reply of a ticket could not be delivered (SQL, on alias `t`). */
const UNDELIVERABLE_SQL = `(SELECT m.delivery FROM ticket_messages m WHERE m.ticket_id = t.id AND m.author = 'staff'
  ORDER BY m.id DESC LIMIT 1) IN ('undeliverable','failed')`;

const toHead = (row: TicketRow): TicketHead => ({
  id: row.id,
  channel: row.channel,
  chatId: row.chat_id,
  userId: row.user_id,
  ...(row.display_name ? { displayName: row.display_name } : {}),
  status: row.status,
  ...(row.unit ? { unit: row.unit } : {}),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  lastCitizenAt: row.last_citizen_at,
});

/** Visibility rule of {@link canView}, as SQL on alias `t`. */
function visibility(viewer: TicketViewer): { sql: string; params: string[] } {
  return viewer.role === 'admin' ? { sql: '1 = 1', params: [] } : { sql: '(t.unit IS NULL OR t.unit = ?)', params: [viewer.unit] };
}

/** SQLite-backed ticket store. The caller owns (and closes) the database. */
export class SqliteTicketStore implements TicketStore {
  private latestStmt: Statement<[string, string]> | undefined;

  constructor(private readonly db: Db) {
    migrate(db, 'handoff', MIGRATIONS);
  }

  private hydrate(row: TicketRow): Ticket {
    const messages = (this.db.prepare('SELECT * FROM ticket_messages WHERE ticket_id = ? ORDER BY id').all(row.id) as MessageRow[]).map(toMessage);
    return { ...toHead(row), messages };
  }

  create(input: NewTicket, now: Date): Ticket {
    const at = now.toISOString();
    const id = this.db.transaction(() => {
      const r = this.db
        .prepare(
          `INSERT INTO tickets (channel, chat_id, user_id, display_name, status, created_at, updated_at, last_citizen_at)
           VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`,
        )
        .run(input.channel, input.chatId, input.userId, input.displayName ?? null, at, at, at);
      const ticketId = Number(r.lastInsertRowid);
      const insert = this.db.prepare(`INSERT INTO ticket_messages (ticket_id, author, text, at) VALUES (?, 'citizen', ?, ?)`);
      for (const m of input.messages) insert.run(ticketId, m.text, m.at);
      return ticketId;
    })();
    return this.get(id) as Ticket;
  }

  get(id: number): Ticket | undefined {
    const row = this.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  latestForChat(channel: ChannelName, chatId: string): TicketHead | undefined {
    // Asked twice for every chat message: prepared once, and the ticket's messages are not read.
    this.latestStmt ??= this.db.prepare('SELECT * FROM tickets WHERE channel = ? AND chat_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1');
    const row = this.latestStmt.get(channel, chatId) as TicketRow | undefined;
    return row ? toHead(row) : undefined;
  }

  addMessage(ticketId: number, m: { author: 'citizen' | 'staff'; text: string; at: string; delivery?: DeliveryState; staffName?: string }): TicketMessage {
    return this.db.transaction(() => {
      const r = this.db
        .prepare('INSERT INTO ticket_messages (ticket_id, author, text, at, delivery, staff_name) VALUES (?, ?, ?, ?, ?, ?)')
        .run(ticketId, m.author, m.text, m.at, m.author === 'staff' ? (m.delivery ?? 'pending') : null, m.staffName ?? null);
      const touch = m.author === 'citizen' ? ', last_citizen_at = ?' : '';
      this.db.prepare(`UPDATE tickets SET updated_at = ?${touch} WHERE id = ?`).run(...(m.author === 'citizen' ? [m.at, m.at] : [m.at]), ticketId);
      const row = this.db.prepare('SELECT * FROM ticket_messages WHERE id = ?').get(Number(r.lastInsertRowid)) as MessageRow;
      return toMessage(row);
    })();
  }

  setStatus(ticketId: number, status: TicketStatus, now: Date): void {
    this.db.prepare('UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?').run(status, now.toISOString(), ticketId);
  }

  setUnit(ticketId: number, unit: string | undefined, now: Date): void {
    this.db.prepare('UPDATE tickets SET unit = ?, updated_at = ? WHERE id = ?').run(unit ?? null, now.toISOString(), ticketId);
  }

  touchCitizen(ticketId: number, now: Date): void {
    this.db.prepare('UPDATE tickets SET last_citizen_at = ? WHERE id = ?').run(now.toISOString(), ticketId);
  }

  setDelivery(messageId: number, delivery: DeliveryState, note?: string): void {
    this.db.prepare('UPDATE ticket_messages SET delivery = ?, delivery_note = ? WHERE id = ?').run(delivery, note ?? null, messageId);
  }

  list(filter: TicketFilter, viewer: TicketViewer): Ticket[] {
    const v = visibility(viewer);
    const where = [v.sql];
    const params: Array<string | number> = [...v.params];
    if (filter.status) {
      where.push('t.status = ?');
      params.push(filter.status);
    }
    if (filter.channel) {
      where.push('t.channel = ?');
      params.push(filter.channel);
    }
    if (filter.unit) {
      where.push('t.unit = ?');
      params.push(filter.unit);
    }
    if (filter.undeliverable) where.push(UNDELIVERABLE_SQL);
    const rows = this.db
      .prepare(`SELECT t.* FROM tickets t WHERE ${where.join(' AND ')} ORDER BY t.updated_at DESC, t.id DESC LIMIT 500`)
      .all(...params) as TicketRow[];
    return rows.map((r) => this.hydrate(r));
  }

  counts(viewer: TicketViewer): TicketCounts {
    const v = visibility(viewer);
    const row = this.db
      .prepare(
        `SELECT SUM(t.status = 'open') AS open, SUM(t.status = 'answered') AS answered, SUM(t.status = 'closed') AS closed,
           SUM(${UNDELIVERABLE_SQL}) AS undeliverable, COUNT(*) AS total FROM tickets t WHERE ${v.sql}`,
      )
      .get(...v.params) as Record<keyof TicketCounts, number | null>;
    return {
      open: row.open ?? 0,
      answered: row.answered ?? 0,
      closed: row.closed ?? 0,
      undeliverable: row.undeliverable ?? 0,
      total: row.total ?? 0,
    };
  }

  pendingDeliveries(): PendingDelivery[] {
    const rows = this.db
      .prepare(
        `SELECT m.* FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
         WHERE m.author = 'staff' AND m.delivery = 'pending' AND t.channel <> 'web' ORDER BY m.id`,
      )
      .all() as MessageRow[];
    return rows.map((r) => ({ ticket: this.get(r.ticket_id) as Ticket, message: toMessage(r) }));
  }

  takeWebInbox(sessionId: string): Array<{ ticketId: number; text: string; at: string }> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT m.* FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
           WHERE t.channel = 'web' AND t.chat_id = ? AND m.author = 'staff' AND m.delivery = 'pending' ORDER BY m.id`,
        )
        .all(sessionId) as MessageRow[];
      const mark = this.db.prepare(`UPDATE ticket_messages SET delivery = 'sent' WHERE id = ?`);
      for (const r of rows) mark.run(r.id);
      return rows.map((r) => ({ ticketId: r.ticket_id, text: r.text, at: r.at }));
    })();
  }

  purgeBefore(cutoff: Date): number {
    return this.db.prepare(`DELETE FROM tickets WHERE status IN ('answered','closed') AND updated_at < ?`).run(cutoff.toISOString()).changes;
  }
}

/** A ticket store on a private in-memory database (tests, one-off tools). */
export function createMemoryTicketStore(): SqliteTicketStore {
  return new SqliteTicketStore(openDatabase(':memory:'));
}
