/**
 * The per-chunk text work of an index build, in one place: the BM25 field
 * terms ({@link lexicalFieldCounts}), the six re-ranking key sets
 * ({@link chunkFeatureKeys}) and, for the local hashing embedder, the
 * vector. A large build runs it in worker threads (`analysis-pool.ts`); the
 * results are exactly what the in-thread build computes.
 *
 * A batch's strings are sent once: each analyzer keeps a local dictionary
 * and a batch carries only the strings new to it, plus typed arrays of local
 * ids that the receiving side maps to its own ids ({@link BatchDecoder}).
 */
import type { Glossary } from '../text/glossary.js';
import type { Chunk } from './chunk.js';
import { chunkFeatureKeys, FEATURE_LISTS } from './chunk-features.js';
import { HashEmbedder } from './embedder.js';
import { chunkHeading, clampTf, type DocTerms, lexicalFieldCounts } from './lexical-index.js';

/**
 * Text that is embedded for a chunk: document title, heading trail, passage.
 * (The title helps dense retrieval match a question to its document.)
 */
export function embeddingText(c: Chunk): string {
  return `${c.docTitle}\n${chunkHeading(c)}\n${c.text}`;
}

/** What an analyzer needs: the index glossary and, to embed, the hashing embedder's settings. */
export interface AnalysisSpec {
  glossary?: Glossary;
  /** Settings of the {@link HashEmbedder} whose vectors are computed here (none: vectors come from elsewhere). */
  hash?: { dim: number; glossary?: Glossary };
  /** Strings kept in an analyzer's dictionary before it is emptied (default {@link DICTIONARY_LIMIT}; tests use a small one). */
  dictionaryLimit?: number;
  /** Test hook: a worker thread exits after analysing this many batches (as one that ran out of memory would). */
  exitAfterBatches?: number;
}

/** One batch of work: chunks, each with its document's aliases and whether to embed it. */
export interface AnalysisInput {
  chunks: Chunk[];
  aliases: string[];
  /** 1 where the chunk's vector is wanted (not cached). */
  embed: Uint8Array;
}

const F = 4;
const L = FEATURE_LISTS.length;

/** The result of one batch, in typed arrays of local ids (see {@link BatchDecoder}). */
export interface AnalyzedBatch {
  /** The analyzer's dictionary was emptied before this batch (its ids start again at 0). */
  reset: boolean;
  /** Strings the analyzer's dictionary gained with this batch, in id order. */
  newStrings: string[];
  lexTerms: Uint32Array;
  lexFields: Uint8Array;
  lexTfs: Uint8Array;
  /** End offset of each chunk's postings in the lex arrays. */
  lexEnd: Uint32Array;
  /** Unique-term length of each chunk × field. */
  lexLengths: Uint16Array;
  /** Distinct key ids of each chunk × list, first-seen order. */
  featKeys: Uint32Array;
  featEnd: Uint32Array;
  /** Rows of the chunks with `embed` set, in order (dim each); empty without `hash`. */
  vectors: Float32Array;
  dim: number;
}

/**
 * A worker's dictionary is emptied once it holds this many strings, so its
 * memory stays bounded however large the corpus (common strings are then
 * sent again, once).
 */
export const DICTIONARY_LIMIT = 100_000;

/** Analyses batches; keeps its dictionary (and memo) from batch to batch, up to {@link DICTIONARY_LIMIT} strings. */
export class ChunkAnalyzer {
  private readonly dict = new Map<string, number>();
  private readonly memo = new Map<string, string[]>();
  private readonly embedder: HashEmbedder | null;

  constructor(private readonly spec: AnalysisSpec) {
    this.embedder = spec.hash ? new HashEmbedder(spec.hash.dim, spec.hash.glossary) : null;
  }

