/**
 * Knowledge gaps: questions the bot abstained on or users voted 👎, grouped
 * by their diacritic-folded text so "thu tuc" and "thủ tục" count together.
 */
import { foldText, normalizeText } from '../text/normalize.js';
import type { GapRow } from './chat-store.js';

export interface GapGroup {
  /** The most recent wording of the question. */
  question: string;
  /** Grouping key (folded, punctuation-free). */
  key: string;
  count: number;
  abstained: number;
  downVotes: number;
  lastAskedAt: string;
}

/** Grouping key: folded, lower-case, punctuation dropped, spaces collapsed. */
export function gapKey(question: string): string {
  return foldText(normalizeText(question))
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Group gap rows; most frequent first, then most recent. */
export function groupGaps(rows: readonly GapRow[]): GapGroup[] {
  const groups = new Map<string, GapGroup>();
  for (const row of rows) {
    const key = gapKey(row.question);
    let g = groups.get(key);
    if (!g) {
      g = { question: row.question, key, count: 0, abstained: 0, downVotes: 0, lastAskedAt: row.createdAt };
      groups.set(key, g);
    }
    g.count++;
    if (row.abstained) g.abstained++;
    if (row.vote === 'down') g.downVotes++;
    if (row.createdAt > g.lastAskedAt) {
      g.lastAskedAt = row.createdAt;
      g.question = row.question;
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
}
