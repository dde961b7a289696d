/**
 * BM25 keyword search over our own Vietnamese tokens. Each chunk is indexed
 * in four fields: heading trail and text, each folded and accented. A query
 * typed with accents searches all four; one without accents only the folded
 * fields.
 *
 * The index is a compressed-sparse-row inverted index in typed arrays (one
 * posting list per term and field, document slots in order), scored like
 * MiniSearch's BM25+ (k = 1.2, b = 0.7, d = 0.5, field length = unique terms,
 * final score × the number of query terms matched), which it replaces: a
 * question costs only the postings of its own terms, and a change of one
 * file re-tokenises only that file's chunks ({@link LexicalIndex.update}).
 * Long posting lists keep their per-posting scores after first use
 * ({@link PostingScores}). Saved as one binary file plus a JSON list of ids
 * and terms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { Glossary } from '../text/glossary.js';
import { hasDiacritics } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { Arena } from './arena.js';
import type { Chunk } from './chunk.js';
import { keyDictionary } from './key-dictionary.js';
import { PostingScores } from './posting-scores.js';
import { SpillWriter } from './spill-file.js';
import { writeParts } from './stream-write.js';

/** Fields: 0 titleF, 1 textF, 2 titleA, 3 textA. */
const F = 4;
const FIELD_BOOST = [1.6, 1, 1.6, 1];
const FOLDED_FIELDS = [0, 1];
const ALL_FIELDS = [0, 1, 2, 3];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FORMAT = 'cchc-bm25-v1';
const MAX_TF = 255;

/** How {@link LexicalIndex.search} scores: every posting, or with the MaxScore bound (both give the same ranking). */
export type LexicalScoring = 'exhaustive' | 'pruned';

export interface ScoredId {
  id: string;
  score: number;
}

/**
 * Text indexed as the heading side of a chunk: document id and heading trail.
 * (Not the document title: a plan's title names every indicator.)
 */
export function chunkHeading(c: Chunk): string {
  return [c.docId, ...c.trail].join(' \n ');
}

/** One document's postings: parallel typed arrays of term id, field and term frequency (compact while a build holds every document). */
export interface DocTerms {
  terms: Uint32Array;
  fields: Uint8Array;
  tfs: Uint8Array;
  /** Unique-term length of each of the four fields. */
  lengths: Uint16Array;
}

/**
 * Term counts of a chunk's four indexed fields, in indexing order (heading
 * folded, text folded, heading accented, text accented). What a build
 * tokenises; the worker threads of a large build compute the same.
 */
export function lexicalFieldCounts(c: Chunk, glossary?: Glossary): Map<string, number>[] {
  const head = tokenize(chunkHeading(c), glossary);
  const body = tokenize(c.text, glossary);
  return [head.folded, body.folded, head.accented, body.accented].map(countTerms);
}

/** Term frequencies are stored in one byte. */
export const clampTf = (tf: number): number => Math.min(MAX_TF, tf);

/** A chunk's postings tokenised in this thread, into the arrays `alloc` gives for `n` postings. */
function docTermsOf(c: Chunk, glossary: Glossary | undefined, intern: (term: string) => number, alloc: (n: number) => DocTerms): DocTerms {
  const counts = lexicalFieldCounts(c, glossary);
  let n = 0;
  for (const m of counts) n += m.size;
  const doc = alloc(n);
  let i = 0;
  counts.forEach((m, f) => {
    doc.lengths[f] = Math.min(65535, m.size);
    for (const [t, tf] of m) {
      doc.terms[i] = intern(t);
      doc.fields[i] = f;
      doc.tfs[i] = clampTf(tf);
      i++;
    }
  });
  return doc;
}

/**
 * Collects the documents of a new index (a build, or an update of a
 * previous one): {@link add} tokenises a chunk in this thread,
 * {@link addTerms} takes a document tokenised elsewhere (term ids from
 * {@link intern}); {@link finish} lays out the postings.
 */
export interface LexicalBuilder {
  /** Term id of `term` in the new index (assigned on first use). */
  intern(term: string): number;
  add(c: Chunk): void;
  addTerms(id: string, doc: DocTerms): void;
  finish(): LexicalIndex;
}

interface Arrays {
  /** Offsets into docs/tfs, per term × field (length T·F + 1). */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint8Array;
  /** Unique-term length per document × field. */
  fieldLen: Uint16Array;
}

/** One query term: its posting lists (term × field), their weights, its largest possible contribution, its postings. */
interface QueryTerm {
  lists: number[];
  weights: number[];
  bound: number;
  postings: number;
}

/** Documents first seen whose scores bound the k-th score before the cut. */
const BOUND_POOL = 2048;

/**
 * The `k`-th smallest of `xs[0..n)` (0-based), reordering them (Hoare's
 * selection, expected linear time).
 */
