/**
 * Hybrid retrieval: BM25 (lexical) and vectors (dense) fused by reciprocal
 * rank, then re-ranked with features that measure how well a chunk covers the
 * question (IDF-weighted content-word coverage of its text and its own
 * heading, phrase matches, question intent). The same coverage numbers feed
 * the abstention decision.
 */

import { BoundedCache } from '../core/bounded-cache.js';
import type { Glossary } from '../text/glossary.js';
import { glossaryExpansion, reservedWords } from '../text/glossary.js';
import { foldText, hasDiacritics, normalizeText } from '../text/normalize.js';
import type { ChatAbbreviations } from '../text/query/abbreviations.js';
import { buildDiacriticModel, type DiacriticModel, diacriticModelOf } from '../text/query/diacritics.js';
import type { EverydayLexicon } from '../text/query/everyday-lexicon.js';
import type { Thesaurus } from '../text/query/thesaurus.js';
import { buildVocabulary, type CorpusVocabulary } from '../text/query/vocabulary.js';
import { contentRuns, contentWords, syllables } from '../text/tokenize.js';
import { answerType, satisfies } from './abstention.js';
import { answerTypeShifts, TYPED_CANDIDATES, whoCueSyllables, withoutUnitNames } from './answer-type-ranking.js';
import { isCatalogueEntry } from './catalogue.js';
import type { Chunk } from './chunk.js';
import { adjacentPairs, aliasesOf, ChunkFeatureStore, matchKeysOf } from './chunk-features.js';
import { distinctFrequencies } from './distinct-frequencies.js';
import type { Embedder } from './embedder.js';
import { reciprocalRankFusion } from './fusion.js';
import type { IndexSnapshot } from './index-store.js';
import { baseKind, type QueryIntent } from './intent.js';
import {
  bestUnitCoverage,
  type QuoteCandidate,
  quotedUnitLosers,
  relevantKeys,
  type SiblingCandidate,
  siblingDeficits,
  UnitCache,
  unitEvidence as unitEvidenceOf,
} from './proximity.js';
import { analyzeQuery, type QueryAnalysis } from './query/analyze.js';
import { type CompiledEvidence, compiledPairCoverage, compiledSalientGap, compiledTermCoverage, compileEvidence } from './query/compiled-coverage.js';
import { pairCoverage, type QueryEvidence, salientGap, termCoverage } from './query/coverage.js';
import { expandPartialDocNumbers, resolvePartialDocNumbers } from './query/doc-numbers.js';
import { type CorpusStats, expansionEvidence, supportedSyllables, syllableSupport, translatedIdf } from './query/expansion-evidence.js';
import { syllableOf, type WordDrop, withoutSyllables, wordDrops } from './query/filler-evidence.js';

export interface RetrievedChunk {
  chunk: Chunk;
  /** Final score after re-ranking (higher is better). */
  score: number;
  /**
   * IDF-weighted share of the query's content words found in the chunk, a
   * word also counting when a thesaurus alternative of it is found (at the
   * alternative's coverage credit): the evidence for the refusal decision.
   * Ranking (`score`) counts alternatives lower, below the user's own words.
   */
  coverage: number;
  /** The same, against the chunk's own heading only. */
  headingCoverage: number;
  /** IDF-weighted share of the query's adjacent word pairs found in the chunk (alternatives as in `coverage`). */
  phraseCoverage: number;
  /** The same, against the chunk's own heading. */
  headingPhrase: number;
  rrf: number;
  /** The most informative query word the chunk lacks, relative to the rarest word ({@link salientGap}). */
  gap?: number;
}

/** Query-side data beside the index: chat abbreviations, the thesaurus and the known-good everyday pairs. */
export interface QueryKnowledge {
  abbreviations?: ChatAbbreviations;
  thesaurus?: Thesaurus;
  everyday?: EverydayLexicon;
}

