/**
 * Opening the knowledge base: load `KNOWLEDGE_DIR`, build or load the index
 * under `DATA_DIR`, and expose a {@link QuestionAnswerer}.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { QuestionAnswerer } from '../core/answer.js';
import { OpenAiEmbedder } from '../llm/openai-embedder.js';
import { OpenAiGenerator } from '../llm/openai-generator.js';
import type { Logger } from '../logger.js';
import { type Glossary, createGlossary, loadGlossary } from '../text/glossary.js';
import { type DirectAnswerer, RagAnswerer } from './answerer.js';
import { createDirectAnswerers } from './direct-answerers.js';
import { type Embedder, HashEmbedder } from './embedder.js';
import type { Generator } from './generator.js';
import { type IndexChanges, type IndexSnapshot, openIndex } from './index-store.js';
import { createBinaryLoader } from './binary-loader.js';
import { Retriever } from './retriever.js';
import { isCatalogueEntry } from './catalogue.js';

export interface KnowledgeBase {
  answerer: QuestionAnswerer;
  /** Number of indexed chunks. */
  chunkCount: number;
  snapshot: IndexSnapshot;
  retriever: Retriever;
  /** What the last open changed (null when the index was loaded as is). */
  changes: IndexChanges | null;
  close(): Promise<void>;
}

export interface OpenKnowledgeBaseOptions {
  config: Config;
  logger: Logger;
  /** Override the embedder (tests: a counting fake). */
  embedder?: Embedder;
  /** Override the generator (tests). `null` disables the LLM. */
  generator?: Generator | null;
  force?: boolean;
}

/** Glossary from the knowledge dir, or an empty one if the file is missing. */
export function glossaryFor(knowledgeDir: string): { glossary: Glossary; hash: string } {
  const file = join(knowledgeDir, 'glossary.yaml');
  if (!existsSync(file)) return { glossary: createGlossary([]), hash: '' };
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  return { glossary: loadGlossary(file), hash };
}

/** The embedder the configuration asks for. */
export function embedderFor(config: Config, glossary: Glossary): Embedder {
  if (config.embeddings) return new OpenAiEmbedder({ ...config.embeddings });
  return new HashEmbedder(512, glossary);
}

export async function openKnowledgeBase(opts: OpenKnowledgeBaseOptions): Promise<KnowledgeBase> {
  const { config, logger } = opts;
  const { glossary, hash } = glossaryFor(config.knowledgeDir);
  const embedder = opts.embedder ?? embedderFor(config, glossary);
  const { snapshot, changes } = await openIndex({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    embedder,
    glossary,
    salt: hash,
    binary: createBinaryLoader(),
    logger,
    force: opts.force,
  });
  if (changes) {
    logger.info(
      { added: changes.addedFiles.length, changed: changes.changedFiles.length, removed: changes.removedFiles.length, embedded: changes.embedded, ms: changes.ms },
      'knowledge index rebuilt',
    );
  }
  const retriever = new Retriever(snapshot, embedder, glossary);
  const generator =
    opts.generator === null ? undefined : (opts.generator ?? (config.llm ? new OpenAiGenerator(config.llm) : undefined));
  const direct: DirectAnswerer[] = createDirectAnswerers({ config, snapshot, retriever, logger });
  // "Catalogue-only" is a property of catalogue entries (knowledge/catalog/*),
  // not of every document without a full text (explainers, guides).
  const catalogueOnly = new Set(snapshot.documents.filter((d) => isCatalogueEntry(d.file)).map((d) => d.id));
  const answerer = new RagAnswerer({ retriever, generator, direct, logger, catalogueOnly });
  return { answerer, chunkCount: snapshot.chunks.length, snapshot, retriever, changes, close: async () => {} };
}
