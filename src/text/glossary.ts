/**
 * The abbreviation glossary (`knowledge/glossary.yaml`): one list used by
 * search (expansion both ways) and by the report parser.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { foldText } from './normalize.js';

const entrySchema = z.object({
  abbr: z.string().min(1),
  full: z.string().min(1),
  also: z.array(z.string().min(1)).optional(),
});
const fileSchema = z.object({ entries: z.array(entrySchema) });

export interface GlossaryEntry {
  abbr: string;
  full: string;
  /** Every written form of the abbreviation (abbr + also). */
  forms: string[];
  /** Folded forms, for matching. */
  foldedForms: string[];
  foldedFull: string;
}

export interface Glossary {
  entries: GlossaryEntry[];
}

/** Build a glossary from raw entries. */
export function createGlossary(entries: Array<{ abbr: string; full: string; also?: string[] }>): Glossary {
  return {
    entries: entries.map((e) => {
      const forms = [e.abbr, ...(e.also ?? [])];
      return { abbr: e.abbr, full: e.full, forms, foldedForms: forms.map(foldText), foldedFull: foldText(e.full) };
    }),
  };
}

/**
 * Load and validate the glossary file.
 * @throws AppError KNOWLEDGE_INVALID naming the file and the bad entry.
 */
export function loadGlossary(file: string): Glossary {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('KNOWLEDGE_INVALID', `${file}: không đọc được YAML (${(err as Error).message})`, { cause: err });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('KNOWLEDGE_INVALID', `${file}: ${msg}`);
  }
  return createGlossary(parsed.data.entries);
}

/** Escape a string for use inside a RegExp. */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Folded text with abbreviations and full forms added both ways: wherever an
 * abbreviation occurs its full form is appended, and wherever a full form
 * occurs its abbreviation is appended. Index and query use the same function,
 * so "TTHC" finds "thủ tục hành chính" and the reverse.
 */
export function expandFolded(folded: string, glossary: Glossary): string {
  const extra: string[] = [];
  const padded = ` ${folded.replace(/[,;]/g, ' , ')} `;
  const squashed = ` ${folded.replace(/[^a-z0-9&\- ]+/g, ' ').replace(/\s+/g, ' ')} `;
  for (const e of glossary.entries) {
    const hasAbbr = e.foldedForms.some((f) => new RegExp(`(^|[^a-z0-9])${escapeRe(f)}($|[^a-z0-9])`).test(padded));
    const fullSquashed = e.foldedFull.replace(/[^a-z0-9&\- ]+/g, ' ').replace(/\s+/g, ' ');
    const hasFull = squashed.includes(` ${fullSquashed} `);
    if (hasAbbr && !hasFull) extra.push(fullSquashed);
    if (hasFull && !hasAbbr) extra.push((e.foldedForms[0] ?? '').replace(/[^a-z0-9]+/g, ''));
  }
  return extra.length ? `${folded} ${extra.join(' ')}` : folded;
}