export interface RetrievalResult {
  query: string;
  intent: QueryIntent;
  /** How the question was understood (cleaned text, rewrites, framing, expansions, weighted terms). */
  analysis: QueryAnalysis;
  /** Query content words (folded). */
  terms: string[];
  /** Adjacent content-word pairs of the query (folded). */
  pairs: string[];
  /**
   * What must be covered and what else counts (thesaurus alternatives,
   * other meanings of abbreviations): structured answerers score their
   * records on the same evidence as the passages.
   */
  evidence: QueryEvidence;
  /**
   * Share (IDF-weighted) of query content words that occur anywhere in the
   * corpus; a word also counts (at its alternative's lower weight) when one
   * of its thesaurus alternatives does.
   */
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
  /**
   * The best passage's evidence with each unknown word of the question left
   * out in turn (src/rag/query/filler-evidence.ts), computed when asked for;
   * absent when there is no passage.
   */
  wordDrops?: () => { chunkId: string; drops: WordDrop[] };
}

const CANDIDATES = 30;
/** Cached IDF values per kind (words, pairs) before the cache starts over. */
const IDF_CACHE_MAX = 50_000;
/** Analyses kept (questions repeat under load; each is a few kilobytes). */
const ANALYSIS_CACHE_MAX = 1_000;
/** Score taken from a catalogue entry's passage when the question does not name the document. */
const CATALOGUE_PENALTY = 0.1;
/** Share of a document id's words ("Luật Tiếp công dân 2013", "845/QĐ-UBND") in the question above which the question names it. */
const CATALOGUE_NAMED = 0.6;
/** A question about a document's full text or wording. */
const FULL_TEXT = /\b(toan van|ban goc|nguyen van|day du|chi tiet|tai ve|tai file|o dau de doc|xem o dau)\b/;

/**
 * Catalogue entries have three kinds of section (knowledge/catalog/*.md):
 * "Thông tin chung" says what the document is, "Vị trí trong Kế hoạch …"
 * where the plan cites it, "Toàn văn" only that the full text is not held.
 * The last answers nothing but a request for the full text.
 */
function catalogueSectionPrior(c: Chunk, wantsFullText: boolean): number {
  const heading = c.trail[c.trail.length - 1] ?? '';
  if (heading === 'Toàn văn') return wantsFullText ? 0.05 : -0.08;
  if (heading === 'Thông tin chung') return 0.03;
  return 0;
}
/** Passages (best first by the other evidence) whose units are scored ({@link Retriever.unitEvidence}). */
const UNIT_CANDIDATES = 20;
/** Share of the coverage terms of the score measured on the passage's best single unit (sentence or line). */
const UNIT_SHARE = 0.5;
/**
 * Score added to the passages of the document the question names by number: a document-level
 * prior from the question, above a passage of another document whose heading cites that number.
 */
const NAMED_DOCUMENT = 0.35;
/** Score taken from a passage whose best sentence is quoted from a passage whose context matches the question better. */
const QUOTE_PENALTY = 0.1;
/** Score taken per unit of own-word coverage a section lacks against its best-matching sibling. */
const SIBLING_WEIGHT = 0.15;
/** BM25 boost of an alternative's tokens, relative to its weight (the user's own tokens boost 1). */
const BM25_ALTERNATIVE_SCALE = 0.6;
/** Key of a document section in the section map. */
function sectionKey(docId: string, section: string): string {
  return `${docId}\u0000${section}`;
}

const DATE_IN_TEXT = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|ngày \d{1,2} tháng \d{1,2} năm \d{4}/;

/** Weighted share of `terms` found in `set`. */
/** Most a passage gains for holding a follow-up's new subject (its IDF-weighted share). */
export const FOCUS_WEIGHT = 0.15;

function weightedCoverage(terms: readonly string[], has: (t: string) => boolean, weight: (t: string) => number): number {
  let total = 0;
  let found = 0;
  for (const t of terms) {
    const w = weight(t);
    total += w;
    if (has(t)) found += w;
  }
  return total > 0 ? found / total : 0;
}

export class Retriever {
  private readonly features: ChunkFeatureStore;
  private readonly df: Map<string, number>;
  private readonly pairDf: Map<string, number>;
  private readonly byId = new Map<string, Chunk>();
  private readonly bySection = new Map<string, Chunk[]>();
  private readonly n: number;
  private readonly vocabulary: CorpusVocabulary;
  private readonly docNumberIndex: Map<string, string[]>;
  /** Documents known only from the catalogue (knowledge/catalog/*). */
  private readonly catalogueDocs: ReadonlySet<string>;
  /** Folded, `/`-separated document number → the document id as written. */
  private readonly docIdByNumber = new Map<string, string>();
  /** Corpus statistics for expansion scoring (src/rag/query/expansion-evidence.ts). */
  private readonly stats: CorpusStats;
  /** Glossary abbreviations typed as one word ("khtc", "tthc"): typo repair leaves them alone. */
  private readonly reserved: ReadonlySet<string>;

