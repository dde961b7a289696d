/**
 * {@link ReportStore} on better-sqlite3. Tables live in the bot's shared
 * database file under the `reports` migration namespace.
 */

import type { ChannelName } from '../../core/messages.js';
import { type CountKind, countKindSchema } from '../../core/vocabulary.js';
import { type Db, migrate } from '../../store/database.js';
import type { DraftState, Indicator, NewReport, ReportChannel, ReportDraft, ReportQuery, ReportRecord } from '../types.js';
import { REPORT_MIGRATIONS } from './migrations.js';
import { DELETE_WINDOW_DAYS, type DeleteOutcome, type ReportStore } from './report-store.js';

interface ReportRow {
  id: number;
  reporter_channel: string;
  reporter_id: string;
  reporter_name: string | null;
  reporter_unit: string | null;
  unit: string | null;
  date: string | null;
  channel: string | null;
  count: number | null;
  count_kind: string | null;
  indicator: string | null;
  area: string | null;
  link: string | null;
  description: string;
  source_message_id: string;
  status: string;
  created_at: string;
  confirmed_at: string | null;
  deleted_at: string | null;
}

interface DraftRow {
  chat_key: string;
  fields_json: string;
  source_message_id: string;
  updated_at: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function toRecord(r: ReportRow): ReportRecord {
  return {
    id: r.id,
    reporterChannel: r.reporter_channel as ChannelName,
    reporterId: r.reporter_id,
    reporterName: r.reporter_name,
    reporterUnit: r.reporter_unit,
    unit: r.unit,
    date: r.date,
    channel: r.channel as ReportChannel | null,
    count: r.count,
    countKind: r.count === null ? null : countKindOf(r.count_kind),
    indicator: r.indicator as Indicator | null,
    area: r.area,
    link: r.link,
    description: r.description,
    sourceMessageId: r.source_message_id,
    status: r.status === 'deleted' ? 'deleted' : 'confirmed',
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    deletedAt: r.deleted_at,
  };
}

function countKindOf(v: string | null): CountKind {
  const parsed = countKindSchema.safeParse(v);
  return parsed.success ? parsed.data : 'unknown';
}

/** SQLite-backed report store. Construct with an open database; migrates on creation. */
export class SqliteReportStore implements ReportStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    migrate(db, 'reports', REPORT_MIGRATIONS);
  }

  confirm(report: NewReport, now: Date, chatKey?: string): { record: ReportRecord; created: boolean } {
    const at = now.toISOString();
    const run = this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO reports (reporter_channel, reporter_id, reporter_name, reporter_unit, unit, date, channel, count, count_kind, indicator, area, link,
             description, source_message_id, status, created_at, confirmed_at)
           VALUES (@reporterChannel, @reporterId, @reporterName, @reporterUnit, @unit, @date, @channel, @count, @countKind, @indicator, @area, @link,
             @description, @sourceMessageId, 'confirmed', @at, @at)
           ON CONFLICT (reporter_channel, reporter_id, source_message_id) DO NOTHING`,
        )
        .run({
          ...report,
          reporterName: report.reporterName ?? null,
          reporterUnit: report.reporterUnit ?? null,
          countKind: report.count === null ? null : (report.countKind ?? 'unknown'),
          at,
        });
      if (chatKey !== undefined) this.db.prepare('DELETE FROM report_drafts WHERE chat_key = ?').run(chatKey);
      const row = this.db
        .prepare('SELECT * FROM reports WHERE reporter_channel = ? AND reporter_id = ? AND source_message_id = ?')
        .get(report.reporterChannel, report.reporterId, report.sourceMessageId) as ReportRow;
      return { record: toRecord(row), created: info.changes > 0 };
    });
    return run();
  }

  get(id: number): ReportRecord | null {
    const row = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
    return row ? toRecord(row) : null;
  }

  findBySource(reporterChannel: string, reporterId: string, sourceMessageId: string): ReportRecord | null {
    const row = this.db
      .prepare('SELECT * FROM reports WHERE reporter_channel = ? AND reporter_id = ? AND source_message_id = ?')
      .get(reporterChannel, reporterId, sourceMessageId) as ReportRow | undefined;
    return row ? toRecord(row) : null;
  }

  recentByReporter(reporterChannel: string, reporterId: string, sinceIso: string): ReportRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM reports WHERE reporter_channel = ? AND reporter_id = ? AND status = 'confirmed'
           AND COALESCE(confirmed_at, created_at) >= ? ORDER BY id DESC LIMIT 50`,
      )
      .all(reporterChannel, reporterId, sinceIso) as ReportRow[];
    return rows.map(toRecord);
  }

  units(): string[] {
    const rows = this.db.prepare("SELECT DISTINCT unit FROM reports WHERE status = 'confirmed' AND unit IS NOT NULL").all() as Array<{ unit: string }>;
    return rows.map((r) => r.unit);
  }

  list(query: ReportQuery = {}): ReportRecord[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (!query.includeDeleted) where.push("status = 'confirmed'");
    if (query.year !== undefined) {
      where.push('date >= @yFrom AND date <= @yTo');
      params.yFrom = `${query.year}-01-01`;
      params.yTo = `${query.year}-12-31`;
    }
    if (query.from !== undefined) where.push('date >= @from'), (params.from = query.from);
    if (query.to !== undefined) where.push('date <= @to'), (params.to = query.to);
    const eq: Array<[keyof ReportQuery, string]> = [
      ['reporterChannel', 'reporter_channel'],
      ['reporterId', 'reporter_id'],
      ['indicator', 'indicator'],
      ['area', 'area'],
      ['unit', 'unit'],
      ['channel', 'channel'],
    ];
    for (const [key, column] of eq) {
      const v = query[key];
      if (v !== undefined) {
        where.push(`${column} = @${key}`);
        params[key] = v;
      }
    }
    const limit = query.limit !== undefined ? ` LIMIT ${Math.max(1, Math.floor(query.limit))}` : '';
    const sql = `SELECT * FROM reports${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY date DESC, id DESC${limit}`;
    return (this.db.prepare(sql).all(params) as ReportRow[]).map(toRecord);
  }

  deleteOwn(id: number, reporterChannel: string, reporterId: string, now: Date): DeleteOutcome {
    const run = this.db.transaction((): DeleteOutcome => {
      const row = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
      if (!row) return 'not_found';
      if (row.reporter_channel !== reporterChannel || row.reporter_id !== reporterId) return 'not_owner';
      if (row.status === 'deleted') return 'already_deleted';
      const savedAt = Date.parse(row.confirmed_at ?? row.created_at);
      if (now.getTime() - savedAt > DELETE_WINDOW_DAYS * DAY_MS) return 'too_old';
      this.db.prepare("UPDATE reports SET status = 'deleted', deleted_at = ? WHERE id = ?").run(now.toISOString(), id);
      return 'deleted';
    });
    return run();
  }

  getDraft(chatKey: string): ReportDraft | null {
    const row = this.db.prepare('SELECT * FROM report_drafts WHERE chat_key = ?').get(chatKey) as DraftRow | undefined;
    if (!row) return null;
    return {
      chatKey: row.chat_key,
      sourceMessageId: row.source_message_id,
      state: JSON.parse(row.fields_json) as DraftState,
      updatedAt: row.updated_at,
    };
  }

  saveDraft(chatKey: string, sourceMessageId: string, state: DraftState, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO report_drafts (chat_key, fields_json, source_message_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (chat_key) DO UPDATE SET fields_json = excluded.fields_json,
           source_message_id = excluded.source_message_id, updated_at = excluded.updated_at`,
      )
      .run(chatKey, JSON.stringify(state), sourceMessageId, now.toISOString());
  }

  deleteDraft(chatKey: string): void {
    this.db.prepare('DELETE FROM report_drafts WHERE chat_key = ?').run(chatKey);
  }
}
