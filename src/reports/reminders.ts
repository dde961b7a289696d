/**
 * Reminders: on the configured days (default 15/11 and 25/11, 08:00 Vietnam
 * time) admins get the year's coverage before the 30/11 deadline; once a
 * month, staff of units with nothing reported that month get a nudge.
 *
 * A `setTimeout` chain (unref'd, so it never keeps the process alive) with an
 * injectable clock and timer. Sent events are logged, so a restart on the
 * same day neither repeats nor skips them.
 */
import type { OutboundSender, OutgoingReply } from '../core/messages.js';
import type { Logger } from '../logger.js';
import { type Db, migrate } from '../store/database.js';
import { localDate, periodOf } from './period.js';
import { canMessage, type RecipientDirectory, type ReminderRecipient } from './reminder-recipients.js';
import type { ReportStore } from './store/report-store.js';
import { uncoveredAreas } from './summary.js';
import type { ContentAreaInfo } from './types.js';

/** Remembers which reminder events went out. */
export interface ReminderLog {
  wasSent(key: string): boolean;
  markSent(key: string, at: Date): void;
}

/** In-memory log (tests, or when no database is at hand). */
export function memoryReminderLog(): ReminderLog {
  const sent = new Set<string>();
  return { wasSent: (k) => sent.has(k), markSent: (k) => void sent.add(k) };
}

/** Log kept in the bot's SQLite file (`report_reminder_log`). */
export function sqliteReminderLog(db: Db): ReminderLog {
  migrate(db, 'report-reminders', [{ version: 1, sql: 'CREATE TABLE report_reminder_log (event_key TEXT PRIMARY KEY, sent_at TEXT NOT NULL)' }]);
  return {
    wasSent: (k) => db.prepare('SELECT 1 FROM report_reminder_log WHERE event_key = ?').get(k) !== undefined,
    markSent: (k, at) => void db.prepare('INSERT OR IGNORE INTO report_reminder_log VALUES (?, ?)').run(k, at.toISOString()),
  };
}

/** Timer functions, injectable for tests. */
export interface TimerApi {
  setTimeout(fn: () => void, ms: number): { unref?: () => unknown };
  clearTimeout(handle: unknown): void;
}

/** Options of {@link createReminderScheduler}. */
export interface ReminderOptions {
  store: ReportStore;
  sender: OutboundSender;
  recipients: RecipientDirectory;
  areas: readonly ContentAreaInfo[];
  /** `config.reminderDays`, e.g. `[{ day: 15, month: 11 }, { day: 25, month: 11 }]`. */
  reminderDays: ReadonlyArray<{ day: number; month: number }>;
  logger: Logger;
  log?: ReminderLog;
  /** Day of the month of the unit nudge (default 20). */
  nudgeDay?: number;
  /** Local (UTC+7) hour at which events fire (default 8). */
  hour?: number;
  now?: () => Date;
  timers?: TimerApi;
}

/** A due reminder event. */
interface ReminderEvent {
  key: string;
  kind: 'admin' | 'nudge';
  at: Date;
}

const VN_OFFSET_H = 7;
const GRACE_MS = 20 * 60 * 60 * 1000; // a missed event still fires the same day
const MAX_WAIT_MS = 6 * 60 * 60 * 1000; // re-check at least every 6 hours

function vnTime(year: number, month: number, day: number, hour: number): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - VN_OFFSET_H));
}

/** The scheduler: `start()` arms the timer chain, `stop()` disarms it, `tick()` runs what is due. */
export interface ReminderScheduler {
  start(): void;
  stop(): void;
  /** Send every due, not-yet-sent event; returns their keys. */
  tick(): Promise<string[]>;
  /** When the next event fires (after now). */
  nextEventAt(): Date;
}

