/**
 * Hybrid retrieval: BM25 (lexical) and vectors (dense) fused by reciprocal
 * rank, then re-ranked with features that measure how well a chunk covers the
 * question (IDF-weighted content-word coverage of its text and its own
 * heading, phrase matches, question intent). The same coverage numbers feed
 * the abstention decision.
 */
import type { Glossary } from '../text/glossary.js';
import { glossaryExpansion } from '../text/glossary.js';
import { foldText, normalizeText } from '../text/normalize.js';
import { contentWords, syllables } from '../text/tokenize.js';
import type { Chunk } from './chunk.js';
import type { Embedder } from './embedder.js';
import { reciprocalRankFusion } from './fusion.js';
import type { IndexSnapshot } from './index-store.js';
import { type QueryIntent, detectIntent } from './intent.js';

export interface RetrievedChunk {
  chunk: Chunk;
  /** Final score after re-ranking (higher is better). */
  score: number;
  /** IDF-weighted share of the query's content words found in the chunk. */
  coverage: number;
  /** The same, against the chunk's own heading only. */
  headingCoverage: number;
  /** Share of the query's adjacent word pairs found as phrases in the chunk. */
  phraseCoverage: number;
  rrf: number;
}

export interface RetrievalResult {
  query: string;
  intent: QueryIntent;
  /** Query content words (folded). */
  terms: string[];
  /** Share (IDF-weighted) of query content words that occur anywhere in the corpus. */
  vocabularyCoverage: number;
  hits: RetrievedChunk[];
}

interface ChunkFeatures {
  words: Set<string>;
  headingWords: Set<string>;
  /** Folded text with spaces, for phrase checks. */
  flat: string;
}

const CANDIDATES = 30;

function foldedWordsOf(text: string, glossary?: Glossary): string[] {
  const norm = normalizeText(text);
  const expansion = glossary ? glossaryExpansion(norm, glossary) : '';
  return syllables(`${foldText(norm)} ${expansion}`);
}

function ownHeading(c: Chunk): string {
  const last = c.trail[c.trail.length - 1] ?? '';
  return `${last} ${c.kind === 'outline' ? '' : (c.text.split('\n')[0] ?? '')}`;
}

export class Retriever {
  private readonly features = new Map<string, ChunkFeatures>();
  private readonly df = new Map<string, number>();
  private readonly byId = new Map<string, Chunk>();
  private readonly n: number;

  constructor(
    private readonly snapshot: IndexSnapshot,
    private readonly embedder: Embedder,
    private readonly glossary?: Glossary,
  ) {
    for (const c of snapshot.chunks) {
      this.byId.set(c.id, c);
      const all = foldedWordsOf(`${c.docId} ${c.docTitle} ${c.trail.join(' ')} ${c.text}`, glossary);
      const f: ChunkFeatures = {
        words: new Set(all),
        headingWords: new Set(foldedWordsOf(ownHeading(c), glossary)),
        flat: ` ${all.join(' ')} `,
      };
      this.features.set(c.id, f);
      for (const w of f.words) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    }
    this.n = Math.max(1, snapshot.chunks.length);
  }

  /** Inverse document frequency; unseen words get the maximum. */
  idf(word: string): number {
    const df = this.df.get(word) ?? 0;
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  }

  chunk(id: string): Chunk | undefined {
    return this.byId.get(id);
  }

  get chunks(): readonly Chunk[] {
    return this.snapshot.chunks;
  }

  /** Query content words plus glossary expansions (folded). */
  queryTerms(query: string): string[] {
    const base = contentWords(query);
    const expansion = this.glossary ? syllables(glossaryExpansion(normalizeText(query), this.glossary)) : [];
    return [...new Set([...base, ...expansion])];
  }

  private coverage(terms: string[], words: Set<string>): number {
    let total = 0;
    let found = 0;
    for (const t of terms) {
      const w = this.idf(t);
      total += w;
      if (words.has(t)) found += w;
    }
    return total > 0 ? found / total : 0;
  }

  private phraseCoverage(query: string, flat: string): number {
    const words = contentWords(query).length > 0 ? syllables(foldText(normalizeText(query))) : [];
    let pairs = 0;
    let found = 0;
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = `${words[i]} ${words[i + 1]}`;
      if (this.idf(words[i] as string) + this.idf(words[i + 1] as string) < 1) continue; // two very common words
      pairs++;
      if (flat.includes(` ${pair} `)) found++;
    }
    return pairs > 0 ? found / pairs : 0;
  }

  /** Retrieve and re-rank. */
  async retrieve(query: string, limit = 10): Promise<RetrievalResult> {
    const intent = detectIntent(query);
    const terms = this.queryTerms(query);
    const lexical = this.snapshot.lexical.search(query, CANDIDATES);
    const [qv] = await this.embedder.embed([query]);
    const dense = qv ? await this.snapshot.vectors.search(qv, CANDIDATES) : [];
    const fused = reciprocalRankFusion(
      [lexical.map((h) => h.id), dense.map((h) => h.id)],
      [1, 0.6],
    );
    const maxRrf = fused[0]?.score ?? 1;
    const hits: RetrievedChunk[] = [];
    for (const f of fused) {
      const chunk = this.byId.get(f.id);
      const feats = this.features.get(f.id);
      if (!chunk || !feats) continue;
      const coverage = this.coverage(terms, feats.words);
      const headingCoverage = this.coverage(terms, feats.headingWords);
      const phraseCoverage = this.phraseCoverage(query, feats.flat);
      let score = 0.35 * (f.score / maxRrf) + 0.35 * coverage + 0.2 * headingCoverage + 0.25 * phraseCoverage;
      if (intent.kind === 'list' && chunk.kind === 'outline') score += 0.12;
      if (intent.kind !== 'list' && chunk.kind === 'outline') score -= 0.05;
      if (intent.docNumbers.length > 0 && intent.docNumbers.some((d) => foldText(chunk.docId).replace(/-/g, '/') === d)) score += 0.15;
      hits.push({ chunk, score, coverage, headingCoverage, phraseCoverage, rrf: f.score });
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id));
    let vocab = 0;
    let total = 0;
    for (const t of terms) {
      const w = this.idf(t);
      total += w;
      if (this.df.has(t)) vocab += w;
    }
    return { query, intent, terms, vocabularyCoverage: total > 0 ? vocab / total : 0, hits: hits.slice(0, limit) };
  }
}
