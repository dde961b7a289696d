import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_MIGRATIONS } from '../../src/reports/store/migrations.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import type { DraftState } from '../../src/reports/types.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { newReport, tempDb } from './helpers.js';

const T0 = new Date('2026-11-20T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

function fresh() {
  const t = tempDb();
  dbs.push(t.db);
  return { ...t, store: new SqliteReportStore(t.db) };
}

describe('SqliteReportStore', () => {
  it('stores one report per source message even when confirmed twice', () => {
    const { store } = fresh();
    const r = newReport({ sourceMessageId: 'tg-42' });
    const first = store.confirm(r, T0);
    const second = store.confirm({ ...r, description: 'lần hai' }, T0);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.record.id).toBe(first.record.id);
    expect(second.record.description).toBe('Đăng tin thử nghiệm');
    expect(store.list()).toHaveLength(1);
    // Same message id from another user is another report.
    expect(store.confirm({ ...r, reporterId: '2002' }, T0).created).toBe(true);
    expect(store.list()).toHaveLength(2);
  });

  it('lets a reporter delete only their own report, and only within 7 days', () => {
    const { store } = fresh();
    const a = store.confirm(newReport(), T0).record;
    const b = store.confirm(newReport(), T0).record;
    expect(store.deleteOwn(a.id, 'telegram', '2002', T0)).toBe('not_owner');
    expect(store.deleteOwn(a.id, 'telegram', '1001', new Date(T0.getTime() + 7 * DAY - 1000))).toBe('deleted');
    expect(store.deleteOwn(a.id, 'telegram', '1001', T0)).toBe('already_deleted');
    expect(store.deleteOwn(b.id, 'telegram', '1001', new Date(T0.getTime() + 7 * DAY + 1000))).toBe('too_old');
    expect(store.deleteOwn(999, 'telegram', '1001', T0)).toBe('not_found');
    expect(store.list().map((r) => r.id)).toEqual([b.id]);
    expect(store.list({ includeDeleted: true })).toHaveLength(2);
    expect(store.get(a.id)?.status).toBe('deleted');
    expect(store.get(a.id)?.deletedAt).not.toBeNull();
  });

  it('filters by year, period, area, unit, channel and reporter', () => {
    const { store } = fresh();
    store.confirm(newReport({ date: '2025-12-31', area: 'II.2.h', indicator: 'PAPI' }), T0);
    store.confirm(newReport({ date: '2026-01-01', channel: 'social' }), T0);
    store.confirm(newReport({ date: '2026-11-20', unit: 'Phòng Thử nghiệm B', reporterId: '2002' }), T0);
    expect(store.list({ year: 2026 })).toHaveLength(2);
    expect(store.list({ year: 2025 })[0]?.area).toBe('II.2.h');
    expect(store.list({ from: '2026-11-01', to: '2026-11-30' })).toHaveLength(1);
    expect(store.list({ channel: 'social' })).toHaveLength(1);
    expect(store.list({ unit: 'Phòng Thử nghiệm B' })[0]?.reporterId).toBe('2002');
    expect(store.list({ indicator: 'PAPI' })).toHaveLength(1);
    expect(store.list({ reporterChannel: 'telegram', reporterId: '1001' })).toHaveLength(2);
    expect(store.list().map((r) => r.date)).toEqual(['2026-11-20', '2026-01-01', '2025-12-31']);
  });

  it('keeps drafts across a close and re-open, and confirm removes the draft', () => {
    const { store, db, file } = fresh();
    const state: DraftState = {
      fields: { date: '2026-11-21', channel: null, count: 3, countKind: 'post', indicator: null, area: null, link: null, unit: 'X', description: 'd' },
      awaiting: 'channel',
      candidates: [{ code: 'II.1.c', title: 't' }],
      reporterChannel: 'telegram',
      reporterId: '1001',
    };
    store.saveDraft('telegram:1:1', 'm1', state, T0);
    db.close();
    dbs.pop();
    const db2 = openDatabase(file);
    dbs.push(db2);
    const store2 = new SqliteReportStore(db2);
    const draft = store2.getDraft('telegram:1:1');
    expect(draft?.state).toEqual(state);
    expect(draft?.sourceMessageId).toBe('m1');
    store2.confirm(newReport({ sourceMessageId: 'm1' }), T0, 'telegram:1:1');
    expect(store2.getDraft('telegram:1:1')).toBeNull();
  });

  it('migrates once: opening the store twice on the same database is harmless', () => {
    const { db, store } = fresh();
    store.confirm(newReport(), T0);
    const again = new SqliteReportStore(db);
    expect(again.list()).toHaveLength(1);
  });
});

describe('count kinds in the store', () => {
  it('persists the kind, and the migration derives it for rows saved before kinds existed', () => {
    const t = tempDb();
    dbs.push(t.db);
    // A database at schema version 1 with three reports from before.
    t.db.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (namespace, version))`,
    );
    t.db.exec(REPORT_MIGRATIONS[0]!.sql);
    t.db.prepare("INSERT INTO schema_migrations (namespace, version, applied_at) VALUES ('reports', 1, 'x')").run();
    const old = t.db.prepare(
      `INSERT INTO reports (reporter_channel, reporter_id, date, channel, count, description, source_message_id, created_at)
       VALUES ('telegram', '1', '2026-11-01', ?, ?, ?, ?, '2026-11-01T00:00:00Z')`,
    );
    old.run('print', 200, 'Phát 200 tờ gấp về PCI', 'a');
    old.run('meeting', 45, 'Hội nghị đối thoại, 45 doanh nghiệp dự', 'b');
    old.run('other', 3, 'Cuộc thi tìm hiểu', 'c');
    old.run('website', null, 'Đăng tin', 'd');
    const store = new SqliteReportStore(t.db);
    const kinds = Object.fromEntries(store.list().map((r) => [r.sourceMessageId, r.countKind]));
    expect(kinds).toEqual({ a: 'printed', b: 'person', c: 'unknown', d: null });
    const saved = store.confirm(newReport({ count: 12, countKind: 'consultation', reporterName: 'Trần Văn Thử', reporterUnit: 'Thanh tra Sở' }), T0).record;
    expect(store.get(saved.id)).toMatchObject({ count: 12, countKind: 'consultation', reporterName: 'Trần Văn Thử', reporterUnit: 'Thanh tra Sở' });
  });
});
