/**
 * Usage figures for the console: questions per day by channel, refusal
 * rate, 👍/👎 rates, top questions and the median answer time, read from the
 * conversation engine's `exchanges` and `feedback` tables (read-only) and
 * the console's answer timings. Days are Việt Nam calendar days.
 */
import { gapKey } from '../chat/gaps.js';
import { VIETNAM_OFFSET_MS, vietnamDate } from '../core/vietnam-time.js';
import type { Db } from '../store/database.js';
import type { AnswerTimings } from './answer-timer.js';

/** One day of questions. */
export interface UsageDay {
  date: string;
  total: number;
  byChannel: Record<string, number>;
}

/** The usage page's figures over a period. */
export interface UsageSummary {
  from: string;
  to: string;
  channels: string[];
  days: UsageDay[];
  questions: number;
  refused: number;
  /** Shares in [0, 1], null when there is nothing to divide by. */
  refusalRate: number | null;
  votesUp: number;
  votesDown: number;
  /** Share of votes that are 👍 / 👎. */
  upRate: number | null;
  downRate: number | null;
  topQuestions: Array<{ question: string; count: number }>;
  medianAnswerMs: number | null;
  timedAnswers: number;
}

/** Where the usage page reads from. */
export interface UsageSource {
  summary(days: number, now: Date): UsageSummary;
}

interface Row {
  channel: string;
  question: string;
  abstained: number;
  created_at: string;
  vote: string | null;
}

const DAY_MS = 86_400_000;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/** Start (UTC instant) of the Việt Nam day `days - 1` days before `now`'s. */
function periodStart(days: number, now: Date): Date {
  const today = vietnamDate(now);
  return new Date(Date.parse(`${today}T00:00:00Z`) - VIETNAM_OFFSET_MS - (days - 1) * DAY_MS);
}

/** Usage from the shared database. */
export function sqliteUsage(db: Db, timings: AnswerTimings): UsageSource {
  const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  return {
    summary(days, now) {
      const since = periodStart(days, now);
      const rows: Row[] = hasTable('exchanges')
        ? (db
            .prepare(
              hasTable('feedback')
                ? `SELECT e.channel, e.question, e.abstained, e.created_at, f.vote FROM exchanges e
                   LEFT JOIN feedback f ON f.exchange_id = e.id WHERE e.created_at >= ? ORDER BY e.created_at`
                : 'SELECT channel, question, abstained, created_at, NULL AS vote FROM exchanges WHERE created_at >= ? ORDER BY created_at',
            )
            .all(since.toISOString()) as Row[])
        : [];
      return summarise(rows, days, now, { median: timings.median(since), count: timings.count(since) });
    },
  };
}

/** Aggregate exchange rows (pure; exported for tests). */
export function summarise(rows: readonly Row[], days: number, now: Date, timing: { median: number | null; count: number }): UsageSummary {
  const start = periodStart(days, now);
  const dayList: UsageDay[] = [];
  for (let i = 0; i < days; i++) dayList.push({ date: vietnamDate(new Date(start.getTime() + i * DAY_MS + VIETNAM_OFFSET_MS)), total: 0, byChannel: {} });
  const byDate = new Map(dayList.map((d) => [d.date, d]));
  const channels = new Set<string>();
  const top = new Map<string, { question: string; count: number }>();
  let refused = 0;
  let up = 0;
  let down = 0;
  for (const r of rows) {
    const day = byDate.get(vietnamDate(new Date(r.created_at)));
    if (!day) continue;
    day.total++;
    day.byChannel[r.channel] = (day.byChannel[r.channel] ?? 0) + 1;
    channels.add(r.channel);
    if (r.abstained) refused++;
    if (r.vote === 'up') up++;
    if (r.vote === 'down') down++;
    const key = gapKey(r.question);
    const t = top.get(key) ?? { question: r.question, count: 0 };
    t.count++;
    top.set(key, t);
  }
  const questions = dayList.reduce((n, d) => n + d.total, 0);
  return {
    from: dayList[0]?.date ?? vietnamDate(now),
    to: dayList.at(-1)?.date ?? vietnamDate(now),
    channels: [...channels].sort(),
    days: dayList,
    questions,
    refused,
    refusalRate: ratio(refused, questions),
    votesUp: up,
    votesDown: down,
    upRate: ratio(up, up + down),
    downRate: ratio(down, up + down),
    topQuestions: [...top.values()].sort((a, b) => b.count - a.count || a.question.localeCompare(b.question)).slice(0, 10),
    medianAnswerMs: timing.median,
    timedAnswers: timing.count,
  };
}
