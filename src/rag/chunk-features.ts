/**
 * Per-chunk re-ranking features, computed at index build time and stored
 * compactly: one dictionary of match keys (syllables, `a:`-accented
 * syllables, folded syllable pairs), each chunk's six key sets as sorted id
 * lists in one `Uint32Array`, and the document frequency of every key.
 * Unchanged chunks reuse their lists from the previous snapshot, so an
 * update computes features only for new text, and opening an index
 * tokenises nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { Glossary } from '../text/glossary.js';
import { glossaryExpansion } from '../text/glossary.js';
import { foldText, normalizeText } from '../text/normalize.js';
import { syllables } from '../text/tokenize.js';
import { Arena } from './arena.js';
import type { Chunk } from './chunk.js';
import { keyDictionary } from './key-dictionary.js';
import { SpillWriter } from './spill-file.js';
import { writeParts } from './stream-write.js';

/** The six key sets of a chunk. */
export const FEATURE_LISTS = ['words', 'headingWords', 'pairs', 'headingPairs', 'subjectWords', 'docWords'] as const;
export type FeatureList = (typeof FEATURE_LISTS)[number];
const L = FEATURE_LISTS.length;
const LIST_INDEX = Object.fromEntries(FEATURE_LISTS.map((n, i) => [n, i])) as Record<FeatureList, number>;
const FORMAT = 'cchc-features-v1';
/**
 * Written by a full build only: an update, which does not read every chunk,
 * leaves it out and the retriever computes the frequencies when it opens.
 */
const DISTINCT_FILE = 'features-distinct.bin';
/** The lists document frequencies count: words (for syllable keys) and pairs (for pair keys). */
const DF_LISTS = [LIST_INDEX.words, LIST_INDEX.pairs];

/**
 * Match keys of a text: every syllable folded, plus every syllable as an
 * `a:`-prefixed accented key, so a question typed with accents is matched
 * precisely ("tình" is not "tỉnh", "mai" is not "mại") and one typed without
 * accents still matches.
 */
export function matchKeysOf(text: string, glossary?: Glossary): string[] {
  const norm = normalizeText(text);
  const expansion = glossary ? glossaryExpansion(norm, glossary) : '';
  const accented = syllables(norm).map((w) => `a:${w}`);
  return [...syllables(`${foldText(norm)} ${expansion}`), ...accented];
}

/** Adjacent pairs of a word list ("thu tuc"). */
export function adjacentPairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * Clause boundaries: line breaks, and punctuation followed by a space or the
 * end, so "1.000", "9001:2015" and "60/2021/NĐ-CP" stay whole.
 */
const CLAUSE_END = /\n+|[.,;:!?…]+(?=\s|$)/u;

/**
 * Adjacent folded syllable pairs within each clause of a (normalised) text: a
 * sentence's last word and the next one's first are not a word, and a
 * corpus made of many short sentences would otherwise match pairs no
 * sentence holds.
 */
export function clausePairs(text: string): string[] {
  const out: string[] = [];
  for (const clause of foldText(text).split(CLAUSE_END)) out.push(...adjacentPairs(syllables(clause)));
  return out;
}