  constructor(
    private readonly snapshot: IndexSnapshot,
    private readonly embedder: Embedder,
    private readonly glossary?: Glossary,
    private readonly knowledge: QueryKnowledge = {},
  ) {
    // Features are precomputed at build time; a snapshot without them
    // (assembled by hand) gets them computed here.
    this.units = new UnitCache(glossary);
    this.features = snapshot.features ?? ChunkFeatureStore.build(snapshot.chunks, { glossary, aliases: aliasesOf(snapshot.documents) });
    for (const c of snapshot.chunks) {
      this.byId.set(c.id, c);
      const key = sectionKey(c.docId, c.section);
      const list = this.bySection.get(key);
      if (list) list.push(c);
      else this.bySection.set(key, [c]);
    }
    // Repeated text counts once (src/rag/distinct-frequencies.ts).
    const { words, pairs } = this.features.distinctFrequencies() ?? distinctFrequencies(snapshot.chunks, this.features.frequencies(), glossary);
    this.df = words;
    this.pairDf = pairs;
    this.n = Math.max(1, snapshot.chunks.length);
    const folded = new Map<string, number>();
    const accented = new Map<string, number>();
    for (const [k, v] of this.df) {
      if (k.startsWith('a:')) accented.set(k.slice(2), v);
      else folded.set(k, v);
    }
    // Accented pairs (typo repair) and diacritic restoration share one count of the corpus's spellings, made on first use.
    this.vocabulary = buildVocabulary(folded, accented, new Set(this.pairDf.keys()), () => this.diacritics, this.n);
    this.stats = {
      df: this.df,
      pairDf: this.pairDf,
      idf: (k) => this.idf(k),
      pairIdf: (p) => this.pairIdf(p),
      queryTerms: (t) => this.queryTerms(t),
      queryPairs: (t) => this.queryPairs(t),
      ...(glossary ? { glossary } : {}),
    };
    this.reserved = glossary ? reservedWords(glossary) : new Set();
    this.catalogueDocs = new Set(snapshot.documents.filter((d) => isCatalogueEntry(d.file)).map((d) => d.id));
    this.docNumberIndex = new Map();
    for (const d of snapshot.documents) {
      const lead = /^\d+/.exec(d.id)?.[0];
      if (!lead) continue;
      this.docNumberIndex.set(lead, [...(this.docNumberIndex.get(lead) ?? []), foldText(d.id).replace(/-/g, '/')]);
      this.docIdByNumber.set(foldText(d.id).replace(/-/g, '/'), d.id);
    }
  }

  private readonly idKeys = new Map<string, string[]>();
  /** Key sets of the units of recently scored chunks. */
  private readonly units: UnitCache;

  /** Share of a document id's folded syllables found among the query's keys. */
  private idShare(docId: string, queryKeys: ReadonlySet<string>): number {
    let keys = this.idKeys.get(docId);
    if (!keys) {
      keys = [...new Set(syllables(foldText(normalizeText(docId))))];
      this.idKeys.set(docId, keys);
    }
    // A numbered document is named only with its number ("444/KH-SCT" is not named by "1523/KH-SCT").
    if (keys.some((k) => /\d/.test(k) && !queryKeys.has(k))) return 0;
    return keys.length ? keys.filter((k) => queryKeys.has(k)).length / keys.length : 0;
  }

  /** Chunks of one section of one document, in index order (no scan of the corpus). */
  sectionChunks(docId: string, section: string): readonly Chunk[] {
    return this.bySection.get(sectionKey(docId, section)) ?? [];
  }

  /**
   * Analyse a question with the corpus vocabulary (no retrieval). The result
   * is shared, not copied: callers must not change it. Memoised (bounded):
   * one answer analyses the same question twice (curated answers, then
   * retrieval), and load repeats questions.
   */
  analyze(query: string): QueryAnalysis {
    return this.analyses.get(query, this.analyzeUncached);
  }

  private readonly analyses = new BoundedCache<string, QueryAnalysis>(ANALYSIS_CACHE_MAX);
  private readonly analyzeUncached = (query: string): QueryAnalysis =>
    analyzeQuery(query, { ...this.knowledge, vocabulary: this.vocabulary, reserved: this.reserved, diacritics: this.lazyDiacritics });

