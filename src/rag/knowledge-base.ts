/**
 * Opening the knowledge base: load `KNOWLEDGE_DIR`, build or load the index
 * under `DATA_DIR`, and expose a {@link QuestionAnswerer}. The embedder and
 * the generator are ports given by the composition root (`src/main.ts`, the
 * CLI: see `src/llm/ports.ts`); without them the local hashing embedder and
 * the extractive answers are used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Config } from '../config.js';
import type { QuestionAnswerer } from '../core/answer.js';
import { isAppError } from '../errors.js';
import { CHANGES_FILE, loadChanges } from '../knowledge/changes.js';
import { CurrencyNotes } from '../knowledge/currency-notes.js';
import { type KnowledgeReview, reviewKnowledge } from '../knowledge/review.js';
import type { Logger } from '../logger.js';
import { UPLOADED_DOCUMENTS_PREFIX, uploadedDocumentsDir } from '../store/paths.js';
import { createGlossary, type Glossary, loadGlossary } from '../text/glossary.js';
import { loadChatAbbreviations } from '../text/query/abbreviations.js';
import { createEverydayLexicon, loadEverydayLexicon } from '../text/query/everyday-lexicon.js';
import { loadThesaurus } from '../text/query/thesaurus.js';
import { type DirectAnswerer, RagAnswerer } from './answerer.js';
import { createBinaryLoader } from './binary-loader.js';
import { isCatalogueEntry } from './catalogue.js';
import { CuratedAnswerStore, type CuratedEntry, type KnownSources } from './curated-answers.js';
import { thesaurusCanonicalizer } from './curated-canonical.js';
import type { CuratedHitStore } from './curated-hits.js';
import { createDirectAnswerers } from './direct-answerers.js';
import { type Embedder, HashEmbedder, withLexicalFallback } from './embedder.js';
import type { Generator } from './generator.js';
import { type IndexChanges, type IndexSnapshot, loadSnapshot, openIndex } from './index-store.js';
import { QueryRewriter } from './query-rewrite.js';
import { type QueryKnowledge, Retriever } from './retriever.js';

export interface KnowledgeBase {
  answerer: QuestionAnswerer;
  /** Number of indexed chunks. */
  chunkCount: number;
  snapshot: IndexSnapshot;
  retriever: Retriever;
  /** What the last open changed (null when the index was loaded as is). */
  changes: IndexChanges | null;
  /** Curated answers from `KNOWLEDGE_DIR/answers/`; `reload()` applies edits without a restart. */
  curated: CuratedAnswerStore;
  /** The knowledge review of the loaded documents (as `cli knowledge review`), for a given ISO day. */
  review(today: string): KnowledgeReview;
  close(): Promise<void>;
}

export interface OpenKnowledgeBaseOptions {
  config: Config;
  logger: Logger;
  /** Embedder port (remote embeddings, or a test fake); default: the local hashing embedder. */
  embedder?: Embedder;
  /** Generator port: LLM mode when given. `null` or absent: extractive answers. */
  generator?: Generator | null;
  force?: boolean;
  /**
   * Load this snapshot directory as is (no build, no check of the knowledge
   * folder): how a serving process picks up a snapshot another process built.
   */
  snapshotDir?: string;
  /** Where curated-answer hits are counted (default: in memory). */
  curatedHits?: CuratedHitStore;
  /** Curated answers kept outside the knowledge folder (the console's, in SQLite); read on every `curated.reload()`. */
  curatedExtra?: () => CuratedEntry[];
}

/** Document ids and web addresses that curated answers may cite. */
export function knownSources(snapshot: IndexSnapshot): KnownSources {
  const urls = new Set<string>();
  for (const d of snapshot.documents) if (d.source) urls.add(d.source);
  for (const c of snapshot.chunks) for (const u of c.text.match(/https?:\/\/[^\s,)]+/g) ?? []) urls.add(u);
  return { docs: new Set(snapshot.documents.map((d) => d.id)), urls };
}

/**
 * Parsed query-side files by path and content hash: a base reopened in the
 * serving process (console upload) reuses them while the files are
 * unchanged, and the retriever then reuses its chunk features too.
 */
const parsedFiles = new Map<string, { hash: string; value: unknown }>();

function cachedParse<T>(key: string, hash: string, parse: () => T): T {
  const hit = parsedFiles.get(key);
  if (hit && hit.hash === hash) return hit.value as T;
  const value = parse();
  parsedFiles.set(key, { hash, value });
  return value;
}

const fileHash = (file: string): string => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) : '');

/** Glossary from the knowledge dir, or an empty one if the file is missing. */
export function glossaryFor(knowledgeDir: string): { glossary: Glossary; hash: string } {
  const file = join(knowledgeDir, 'glossary.yaml');
  if (!existsSync(file)) return { glossary: createGlossary([]), hash: '' };
  const hash = fileHash(file);
  return { glossary: cachedParse(`glossary:${file}`, hash, () => loadGlossary(file)), hash };
}

/**
 * Query-side knowledge from the knowledge dir: chat abbreviations
 * (`chat-abbreviations.yaml`), the thesaurus (`thesaurus.yaml`) and the
 * known-good everyday pairs (`everyday-words.yaml`, with the thesaurus's
 * phrases and the abbreviations' meanings); a missing file leaves that stage out.
 * @throws AppError KNOWLEDGE_INVALID when a file is malformed (naming file and entry)
 */
