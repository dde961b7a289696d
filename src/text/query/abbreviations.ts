/**
 * Chat abbreviations (`knowledge/chat-abbreviations.yaml`): the short forms
 * people type on Zalo or Messenger ("ko", "dc", "hs", "ntn") and half-English
 * words ("deadline", "login"), replaced by the words they stand for before
 * anything else reads the query. Official abbreviations (TTHC, UBND…) stay in
 * `knowledge/glossary.yaml`: one place per concept.
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { foldText, hasDiacritics, normalizeText } from '../normalize.js';
import { type Token, tokenLike } from './tokens.js';
import type { Rewrite } from './types.js';
import { isSyllableShape } from './typos.js';
import { entryLabel, readYamlFile } from './yaml-file.js';

const entrySchema = z
  .object({
    abbr: z.string().trim().min(1),
    /** One meaning, or several when the short form is ambiguous ("tt"). */
    full: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(2)]),
    also: z.array(z.string().trim().min(1)).optional(),
    /** Replace only when the short form is the last word of a sentence ("v", "z" for "vậy"). */
    only_at_end: z.boolean().optional(),
    /**
     * Ambiguous forms ("kn": khiếu nại or kết nối): replace only when a
     * meaning forms a known pair with a neighbour; without that evidence the
     * word stays as typed (no default meaning).
     */
    only_with_context: z.boolean().optional(),
  })
  .strict();

const fileSchema = z.object({ entries: z.array(entrySchema).min(1) }).strict();

export type ChatAbbreviationEntry = z.infer<typeof entrySchema>;

/** What one short form stands for. */
export interface AbbreviationMeanings {
  meanings: string[];
  onlyAtEnd: boolean;
  /** Replaced only when the context chooses a meaning ({@link ChatAbbreviationEntry} `only_with_context`). */
  onlyWithContext?: boolean;
}

export interface ChatAbbreviations {
  /** Folded short form → its meanings (accented, first is the default). */
  readonly byForm: ReadonlyMap<string, AbbreviationMeanings>;
  readonly size: number;
  /** Most words in one form ("log in" has two). */
  readonly longest: number;
}

/**
 * Build the lookup from entries.
 * @throws AppError KNOWLEDGE_INVALID when a short form is listed twice.
 */
export function createChatAbbreviations(entries: readonly ChatAbbreviationEntry[], file = 'chat-abbreviations'): ChatAbbreviations {
  const byForm = new Map<string, AbbreviationMeanings>();
  let longest = 1;
  for (const e of entries) {
    const meanings = (Array.isArray(e.full) ? e.full : [e.full]).map((m) => normalizeText(m).toLowerCase());
    for (const form of [e.abbr, ...(e.also ?? [])]) {
      const key = formKey(form);
      if (byForm.has(key)) throw new AppError('KNOWLEDGE_INVALID', `${file}: "${form}" có hai lần (mục "${e.abbr}")`);
      byForm.set(key, { meanings, onlyAtEnd: e.only_at_end ?? false, ...(e.only_with_context ? { onlyWithContext: true } : {}) });
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  return { byForm, size: entries.length, longest };
}

/**
 * Lookup key of a form: folded when written without diacritics (matches any
 * typing), accented lower case when written with them ("hông" is chat for
 * "không", "hồng" is not).
 */
function formKey(form: string): string {
  const norm = normalizeText(form).toLowerCase().trim().replace(/\s+/g, ' ');
  return hasDiacritics(norm) ? `a:${norm}` : norm;
}

/**
 * Load and validate the file.
 * @throws AppError KNOWLEDGE_INVALID naming the file and the bad entry.
 */
export function loadChatAbbreviations(file: string): ChatAbbreviations {
  return createChatAbbreviations(readYamlFile(file, fileSchema, entryLabel).entries, file);
}

/** Does the corpus know this pair of folded syllables as a word? */
export type PairKnown = (left: string, right: string) => boolean;

const END_OF_SENTENCE = /[.?!]/;
/** Particles that may close a sentence after its last word ("… zậy ạh", "… dc ko nha"): folded. */
const CLOSING_PARTICLES: ReadonlySet<string> = new Set(['a', 'ah', 'ak', 'nha', 'nhe', 'nka', 'hen']);

/** Whether only closing particles follow token `from` up to the end of its sentence. */
function endsSentence(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!CLOSING_PARTICLES.has(t.fold)) return false;
    if (END_OF_SENTENCE.test(t.after)) return true;
  }
  return true;
}

