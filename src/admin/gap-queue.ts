/**
 * The gap queue: questions the bot refused or users voted 👎, grouped by
 * similarity (same folded wording, then the curated matcher's similarity
 * between groups), minus the groups a staff member already acted on. A
 * decision covers the questions asked up to then; the same question asked
 * again later comes back.
 */
import type { GapRow } from '../chat/chat-store.js';
import { gapKey } from '../chat/gaps.js';
import { featureSimilarity, questionFeatures } from '../rag/curated-answers.js';
import type { Db } from '../store/database.js';
import { migrateConsole } from './console-db.js';

/** What a staff member did with a group. */
export const GAP_ACTIONS = ['answer', 'attach', 'out_of_scope', 'dismiss'] as const;
export type GapAction = (typeof GAP_ACTIONS)[number];

/** One group of similar questions. */
export interface GapQueueGroup {
  /** Key of the group's most asked wording; names the group in actions. */
  key: string;
  /** The most recent wording of that most asked question. */
  question: string;
  count: number;
  abstained: number;
  downVotes: number;
  lastAskedAt: string;
  /** Distinct wordings in the group, most asked first. */
  variants: Array<{ question: string; count: number }>;
  /** Folded keys of every wording in the group. */
  keys: string[];
}

/** Similarity (Dice over content syllables and pairs) from which two wordings are one group. */
export const GAP_SIMILARITY = 0.6;

interface Exact {
  key: string;
  question: string;
  count: number;
  abstained: number;
  downVotes: number;
  lastAskedAt: string;
  features: Set<string>;
}

/** Group rows: exact folded wording first, then similar wordings join the most asked group they resemble. */
export function groupSimilarGaps(rows: readonly GapRow[], threshold = GAP_SIMILARITY): GapQueueGroup[] {
  const exact = new Map<string, Exact>();
  for (const r of rows) {
    const key = gapKey(r.question);
    if (!key) continue;
    let e = exact.get(key);
    if (!e) {
      e = { key, question: r.question, count: 0, abstained: 0, downVotes: 0, lastAskedAt: r.createdAt, features: questionFeatures(r.question) };
      exact.set(key, e);
    }
    e.count++;
    if (r.abstained) e.abstained++;
    if (r.vote === 'down') e.downVotes++;
    if (r.createdAt >= e.lastAskedAt) {
      e.lastAskedAt = r.createdAt;
      e.question = r.question;
    }
  }
  const ordered = [...exact.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
  const groups: Array<{ head: Exact; members: Exact[] }> = [];
  for (const e of ordered) {
    const home = groups.find((g) => featureSimilarity(g.head.features, e.features) >= threshold);
    if (home) home.members.push(e);
    else groups.push({ head: e, members: [e] });
  }
  return groups
    .map(({ head, members }) => ({
      key: head.key,
      question: head.question,
      count: members.reduce((n, m) => n + m.count, 0),
      abstained: members.reduce((n, m) => n + m.abstained, 0),
      downVotes: members.reduce((n, m) => n + m.downVotes, 0),
      lastAskedAt:
        members
          .map((m) => m.lastAskedAt)
          .sort()
          .at(-1) ?? head.lastAskedAt,
      variants: members.map((m) => ({ question: m.question, count: m.count })),
      keys: members.map((m) => m.key),
    }))
    .sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
}

/** Decisions taken on the queue (`console_gap_actions`). */
export class GapDecisions {
  constructor(private readonly db: Db) {
    migrateConsole(db);
  }

  /** Record one decision for every key of a group. */
  record(group: Pick<GapQueueGroup, 'keys' | 'question'>, action: GapAction, detail: string | null, now: Date): void {
    const insert = this.db.prepare('INSERT INTO console_gap_actions (gap_key, question, action, detail, created_at) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const k of group.keys) insert.run(k, group.question, action, detail, now.toISOString());
    })();
  }

  /** Latest decision time per key. */
  private decidedAt(): Map<string, string> {
    const rows = this.db.prepare('SELECT gap_key, MAX(created_at) AS at FROM console_gap_actions GROUP BY gap_key').all() as Array<{
      gap_key: string;
      at: string;
    }>;
    return new Map(rows.map((r) => [r.gap_key, r.at]));
  }

  /** The open queue: rows asked after the last decision on their wording, grouped. */
  queue(rows: readonly GapRow[]): GapQueueGroup[] {
    const decided = this.decidedAt();
    const open = rows.filter((r) => {
      const at = decided.get(gapKey(r.question));
      return at === undefined || r.createdAt > at;
    });
    return groupSimilarGaps(open);
  }

  /** Recent decisions, newest first. */
  history(limit = 50): Array<{ question: string; action: GapAction; detail: string | null; createdAt: string }> {
    const rows = this.db
      .prepare(
        'SELECT question, action, detail, MAX(created_at) AS created_at FROM console_gap_actions GROUP BY question, action, created_at ORDER BY created_at DESC LIMIT ?',
      )
      .all(limit) as Array<{ question: string; action: GapAction; detail: string | null; created_at: string }>;
    return rows.map((r) => ({ question: r.question, action: r.action, detail: r.detail, createdAt: r.created_at }));
  }
}
