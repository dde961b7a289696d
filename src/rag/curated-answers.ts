/**
 * Curated answers (like an annotation reply): reviewed answers stored in
 * `knowledge/answers/*.yaml`, each with question variants and a source. A
 * question close enough to a variant — compared on folded content syllables
 * and syllable pairs, with chat framing and shorthand removed — gets the
 * curated answer, cited as "[Câu trả lời đã duyệt: <nguồn>]". Each use is
 * counted in a {@link CuratedHitStore}. Nothing is read until `reload()`,
 * which re-reads the files, so new entries take effect without a restart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Answer, SourceRef } from '../core/answer.js';
import { AppError } from '../errors.js';
import { foldText } from '../text/normalize.js';
import type { ChatAbbreviations } from '../text/query/abbreviations.js';
import { STOPWORDS_FOLDED } from '../text/stopwords.js';
import { docNumbers, syllables } from '../text/tokenize.js';
import type { Canonicalizer } from './curated-canonical.js';
import type { CuratedHitStore } from './curated-hits.js';
import { InMemoryCuratedHitStore } from './curated-hits.js';
import { analyzeQuery } from './query/analyze.js';

/** Minimum similarity (Dice over content syllables and pairs) for a match. */
export const DEFAULT_CURATED_THRESHOLD = 0.7;

const oneSourceSchema = z.union([
  z.object({ doc: z.string().min(1), section: z.string().min(1).optional() }).strict(),
  z.object({ url: z.string().url() }).strict(),
]);
/** One source, or a list when the answer's facts come from several passages. */
const sourceSchema = z.union([oneSourceSchema, z.array(oneSourceSchema).min(1)]);
export type CuratedSource = z.infer<typeof oneSourceSchema>;

export const curatedEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id: chữ thường không dấu, nối bằng "-"'),
    questions: z.array(z.string().trim().min(3)).min(1, 'cần ít nhất một câu hỏi'),
    answer: z.string().trim().min(10),
    source: sourceSchema,
  })
  .strict();
export type CuratedEntry = z.infer<typeof curatedEntrySchema>;

const fileSchema = z.object({ entries: z.array(z.unknown()).min(1) }).strict();

/** What sources an entry may cite: document ids and URLs found in the knowledge base. */
export interface KnownSources {
  docs: ReadonlySet<string>;
  urls: ReadonlySet<string>;
}

