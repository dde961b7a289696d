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
import { contentRuns, contentWords, syllables } from '../text/tokenize.js';
import type { Chunk } from './chunk.js';
import type { Embedder } from './embedder.js';
import { reciprocalRankFusion } from './fusion.js';
import type { IndexSnapshot } from './index-store.js';
import { type QueryIntent, baseKind, detectIntent, stripFrame } from './intent.js';

export interface RetrievedChunk {
  chunk: Chunk;
  /** Final score after re-ranking (higher is better). */
  score: number;
  /** IDF-weighted share of the query's content words found in the chunk. */
  coverage: number;
  /** The same, against the chunk's own heading only. */
  headingCoverage: number;
  /** IDF-weighted share of the query's adjacent word pairs found in the chunk. */
  phraseCoverage: number;
  /** The same, against the chunk's own heading. */
  headingPhrase: number;
  rrf: number;
}

export interface RetrievalResult {
  query: string;
  intent: QueryIntent;
  /** Query content words (folded). */
  terms: string[];
  /** Adjacent content-word pairs of the query (folded). */
  pairs: string[];
  /** Share (IDF-weighted) of query content words that occur anywhere in the corpus. */
  vocabularyCoverage: number;
  /** Share (IDF-weighted) of query word pairs that occur anywhere in the corpus. */
  pairVocabularyCoverage: number;
  /**
   * Share (IDF-weighted) of query syllables that the corpus supports as part
   * of a word: inside a known syllable pair with a neighbour, or known alone
   * when they stand alone. "thoi tiet" has two known syllables ("thời hạn",
   * "chi tiết") but the corpus never has the word, so neither is supported.
   */
  supportedSyllables: number;
  hits: RetrievedChunk[];
}

interface ChunkFeatures {
  words: Set<string>;
  headingWords: Set<string>;
  /** Adjacent folded syllable pairs ("thu tuc") of the whole chunk. */
  pairs: Set<string>;
  headingPairs: Set<string>;
  /** What the chunk is about, for list questions: an outline's own title (and its parents), a passage's heading and its parent's. */
  subjectWords: Set<string>;
  /** The document's id, title and aliases: a weak, document-level prior. */
  docWords: Set<string>;
}

const CANDIDATES = 30;
const DATE_IN_TEXT = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|ngày \d{1,2} tháng \d{1,2} năm \d{4}/;

/**
 * Match keys of a text: every syllable folded, plus every syllable as an
 * `a:`-prefixed accented key, so a question typed with accents is matched
 * precisely ("tình" is not "tỉnh", "mai" is not "mại") and one typed without
 * accents still matches.
 */
function matchKeysOf(text: string, glossary?: Glossary): string[] {
  const norm = normalizeText(text);
  const expansion = glossary ? glossaryExpansion(norm, glossary) : '';
  const accented = syllables(norm).map((w) => `a:${w}`);
  return [...syllables(`${foldText(norm)} ${expansion}`), ...accented];
}

function adjacentPairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

/** Folded syllable pairs of a text and of its glossary expansion. */
function pairsOf(text: string, glossary?: Glossary): string[] {
  const norm = normalizeText(text);
  const expansion = glossary ? glossaryExpansion(norm, glossary) : '';
  return [...adjacentPairs(syllables(foldText(norm))), ...adjacentPairs(syllables(expansion))];
}

/** Title side of a chunk for list questions: its heading and its parent's. */
function subjectText(c: Chunk): string {
  const parents = c.trail.slice(-2).join(' ');
  return c.kind === 'outline' ? `${parents} ${c.text.split('\n')[0] ?? ''}` : `${c.docId} ${parents}`;
}

/** Longer "headings" are whole numbered paragraphs, not titles. */
const MAX_TITLE_CHARS = 140;

function ownHeading(c: Chunk): string {
  const raw = c.trail[c.trail.length - 1] ?? '';
  const last = raw.length > MAX_TITLE_CHARS ? '' : raw;
  const first = c.text.split('\n')[0] ?? '';
  return `${last} ${c.kind === 'outline' || first.length > MAX_TITLE_CHARS ? '' : first}`;
}

/** Weighted share of `terms` found in `set`. */
function weightedCoverage(terms: readonly string[], set: ReadonlySet<string>, weight: (t: string) => number): number {
  let total = 0;
  let found = 0;
  for (const t of terms) {
    const w = weight(t);
    total += w;
    if (set.has(t)) found += w;
  }
  return total > 0 ? found / total : 0;
}

export class Retriever {
  private readonly features = new Map<string, ChunkFeatures>();
  private readonly df = new Map<string, number>();
  private readonly pairDf = new Map<string, number>();
  private readonly byId = new Map<string, Chunk>();
  private readonly n: number;