  analyze(input: AnalysisInput): AnalyzedBatch {
    const reset = this.dict.size >= (this.spec.dictionaryLimit ?? DICTIONARY_LIMIT);
    if (reset) this.dict.clear();
    const newStrings: string[] = [];
    const idOf = (s: string): number => {
      let id = this.dict.get(s);
      if (id === undefined) {
        id = this.dict.size;
        this.dict.set(s, id);
        newStrings.push(s);
      }
      return id;
    };
    const n = input.chunks.length;
    const lexTerms: number[] = [];
    const lexFields: number[] = [];
    const lexTfs: number[] = [];
    const lexEnd = new Uint32Array(n);
    const lexLengths = new Uint16Array(n * F);
    const featKeys: number[] = [];
    const featEnd = new Uint32Array(n * L);
    const dim = this.embedder?.dim ?? 0;
    let wanted = 0;
    if (this.embedder) for (const e of input.embed) wanted += e;
    const vectors = new Float32Array(wanted * dim);
    let row = 0;
    input.chunks.forEach((c, i) => {
      lexicalFieldCounts(c, this.spec.glossary).forEach((m, f) => {
        lexLengths[i * F + f] = Math.min(65535, m.size);
        for (const [t, tf] of m) {
          lexTerms.push(idOf(t));
          lexFields.push(f);
          lexTfs.push(clampTf(tf));
        }
      });
      lexEnd[i] = lexTerms.length;
      chunkFeatureKeys(c, input.aliases[i] ?? '', this.spec.glossary, this.memo).forEach((keySet, l) => {
        for (const k of new Set(keySet)) featKeys.push(idOf(k));
        featEnd[i * L + l] = featKeys.length;
      });
      if (this.embedder && input.embed[i]) vectors.set(this.embedder.embedOne(embeddingText(c)), dim * row++);
    });
    return {
      reset,
      newStrings,
      lexTerms: Uint32Array.from(lexTerms),
      lexFields: Uint8Array.from(lexFields),
      lexTfs: Uint8Array.from(lexTfs),
      lexEnd,
      lexLengths,
      featKeys: Uint32Array.from(featKeys),
      featEnd,
      vectors,
      dim,
    };
  }
}

/** The buffers of a batch, for a zero-copy `postMessage`. */
export function transferList(b: AnalyzedBatch): ArrayBuffer[] {
  return [b.lexTerms, b.lexFields, b.lexTfs, b.lexEnd, b.lexLengths, b.featKeys, b.featEnd, b.vectors].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Maps one analyzer's local ids to a lexical builder's term ids and a
 * feature builder's key ids. Batches must be decoded in the order the
 * analyzer produced them ({@link learn} each as it arrives).
 */
export class BatchDecoder {
  private gen = new Generation();
  /** The dictionary generation each learnt batch is decoded with (a batch may be decoded after later ones are learnt). */
  private readonly genOf = new WeakMap<AnalyzedBatch, Generation>();

  /** Record a batch's new strings (call in arrival order). */
  learn(b: AnalyzedBatch): void {
    if (b.reset) this.gen = new Generation();
    this.gen.learn(b.newStrings);
    this.genOf.set(b, this.gen);
  }

  private generation(b: AnalyzedBatch): Generation {
    return this.genOf.get(b) ?? this.gen;
  }

  /** The BM25 postings of chunk `i` of the batch, in `intern`'s ids. */
  docTerms(b: AnalyzedBatch, i: number, intern: (t: string) => number): DocTerms {
    const start = i === 0 ? 0 : (b.lexEnd[i - 1] as number);
    const end = b.lexEnd[i] as number;
    const terms = new Uint32Array(end - start);
    const { lex, strings } = this.generation(b);
    for (let p = start; p < end; p++) terms[p - start] = globalId(lex, strings, b.lexTerms[p] as number, intern);
    return { terms, fields: b.lexFields.slice(start, end), tfs: b.lexTfs.slice(start, end), lengths: b.lexLengths.slice(i * F, i * F + F) };
  }

  /** The six feature lists of chunk `i` of the batch (distinct ids, unsorted), in `intern`'s ids. */
  featureIds(b: AnalyzedBatch, i: number, intern: (k: string) => number): Uint32Array[] {
    const out: Uint32Array[] = [];
    const { feat, strings } = this.generation(b);
    for (let l = 0; l < L; l++) {
      const at = i * L + l;
      const start = at === 0 ? 0 : (b.featEnd[at - 1] as number);
      const end = b.featEnd[at] as number;
      const ids = new Uint32Array(end - start);
      for (let p = start; p < end; p++) ids[p - start] = globalId(feat, strings, b.featKeys[p] as number, intern);
      out.push(ids);
    }
    return out;
  }
}

/** One dictionary generation of an analyzer, on the decoding side: its strings and their ids in the builders. */
class Generation {
  readonly strings: string[] = [];
  lex = new Int32Array(1024).fill(-1);
  feat = new Int32Array(1024).fill(-1);

  learn(newStrings: readonly string[]): void {
    for (const s of newStrings) this.strings.push(s);
    if (this.strings.length > this.lex.length) {
      const grow = (a: Int32Array) => {
        const next = new Int32Array(Math.max(this.strings.length, a.length * 2)).fill(-1);
        next.set(a);
        return next;
      };
      this.lex = grow(this.lex);
      this.feat = grow(this.feat);
    }
  }
}

/** The builder's id of a generation's local string id, interned on first use and remembered in `ids` (-1: not yet). */
function globalId(ids: Int32Array, strings: readonly string[], local: number, intern: (s: string) => number): number {
  let g = ids[local] as number;
  if (g < 0) {
    g = intern(strings[local] as string);
    ids[local] = g;
  }
  return g;
}