function quickselect(xs: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((xs[i] as number) < pivot) i++;
      while ((xs[j] as number) > pivot) j--;
      if (i <= j) {
        const t = xs[i] as number;
        xs[i] = xs[j] as number;
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return xs[k] as number;
}

function countTerms(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) if (t) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export class LexicalIndex {
  private readonly termId: Map<string, number>;
  private readonly avgLen: Float64Array;
  /** BM25 length normalisation per document × field: k·(1 − b + b·len/avgLen). */
  private readonly lenNorm: Float64Array;
  private readonly acc: Float64Array;
  /** In-place scoring's per-document state: (last query term + 1) << 16 | terms matched (one array instead of two). */
  private readonly state: Int32Array;
  private readonly matched: Uint16Array;
  private readonly last: Int32Array;
  /** Largest term score per posting list, filled on first use (-1: not yet). */
  private readonly maxImpact: Float32Array;
  /** Candidates of the current search carry the current mark (no clearing between searches). */
  private readonly candMark: Int32Array;
  private mark = 0;
  /** Scratch space for {@link kthScore}. */
  private scratch = new Float64Array(0);
  /** Term scores of the long posting lists, kept after first use. */
  private scores = new PostingScores();
  /** Term scores of a list that is not kept, for {@link computedScoresOf}. */
  private listScratch = new Float64Array(0);

  private constructor(
    private readonly ids: string[],
    private readonly terms: string[],
    private readonly a: Arrays,
    private readonly glossary?: Glossary,
    termId?: Map<string, number>,
  ) {
    this.termId = termId ?? new Map(terms.map((t, i) => [t, i]));
    const n = ids.length;
    this.avgLen = new Float64Array(F);
    for (let d = 0; d < n; d++) for (let f = 0; f < F; f++) (this.avgLen[f] as number) += a.fieldLen[d * F + f] as number;
    for (let f = 0; f < F; f++) this.avgLen[f] = n > 0 ? (this.avgLen[f] as number) / n : 0;
    this.lenNorm = new Float64Array(n * F);
    for (let d = 0; d < n; d++) {
      for (let f = 0; f < F; f++) this.lenNorm[d * F + f] = BM25.k * (1 - BM25.b + (BM25.b * (a.fieldLen[d * F + f] as number)) / (this.avgLen[f] as number));
    }
    this.acc = new Float64Array(n);
    this.state = new Int32Array(n);
    this.matched = new Uint16Array(n);
    this.last = new Int32Array(n).fill(-1);
    this.maxImpact = new Float32Array(a.offsets.length - 1).fill(-1);
    this.candMark = new Int32Array(n);
  }

  private nextMark(): number {
    if (this.mark >= 0x7fffffff) {
      this.candMark.fill(0);
      this.mark = 0;
    }
    return ++this.mark;
  }

  /** Number of indexed chunks. */
  get size(): number {
    return this.ids.length;
  }

  /** Build from chunks. */
  static build(chunks: readonly Chunk[], glossary?: Glossary): LexicalIndex {
    const b = LexicalIndex.builder(null, new Set(), glossary);
    for (const c of chunks) b.add(c);
    return b.finish();
  }

  /**
   * A new index without the chunks in `removed` and with `added` (chunks
   * whose id is re-added replace their old version). Only `added` is
   * tokenised; the other postings are copied.
   */
  update(removed: ReadonlySet<string>, added: readonly Chunk[]): LexicalIndex {
    const drop = new Set(removed);
    for (const c of added) drop.add(c.id);
    const b = LexicalIndex.builder(this, drop, this.glossary);
    for (const c of added) b.add(c);
    return b.finish();
  }

  /**
   * A builder of a new index: `prev`'s documents except those in `drop`
   * (their postings copied), then the documents added to the builder.
   * (Callers that re-add an id put it in `drop`.) With `consume`, `prev`
   * gives up its dictionary to the new index and is not used again. With
   * `chunkOf` (the previous chunks by id), the update is done in place
   * ({@link mergeInPlace}).
   */
  static builder(
    prev: LexicalIndex | null,
    drop: ReadonlySet<string>,
    glossary?: Glossary,
    opts: { consume?: boolean; chunkOf?: (id: string) => Chunk | undefined; spill?: string } = {},
  ): LexicalBuilder {
    if (!prev && opts.spill) return LexicalIndex.spillingBuilder(opts.spill, glossary);
    // A consumed `prev` (loaded only to be updated) lends its dictionary instead of a copy; it must not be searched afterwards.
    const { keys: terms, ids: termId, intern } = keyDictionary(prev ? { keys: prev.terms, ids: prev.termId } : undefined, { share: opts.consume === true });
    const newDocs: DocTerms[] = [];
    const newIds: string[] = [];
    // Every document's postings in a few large blocks (not four buffers per document).
    const arenas = { u32: new Arena((n) => new Uint32Array(n)), u8: new Arena((n) => new Uint8Array(n)), u16: new Arena((n) => new Uint16Array(n)) };
    return {
      intern,
      add(c) {
        newIds.push(c.id);
        newDocs.push(
          docTermsOf(c, glossary, intern, (n) => ({
            terms: arenas.u32.alloc(n),
            fields: arenas.u8.alloc(n),
            tfs: arenas.u8.alloc(n),
            lengths: arenas.u16.alloc(F),
          })),
        );
      },
      addTerms(id, doc) {
        newIds.push(id);
        newDocs.push({
          terms: arenas.u32.copy(doc.terms),
          fields: arenas.u8.copy(doc.fields),
          tfs: arenas.u8.copy(doc.tfs),
          lengths: arenas.u16.copy(doc.lengths),
        });
      },
      finish: () =>
        (prev && opts.chunkOf ? LexicalIndex.mergeInPlace(prev, drop, newIds, newDocs, terms, termId, opts.chunkOf, glossary) : null) ??
        LexicalIndex.merge(prev, drop, newIds, newDocs, terms, termId, glossary),
    };
  }

  /**
   * A full build's builder that writes each document's postings to files
   * under the prefix `spill` as it comes (term ids to one file, fields and
   * frequencies to another) and counts the postings of every list; `finish`
   * reads them back once, in document order, straight into the final
   * arrays. The same index as {@link builder} without `prev`, without
   * holding every document's postings in memory until the end.
   */
  private static spillingBuilder(spill: string, glossary?: Glossary): LexicalBuilder {
    const { keys: terms, ids: termId, intern } = keyDictionary();
    const ids: string[] = [];
    const sizes: number[] = [];
    let fieldLen = new Uint16Array(1024 * F);
    let counts = new Uint32Array(1024 * F);
    const termFile = new SpillWriter(`${spill}.terms`);
    const restFile = new SpillWriter(`${spill}.rest`);
    const addTerms = (id: string, doc: DocTerms) => {
      const d = ids.length;
      if ((d + 1) * F > fieldLen.length) {
        const grown = new Uint16Array(fieldLen.length * 2);
        grown.set(fieldLen);
        fieldLen = grown;
      }
      fieldLen.set(doc.lengths, d * F);
      for (let i = 0; i < doc.terms.length; i++) {
        const list = (doc.terms[i] as number) * F + (doc.fields[i] as number);
        if (list >= counts.length) {
          const grown = new Uint32Array(Math.max(counts.length * 2, list + F));
          grown.set(counts);
          counts = grown;
        }
        (counts[list] as number)++;
      }
      termFile.append(doc.terms);
      restFile.append(doc.fields);
      restFile.append(doc.tfs);
      sizes.push(doc.terms.length);
      ids.push(id);
    };
    return {
      intern,
      add(c) {
        addTerms(
          c.id,
          docTermsOf(c, glossary, intern, (n) => ({
            terms: new Uint32Array(n),
            fields: new Uint8Array(n),
            tfs: new Uint8Array(n),
            lengths: new Uint16Array(F),
          })),
        );
      },
      addTerms,
      finish() {
        const lists = terms.length * F;
        const offsets = new Uint32Array(lists + 1);
        for (let i = 0; i < lists; i++) offsets[i + 1] = (offsets[i] as number) + (i < counts.length ? (counts[i] as number) : 0);
        const total = offsets[lists] as number;
        const docs = new Uint32Array(total);
        const tfs = new Uint8Array(total);
        const cursor = offsets.slice(0, lists);
        const termsIn = termFile.finish();
        const restIn = restFile.finish();
        try {
          for (let d = 0; d < ids.length; d++) {
            const n = sizes[d] as number;
            const t = termsIn.u32(n);
            const rest = restIn.bytes(2 * n);
            for (let i = 0; i < n; i++) {
              const list = (t[i] as number) * F + (rest[i] as number);
              const w = cursor[list] as number;
              docs[w] = d;
              tfs[w] = rest[n + i] as number;
              cursor[list] = w + 1;
            }
          }
        } finally {
          termsIn.close();
          restIn.close();
        }
        return new LexicalIndex(ids, terms, { offsets, docs, tfs, fieldLen: fieldLen.slice(0, ids.length * F) }, glossary, termId);
      },
    };
  }

  /**
   * An update that keeps the slots of unchanged documents: new documents
   * take the freed slots (or are appended), and when fewer come than went,
   * the last documents move down into the remaining holes. Only the posting
   * lists of the terms of dropped, moved and new documents (found by
   * tokenising them again) are rewritten; all others are copied as blocks.
   * The rankings equal a full build's except for the order of exact ties.
   * @returns null when the postings found do not add up (then the caller merges fully)
   */
  private static mergeInPlace(
    prev: LexicalIndex,
    drop: ReadonlySet<string>,
    addedIds: readonly string[],
    newDocs: DocTerms[],
    terms: string[],
    termId: Map<string, number>,
    chunkOf: (id: string) => Chunk | undefined,
    glossary?: Glossary,
  ): LexicalIndex | null {
    const pa = prev.a;
    const oldN = prev.ids.length;
    const freed: number[] = [];
    for (let d = 0; d < oldN; d++) if (drop.has(prev.ids[d] as string)) freed.push(d);
    const A = newDocs.length;
    const N = oldN - freed.length + A;
    const holes = freed.filter((d) => d < N);
    const newSlot = Array.from({ length: A }, (_, j) => (j < holes.length ? (holes[j] as number) : oldN + j - holes.length));
    const left = holes.slice(A);
    const dead = new Uint8Array(oldN);
    for (const d of freed) dead[d] = 1;
    const moveTo = new Int32Array(oldN).fill(-1);
    const movers: number[] = [];
    for (let d = N; d < oldN && movers.length < left.length; d++) if (!dead[d]) movers.push(d);
    if (movers.length !== left.length) return null;
    movers.forEach((d, k) => {
      moveTo[d] = left[k] as number;
    });
    // The lists to rewrite: terms of the dropped, moved and new documents.
    const T = terms.length;
    const oldTF = (pa.offsets.length - 1) / F;
    const touched = new Uint8Array(T * F);
    /** Postings of dropped documents per list (one per document that has the term in that field). */
    const deadIn = new Uint32Array(T * F);
    let expectDropped = 0;
    let expectMoved = 0;
    for (const d of [...freed, ...movers]) {
      const c = chunkOf(prev.ids[d] as string);
      if (!c) return null;
      for (let f = 0; f < F; f++) dead[d] ? (expectDropped += pa.fieldLen[d * F + f] as number) : (expectMoved += pa.fieldLen[d * F + f] as number);
      const fieldCounts = lexicalFieldCounts(c, glossary);
      for (let f = 0; f < F; f++) {
        for (const t of (fieldCounts[f] as Map<string, number>).keys()) {
          const id = termId.get(t);
          if (id === undefined || id >= oldTF) return null;
          touched[id * F + f] = 1;
          if (dead[d]) (deadIn[id * F + f] as number)++;
        }
      }
    }
    for (const nd of newDocs) for (let i = 0; i < nd.terms.length; i++) touched[(nd.terms[i] as number) * F + (nd.fields[i] as number)] = 1;
    const counts = new Uint32Array(T * F);
    for (let tf = 0; tf < oldTF * F; tf++) {
      const s = pa.offsets[tf] as number;
      const e = pa.offsets[tf + 1] as number;
      // (Checked while copying: the dropped postings found must be exactly these.)
      counts[tf] = e - s - (deadIn[tf] as number);
    }
    const { offsets, docs, tfs, cursor } = postingLayout(counts, newDocs, T * F, F);
    let dropped = 0;
    let moved = 0;
    for (let tf = 0; tf < oldTF * F; tf++) {
      const s = pa.offsets[tf] as number;
      const e = pa.offsets[tf + 1] as number;
      let w = cursor[tf] as number;
      if (!touched[tf]) {
        docs.set(pa.docs.subarray(s, e), w);
        tfs.set(pa.tfs.subarray(s, e), w);
        w += e - s;
      } else {
        let droppedHere = 0;
        for (let p = s; p < e; p++) {
          const d = pa.docs[p] as number;
          if (dead[d]) {
            droppedHere++;
            continue;
          }
          const m = moveTo[d] as number;
          if (m >= 0) moved++;
          docs[w] = m >= 0 ? m : d;
          tfs[w] = pa.tfs[p] as number;
          w++;
        }
        if (droppedHere !== deadIn[tf]) return null;
        dropped += droppedHere;
      }
      cursor[tf] = w;
    }
    if (dropped !== expectDropped || moved !== expectMoved) return null;
    appendPostings(newDocs, (j) => newSlot[j] as number, { docs, tfs, cursor }, F);
    const ids = new Array<string>(N);
    const fieldLen = new Uint16Array(N * F);
    fieldLen.set(pa.fieldLen.subarray(0, Math.min(oldN, N) * F));
    for (let d = 0; d < Math.min(oldN, N); d++) if (!dead[d]) ids[d] = prev.ids[d] as string;
    for (const d of movers) {
      const to = moveTo[d] as number;
      ids[to] = prev.ids[d] as string;
      fieldLen.set(pa.fieldLen.subarray(d * F, d * F + F), to * F);
    }
    newDocs.forEach((nd, j) => {
      ids[newSlot[j] as number] = addedIds[j] as string;
      fieldLen.set(nd.lengths, (newSlot[j] as number) * F);
    });
    for (let d = 0; d < N; d++) if (ids[d] === undefined) return null;
    return new LexicalIndex(ids, terms, { offsets, docs, tfs, fieldLen }, glossary, termId);
  }

  private static merge(
    prev: LexicalIndex | null,
    drop: ReadonlySet<string>,
    addedIds: readonly string[],
    newDocs: DocTerms[],
    terms: string[],
    termId: Map<string, number>,
    glossary?: Glossary,
  ): LexicalIndex {
    // Old slots kept, renumbered in order; new documents after them.
    const oldN = prev?.ids.length ?? 0;
    const remap = new Int32Array(oldN).fill(-1);
    const ids: string[] = [];
    for (let d = 0; d < oldN; d++) {
      const id = prev?.ids[d] as string;
      if (drop.has(id)) continue;
      remap[d] = ids.length;
      ids.push(id);
    }
    const firstNew = ids.length;
    for (const id of addedIds) ids.push(id);
    const T = terms.length;
    const counts = new Uint32Array(T * F + 1);
    const pa = prev?.a;
    if (pa) {
      const oldTF = (pa.offsets.length - 1) / F;
      for (let tf = 0; tf < oldTF * F; tf++) {
        for (let p = pa.offsets[tf] as number; p < (pa.offsets[tf + 1] as number); p++)
          if ((remap[pa.docs[p] as number] as number) >= 0) (counts[tf] as number)++;
      }
    }
    const { offsets, docs, tfs, cursor } = postingLayout(counts, newDocs, T * F, F);
    if (pa) {
      const oldTF = (pa.offsets.length - 1) / F;
      for (let tf = 0; tf < oldTF * F; tf++) {
        let w = cursor[tf] as number;
        for (let p = pa.offsets[tf] as number; p < (pa.offsets[tf + 1] as number); p++) {
          const nd = remap[pa.docs[p] as number] as number;
          if (nd < 0) continue;
          docs[w] = nd;
          tfs[w] = pa.tfs[p] as number;
          w++;
        }
        cursor[tf] = w;
      }
    }
    const fieldLen = new Uint16Array(ids.length * F);
    for (let d = 0; d < oldN; d++) {
      const nd = remap[d] as number;
      if (nd >= 0 && pa) for (let f = 0; f < F; f++) fieldLen[nd * F + f] = pa.fieldLen[d * F + f] as number;
    }
    newDocs.forEach((nd, j) => {
      fieldLen.set(nd.lengths, (firstNew + j) * F);
    });
    // Released as they are laid out: a build does not hold every document's postings twice.
    appendPostings(newDocs, (j) => firstNew + j, { docs, tfs, cursor }, F, true);
    return new LexicalIndex(ids, terms, { offsets, docs, tfs, fieldLen }, glossary, termId);
  }

  /** Write `lexical.json` (ids, terms) and `lexical.bin` (postings) into `dir`. */
  save(dir: string): void {
    const { offsets, docs, tfs, fieldLen } = this.a;
    writeFileSync(join(dir, 'lexical.json'), JSON.stringify({ format: FORMAT, ids: this.ids, terms: this.terms, postings: docs.length }));
    writeParts(join(dir, 'lexical.bin'), [offsets, docs, fieldLen, tfs]);
  }

  /** Load what {@link save} wrote. */
  static load(dir: string, glossary?: Glossary): LexicalIndex {
    const meta = JSON.parse(readFileSync(join(dir, 'lexical.json'), 'utf8')) as { format: string; ids: string[]; terms: string[]; postings: number };
    if (meta.format !== FORMAT) throw new AppError('INDEX_CORRUPT', `Định dạng chỉ mục từ khóa không đúng: ${meta.format}`);
    const raw = readFileSync(join(dir, 'lexical.bin'));
    const buf = raw.byteOffset % 4 === 0 ? raw : Buffer.from(raw);
    const T = meta.terms.length;
    const N = meta.ids.length;
    const P = meta.postings;
    let at = buf.byteOffset;
    const take = <A>(make: (b: ArrayBufferLike, o: number, n: number) => A, n: number, bytes: number): A => {
      const v = make(buf.buffer, at, n);
      at += n * bytes;
      return v;
    };
    const offsets = take((b, o, n) => new Uint32Array(b, o, n), T * F + 1, 4);
    const docs = take((b, o, n) => new Uint32Array(b, o, n), P, 4);
    const fieldLen = take((b, o, n) => new Uint16Array(b, o, n), N * F, 2);
    const tfs = take((b, o, n) => new Uint8Array(b, o, n), P, 1);
    if (at - buf.byteOffset !== buf.byteLength) throw new AppError('INDEX_CORRUPT', 'Tệp chỉ mục từ khóa không khớp kích thước');
    return new LexicalIndex(meta.ids, meta.terms, { offsets, docs, tfs, fieldLen }, glossary);
  }

  /** Keep the term scores of long posting lists in `scores` from now on (for instance other limits; the bench's A/B). */
  useScores(scores: PostingScores): void {
    this.scores = scores;
  }

  /** Term scores kept for long posting lists (all lists). */
  get keptScores(): number {
    return this.scores.size;
  }

  /** The kept score codes of `list` (computed now if long enough and within the budget), or null; the scores are `this.scores.values`. */
  private keptScoresOf(list: number): Uint16Array | null {
    const start = this.a.offsets[list] as number;
    return this.scores.of(list, (this.a.offsets[list + 1] as number) - start, (out, code) => {
      const { docs, tfs, fieldLen } = this.a;
      const f = list % F;
      for (let i = 0; i < out.length; i++) {
        const tf = tfs[start + i] as number;
        const slot = (docs[start + i] as number) * F + f;
        // The length norm is a function of the field and its length: the key names the score.
        out[i] = code((f * 256 + tf) * 65536 + (fieldLen[slot] as number), () => this.termScore(tf, slot));
      }
    });
  }

  /** BM25+ score of one posting (before the term's weight): term frequency `tf` in the document × field `slot`. */
  private termScore(tf: number, slot: number): number {
    return BM25.d + (tf * (BM25.k + 1)) / (tf + (this.lenNorm[slot] as number));
  }

  /**
   * Largest BM25+ term score of one posting list (before the term's weight),
   * computed on first use and kept: a bound on what the term can add to any
   * document in that field.
   */
  private impactOf(list: number): number {
    let m = this.maxImpact[list] as number;
    if (m >= 0) return m;
    const { offsets, docs, tfs } = this.a;
    const f = list % F;
    m = 0;
    for (let p = offsets[list] as number; p < (offsets[list + 1] as number); p++) {
      const s = this.termScore(tfs[p] as number, (docs[p] as number) * F + f);
      if (s > m) m = s;
    }
    // Float32 storage: round up so the bound stays a bound.
    this.maxImpact[list] = m * (1 + 1e-6);
    return this.maxImpact[list] as number;
  }

  /** The query's terms with their posting lists (term × field) and weights. */
  private queryTerms(query: string, extra: ReadonlyArray<{ text: string; weight: number }>): QueryTerm[] {
    const q = tokenize(query, this.glossary);
    const accented = hasDiacritics(query);
    const boost = new Map<string, number>();
    for (const t of accented ? [...q.folded, ...q.accented] : q.folded) boost.set(t, 1);
    for (const e of extra) {
      const x = tokenize(e.text, this.glossary);
      for (const t of accented ? [...x.folded, ...x.accented] : x.folded) boost.set(t, Math.max(boost.get(t) ?? 0, e.weight));
    }
    const fields = accented ? ALL_FIELDS : FOLDED_FIELDS;
    const n = this.ids.length;
    const { offsets } = this.a;
    const out: QueryTerm[] = [];
    for (const [term, termBoost] of boost) {
      const tid = this.termId.get(term);
      if (tid === undefined) continue;
      const lists: number[] = [];
      const weights: number[] = [];
      let bound = 0;
      let postings = 0;
      for (const f of fields) {
        const list = tid * F + f;
        const df = (offsets[list + 1] as number) - (offsets[list] as number);
        if (df === 0) continue;
        const w = termBoost * (FIELD_BOOST[f] as number) * Math.log(1 + (n - df + 0.5) / (df + 0.5));
        lists.push(list);
        weights.push(w);
        bound += w * this.impactOf(list);
        postings += df;
      }
      out.push({ lists, weights, bound, postings });
    }
    return out;
  }

  /** The `k`-th largest current score (sum × terms matched) among `docs`, or -1 when fewer. */
  private kthScore(docs: readonly number[], k: number, count: number): number {
    if (count < k || k <= 0) return -1;
    const xs = this.scratch.length >= count ? this.scratch : (this.scratch = new Float64Array(count * 2));
    for (let i = 0; i < count; i++) {
      const d = docs[i] as number;
      xs[i] = (this.acc[d] as number) * (this.matched[d] as number);
    }
    return quickselect(xs, count, count - k);
  }

  /**
   * Ranked chunk ids, best first.
   *
   * Terms are scored term at a time, largest possible contribution first
   * (rare terms). Before each further term the scorer checks a MaxScore
   * bound: a document no term so far matched scores at most (sum of the
   * remaining terms' largest impacts) × (their number). Once the current
   * `limit`-th score is above that, no new document can enter the top: the
   * remaining (common) terms are scored only for the documents whose own
   * bound (score so far plus the remaining impacts, times the terms they
   * could match) still reaches that score, by binary search in the long
   * posting lists. Every document that can reach the top gets its exact
   * score, so the ranking is the exhaustive one.
   * @param extra weaker alternatives of the query's words (thesaurus,
   *   abbreviations): their tokens are searched too, boosted by their weight
   *   (always below the user's own tokens)
   * @param scoring `exhaustive` (the default) scores every posting of every
   *   term; `pruned` stops adding new documents once the bound allows (same
   *   ranking; on the 60k scale corpus it costs more CPU than it saves, see
   *   docs/performance.md)
   */
  search(query: string, limit = 20, extra: ReadonlyArray<{ text: string; weight: number }> = [], scoring: LexicalScoring = 'exhaustive'): ScoredId[] {
    const exhaustive = scoring === 'exhaustive';
    const terms = this.queryTerms(query, extra);
    // Same order either way, so both sum in the same order (identical scores, not just close).
    terms.sort((x, y) => y.bound - x.bound);
    const { acc, matched, last } = this;
    const n = this.ids.length;
    let postings = 0;
    for (const t of terms) postings += t.postings;
    // Most documents get touched: score them in place without a list of the touched ones.
    const dense = exhaustive && postings >= n;
    if (dense) {
      for (let qi = 0; qi < terms.length; qi++) {
        const t = terms[qi] as QueryTerm;
        for (let li = 0; li < t.lists.length; li++) this.scanDense(t.lists[li] as number, t.weights[li] as number, qi, li === 0);
      }
    }
    const touched: number[] = [];
    /** Documents that can still reach the top, once new ones cannot (null before). */
    let cands: number[] | null = null;
    let rest = 0;
    for (const t of terms) rest += t.bound;
    for (let qi = 0; qi < (dense ? 0 : terms.length); qi++) {
      const t = terms[qi] as QueryTerm;
      const left = terms.length - qi;
      // The k-th score among the first documents seen (those of the rarest terms) is a lower bound
      // of the k-th score among all of them, and cheap: a check before every term.
      if (!exhaustive && limit > 0 && touched.length >= limit) {
        const kth = this.kthScore(touched, limit, Math.min(touched.length, BOUND_POOL));
        if (cands || kth > rest * left) {
          const mark = this.nextMark();
          const from: number[] = cands ?? touched;
          const next: number[] = [];
          for (const d of from) {
            if (((acc[d] as number) + rest) * ((matched[d] as number) + left) < kth) continue;
            this.candMark[d] = mark;
            next.push(d);
          }
          cands = next;
        }
      }
      rest -= t.bound;
      for (let li = 0; li < t.lists.length; li++) {
        const list = t.lists[li] as number;
        const w = t.weights[li] as number;
        if (!cands) this.scanList(list, w, qi, touched);
        else if (cands.length * Math.log2(this.listLength(list) + 1) < this.listLength(list)) this.lookUp(list, w, qi, cands);
        else this.scanMarked(list, w, qi);
      }
    }
    // Top `limit` by score (ties: lower slot first), without sorting every match.
    const top: Array<{ d: number; score: number }> = [];
    const better = (x: { d: number; score: number }, y: { d: number; score: number }) => x.score > y.score || (x.score === y.score && x.d < y.d);
    const consider = (d: number, m: number) => {
      const h = { d, score: (acc[d] as number) * m };
      if (limit <= 0 || (top.length >= limit && !better(h, top[top.length - 1] as { d: number; score: number }))) return;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (better(top[mid] as { d: number; score: number }, h)) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, h);
      if (top.length > limit) top.pop();
    };
    if (dense) {
      const { state } = this;
      for (let d = 0; d < n; d++) if ((state[d] as number) !== 0) consider(d, (state[d] as number) & 0xffff);
      acc.fill(0);
      state.fill(0);
    } else {
      for (const d of cands ?? touched) consider(d, matched[d] as number);
      for (const d of touched) {
        acc[d] = 0;
        matched[d] = 0;
        last[d] = -1;
      }
    }
    return top.map((h) => ({ id: this.ids[h.d] as string, score: h.score }));
  }

  private listLength(list: number): number {
    return (this.a.offsets[list + 1] as number) - (this.a.offsets[list] as number);
  }

  /**
   * Score every posting of `list` (query term `qi`, weight `w`) without
   * recording the documents touched; matches are counted in {@link state}.
   * On the first list of a term no document has met the term yet, so it
   * counts the match unchecked. Kept scores are read through their codes.
   */
  private scanDense(list: number, w: number, qi: number, firstOfTerm: boolean): void {
    const { offsets, docs } = this.a;
    const { acc, state } = this;
    const start = offsets[list] as number;
    const end = offsets[list + 1] as number;
    const tag = (qi + 1) << 16;
    const kept = this.keptScoresOf(list);
    const values = kept ? this.scores.values : this.computedScoresOf(list);
    if (kept) {
      if (firstOfTerm) {
        for (let p = start; p < end; p++) {
          const d = docs[p] as number;
          state[d] = tag | (((state[d] as number) & 0xffff) + 1);
          (acc[d] as number) += w * (values[kept[p - start] as number] as number);
        }
        return;
      }
      for (let p = start; p < end; p++) {
        const d = docs[p] as number;
        const s = state[d] as number;
        if ((s & ~0xffff) !== tag) state[d] = tag | ((s & 0xffff) + 1);
        (acc[d] as number) += w * (values[kept[p - start] as number] as number);
      }
      return;
    }
    if (firstOfTerm) {
      for (let p = start; p < end; p++) {
        const d = docs[p] as number;
        state[d] = tag | (((state[d] as number) & 0xffff) + 1);
        (acc[d] as number) += w * (values[p - start] as number);
      }
      return;
    }
    for (let p = start; p < end; p++) {
      const d = docs[p] as number;
      const s = state[d] as number;
      if ((s & ~0xffff) !== tag) state[d] = tag | ((s & 0xffff) + 1);
      (acc[d] as number) += w * (values[p - start] as number);
    }
  }

  /** The term scores of a list that is not kept, computed now in posting order into a scratch array. */
  private computedScoresOf(list: number): Float64Array {
    const { offsets, docs, tfs } = this.a;
    const start = offsets[list] as number;
    const length = (offsets[list + 1] as number) - start;
    if (this.listScratch.length < length) this.listScratch = new Float64Array(Math.max(length, 2 * this.listScratch.length));
    const out = this.listScratch;
    const f = list % F;
    for (let i = 0; i < length; i++) out[i] = this.termScore(tfs[start + i] as number, (docs[start + i] as number) * F + f);
    return out;
  }

  /** Score every posting of `list` (query term `qi`, weight `w`); documents seen first go to `touched`. */
  private scanList(list: number, w: number, qi: number, touched: number[]): void {
    const { offsets, docs, tfs } = this.a;
    const { acc, matched, last, lenNorm } = this;
    const f = list % F;
    const start = offsets[list] as number;
    const end = offsets[list + 1] as number;
    const kept = this.keptScoresOf(list);
    if (kept) {
      const values = this.scores.values;
      for (let p = start; p < end; p++) {
        const d = docs[p] as number;
        const seen = last[d] as number;
        if (seen !== qi) {
          if (seen === -1) touched.push(d);
          last[d] = qi;
          (matched[d] as number)++;
        }
        (acc[d] as number) += w * (values[kept[p - start] as number] as number);
      }
      return;
    }
    for (let p = start; p < end; p++) {
      const d = docs[p] as number;
      const tf = tfs[p] as number;
      const seen = last[d] as number;
      if (seen !== qi) {
        if (seen === -1) touched.push(d);
        last[d] = qi;
        (matched[d] as number)++;
      }
      (acc[d] as number) += w * (BM25.d + (tf * (BM25.k + 1)) / (tf + (lenNorm[d * F + f] as number)));
    }
  }

  /** Score the postings of `list` whose document carries the current candidate mark. */
  private scanMarked(list: number, w: number, qi: number): void {
    const { offsets, docs, tfs } = this.a;
    const { acc, matched, last, lenNorm, candMark, mark } = this;
    const f = list % F;
    const start = offsets[list] as number;
    const end = offsets[list + 1] as number;
    const kept = this.keptScoresOf(list);
    if (kept) {
      const values = this.scores.values;
      for (let p = start; p < end; p++) {
        const d = docs[p] as number;
        if (candMark[d] !== mark) continue;
        if (last[d] !== qi) {
          last[d] = qi;
          (matched[d] as number)++;
        }
        (acc[d] as number) += w * (values[kept[p - start] as number] as number);
      }
      return;
    }
    for (let p = start; p < end; p++) {
      const d = docs[p] as number;
      if (candMark[d] !== mark) continue;
      const tf = tfs[p] as number;
      if (last[d] !== qi) {
        last[d] = qi;
        (matched[d] as number)++;
      }
      (acc[d] as number) += w * (BM25.d + (tf * (BM25.k + 1)) / (tf + (lenNorm[d * F + f] as number)));
    }
  }

  /** Look each candidate up in `list` (postings are in slot order) and score it if there. */
  private lookUp(list: number, w: number, qi: number, cands: readonly number[]): void {
    const { offsets, docs, tfs } = this.a;
    const { acc, matched, last, lenNorm } = this;
    const f = list % F;
    const start = offsets[list] as number;
    const end = offsets[list + 1] as number;
    const kept = this.keptScoresOf(list);
    for (const d of cands) {
      let lo = start;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((docs[mid] as number) < d) lo = mid + 1;
        else hi = mid;
      }
      if (lo >= end || docs[lo] !== d) continue;
      const tf = tfs[lo] as number;
      if (last[d] !== qi) {
        last[d] = qi;
        (matched[d] as number)++;
      }
      (acc[d] as number) +=
        w * (kept ? (this.scores.values[kept[lo - start] as number] as number) : BM25.d + (tf * (BM25.k + 1)) / (tf + (lenNorm[d * F + f] as number)));
    }
  }
}