export function queryKnowledgeFor(knowledgeDir: string): QueryKnowledge {
  const abbreviationsFile = join(knowledgeDir, 'chat-abbreviations.yaml');
  const thesaurusFile = join(knowledgeDir, 'thesaurus.yaml');
  const everydayFile = join(knowledgeDir, 'everyday-words.yaml');
  const abbreviations = existsSync(abbreviationsFile)
    ? cachedParse(`abbreviations:${abbreviationsFile}`, fileHash(abbreviationsFile), () => loadChatAbbreviations(abbreviationsFile))
    : undefined;
  const thesaurus = existsSync(thesaurusFile)
    ? cachedParse(`thesaurus:${thesaurusFile}`, fileHash(thesaurusFile), () => loadThesaurus(thesaurusFile))
    : undefined;
  const others = [...(thesaurus?.sets.flatMap((s) => s.terms) ?? []), ...[...(abbreviations?.byForm.values() ?? [])].flatMap((e) => e.meanings)];
  const everyday = existsSync(everydayFile)
    ? cachedParse(
        `everyday:${everydayFile}:${thesaurus ? fileHash(thesaurusFile) : ''}:${abbreviations ? fileHash(abbreviationsFile) : ''}`,
        fileHash(everydayFile),
        () => loadEverydayLexicon(everydayFile, others),
      )
    : others.length > 0
      ? createEverydayLexicon([], others)
      : undefined;
  return { abbreviations, thesaurus, ...(everyday ? { everyday } : {}) };
}

export async function openKnowledgeBase(opts: OpenKnowledgeBaseOptions): Promise<KnowledgeBase> {
  const { config, logger } = opts;
  const { glossary, hash } = glossaryFor(config.knowledgeDir);
  const embedder = opts.embedder ?? new HashEmbedder(512, glossary);
  const { snapshot, changes } = opts.snapshotDir
    ? { snapshot: await loadSnapshot(opts.snapshotDir, embedder, glossary), changes: null }
    : await openIndex({
        knowledgeDir: config.knowledgeDir,
        dataDir: config.dataDir,
        embedder,
        glossary,
        salt: hash,
        binary: createBinaryLoader(),
        extraSources: [{ dir: uploadedDocumentsDir(config), prefix: UPLOADED_DOCUMENTS_PREFIX }],
        logger,
        force: opts.force,
      });
  if (changes) {
    logger.info(
      {
        added: changes.addedFiles.length,
        changed: changes.changedFiles.length,
        removed: changes.removedFiles.length,
        embedded: changes.embedded,
        ms: changes.ms,
      },
      'knowledge index rebuilt',
    );
  }
  // Rebuilds run inside the serving process (console uploads): between the heavy
  // synchronous steps, let waiting requests run so no single stall is the whole open.
  await yieldToEventLoop();
  const queryEmbedder = withLexicalFallback(embedder, (err) =>
    logger.warn({ code: isAppError(err) ? err.code : 'EMBEDDING_FAILED' }, 'query embedding failed; retrieving lexically only'),
  );
  const queryKnowledge = queryKnowledgeFor(config.knowledgeDir);
  await yieldToEventLoop();
  const retriever = new Retriever(snapshot, queryEmbedder, glossary, queryKnowledge);
  await yieldToEventLoop();
  const generator = opts.generator ?? undefined;
  const rewriter = generator ? new QueryRewriter({ generator, logger, department: config.department.name }) : undefined;
  const direct: DirectAnswerer[] = createDirectAnswerers({ config, snapshot, retriever, logger });
  // "Catalogue-only" is a property of catalogue entries (knowledge/catalog/*),
  // not of every document without a full text (explainers, guides).
  const catalogueOnly = new Set(snapshot.documents.filter((d) => isCatalogueEntry(d.file)).map((d) => d.id));
  const curated = new CuratedAnswerStore({
    dir: join(config.knowledgeDir, 'answers'),
    hits: opts.curatedHits,
    ...(opts.curatedExtra ? { extra: opts.curatedExtra } : {}),
    ...(queryKnowledge.thesaurus ? { canonicalize: thesaurusCanonicalizer(queryKnowledge.thesaurus) } : {}),
    known: knownSources(snapshot),
    abbreviations: queryKnowledge.abbreviations,
    analyze: (q) => retriever.analyze(q),
    resolveSource: (s) => {
      const chunk = snapshot.chunks.find((c) => c.docId === s.doc && (s.section === undefined || c.section === s.section || c.trail.at(-1) === s.section));
      return chunk ? { doc: chunk.docId, section: chunk.section, title: chunk.trail.join(' › '), text: chunk.text, score: 1 } : null;
    },
  });
  for (const problem of curated.reload()) logger.error({ problem }, 'curated answers: file rejected');
  const changeRecords = loadChanges(join(config.knowledgeDir, CHANGES_FILE));
  const currency = new CurrencyNotes(snapshot.documents, changeRecords);
  const review = (today: string) =>
    reviewKnowledge({ documents: snapshot.documents, chunks: snapshot.chunks, changes: changeRecords, today, maxFactAgeDays: config.knowledgeFactMaxAgeDays });
  const answerer = new RagAnswerer({ retriever, generator, rewriter, department: config.department.name, direct, logger, catalogueOnly, curated, currency });
  // What the first question would wait for is done here, while the previous base (if any) still serves.
  await yieldToEventLoop();
  retriever.warmDiacritics();
  await yieldToEventLoop();
  answerer.warmCorpusEntities();
  return { answerer, chunkCount: snapshot.chunks.length, snapshot, retriever, changes, curated, review, close: async () => {} };
}
