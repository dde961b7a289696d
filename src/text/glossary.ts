/**
 * The abbreviation glossary (`knowledge/glossary.yaml`): one list used by
 * search (expansion both ways) and by the report parser.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { escapeRegExp } from './escape-regexp.js';
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

const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]+(ch|ng|nh|[cmnpt])?$/;

interface FormMatcher {
  re: RegExp;
  /** The form as searched: a text without it as a substring cannot match (a cheap test before the RegExp). */
  needle: string;
  /** Test against the folded text (else the original, case-sensitive). */
  onFolded: boolean;
}

/**
 * Short abbreviations that are also Vietnamese syllables once folded ("TU" vs
 * "từ", "KH") only count when written in capitals; the others match in any
 * case and without diacritics ("tthc", "ubnd", "hdnd").
 */
function matcherFor(form: string): FormMatcher {
  const folded = foldText(form);
  const letters = folded.replace(/[^a-z]/g, '');
  const onFolded = !(letters.length <= 2 || SYLLABLE.test(folded));
  const source = onFolded ? folded : form;
  return { re: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(source)}($|[^\\p{L}\\p{N}])`, 'u'), needle: source, onFolded };
}

const matcherCache = new WeakMap<GlossaryEntry, FormMatcher[]>();

function matchersOf(e: GlossaryEntry): FormMatcher[] {
  let m = matcherCache.get(e);
  if (!m) {
    m = e.forms.map(matcherFor);
    matcherCache.set(e, m);
  }
  return m;
}

/** Does the text contain one of the entry's abbreviation forms? */
export function containsAbbreviation(text: string, folded: string, e: GlossaryEntry): boolean {
  return matchersOf(e).some(({ re, needle, onFolded }) => {
    const target = onFolded ? folded : text;
    return target.includes(needle) && re.test(target);
  });
}

const squash = (s: string) =>
  ` ${s
    .replace(/[^a-z0-9& ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

const squashedFull = new WeakMap<GlossaryEntry, string>();

/**
 * Extra folded terms that make abbreviations and full forms match both ways:
 * where an abbreviation occurs its full form is added, and where a full form
 * occurs its abbreviation is added. Index and query use the same function,
 * so "TTHC" finds "thủ tục hành chính" and the reverse.
 * @param text normalised text, case preserved
 * @returns folded terms to append (may be empty)
 */
export function glossaryExpansion(text: string, glossary: Glossary): string {
  const folded = foldText(text);
  const squashed = squash(folded);
  const extra: string[] = [];
  for (const e of glossary.entries) {
    const hasAbbr = containsAbbreviation(text, folded, e);
    let fullSquashed = squashedFull.get(e);
    if (fullSquashed === undefined) {
      fullSquashed = squash(e.foldedFull);
      squashedFull.set(e, fullSquashed);
    }
    const hasFull = squashed.includes(fullSquashed);
    if (hasAbbr && !hasFull) extra.push(fullSquashed.trim());
    if (hasFull && !hasAbbr) extra.push((e.foldedForms[0] ?? '').replace(/[^a-z0-9]+/g, ''));
  }
  return extra.join(' ');
}

/**
 * The abbreviation forms of a glossary that are one word once folded
 * ("KHTC" → "khtc", "TTĐT" → "ttdt"): names, not misspelt corpus words.
 */
export function reservedWords(glossary: Glossary): ReadonlySet<string> {
  return new Set(glossary.entries.flatMap((e) => e.foldedForms.map((f) => f.toLowerCase())).filter((f) => /^[a-z0-9]+$/.test(f)));
}