/**
 * The posting arrays of a merged index: `counts` (per term × field, the
 * postings kept from the old index) plus the new documents' postings give
 * the offsets; `cursor` is each list's next free slot.
 */
function postingLayout(counts: Uint32Array, newDocs: readonly DocTerms[], lists: number, F: number) {
  for (const nd of newDocs) for (let i = 0; i < nd.terms.length; i++) (counts[(nd.terms[i] as number) * F + (nd.fields[i] as number)] as number)++;
  const offsets = new Uint32Array(lists + 1);
  for (let i = 0; i < lists; i++) offsets[i + 1] = (offsets[i] as number) + (counts[i] as number);
  const total = offsets[lists] as number;
  return { offsets, docs: new Uint32Array(total), tfs: new Uint8Array(total), cursor: offsets.slice(0, lists) };
}

/**
 * Write the new documents' postings at each list's cursor (advancing it);
 * `slotOf(j)` is the j-th new document's slot. With `release`, each entry of
 * `newDocs` is dropped once written (its arena block can then be freed).
 */
function appendPostings(
  newDocs: DocTerms[],
  slotOf: (j: number) => number,
  out: { docs: Uint32Array; tfs: Uint8Array; cursor: Uint32Array },
  F: number,
  release = false,
): void {
  const n = newDocs.length;
  for (let j = 0; j < n; j++) {
    const nd = newDocs[j] as DocTerms;
    if (release) (newDocs as Array<DocTerms | undefined>)[j] = undefined;
    const slot = slotOf(j);
    for (let i = 0; i < nd.terms.length; i++) {
      const tf = (nd.terms[i] as number) * F + (nd.fields[i] as number);
      const w = out.cursor[tf] as number;
      out.docs[w] = slot;
      out.tfs[w] = nd.tfs[i] as number;
      out.cursor[tf] = w + 1;
    }
  }
}
