import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName, OutboundSender, OutgoingReply } from '../../src/core/messages.js';
import { canMessage, type ReminderRecipient, sqliteRecipients } from '../../src/reports/reminder-recipients.js';
import { createReminderScheduler, sqliteReminderLog, type TimerApi } from '../../src/reports/reminders.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import type { Db } from '../../src/store/database.js';
import { newReport, planAreas, silentLogger, tempDb } from './helpers.js';

const H = 60 * 60 * 1000;
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

class RecordingSender implements OutboundSender {
  readonly sent: Array<{ channel: ChannelName; chatId: string; text: string }> = [];
  async send(channel: ChannelName, chatId: string, reply: OutgoingReply): Promise<void> {
    this.sent.push({ channel, chatId, text: reply.text });
  }
}

/** A fake clock and timer: callbacks run only when the test fires them. */
function fakeTime(start: string) {
  let t = new Date(start);
  const pending: Array<{ fn: () => void; ms: number; unref: boolean }> = [];
  const timers: TimerApi = {
    setTimeout(fn, ms) {
      const h = { fn, ms, unref: false };
      pending.push(h);
      return { unref: () => (h.unref = true) };
    },
    clearTimeout() {
      pending.splice(0);
    },
  };
  return {
    now: () => t,
    set: (iso: string) => (t = new Date(iso)),
    timers,
    pending,
    /** Advance the clock to the last timer's deadline and run it. */
    async fire() {
      const h = pending.shift();
      if (!h) throw new Error('no timer armed');
      t = new Date(t.getTime() + h.ms);
      h.fn();
      await new Promise((r) => setTimeout(r, 20));
    },
  };
}

function setup(start: string, people: ReminderRecipient[]) {
  const { db } = tempDb();
  dbs.push(db);
  const store = new SqliteReportStore(db);
  const clock = fakeTime(start);
  const sender = new RecordingSender();
  const scheduler = createReminderScheduler({
    store,
    sender,
    recipients: { list: () => people },
    areas: planAreas(),
    reminderDays: [
      { day: 15, month: 11 },
      { day: 25, month: 11 },
    ],
    logger: silentLogger,
    log: sqliteReminderLog(db),
    now: clock.now,
    timers: clock.timers,
  });
  return { db, store, clock, sender, scheduler };
}