/** Parse and validate one answers file; errors name the file and the entry. */
export function parseCuratedFile(file: string, text: string, known?: KnownSources): CuratedEntry[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new AppError('KNOWLEDGE_INVALID', `${file}: YAML không hợp lệ: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const top = fileSchema.safeParse(raw);
  if (!top.success) throw new AppError('KNOWLEDGE_INVALID', `${file}: cần khóa "entries" là danh sách không rỗng (${top.error.issues[0]?.message ?? ''})`);
  return top.data.entries.map((e, i) => {
    const idOf = (e as { id?: unknown } | null)?.id;
    const where = `${file}: entries[${i}]${typeof idOf === 'string' ? ` (id "${idOf}")` : ''}`;
    const parsed = curatedEntrySchema.safeParse(e);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('KNOWLEDGE_INVALID', `${where}: ${issue?.path.join('.') || '(mục)'}: ${issue?.message ?? 'không hợp lệ'}`);
    }
    for (const s of sourcesOf(parsed.data)) {
      if (known && 'doc' in s && !known.docs.has(s.doc)) throw new AppError('KNOWLEDGE_INVALID', `${where}: source.doc "${s.doc}" không có trong kho tri thức`);
      if (known && 'url' in s && !known.urls.has(s.url))
        throw new AppError('KNOWLEDGE_INVALID', `${where}: source.url "${s.url}" không xuất hiện trong kho tri thức`);
    }
    return parsed.data;
  });
}

/** The query pipeline's cleaning step (e.g. `Retriever.analyze`, which also knows the corpus vocabulary). */
export type QuestionCleaner = (question: string) => { cleaned: string };

/**
 * Folded content features of a question: syllables and adjacent pairs, as
 * the query pipeline cleans it (chat abbreviations from
 * `knowledge/chat-abbreviations.yaml` expanded, greetings, self-introductions
 * and particles removed — one vocabulary with retrieval), stopwords dropped.
 */
export function questionFeatures(question: string, abbreviations?: ChatAbbreviations, analyze?: QuestionCleaner): Set<string> {
  const cleaned = (analyze ? analyze(question) : analyzeQuery(question, abbreviations ? { abbreviations } : {})).cleaned;
  const content = syllables(foldText(cleaned)).filter((w) => !STOPWORDS_FOLDED.has(w));
  const out = new Set(content);
  for (let i = 0; i + 1 < content.length; i++) out.add(`${content[i]}_${content[i + 1]}`);
  for (const d of docNumbers(question)) out.add(`#${d}`);
  return out;
}

/** Dice similarity of two feature sets ({@link questionFeatures}): 1 for the same, 0 for nothing shared. */
export function featureSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Dice similarity of two questions in canonical wording, where a feature of
 * one side also counts as shared when the other side has it as written: a
 * thesaurus phrase matched on one side only ("tại quầy" → "trực tiếp" in
 * "hồ sơ tại quầy thử nghiệm", while the other asks about "quầy thử nghiệm")
 * does not make the word it took unmatched.
 */
export function canonicalSimilarity(
  a: { canonical: ReadonlySet<string>; raw: ReadonlySet<string> },
  b: { canonical: ReadonlySet<string>; raw: ReadonlySet<string> },
): number {
  const size = a.canonical.size + b.canonical.size;
  if (a.canonical.size === 0 || b.canonical.size === 0) return 0;
  let shared = 0;
  for (const x of a.canonical) if (b.canonical.has(x) || b.raw.has(x)) shared++;
  for (const x of b.canonical) if (a.canonical.has(x) || a.raw.has(x)) shared++;
  return shared / size;
}

/** The best-matching entry for a question, with its similarity. */
export interface CuratedMatch {
  entry: CuratedEntry;
  score: number;
}

/** Curated answers as the answerer consults them. */
export interface CuratedAnswers {
  /** The curated answer to this question, or null when none is close enough. */
  answer(question: string): Answer | null;
  /** Re-read the answers files; returns the problems found (files in error keep their previous entries). */
  reload(): string[];
}

export interface CuratedAnswerStoreOptions {
  /** Directory of `*.yaml` answers files (missing: no curated answers). */
  dir: string;
  hits?: CuratedHitStore;
  threshold?: number;
  known?: KnownSources;
  /**
   * Entries kept outside `dir` (the admin console's, in SQLite), validated
   * where they are written; read on every `reload()`. An id already used by
   * a file is skipped.
   */
  extra?: () => CuratedEntry[];
  /**
   * Rewrites a question into thesaurus-canonical wording; when given, the
   * `extra` entries also match on that wording (their variants are typed once).
   */
  canonicalize?: Canonicalizer;
  /** Chat abbreviations (knowledge/chat-abbreviations.yaml), expanded before comparing questions. */
  abbreviations?: ChatAbbreviations;
  /** The retriever's query analysis (abbreviations chosen by corpus word pairs, typo repair); default: abbreviations and framing only. */
  analyze?: QuestionCleaner;
  /** The cited passage for a doc/section source, when it is in the index. */
  resolveSource?: (source: { doc: string; section?: string }) => SourceRef | null;
}

/** The sources of an entry, as a list. */
export function sourcesOf(entry: CuratedEntry): CuratedSource[] {
  return Array.isArray(entry.source) ? entry.source : [entry.source];
}

/** The label in the citation: "doc, section" or the URL. */
export function sourceLabel(s: CuratedSource): string {
  return 'url' in s ? s.url : s.section ? `${s.doc}, ${s.section}` : s.doc;
}

/** Key of the entries from `extra` among the per-file entries (not a file name: it has no extension). */
const EXTRA_KEY = '(console)';

/** Curated answers read from a directory of YAML files. */
export class CuratedAnswerStore implements CuratedAnswers {
  readonly hits: CuratedHitStore;
  private readonly threshold: number;
  private byFile = new Map<string, CuratedEntry[]>();
  private variants: Array<{ entry: CuratedEntry; features: Set<string>; canonical?: Set<string> }> = [];

  constructor(private readonly opts: CuratedAnswerStoreOptions) {
    this.hits = opts.hits ?? new InMemoryCuratedHitStore();
    this.threshold = opts.threshold ?? DEFAULT_CURATED_THRESHOLD;
  }

  get entries(): CuratedEntry[] {
    return [...this.byFile.values()].flat();
  }

  reload(): string[] {
    const problems: string[] = [];
    const next = new Map<string, CuratedEntry[]>();
    const files = existsSync(this.opts.dir)
      ? readdirSync(this.opts.dir)
          .filter((f) => /\.ya?ml$/i.test(f) && !f.includes('.example.'))
          .sort()
      : [];
    const ids = new Set<string>();
    for (const name of files) {
      const file = join(this.opts.dir, name);
      try {
        const entries = parseCuratedFile(name, readFileSync(file, 'utf8'), this.opts.known);
        const dup = entries.find((e) => ids.has(e.id));
        if (dup) throw new AppError('KNOWLEDGE_INVALID', `${name}: id "${dup.id}" bị trùng`);
        next.set(name, entries);
      } catch (e) {
        problems.push(e instanceof Error ? e.message : String(e));
        const previous = this.byFile.get(name);
        if (previous) next.set(name, previous);
      }
      for (const e of next.get(name) ?? []) ids.add(e.id);
    }
    try {
      const extra = (this.opts.extra?.() ?? []).filter((e) => !ids.has(e.id));
      if (extra.length > 0) next.set(EXTRA_KEY, extra);
    } catch (e) {
      problems.push(`curated answers outside the files: ${e instanceof Error ? e.message : String(e)}`);
      const previous = this.byFile.get(EXTRA_KEY);
      if (previous) next.set(EXTRA_KEY, previous);
    }
    this.byFile = next;
    const canon = this.opts.canonicalize;
    const features = (q: string) => questionFeatures(q, this.opts.abbreviations, this.opts.analyze);
    this.variants = [...next.entries()].flatMap(([key, entries]) =>
      entries.flatMap((entry) =>
        entry.questions.map((q) => ({
          entry,
          features: features(q),
          ...(canon && key === EXTRA_KEY ? { canonical: features(canon(q)) } : {}),
        })),
      ),
    );
    return problems;
  }

  /** The closest entry above the threshold (same document numbers required). */
  match(question: string): CuratedMatch | null {
    const f = questionFeatures(question, this.opts.abbreviations, this.opts.analyze);
    const numbers = [...f].filter((x) => x.startsWith('#'));
    let canonical: Set<string> | undefined;
    let best: CuratedMatch | null = null;
    for (const v of this.variants) {
      if (numbers.some((n) => !v.features.has(n))) continue;
      let score = featureSimilarity(f, v.features);
      if (v.canonical && this.opts.canonicalize) {
        canonical ??= questionFeatures(this.opts.canonicalize(question), this.opts.abbreviations, this.opts.analyze);
        score = Math.max(score, canonicalSimilarity({ canonical, raw: f }, { canonical: v.canonical, raw: v.features }));
      }
      if (score >= this.threshold && (!best || score > best.score)) best = { entry: v.entry, score };
    }
    return best;
  }

  answer(question: string): Answer | null {
    const m = this.match(question);
    if (!m) return null;
    this.hits.increment(m.entry.id);
    const list = sourcesOf(m.entry);
    const sources = list.map((s): SourceRef => {
      const resolved = 'doc' in s ? (this.opts.resolveSource?.(s) ?? null) : null;
      return (
        resolved ?? {
          doc: 'doc' in s ? s.doc : 'Câu trả lời đã duyệt',
          section: 'doc' in s ? (s.section ?? '') : s.url,
          title: `Câu trả lời đã duyệt: ${sourceLabel(s)}`,
          text: m.entry.answer.slice(0, 1500),
          score: Math.round(m.score * 10_000) / 10_000,
        }
      );
    });
    const label = list.map(sourceLabel).join('; ');
    return { answer: `${m.entry.answer.trim()} [Câu trả lời đã duyệt: ${label}]`, abstained: false, sources: sources.slice(0, 5), ms: 0 };
  }
}