  constructor(
    private readonly snapshot: IndexSnapshot,
    private readonly embedder: Embedder,
    private readonly glossary?: Glossary,
  ) {
    const aliases = new Map(snapshot.documents.map((d) => [d.id, d.aliases.join(' ')]));
    for (const c of snapshot.chunks) {
      this.byId.set(c.id, c);
      // The document title is left out: a plan's title names every indicator,
      // which would make every chunk of it match every indicator.
      const full = `${c.docId} ${c.trail.join(' ')} ${c.text}`;
      const f: ChunkFeatures = {
        words: new Set(matchKeysOf(full, glossary)),
        headingWords: new Set(matchKeysOf(ownHeading(c), glossary)),
        pairs: new Set(pairsOf(full, glossary)),
        headingPairs: new Set(pairsOf(ownHeading(c), glossary)),
        subjectWords: new Set(matchKeysOf(subjectText(c), glossary)),
        docWords: new Set(matchKeysOf(`${c.docId} ${c.docTitle} ${aliases.get(c.docId) ?? ''}`, glossary)),
      };
      this.features.set(c.id, f);
      for (const w of f.words) this.df.set(w, (this.df.get(w) ?? 0) + 1);
      for (const p of f.pairs) this.pairDf.set(p, (this.pairDf.get(p) ?? 0) + 1);
    }
    this.n = Math.max(1, snapshot.chunks.length);
  }

  /** Inverse document frequency of a match key; unseen keys get the maximum. */
  idf(word: string): number {
    const df = this.df.get(word) ?? 0;
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  }

  private pairIdf(pair: string): number {
    const df = this.pairDf.get(pair) ?? 0;
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  }

  /** Folded match keys of any text (with glossary expansions), for structured-data matching. */
  foldedKeys(text: string): Set<string> {
    return new Set(matchKeysOf(text, this.glossary).filter((k) => !k.startsWith('a:')));
  }

  chunk(id: string): Chunk | undefined {
    return this.byId.get(id);
  }

  get chunks(): readonly Chunk[] {
    return this.snapshot.chunks;
  }

  /** Query content words (accented keys where typed with accents) plus glossary expansions. */
  queryTerms(query: string): string[] {
    const base = contentWords(query, true);
    const expansion = this.glossary ? syllables(glossaryExpansion(normalizeText(query), this.glossary)) : [];
    return [...new Set([...base, ...expansion])];
  }

  /**
   * Adjacent pairs of the query's content words (folded): Vietnamese words
   * are mostly two syllables, so pairs approximate words ("thời tiết").
   */
  queryPairs(query: string): string[] {
    const out: string[] = [];
    for (const run of contentRuns(query)) out.push(...adjacentPairs(run));
    return [...new Set(out)];
  }

  private supportedSyllables(query: string): number {
    let total = 0;
    let supported = 0;
    for (const run of contentRuns(query)) {
      run.forEach((w, i) => {
        const weight = this.idf(w);
        total += weight;
        const alone = run.length === 1 && this.df.has(w);
        const left = i > 0 && this.pairDf.has(`${run[i - 1]} ${w}`);
        const right = i + 1 < run.length && this.pairDf.has(`${w} ${run[i + 1]}`);
        if (alone || left || right) supported += weight;
      });
    }
    return total > 0 ? supported / total : 0;
  }

  /** Retrieve and re-rank. */
  async retrieve(query: string, limit = 10): Promise<RetrievalResult> {
    const intent = detectIntent(query);
    const content = stripFrame(query, intent.kind) || query;
    const terms = this.queryTerms(content);
    const pairs = this.queryPairs(content);
    const idf = (t: string) => this.idf(t);
    const pairIdf = (p: string) => this.pairIdf(p);
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
      const coverage = weightedCoverage(terms, feats.words, idf);
      const headingCoverage = weightedCoverage(terms, feats.headingWords, idf);
      const phraseCoverage = weightedCoverage(pairs, feats.pairs, pairIdf);
      const headingPhrase = weightedCoverage(pairs, feats.headingPairs, pairIdf);
      const docCoverage = weightedCoverage(terms, feats.docWords, idf);
      let score =
        0.3 * (f.score / maxRrf) + 0.35 * coverage + 0.15 * headingCoverage + 0.25 * phraseCoverage + 0.15 * headingPhrase + 0.1 * docCoverage;
      if (intent.kind === 'when' && DATE_IN_TEXT.test(chunk.text)) score += 0.08;
      if (intent.docNumbers.some((d) => foldText(chunk.docId).replace(/-/g, '/') === d)) score += 0.3;
      hits.push({ chunk, score, coverage, headingCoverage, phraseCoverage, headingPhrase, rrf: f.score });
    }
    // Outlines answer list questions about their own subject ("PAPI gồm những
    // nội dung nào?"), not questions about one of their children ("Quản trị
    // điện tử trong PAPI gồm những gì?"), nor other questions.
    const subjectTerms = intent.subject ? this.queryTerms(intent.subject) : [];
    const subjectCov = (h: RetrievedChunk) => weightedCoverage(subjectTerms, this.features.get(h.chunk.id)?.subjectWords ?? new Set(), idf);
    const bestPassageSubject = Math.max(0, ...hits.filter((h) => h.chunk.kind === 'passage').map(subjectCov));
    for (const h of hits) {
      if (h.chunk.kind !== 'outline') continue;
      if (baseKind(intent.kind) === 'list' && subjectTerms.length > 0 && subjectCov(h) + 0.05 >= bestPassageSubject) h.score += 0.15;
      else h.score -= 0.15;
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id));
    return {
      query,
      intent,
      terms,
      pairs,
      vocabularyCoverage: weightedCoverage(terms, new Set(terms.filter((t) => this.df.has(t))), idf),
      pairVocabularyCoverage: weightedCoverage(pairs, new Set(pairs.filter((p) => this.pairDf.has(p))), pairIdf),
      supportedSyllables: this.supportedSyllables(content),
      hits: hits.slice(0, limit),
    };
  }
}