/** Create the reminder scheduler. Nothing runs until `start()`. */
export function createReminderScheduler(opts: ReminderOptions): ReminderScheduler {
  const now = opts.now ?? (() => new Date());
  const timers: TimerApi = opts.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  const log = opts.log ?? memoryReminderLog();
  const hour = opts.hour ?? 8;
  const nudgeDay = opts.nudgeDay ?? 20;
  let handle: unknown = null;
  let running = false;

  /** Events of this year and next, in time order. */
  function events(ref: Date): ReminderEvent[] {
    const y = Number(localDate(ref).slice(0, 4));
    const out: ReminderEvent[] = [];
    for (const year of [y - 1, y, y + 1]) {
      for (const d of opts.reminderDays) {
        const at = vnTime(year, d.month, d.day, hour);
        out.push({ key: `admin:${localDate(at)}`, kind: 'admin', at });
      }
      for (let m = 1; m <= 12; m++) {
        const at = vnTime(year, m, nudgeDay, hour);
        out.push({ key: `nudge:${localDate(at).slice(0, 7)}`, kind: 'nudge', at });
      }
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async function send(to: ReminderRecipient[], reply: OutgoingReply, at: Date): Promise<number> {
    let sent = 0;
    for (const r of to) {
      if (!canMessage(r, at)) {
        opts.logger.debug({ channel: r.channel, userId: r.userId }, 'reminder skipped: outside the messaging window');
        continue;
      }
      try {
        await opts.sender.send(r.channel, r.userId, reply);
        sent += 1;
      } catch (err) {
        opts.logger.warn({ err, channel: r.channel, userId: r.userId }, 'reminder send failed');
      }
    }
    return sent;
  }

  async function adminReminder(at: Date): Promise<number> {
    const year = periodOf('year', at);
    const reports = opts.store.list({ from: year.from, to: year.to });
    const empty = uncoveredAreas(reports, opts.areas);
    const covered = opts.areas.length - empty.length;
    const text = [
      `⏰ Nhắc việc: báo cáo kết quả thực hiện Kế hoạch 1523/KH-SCT năm ${year.year} cần gửi UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày 30/11.`,
      `Đến nay: ${reports.length} hoạt động; ${covered}/${opts.areas.length} nội dung đã có hoạt động.`,
      empty.length > 0 ? `Chưa có hoạt động: ${empty.map((a) => a.code).join(', ')}.` : 'Tất cả nội dung đều đã có hoạt động.',
      'Gõ /tonghop để xem chi tiết, /xuat để tải báo cáo.',
    ].join('\n');
    const admins = opts.recipients.list().filter((r) => r.role === 'admin');
    return send(admins, { kind: 'system', text }, at);
  }

  async function unitNudge(at: Date): Promise<number> {
    const month = periodOf('month', at);
    const reported = new Set(opts.store.list({ from: month.from, to: month.to }).map((r) => r.unit));
    const staff = opts.recipients.list().filter((r) => r.unit && !reported.has(r.unit));
    let sent = 0;
    for (const r of staff) {
      const text = [
        `👋 Nhắc nhẹ: ${month.label}, ${r.unit} chưa có báo cáo hoạt động truyền thông nào theo Kế hoạch 1523/KH-SCT.`,
        'Nếu đơn vị đã thực hiện, hãy gửi một tin nhắn mô tả hoạt động (ngày, kênh, số lượng, nội dung, liên kết nếu có) để được ghi nhận.',
      ].join('\n');
      sent += await send([r], { kind: 'system', text }, at);
    }
    return sent;
  }

  async function tick(): Promise<string[]> {
    const t = now();
    const due = events(t).filter((e) => e.at <= t && t.getTime() - e.at.getTime() <= GRACE_MS && !log.wasSent(e.key));
    const done: string[] = [];
    for (const e of due) {
      try {
        const n = e.kind === 'admin' ? await adminReminder(t) : await unitNudge(t);
        log.markSent(e.key, t);
        done.push(e.key);
        opts.logger.info({ event: e.key, sent: n }, 'reminder event sent');
      } catch (err) {
        opts.logger.error({ err, event: e.key }, 'reminder event failed');
      }
    }
    return done;
  }

  function nextEventAt(): Date {
    const t = now();
    const next = events(t).find((e) => e.at > t);
    return next?.at ?? new Date(t.getTime() + MAX_WAIT_MS);
  }

  function arm(): void {
    if (!running) return;
    const wait = Math.min(Math.max(nextEventAt().getTime() - now().getTime(), 1000), MAX_WAIT_MS);
    const h = timers.setTimeout(() => {
      void tick().finally(arm);
    }, wait);
    h.unref?.();
    handle = h;
  }

  return {
    start() {
      if (running) return;
      running = true;
      void tick().finally(arm);
    },
    stop() {
      running = false;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
    tick,
    nextEventAt,
  };
}