  /** The model as analysis sees it: counted only when a question needs it (an unaccented one, or typo repair's pairs). */
  private readonly lazyDiacritics: DiacriticModel = {
    forms: (f) => this.diacritics.forms(f),
    pairCount: (l, r) => this.diacritics.pairCount(l, r),
    has: (p) => this.diacritics.has(p),
  };
  private diacriticModel: DiacriticModel | undefined;

  /** Build the restoration model now (from the snapshot's counts: milliseconds), not on the first question that needs it. */
  warmDiacritics(): void {
    void this.diacritics;
  }

  /** Whether the restoration model is built. */
  get diacriticsReady(): boolean {
    return this.diacriticModel !== undefined;
  }
  /** The corpus's accented syllables and pairs with counts (src/text/query/diacritics.ts), counted on first use. */
  private get diacritics(): DiacriticModel {
    if (!this.diacriticModel) {
      // People's wording beside the sources': the thesaurus's phrases and the chat abbreviations' meanings.
      // Only phrases written with marks: a markless variant ("thang may") says nothing about spelling.
      const phrasing = [
        ...(this.knowledge.thesaurus?.sets.flatMap((s) => s.terms) ?? []),
        ...[...(this.knowledge.abbreviations?.byForm.values() ?? [])].flatMap((e) => e.meanings),
        ...(this.knowledge.everyday?.phrases ?? []),
      ].filter((p) => hasDiacritics(p));
      // The snapshot's counts (src/rag/spelling-store.ts); an older snapshot's chunks are counted here.
      const { spellings } = this.snapshot;
      this.diacriticModel = spellings
        ? diacriticModelOf(spellings, phrasing)
        : buildDiacriticModel(
            this.snapshot.chunks.map((c) => c.text),
            phrasing,
          );
    }
    return this.diacriticModel;
  }

  /** Inverse document frequency of a match key; unseen keys get the maximum. */
  idf(word: string): number {
    return this.cachedIdf(this.idfCache, this.df, word);
  }

  /** Inverse document frequency of a syllable pair; unseen pairs get the maximum. */
  pairIdf(pair: string): number {
    return this.cachedIdf(this.pairIdfCache, this.pairDf, pair);
  }

  /** IDF values already computed (a question asks for each key dozens of times, once per candidate); keys come from questions too, so the caches are bounded. */
  private readonly idfCache = new BoundedCache<string, number>(IDF_CACHE_MAX);
  private readonly pairIdfCache = new BoundedCache<string, number>(IDF_CACHE_MAX);

  private cachedIdf(cache: BoundedCache<string, number>, dfs: ReadonlyMap<string, number>, key: string): number {
    const hit = cache.peek(key);
    if (hit !== undefined) return hit;
    const df = dfs.get(key) ?? 0;
    return cache.put(key, Math.log(1 + (this.n - df + 0.5) / (df + 0.5)));
  }

