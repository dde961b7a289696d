/**
 * Reads the conversation engine's tables (`exchanges`, `feedback`) for the
 * admin page's queue of questions the bot could not answer well. Read-only;
 * returns null when those tables do not exist (engine not wired).
 */
import type { Db } from '../../store/database.js';

/** One question to look at: the bot abstained, or a user voted 👎. */
export interface UnansweredQuestion {
  id: string;
  channel: string;
  question: string;
  answer: string;
  reason: 'abstained' | 'downvoted';
  createdAt: string;
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The latest abstained or 👎 exchanges, newest first; null when the tables are missing. */
export function readUnansweredQuestions(db: Db, limit = 100): UnansweredQuestion[] | null {
  if (!hasTable(db, 'exchanges')) return null;
  const withFeedback = hasTable(db, 'feedback');
  const sql = withFeedback
    ? `SELECT e.id, e.channel, e.question, e.answer, e.abstained, e.created_at, f.vote
       FROM exchanges e LEFT JOIN feedback f ON f.exchange_id = e.id
       WHERE e.abstained = 1 OR f.vote = 'down'
       ORDER BY e.created_at DESC LIMIT ?`
    : `SELECT id, channel, question, answer, abstained, created_at, NULL AS vote
       FROM exchanges WHERE abstained = 1 ORDER BY created_at DESC LIMIT ?`;
  try {
    const rows = db.prepare(sql).all(limit) as Array<{
      id: string;
      channel: string;
      question: string;
      answer: string;
      abstained: number;
      created_at: string;
      vote: string | null;
    }>;
    return rows.map((r) => ({
      id: String(r.id),
      channel: r.channel,
      question: r.question,
      answer: r.answer,
      reason: r.vote === 'down' ? 'downvoted' : 'abstained',
      createdAt: r.created_at,
    }));
  } catch {
    // A schema we do not recognise: degrade to "not available".
    return null;
  }
}