/** Folded syllable pairs of a text (within its clauses) and of its glossary expansion. */
export function pairsOf(text: string, glossary?: Glossary): string[] {
  const norm = normalizeText(text);
  const expansion = glossary ? glossaryExpansion(norm, glossary) : '';
  return [...clausePairs(norm), ...adjacentPairs(syllables(expansion))];
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

/** Entries of the subject / document key memo before it is emptied: it is live memory of every analysis worker. */
const SHARED_MEMO_MAX = 2000;

/**
 * {@link matchKeysOf} and {@link pairsOf} of one text, normalised and expanded
 * once; `head` (document id and headings) is one clause before the text's.
 */
function keysAndPairs(text: string, glossary?: Glossary, head = ''): { keys: string[]; pairs: string[] } {
  const norm = normalizeText(head ? `${head} ${text}` : text);
  const expansion = glossary ? glossaryExpansion(norm, glossary) : '';
  const folded = foldText(norm);
  const headPairs = head ? adjacentPairs(syllables(foldText(normalizeText(head)))) : [];
  return {
    keys: [...syllables(`${folded} ${expansion}`), ...syllables(norm).map((w) => `a:${w}`)],
    pairs: [...headPairs, ...clausePairs(normalizeText(text)), ...adjacentPairs(syllables(expansion))],
  };
}

/**
 * The six key sets of one chunk.
 * @param aliases the document's aliases (with its id and title: a weak, document-level prior)
 */
export function chunkFeatureKeys(c: Chunk, aliases: string, glossary?: Glossary, memo?: Map<string, string[]>): string[][] {
  // The document title is left out: a plan's title names every indicator,
  // which would make every chunk of it match every indicator.
  const full = keysAndPairs(c.text, glossary, `${c.docId} ${c.trail.join(' ')}`);
  const heading = keysAndPairs(ownHeading(c), glossary);
  // Subject and document texts repeat across the chunks of a document (consecutive in a build, so a small memo suffices).
  const shared = (text: string) => {
    let keys = memo?.get(text);
    if (!keys) {
      keys = matchKeysOf(text, glossary);
      if (memo && memo.size >= SHARED_MEMO_MAX) memo.clear();
      memo?.set(text, keys);
    }
    return keys;
  };
  return [full.keys, heading.keys, full.pairs, heading.pairs, shared(subjectText(c)), shared(`${c.docId} ${c.docTitle} ${aliases}`)];
}

/** The aliases of each document, joined, for the chunk features. */
export function aliasesOf(documents: ReadonlyArray<{ id: string; aliases: string[] }>): (docId: string) => string {
  const m = new Map(documents.map((d) => [d.id, d.aliases.join(' ')]));
  return (docId) => m.get(docId) ?? '';
}

export interface FeatureBuildOptions {
  glossary?: Glossary;
  /** The aliases of a document, by document id. */
  aliases: (docId: string) => string;
  /** A previous store whose lists may be reused. */
  previous?: ChunkFeatureStore | null;
  /** Chunk ids whose previous lists are still valid (their file is unchanged). */
  reusable?: ReadonlySet<string>;
}

/** Collects the lists of a new {@link ChunkFeatureStore}, one chunk at a time, in order. */
export interface FeatureBuilder {
  /** Key id of `key` in the new store (assigned on first use). */
  intern(key: string): number;
  /** Copy the chunk's lists from the previous store; false when it has none to reuse. */
  reuse(chunkId: string): boolean;
  /** The chunk's six key sets (as {@link chunkFeatureKeys}). */
  addKeys(chunkId: string, keySets: string[][]): void;
  /** The chunk's six lists of distinct key ids (sorted here). */
  addIds(chunkId: string, lists: Uint32Array[]): void;
  finish(): ChunkFeatureStore;
}

export class ChunkFeatureStore {
  private readonly keyId: Map<string, number>;
  private readonly slotOf: Map<string, number>;

  private constructor(
    /** Key dictionary (id → key). */
    private readonly keys: string[],
    private readonly ids: string[],
    /** Offsets per chunk × list into `data` (length N·L + 1). */
    private readonly offsets: Uint32Array,
    /** Sorted key ids of each list. */
    private readonly data: Uint32Array,
    /** Chunks whose words (for syllable keys) or pairs (for pair keys) contain the key. */
    private readonly df: Uint32Array,
    keyId?: Map<string, number>,
  ) {
    this.keyId = keyId ?? new Map(keys.map((k, i) => [k, i]));
    this.slotOf = new Map(ids.map((id, i) => [id, i]));
  }

  /** Number of chunks. */
  get size(): number {
    return this.ids.length;
  }

  /** Build for `chunks`, reusing the lists of unchanged chunks from `opts.previous`. */
  static build(chunks: readonly Chunk[], opts: FeatureBuildOptions): ChunkFeatureStore {
    const b = ChunkFeatureStore.builder(opts.previous ?? null, opts.reusable);
    const memo = new Map<string, string[]>();
    for (const c of chunks) if (!b.reuse(c.id)) b.addKeys(c.id, chunkFeatureKeys(c, opts.aliases(c.docId), opts.glossary, memo));
    return b.finish();
  }

  /**
   * A builder of a new store, chunk by chunk in order: {@link FeatureBuilder.reuse}
   * copies a chunk's lists from `prev` (when `reusable` has it),
   * {@link FeatureBuilder.addKeys} takes its six key sets,
   * {@link FeatureBuilder.addIds} six lists of ids from {@link FeatureBuilder.intern}
   * (computed elsewhere, e.g. in a worker thread). With `consume`, `prev`
   * gives up its dictionary and is not used again.
   */
  static builder(prev: ChunkFeatureStore | null, reusable?: ReadonlySet<string>, opts: { consume?: boolean; spill?: string } = {}): FeatureBuilder {
    if (!prev && opts.spill) return ChunkFeatureStore.spillingBuilder(opts.spill);
    // A consumed `prev` (loaded only to be updated) lends its dictionary instead of a copy; it must not be used afterwards.
    const { keys, ids: keyId, intern } = keyDictionary(prev ? { keys: prev.keys, ids: prev.keyId } : undefined, { share: opts.consume === true });
    const lists: Uint32Array[] = [];
    const ids: string[] = [];
    const reused = new Uint8Array(prev?.size ?? 0);
    /** Positions (in `ids`) of the chunks whose lists are new. */
    const fresh: number[] = [];
    /**
     * An update's chunks in order, as runs of consecutive previous slots
     * (copied as one block at the end) and new chunks (`lists` from `first`).
     */
    const parts: Array<{ from: number; to: number } | { first: number }> = [];
    // The lists in a few large blocks (not one buffer per list).
    const arena = new Arena((n) => new Uint32Array(n));
    const pushFresh = () => {
      fresh.push(ids.length);
      if (prev) parts.push({ first: lists.length - L });
    };
    return {
      intern,
      reuse(id) {
        const slot = prev && reusable?.has(id) ? prev.slotOf.get(id) : undefined;
        if (slot === undefined || !prev) return false;
        const last = parts[parts.length - 1];
        if (last && 'to' in last && last.to === slot) last.to++;
        else parts.push({ from: slot, to: slot + 1 });
        ids.push(id);
        reused[slot] = 1;
        return true;
      },
      addKeys(id, keySets) {
        for (const keySet of keySets) lists.push(arena.copy([...new Set(keySet.map(intern))]).sort());
        pushFresh();
        ids.push(id);
      },
      addIds(id, idLists) {
        for (const l of idLists) lists.push(arena.copy(l).sort());
        pushFresh();
        ids.push(id);
      },
      finish() {
        if (!prev) return ChunkFeatureStore.fromLists(keys, ids, lists, keyId);
        // An update: the previous frequencies, less the chunks not carried over, plus the new ones.
        const df = new Uint32Array(keys.length);
        df.set(prev.df);
        for (let slot = 0; slot < reused.length; slot++) {
          if (reused[slot]) continue;
          for (const l of DF_LISTS) {
            for (let p = prev.offsets[slot * L + l] as number; p < (prev.offsets[slot * L + l + 1] as number); p++) (df[prev.data[p] as number] as number)--;
          }
        }
        for (let f = 0; f < fresh.length; f++) for (const l of DF_LISTS) for (const k of lists[f * L + l] as Uint32Array) (df[k] as number)++;
        return ChunkFeatureStore.assemble(prev, parts, lists, keys, ids, keyId, df);
      },
    };
  }

  /**
   * A full build's builder whose lists go to the file `spill` as they come
   * (they are the store's data in order) and are read back once, into the
   * final array: the lists are never in memory twice.
   */
  private static spillingBuilder(spill: string): FeatureBuilder {
    const { keys, ids: keyId, intern } = keyDictionary();
    const ids: string[] = [];
    const lengths: number[] = [];
    const out = new SpillWriter(spill);
    const add = (id: string, lists: Uint32Array[]) => {
      for (const l of lists) {
        out.append(l.sort());
        lengths.push(l.length);
      }
      ids.push(id);
    };
    return {
      intern,
      reuse: () => false,
      addKeys: (id, keySets) =>
        add(
          id,
          keySets.map((keySet) => Uint32Array.from(new Set(keySet.map(intern)))),
        ),
      addIds: (id, idLists) => add(id, idLists),
      finish() {
        const offsets = new Uint32Array(lengths.length + 1);
        for (let i = 0; i < lengths.length; i++) offsets[i + 1] = (offsets[i] as number) + (lengths[i] as number);
        const data = new Uint32Array(offsets[lengths.length] as number);
        const reader = out.finish();
        try {
          reader.readInto(data);
        } finally {
          reader.close();
        }
        return ChunkFeatureStore.withDf(keys, ids, offsets, data, ChunkFeatureStore.countDf(ids.length, offsets, data, keys.length), keyId);
      },
    };
  }

  /** Document frequency of every key: chunks whose words (syllable keys) or pairs (pair keys) hold it. */
  private static countDf(chunks: number, offsets: Uint32Array, data: Uint32Array, keys: number): Uint32Array {
    const df = new Uint32Array(keys);
    for (let c = 0; c < chunks; c++) {
      for (const l of DF_LISTS) {
        for (let p = offsets[c * L + l] as number; p < (offsets[c * L + l + 1] as number); p++) (df[data[p] as number] as number)++;
      }
    }
    return df;
  }

  /** An update's store from runs of the previous store's slots (copied as blocks) and new chunks' lists. */
  private static assemble(
    prev: ChunkFeatureStore,
    parts: ReadonlyArray<{ from: number; to: number } | { first: number }>,
    lists: readonly Uint32Array[],
    keys: string[],
    ids: string[],
    keyId: Map<string, number>,
    df: Uint32Array,
  ): ChunkFeatureStore {
    let total = 0;
    for (const part of parts) {
      if ('to' in part) total += (prev.offsets[part.to * L] as number) - (prev.offsets[part.from * L] as number);
      else for (let l = 0; l < L; l++) total += (lists[part.first + l] as Uint32Array).length;
    }
    const offsets = new Uint32Array(ids.length * L + 1);
    const data = new Uint32Array(total);
    let at = 0;
    let o = 0;
    for (const part of parts) {
      if ('to' in part) {
        const base = prev.offsets[part.from * L] as number;
        const end = prev.offsets[part.to * L] as number;
        data.set(prev.data.subarray(base, end), at);
        for (let i = part.from * L; i < part.to * L; i++) offsets[o++] = at + (prev.offsets[i] as number) - base;
        at += end - base;
      } else {
        for (let l = 0; l < L; l++) {
          const list = lists[part.first + l] as Uint32Array;
          offsets[o++] = at;
          data.set(list, at);
          at += list.length;
        }
      }
    }
    offsets[o] = at;
    if (o !== ids.length * L) throw new Error('feature lists do not match the chunks');
    return ChunkFeatureStore.withDf(keys, ids, offsets, data, df, keyId);
  }

  private static fromLists(keys: string[], ids: string[], lists: Uint32Array[], keyId?: Map<string, number>, knownDf?: Uint32Array): ChunkFeatureStore {
    const offsets = new Uint32Array(lists.length + 1);
    for (let i = 0; i < lists.length; i++) offsets[i + 1] = (offsets[i] as number) + (lists[i] as Uint32Array).length;
    const data = new Uint32Array(offsets[lists.length] as number);
    // Each list is dropped once copied (its arena block can then be freed): a build does not hold them twice.
    for (let i = 0; i < lists.length; i++) {
      data.set(lists[i] as Uint32Array, offsets[i] as number);
      (lists as Array<Uint32Array | undefined>)[i] = undefined;
    }
    const df = knownDf ?? ChunkFeatureStore.countDf(ids.length, offsets, data, keys.length);
    return ChunkFeatureStore.withDf(keys, ids, offsets, data, df, keyId);
  }

  private static withDf(
    keys: string[],
    ids: string[],
    offsets: Uint32Array,
    data: Uint32Array,
    df: Uint32Array,
    keyId?: Map<string, number>,
  ): ChunkFeatureStore {
    // Drop keys no chunk uses any more once they are the majority (after many updates).
    let dead = 0;
    for (let k = 0; k < keys.length; k++) if (df[k] === 0) dead++;
    if (dead > 1000 && dead * 2 > keys.length) return ChunkFeatureStore.compact(keys, ids, offsets, data);
    return new ChunkFeatureStore(keys, ids, offsets, data, df, keyId);
  }

  private static compact(keys: string[], ids: string[], offsets: Uint32Array, data: Uint32Array): ChunkFeatureStore {
    const used = new Uint8Array(keys.length);
    for (const k of data) used[k] = 1;
    const remap = new Int32Array(keys.length).fill(-1);
    const kept: string[] = [];
    keys.forEach((k, i) => {
      if (used[i]) {
        remap[i] = kept.length;
        kept.push(k);
      }
    });
    const lists: Uint32Array[] = [];
    for (let i = 0; i + 1 < offsets.length; i++) lists.push(data.subarray(offsets[i] as number, offsets[i + 1] as number).map((k) => remap[k] as number));
    return ChunkFeatureStore.fromLists(kept, ids, lists);
  }

  /** Does list `list` of chunk `chunkId` contain `key`? */
  has(chunkId: string, list: FeatureList, key: string): boolean {
    const slot = this.slotOf.get(chunkId);
    const k = this.keyId.get(key);
    if (slot === undefined || k === undefined) return false;
    const i = slot * L + LIST_INDEX[list];
    let lo = this.offsets[i] as number;
    let hi = (this.offsets[i + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.data[mid] as number;
      if (v === k) return true;
      if (v < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /**
   * A membership test for one chunk's list. The chunk's slot and the list's
   * range are found once, not at every key (a question tests each chunk's
   * lists with dozens of keys).
   */
  tester(chunkId: string, list: FeatureList): (key: string) => boolean {
    const slot = this.slotOf.get(chunkId);
    if (slot === undefined) return () => false;
    const i = slot * L + LIST_INDEX[list];
    const from = this.offsets[i] as number;
    const to = (this.offsets[i + 1] as number) - 1;
    const keyId = this.keyId;
    const data = this.data;
    return (key) => {
      const k = keyId.get(key);
      if (k === undefined) return false;
      return sortedHas(data, from, to, k);
    };
  }

  /** The id of a key in the feature dictionary, −1 when no chunk was built with it (for {@link idTester}). */
  keyIdOf(key: string): number {
    return this.keyId.get(key) ?? -1;
  }

  /** {@link tester} by key id ({@link keyIdOf}): the key resolved once per question, not per chunk. */
  idTester(chunkId: string, list: FeatureList): (id: number) => boolean {
    const slot = this.slotOf.get(chunkId);
    if (slot === undefined) return () => false;
    const i = slot * L + LIST_INDEX[list];
    const from = this.offsets[i] as number;
    const to = (this.offsets[i + 1] as number) - 1;
    const data = this.data;
    return (k) => {
      if (k < 0) return false;
      return sortedHas(data, from, to, k);
    };
  }

  /** Document frequency of every key in use (syllable keys: by words; pair keys: by pairs). */
  frequencies(): { words: Map<string, number>; pairs: Map<string, number> } {
    return this.frequenciesOf(this.df);
  }

  private frequenciesOf(df: Uint32Array): { words: Map<string, number>; pairs: Map<string, number> } {
    const words = new Map<string, number>();
    const pairs = new Map<string, number>();
    this.keys.forEach((k, i) => {
      const n = df[i] as number;
      if (n > 0) (k.includes(' ') ? pairs : words).set(k, n);
    });
    return { words, pairs };
  }

  /** Frequencies that count repeated text once, when the build stored them (`distinct-frequencies.ts`). */
  private distinct: Uint32Array | null = null;

  /**
   * Store the frequencies that count repeated text once, computed by
   * `distinctDf` from this store's {@link df} and chunks, with the glossary
   * the store was built with.
   */
  withDistinct(compute: (df: Uint32Array, keyId: ReadonlyMap<string, number>) => Uint32Array): this {
    const d = compute(this.df, this.keyId);
    if (d.length !== this.keys.length) throw new Error('distinct frequencies do not match the keys');
    this.distinct = d;
    return this;
  }

  /** {@link frequencies} counting repeated text once, if the build stored them; null otherwise. */
  distinctFrequencies(): { words: Map<string, number>; pairs: Map<string, number> } | null {
    return this.distinct ? this.frequenciesOf(this.distinct) : null;
  }

  /** Write `features.json`, `features.bin` and (when stored) `features-distinct.bin` into `dir`. */
  save(dir: string): void {
    writeFileSync(join(dir, 'features.json'), JSON.stringify({ format: FORMAT, keys: this.keys, ids: this.ids, entries: this.data.length }));
    writeParts(join(dir, 'features.bin'), [this.offsets, this.data, this.df]);
    if (this.distinct) writeParts(join(dir, DISTINCT_FILE), [this.distinct]);
  }

  /** Load what {@link save} wrote. */
  static load(dir: string): ChunkFeatureStore {
    const meta = JSON.parse(readFileSync(join(dir, 'features.json'), 'utf8')) as { format: string; keys: string[]; ids: string[]; entries: number };
    if (meta.format !== FORMAT) throw new AppError('INDEX_CORRUPT', `Định dạng đặc trưng không đúng: ${meta.format}`);
    const raw = readFileSync(join(dir, 'features.bin'));
    const buf = raw.byteOffset % 4 === 0 ? raw : Buffer.from(raw);
    const n = meta.ids.length * L + 1;
    const offsets = new Uint32Array(buf.buffer, buf.byteOffset, n);
    const data = new Uint32Array(buf.buffer, buf.byteOffset + n * 4, meta.entries);
    const df = new Uint32Array(buf.buffer, buf.byteOffset + (n + meta.entries) * 4, meta.keys.length);
    if ((n + meta.entries + meta.keys.length) * 4 !== buf.byteLength) throw new AppError('INDEX_CORRUPT', 'Tệp đặc trưng không khớp kích thước');
    const store = new ChunkFeatureStore(meta.keys, meta.ids, offsets, data, df);
    const distinctFile = join(dir, DISTINCT_FILE);
    if (existsSync(distinctFile)) {
      const d = readFileSync(distinctFile);
      if (d.byteLength !== meta.keys.length * 4) throw new AppError('INDEX_CORRUPT', 'Tệp tần suất riêng biệt không khớp kích thước');
      store.distinct = new Uint32Array(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength));
    }
    return store;
  }
}

/** Whether the sorted run `data[from..to]` holds `k` (binary search). */
function sortedHas(data: ArrayLike<number>, from: number, to: number, k: number): boolean {
  let lo = from;
  let hi = to;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = data[mid] as number;
    if (v === k) return true;
    if (v < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