/**
 * Replace chat abbreviations in a token list. An ambiguous short form takes
 * the meaning whose first or last syllable forms a pair the corpus knows
 * with a neighbour; without such evidence, the first meaning.
 * @param accented write replacements with diacritics (else folded, so an
 *   unaccented question stays unaccented)
 */
export function expandAbbreviations(
  tokens: readonly Token[],
  abbreviations: ChatAbbreviations,
  options: { accented: boolean; pairKnown?: PairKnown },
): { tokens: Token[]; rewrites: Rewrite[]; alternatives: Array<{ source: string; text: string }> } {
  const out: Token[] = [];
  const rewrites: Rewrite[] = [];
  const alternatives: Array<{ source: string; text: string }> = [];
  for (let i = 0; i < tokens.length; ) {
    const match = matchAt(tokens, i, abbreviations);
    if (!match) {
      out.push(tokens[i] as Token);
      i++;
      continue;
    }
    const { hit, length } = match;
    const first = tokens[i] as Token;
    const last = tokens[i + length - 1] as Token;
    // Neighbours as they will read: the left one already expanded, the right one expanded if it is a chat form too.
    const next = matchAt(tokens, i + length, abbreviations);
    const rightFold = next ? foldText(next.hit.meanings[0] as string).split(' ')[0] : tokens[i + length]?.fold;
    const { meaning, evidence } = choose(hit.meanings, out[out.length - 1]?.fold, rightFold, options.pairKnown);
    if (hit.onlyWithContext && !evidence) {
      // Ambiguous with no neighbour to tell: left as typed.
      for (const t of tokens.slice(i, i + length)) out.push(t);
      i += length;
      continue;
    }
    const written = options.accented ? meaning : foldText(meaning);
    const words = written.split(' ');
    const spelled = meaning.split(' ');
    for (const [k, w] of words.entries()) {
      const t = tokenLike(w, k === words.length - 1 ? last.after : ' ', 'abbreviation');
      // Written folded in an unaccented question: the meaning's own spelling, for diacritic restoration.
      if (!options.accented && spelled.length === words.length && spelled[k] !== w) t.accent = spelled[k] as string;
      out.push(t);
    }
    const typed = tokens
      .slice(i, i + length)
      .map((t) => t.word)
      .join(' ');
    rewrites.push({ from: typed || first.word, to: written, origin: 'abbreviation' });
    for (const other of hit.meanings) if (other !== meaning) alternatives.push({ source: written, text: other });
    i += length;
  }
  return { tokens: out, rewrites, alternatives };
}

/** The longest chat form starting at token `i`, if any. */
function matchAt(tokens: readonly Token[], i: number, abbreviations: ChatAbbreviations): { hit: AbbreviationMeanings; length: number } | null {
  for (let n = Math.min(abbreviations.longest, tokens.length - i); n >= 1; n--) {
    const span = tokens.slice(i, i + n);
    // Words must be adjacent (only spaces between them) to form one chat form.
    if (span.slice(0, -1).some((t) => t.after.trim() !== '')) continue;
    const folded = span.map((t) => t.fold).join(' ');
    const accented = `a:${span.map((t) => t.word.toLowerCase()).join(' ')}`;
    // A form written without marks matches a typing with marks only when that typing cannot be a
    // Vietnamese syllable ("hsơ" is "hso", but "kế" is a word of its own, not "ke").
    const markedWord = span.length === 1 && !isSyllableShape(folded);
    const hit = abbreviations.byForm.get(accented) ?? (hasDiacritics(accented) && !markedWord ? undefined : abbreviations.byForm.get(folded));
    if (!hit) continue;
    const lastToken = span[span.length - 1] as Token;
    const isLast = END_OF_SENTENCE.test(lastToken.after) || endsSentence(tokens, i + n);
    // Upper-case short forms are official abbreviations (KH, DN), not chat.
    const word = (span[0] as Token).word;
    const official = n === 1 && word.length <= 3 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
    if (official || (hit.onlyAtEnd && !isLast)) continue;
    return { hit, length: n };
  }
  return null;
}

/** The meaning that forms the most known pairs with its neighbours (the first on ties); `evidence`: some pair chose it. */
function choose(meanings: readonly string[], left: string | undefined, right: string | undefined, known?: PairKnown): { meaning: string; evidence: boolean } {
  if (meanings.length === 1 || !known) return { meaning: meanings[0] as string, evidence: false };
  let best = meanings[0] as string;
  let bestScore = 0;
  for (const m of meanings) {
    const sy = foldText(m).split(' ');
    const score = (left && known(left, sy[0] as string) ? 1 : 0) + (right && known(sy[sy.length - 1] as string, right) ? 1 : 0);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return { meaning: best, evidence: bestScore > 0 };
}
