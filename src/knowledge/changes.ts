/**
 * Dated change records (`knowledge/changes.yaml`): what changed after the
 * documents were written (bodies merged or renamed, levels of government
 * abolished, laws amended, decrees replaced, accounts and portals retired),
 * what it affects (match patterns: unit names, document numbers, terms) and a
 * one-line note added to answers that state something it affects.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { BoundedCache } from '../core/bounded-cache.js';
import { AppError } from '../errors.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { foldText, normalizeText } from '../text/normalize.js';
import { formatIssues } from './format-issues.js';
import { isoDateSchema } from './validity.js';

/** File name of the change records inside the knowledge directory. */
export const CHANGES_FILE = 'changes.yaml';

export const CHANGE_KINDS = ['merged', 'renamed', 'abolished', 'amended', 'replaced', 'retired'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const text = z.string().trim().min(1, 'không được để trống');

const recordSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'viết thường, không dấu, nối bằng "-"'),
    date: isoDateSchema,
    kind: z.enum(CHANGE_KINDS, { errorMap: () => ({ message: `phải là một trong: ${CHANGE_KINDS.join(', ')}` }) }),
    affects: z.array(text).min(1, 'cần ít nhất 1 mẫu'),
    /** Patterns showing the answer already says what changed (then no note is added). */
    known_if: z.array(text).default([]),
    note: text.refine((s) => !s.includes('\n'), 'ghi chú phải nằm trên một dòng'),
    sources: z.array(z.string().trim().url('phải là một địa chỉ URL')).min(1, 'cần ít nhất 1 nguồn'),
    /** False while the change still awaits confirmation from a source. */
    confirmed: z.boolean({ invalid_type_error: 'phải là true hoặc false' }),
  })
  .strict();

const fileSchema = z.object({ changes: z.array(recordSchema) }).strict();

/** One dated change. */
export interface ChangeRecord {
  id: string;
  /** ISO date the change took effect. */
  date: string;
  kind: ChangeKind;
  /** Match patterns (matched diacritic-insensitively, as whole words). */
  affects: string[];
  knownIf: string[];
  /** One line, in Vietnamese, starting with what changed and when. */
  note: string;
  sources: string[];
  confirmed: boolean;
}

/**
 * Validate parsed change records.
 * @param name file name used in error messages
 * @throws AppError `KNOWLEDGE_INVALID` naming the file and each bad field
 */
export function parseChanges(data: unknown, name = CHANGES_FILE): ChangeRecord[] {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) throw new AppError('KNOWLEDGE_INVALID', `${name}: ${formatIssues(parsed.error.issues)}`);
  const ids = new Set<string>();
  return parsed.data.changes.map((r, i) => {
    if (ids.has(r.id)) throw new AppError('KNOWLEDGE_INVALID', `${name}: changes[${i}].id: trùng mã "${r.id}"`);
    ids.add(r.id);
    return { id: r.id, date: r.date, kind: r.kind, affects: r.affects, knownIf: r.known_if, note: r.note, sources: r.sources, confirmed: r.confirmed };
  });
}

/** Read and validate a change file; a missing file means no records. */
export function loadChanges(file: string): ChangeRecord[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('KNOWLEDGE_FILE_UNREADABLE', `${CHANGES_FILE}: không đọc được tệp`, { cause: err });
  }
  const doc = parseDocument(raw.replace(/^\uFEFF/, ''));
  const yamlError = doc.errors[0];
  if (yamlError) throw new AppError('KNOWLEDGE_INVALID', `${CHANGES_FILE}: YAML: ${yamlError.message.split('\n')[0]}`);
  return parseChanges(doc.toJS());
}

/** Folded, whitespace-collapsed form used for matching. */
export function foldForMatch(s: string): string {
  return foldText(normalizeText(s)).replace(/\s+/g, ' ');
}

/** A whole-word matcher for a pattern: word characters at its ends must not touch other word characters. */
export function patternMatcher(pattern: string): RegExp {
  return matcherCache.get(pattern, compilePattern);
}

/** Patterns come from the change records: compiled once, not per question. */
const matcherCache = new BoundedCache<string, RegExp>(10_000);

function compilePattern(pattern: string): RegExp {
  const p = foldForMatch(pattern).trim();
  const head = /^[\p{L}\p{N}]/u.test(p) ? '(?<![\\p{L}\\p{N}])' : '';
  const tail = /[\p{L}\p{N}]$/u.test(p) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${head}${escapeRegExp(p).replace(/ /g, '\\s+')}${tail}`, 'u');
}

/** True when the (folded) text states something one of the patterns names. */
export function mentionsAny(foldedText: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => patternMatcher(p).test(foldedText));
}