  /**
   * Whether the corpus writes a word or a phrase (tokens lowercase, as typed:
   * an accented token by its accented key, a folded one folded), read from the
   * build-time frequencies without scanning any text. A phrase counts as
   * written when each of its words and each adjacent pair is.
   */
  writes(tokens: readonly string[]): boolean {
    if (tokens.length === 0) return false;
    for (const t of tokens) if (!((this.df.get(hasDiacritics(t) ? `a:${t}` : foldText(t)) ?? 0) > 0)) return false;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!((this.pairDf.get(`${foldText(tokens[i] as string)} ${foldText(tokens[i + 1] as string)}`) ?? 0) > 0)) return false;
    }
    return true;
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

  /**
   * Evidence from the units of the best passages (src/rag/proximity.ts),
   * applied to the {@link UNIT_CANDIDATES} best by the other evidence: the
   * question's words should fall in one sentence of the passage (with its
   * headings), not be gathered from unrelated ones; a sentence quoted in
   * several documents is the same evidence in each, and the copy whose
   * headings and document match the question is the source; sections of one
   * list share their parent's words, so their own words decide which one is
   * asked.
   */
  private unitEvidence(hits: RetrievedChunk[], raw: ReadonlyArray<{ coverage: number; phrase: number; context: number }>, ev: QueryEvidence): void {
    const idf = (t: string) => this.idf(t);
    const pairIdf = (p: string) => this.pairIdf(p);
    const relevant = relevantKeys(ev);
    const compiled = unitEvidenceOf(ev, idf, pairIdf, relevant);
    const best = hits
      .map((h, i) => ({ h, i }))
      .filter(({ h }) => h.chunk.kind === 'passage')
      .sort((a, b) => b.h.score - a.h.score)
      .slice(0, UNIT_CANDIDATES);
    const quotes: QuoteCandidate[] = [];
    const siblings: SiblingCandidate[] = [];
    for (const { h, i } of best) {
      const r = raw[i] as { coverage: number; phrase: number; context: number };
      const unit = bestUnitCoverage(this.units.get(h.chunk), ev, idf, pairIdf, relevant, compiled);
      h.score -= UNIT_SHARE * (0.35 * Math.max(0, r.coverage - unit.coverage) + 0.25 * Math.max(0, r.phrase - unit.phrase));
      quotes.push({ docId: h.chunk.docId, unit: unit.unit, context: r.context });
      siblings.push({ docId: h.chunk.docId, parent: h.chunk.trail.slice(0, -1).join('\u0000'), own: unit.own });
    }
    for (const q of quotedUnitLosers(quotes)) (best[q] as { h: RetrievedChunk }).h.score -= QUOTE_PENALTY;
    siblingDeficits(siblings).forEach((d, k) => {
      (best[k] as { h: RetrievedChunk }).h.score -= SIBLING_WEIGHT * d;
    });
  }

  /**
   * Retrieve and re-rank. `focus`: the words a follow-up brings (its new
   * subject, see follow-up.ts); a passage holding them gains up to
   * {@link FOCUS_WEIGHT}, so the swapped-in subject outweighs what the
   * previous question left in the rewritten query.
   */
  async retrieve(query: string, limit = 10, options: { focus?: string } = {}): Promise<RetrievalResult> {
    const analysed = this.analyze(query);
    const written = (num: string) => this.df.has(num);
    const intent = { ...analysed.intent, docNumbers: resolvePartialDocNumbers(analysed.cleaned, analysed.intent.docNumbers, this.docNumberIndex, written) };
    // "qd 649" is measured as the corpus writes it ("649/QĐ-UBND").
    const analysis = {
      ...analysed,
      content: expandPartialDocNumbers(
        analysed.content,
        this.docNumberIndex,
        (f) => {
          const id = this.docIdByNumber.get(f);
          // An unaccented question stays unaccented ("qd 649" → "649/QD-UBND").
          return id && !analysed.accented ? foldText(id).toUpperCase() : id;
        },
        written,
      ),
    };
    const { ev, decide, syllableAlternatives, rankSyllableAlternatives, syllableWeight } = expansionEvidence(this.stats, analysis);
    const { terms, pairs } = ev;
    const idf = (t: string) => this.idf(t);
    const pairIdf = (p: string) => this.pairIdf(p);
    const { idf: decideIdf, pairIdf: decidePairIdf } = translatedIdf(this.stats, decide);
    // The question's words that no expansion translates.
    const untranslated = terms.filter((t) => !decide.termAlternatives.has(t));
    const complete = untranslated.every((t) => this.df.has(t));
    const extra = analysis.expansions.flatMap((e) => e.alternatives.map((a) => ({ text: a.text, weight: a.weight * BM25_ALTERNATIVE_SCALE })));
    const lexical = this.snapshot.lexical.search(analysis.cleaned, CANDIDATES, extra);
    const [qv] = await this.embedder.embed([analysis.cleaned]);
    const dense = qv ? await this.snapshot.vectors.search(qv, CANDIDATES) : [];
    const fused = reciprocalRankFusion([lexical.map((h) => h.id), dense.map((h) => h.id)], [1, 0.6]);
    const maxRrf = fused[0]?.score ?? 1;
    const queryKeys = new Set(terms.map((t) => (t.startsWith('a:') ? foldText(t.slice(2)) : t)));
    const wantsFullText = FULL_TEXT.test(foldText(analysis.cleaned));
    const focusTerms = options.focus ? this.queryTerms(options.focus) : [];
    const hits: RetrievedChunk[] = [];
    /** Per hit: its coverage numbers as ranked (before the decision's translation) and its context match. */
    const raw: Array<{ coverage: number; phrase: number; context: number }> = [];
    // The evidence's keys and weights resolved once for all candidates (compiled-coverage.ts: same numbers).
    const resolve = (k: string) => this.features.keyIdOf(k);
    const cev = compileEvidence(ev, resolve, idf, pairIdf);
    let cdecide: CompiledEvidence | undefined;
    const compiledDecide = () => (cdecide ??= compileEvidence(decide, resolve, decideIdf, decidePairIdf));
    for (const f of fused) {
      const chunk = this.byId.get(f.id);
      if (!chunk) continue;
      const inWords = this.features.tester(f.id, 'words');
      const hasWord = this.features.idTester(f.id, 'words');
      const hasHeading = this.features.idTester(f.id, 'headingWords');
      const hasPair = this.features.idTester(f.id, 'pairs');
      const hasHeadingPair = this.features.idTester(f.id, 'headingPairs');
      const coverage = compiledTermCoverage(cev, hasWord, hasPair);
      const headingCoverage = compiledTermCoverage(cev, hasHeading, hasHeadingPair);
      const phraseCoverage = compiledPairCoverage(cev, hasPair, hasWord);
      const headingPhrase = compiledPairCoverage(cev, hasHeadingPair, hasHeading);
      const docCoverage = compiledTermCoverage(cev, this.features.idTester(f.id, 'docWords'));
      let score = 0.3 * (f.score / maxRrf) + 0.35 * coverage + 0.15 * headingCoverage + 0.25 * phraseCoverage + 0.15 * headingPhrase + 0.1 * docCoverage;
      if (focusTerms.length > 0) score += FOCUS_WEIGHT * weightedCoverage(focusTerms, inWords, idf);
      raw.push({ coverage, phrase: phraseCoverage, context: headingCoverage + 0.5 * headingPhrase + docCoverage });
      if (intent.kind === 'when' && DATE_IN_TEXT.test(chunk.text)) score += 0.08;
      const named = intent.docNumbers.some((d) => foldText(chunk.docId).replace(/-/g, '/') === d);
      if (named) score += NAMED_DOCUMENT;
      // A catalogue entry restates what the plan says about a document; unless
      // the question names that document, the plan's own passage comes first.
      else if (this.catalogueDocs.has(chunk.docId) && this.idShare(chunk.docId, queryKeys) < CATALOGUE_NAMED) score -= CATALOGUE_PENALTY;
      if (this.catalogueDocs.has(chunk.docId)) score += catalogueSectionPrior(chunk, wantsFullText);
      // The refusal decision counts expansions at their coverage credit when
      // they complete the match: the passage holds every word of the question
      // that has no translation. A near-domain question the sources cannot
      // answer ("đăng ký khai sinh qua mạng") lacks its own specific word,
      // and translating the rest ("qua mạng" → "trực tuyến") must not hide that.
      const decided = decide.termAlternatives.size + decide.pairAlternatives.size > 0 && untranslated.every(inWords);
      hits.push({
        chunk,
        score,
        coverage: decided ? compiledTermCoverage(compiledDecide(), hasWord, hasPair) : coverage,
        headingCoverage,
        phraseCoverage: decided ? compiledPairCoverage(compiledDecide(), hasPair, hasWord) : phraseCoverage,
        headingPhrase,
        rrf: f.score,
        gap: decided ? compiledSalientGap(compiledDecide(), hasWord, hasPair) : compiledSalientGap(cev, hasWord, hasPair),
      });
    }
    this.unitEvidence(hits, raw, ev);
    // Outlines answer list questions about their own subject ("PAPI gồm những
    // nội dung nào?"), not questions about one of their children ("Quản trị
    // điện tử trong PAPI gồm những gì?"), nor other questions.
    const subjectTerms = intent.subject ? this.queryTerms(intent.subject) : [];
    const subjectCov = (h: RetrievedChunk) => weightedCoverage(subjectTerms, this.features.tester(h.chunk.id, 'subjectWords'), idf);
    const bestPassageSubject = Math.max(0, ...hits.filter((h) => h.chunk.kind === 'passage').map(subjectCov));
    for (const h of hits) {
      if (h.chunk.kind !== 'outline') continue;
      if (baseKind(intent.kind) === 'list' && subjectTerms.length > 0 && subjectCov(h) + 0.05 >= bestPassageSubject) h.score += 0.15;
      else h.score -= 0.15;
    }
    // A who-question: among sections of one document, the one naming a unit answers it.
    if (answerType(analysis.cleaned, intent.kind) === 'unit') {
      // The task words: the question's words (with their alternatives) but its who-cue verbs.
      const cues = whoCueSyllables(analysis.cleaned);
      const task: QueryEvidence = { ...ev, terms: ev.terms.filter((t) => !cues.has(t.startsWith('a:') ? foldText(t.slice(2)) : t)) };
      const top = new Set(
        [...hits]
          .sort((a, b) => b.score - a.score)
          .slice(0, TYPED_CANDIDATES)
          .map((h) => h.chunk.id),
      );
      const taskCoverage = (h: RetrievedChunk) => {
        const own = withoutUnitNames(h.chunk.text);
        const keys = new Set(matchKeysOf(own, this.glossary));
        const pairs = new Set(contentRuns(own).flatMap((run) => adjacentPairs(run)));
        return termCoverage(
          task,
          (k) => keys.has(k),
          idf,
          (p) => pairs.has(p),
        );
      };
      const shifts = answerTypeShifts(
        hits.map((h) => ({
          docId: h.chunk.docId,
          passage: h.chunk.kind === 'passage',
          score: h.score,
          coverage: h.coverage,
          satisfied: satisfies(h.chunk.text, 'unit'),
          ...(top.has(h.chunk.id) ? { task: taskCoverage(h) } : {}),
        })),
      );
      shifts.forEach((s, i) => {
        (hits[i] as RetrievedChunk).score -= s;
      });
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id));
    const weightOf = (w: string) => syllableWeight.get(w) ?? 1;
    // Who asks ("bà con", "vợ chồng tôi"; src/text/query/everyday-lexicon.ts) is no evidence either way.
    const askers: ReadonlySet<string> = new Set((analysis.askers ?? []).map((w) => foldText(w)));
    // The best passage's evidence with some syllables not asked, computed as for `hits` above.
    const evidenceWithout = (id: string, drop: ReadonlySet<string>): number => {
      const inWords = this.features.tester(id, 'words');
      const inPairs = this.features.tester(id, 'pairs');
      const left = untranslated.filter((t) => !drop.has(syllableOf(t)));
      const decided = decide.termAlternatives.size + decide.pairAlternatives.size > 0 && left.every(inWords);
      const q = withoutSyllables(decided ? decide : ev, drop);
      const [wIdf, pIdf] = decided ? [decideIdf, decidePairIdf] : [idf, pairIdf];
      const evidence = termCoverage(q, inWords, wIdf, inPairs) + 0.5 * pairCoverage(q, inPairs, pIdf, inWords, wIdf);
      const support = left.every((t) => this.df.has(t))
        ? supportedSyllables(this.stats, analysis.content, syllableAlternatives, weightOf, decideIdf, askers.size ? new Set([...drop, ...askers]) : drop)
        : supportedSyllables(this.stats, analysis.content, rankSyllableAlternatives, weightOf, idf, askers.size ? new Set([...drop, ...askers]) : drop);
      return evidence * support;
    };
    const best = hits[0];
    const drops = (id: string) => () => {
      const runs = syllableSupport(this.stats, analysis.content, complete ? syllableAlternatives : rankSyllableAlternatives);
      return { chunkId: id, drops: wordDrops(runs, (drop) => evidenceWithout(id, drop)) };
    };
    return {
      ...(best ? { wordDrops: drops(best.chunk.id) } : {}),
      query,
      intent,
      analysis,
      terms,
      pairs,
      evidence: ev,
      vocabularyCoverage: complete ? termCoverage(decide, (k) => this.df.has(k), decideIdf) : termCoverage(ev, (k) => this.df.has(k), idf),
      pairVocabularyCoverage: pairCoverage(
        decide,
        (p) => this.pairDf.has(p),
        decidePairIdf,
        (k) => this.df.has(k),
        decideIdf,
      ),
      supportedSyllables: complete
        ? supportedSyllables(this.stats, analysis.content, syllableAlternatives, (w) => syllableWeight.get(w) ?? 1, decideIdf, askers)
        : supportedSyllables(this.stats, analysis.content, rankSyllableAlternatives, (w) => syllableWeight.get(w) ?? 1, idf, askers),
      hits: hits.slice(0, limit),
    };
  }
}