describe('reminders', () => {
  it('sends admins the coverage on 15/11 at 08:00, once, respecting the Zalo 48-hour window', async () => {
    const people: ReminderRecipient[] = [
      { channel: 'telegram', userId: 'a1', role: 'admin', unit: 'Văn phòng Sở' },
      { channel: 'zalo', userId: 'a2', role: 'admin', lastSeenAt: '2026-11-14T20:00:00Z' },
      { channel: 'zalo', userId: 'a3', role: 'admin', lastSeenAt: '2026-11-10T00:00:00Z' },
      { channel: 'web', userId: 'a4', role: 'admin' },
      { channel: 'telegram', userId: 's1', role: 'staff', unit: 'Văn phòng Sở' },
    ];
    // 03:00 on 15/11 in Vietnam; the event is at 08:00 (01:00 UTC).
    const { store, clock, sender, scheduler } = setup('2026-11-14T20:00:00Z', people);
    store.confirm(newReport({ date: '2026-11-05', area: 'II.1.c', unit: 'Văn phòng Sở' }), clock.now());
    scheduler.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(sender.sent).toEqual([]);
    expect(clock.pending).toHaveLength(1);
    expect(clock.pending[0]?.ms).toBe(5 * H);
    expect(clock.pending[0]?.unref).toBe(true);

    await clock.fire();
    expect(sender.sent.map((s) => `${s.channel}:${s.chatId}`)).toEqual(['telegram:a1', 'zalo:a2']);
    expect(sender.sent[0]?.text).toContain('trước ngày 30/11');
    expect(sender.sent[0]?.text).toContain('Đến nay: 1 hoạt động; 1/22 nội dung đã có hoạt động.');
    expect(sender.sent[0]?.text).toContain('II.1.a, II.1.b, II.1.d');

    // A second tick the same day sends nothing again.
    expect(await scheduler.tick()).toEqual([]);
    expect(sender.sent).toHaveLength(2);
    // The next timer aims at the nudge on 20/11 (capped at 6 hours per wait).
    expect(clock.pending[0]?.ms).toBe(6 * H);
    expect(scheduler.nextEventAt().toISOString()).toBe('2026-11-20T01:00:00.000Z');
    scheduler.stop();
    expect(clock.pending).toHaveLength(0);
  });

  it('nudges staff of units with nothing reported this month', async () => {
    const people: ReminderRecipient[] = [
      { channel: 'telegram', userId: 's1', role: 'staff', unit: 'Phòng Thử nghiệm A' },
      { channel: 'telegram', userId: 's2', role: 'staff', unit: 'Phòng Thử nghiệm B' },
      { channel: 'zalo', userId: 's3', role: 'staff', unit: 'Phòng Thử nghiệm B', lastSeenAt: '2026-11-19T10:00:00Z' },
      { channel: 'zalo', userId: 's4', role: 'staff', unit: 'Phòng Thử nghiệm B', lastSeenAt: '2026-11-01T10:00:00Z' },
      { channel: 'telegram', userId: 'c1', role: 'staff' },
    ];
    const { store, clock, sender, scheduler } = setup('2026-11-20T01:30:00Z', people);
    store.confirm(newReport({ date: '2026-11-03', unit: 'Phòng Thử nghiệm A' }), clock.now());
    store.confirm(newReport({ date: '2026-10-30', unit: 'Phòng Thử nghiệm B' }), clock.now());
    expect(await scheduler.tick()).toEqual(['nudge:2026-11']);
    expect(sender.sent.map((s) => `${s.channel}:${s.chatId}`)).toEqual(['telegram:s2', 'zalo:s3']);
    expect(sender.sent[0]?.text).toContain('tháng 11/2026, Phòng Thử nghiệm B chưa có báo cáo');
  });

  it('does not repeat an event after a restart (log kept in SQLite)', async () => {
    const people: ReminderRecipient[] = [{ channel: 'telegram', userId: 'a1', role: 'admin' }];
    const first = setup('2026-11-25T02:00:00Z', people);
    expect(await first.scheduler.tick()).toEqual(['admin:2026-11-25']);
    const again = createReminderScheduler({
      store: first.store,
      sender: first.sender,
      recipients: { list: () => people },
      areas: planAreas(),
      reminderDays: [{ day: 25, month: 11 }],
      logger: silentLogger,
      log: sqliteReminderLog(first.db),
      now: first.clock.now,
      timers: first.clock.timers,
    });
    expect(await again.tick()).toEqual([]);
    expect(first.sender.sent).toHaveLength(1);
  });

  it('reads recipients from the identities table, and none when it is missing', () => {
    const { db } = tempDb();
    dbs.push(db);
    expect(sqliteRecipients(db).list()).toEqual([]);
    db.exec(`CREATE TABLE identities (channel TEXT, user_id TEXT, role TEXT, unit TEXT, display_name TEXT, last_seen_at TEXT, created_at TEXT);
      INSERT INTO identities VALUES ('zalo','z1','staff','Phòng Thử nghiệm A',NULL,'2026-11-24T00:00:00Z','2026-01-01');
      INSERT INTO identities VALUES ('telegram','t1','citizen',NULL,NULL,NULL,'2026-01-01');
      INSERT INTO identities VALUES ('telegram','t2','admin','Văn phòng Sở',NULL,NULL,'2026-01-01');`);
    const list = sqliteRecipients(db).list();
    expect(list.map((r) => r.userId)).toEqual(['z1', 't2']);
    const now = new Date('2026-11-25T00:00:00Z');
    expect(canMessage(list[0] as ReminderRecipient, now)).toBe(true);
    expect(canMessage(list[0] as ReminderRecipient, new Date('2026-11-26T00:00:01Z'))).toBe(false);
    expect(canMessage({ channel: 'zalo', userId: 'x', role: 'staff', lastSeenAt: null }, now)).toBe(false);
  });
});
