/**
 * Curated answers written in the console (`console_answers`), beside the
 * read-only `knowledge/answers/*.yaml`. Each row becomes a curated entry
 * `console-<n>` that the curated matcher consults on every question; the
 * console calls `curated.reload()` after each change so it applies at once.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { CuratedEntry, CuratedSource } from '../rag/curated-answers.js';
import type { Db } from '../store/database.js';
import { migrateConsole } from './console-db.js';

/** One console answer. */
export interface ConsoleAnswer {
  id: number;
  /** Id of the curated entry (`console-<id>`), the key of its hit count. */
  entryId: string;
  questions: string[];
  answer: string;
  source: CuratedSource | null;
  retired: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Fields a staff member writes. */
export interface ConsoleAnswerInput {
  questions: string[];
  answer: string;
  source: CuratedSource | null;
}

interface Row {
  id: number;
  questions_json: string;
  answer: string;
  source_json: string | null;
  retired: number;
  created_at: string;
  updated_at: string;
}

/** Prefix of console entry ids; YAML ids cannot be confused with them unless someone copies one. */
export const CONSOLE_ENTRY_PREFIX = 'console-';

const toAnswer = (r: Row): ConsoleAnswer => ({
  id: r.id,
  entryId: `${CONSOLE_ENTRY_PREFIX}${r.id}`,
  questions: JSON.parse(r.questions_json) as string[],
  answer: r.answer,
  source: r.source_json ? (JSON.parse(r.source_json) as CuratedSource) : null,
  retired: r.retired === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** SQLite store of console answers. */
export class ConsoleAnswerStore {
  constructor(
    private readonly db: Db,
    /** Source cited when a staff member gave none: the department that approved the answer. */
    private readonly approvedBy: string,
  ) {
    migrateConsole(db);
  }

  list(): ConsoleAnswer[] {
    return (this.db.prepare('SELECT * FROM console_answers ORDER BY retired, updated_at DESC, id DESC').all() as Row[]).map(toAnswer);
  }

  get(id: number): ConsoleAnswer | undefined {
    const row = this.db.prepare('SELECT * FROM console_answers WHERE id = ?').get(id) as Row | undefined;
    return row ? toAnswer(row) : undefined;
  }

  add(input: ConsoleAnswerInput, now: Date): ConsoleAnswer {
    const at = now.toISOString();
    const info = this.db
      .prepare('INSERT INTO console_answers (questions_json, answer, source_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(JSON.stringify(input.questions), input.answer, input.source ? JSON.stringify(input.source) : null, at, at);
    return this.get(Number(info.lastInsertRowid)) as ConsoleAnswer;
  }

  update(id: number, patch: Partial<ConsoleAnswerInput> & { retired?: boolean }, now: Date): ConsoleAnswer | undefined {
    const cur = this.get(id);
    if (!cur) return undefined;
    const next = { ...cur, ...patch };
    this.db
      .prepare('UPDATE console_answers SET questions_json = ?, answer = ?, source_json = ?, retired = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(next.questions), next.answer, next.source ? JSON.stringify(next.source) : null, next.retired ? 1 : 0, now.toISOString(), id);
    return this.get(id);
  }

  /** The entries in service (not retired), for `CuratedAnswerStore({ extra })`. */
  entries(): CuratedEntry[] {
    return this.list()
      .filter((a) => !a.retired)
      .map((a) => toEntry(a, this.approvedBy));
  }
}

const toEntry = (a: ConsoleAnswer, approvedBy: string): CuratedEntry => ({
  id: a.entryId,
  questions: a.questions,
  answer: a.answer,
  source: a.source ?? { doc: approvedBy },
});

/**
 * The console answers in service, read once from a database file without
 * writing to it (for the CLI, so `cli ask` answers as the server does).
 * A missing file or table gives none.
 */
export function readConsoleAnswerEntries(file: string, approvedBy: string): CuratedEntry[] {
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'console_answers'").get();
    if (!table) return [];
    const rows = db.prepare('SELECT * FROM console_answers WHERE retired = 0 ORDER BY id').all() as Row[];
    return rows.map((r) => toEntry(toAnswer(r), approvedBy));
  } finally {
    db.close();
  }
}
