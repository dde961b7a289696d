/**
 * Document frequencies that count repeated text once. A sentence quoted
 * verbatim in many passages (decrees citing each other, a compilation, a
 * boilerplate preamble) is one piece of evidence, not many: if every quote
 * made its words more common, a folder of decisions quoting the plan would
 * make the plan's own words look uninformative, and a question's unmatched
 * framing words ("liệt kê", "chỗ nào") would outweigh them. The re-ranker's
 * coverage, the refusal evidence and the expansion decisions use these
 * frequencies; BM25 keeps its own.
 *
 * Only the text of repeated units is tokenised (the other units are only
 * hashed), so the cost is one pass of string splitting over the corpus at
 * open time plus the repeated units' keys.
 */
import type { Glossary } from '../text/glossary.js';
import type { Chunk } from './chunk.js';
import { matchKeysOf, pairsOf } from './chunk-features.js';
import { keyDictionary } from './key-dictionary.js';
import { splitUnits, unitIdentity } from './proximity.js';

/** Units shorter than this are headings or markers, which the document structure repeats by design. */
const MIN_REPEATED_CHARS = 40;

/**
 * A 53-bit key of a unit's text (two FNV-1a hashes with different seeds), so
 * the map of units seen holds numbers, not every sentence of the corpus
 * (at 60k chunks the strings cost over a gigabyte of peak memory). A collision
 * between two different sentences is about one in 2^53 per pair: it would
 * only lower one key's frequency by one.
 */
export function unitKey(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export interface Frequencies {
  words: Map<string, number>;
  pairs: Map<string, number>;
}

/**
 * Calls `discount(key, n)` for every key that `n` ≥ 1 chunks hold through a
 * repeated unit (a unit already seen earlier in another chunk); a key counts
 * once per chunk. Only the repeated units are tokenised, each once.
 */
function discounts(chunks: readonly Chunk[], glossary: Glossary | undefined, discount: (key: string, n: number) => void): void {
  /** Unit (its {@link unitKey}) → the last chunk (position) that held it. */
  const seen = new Map<number, number>();
  /** Per chunk, the units it holds that an earlier chunk held first. */
  const holders: string[][] = [];
  chunks.forEach((c, i) => {
    let repeated: string[] | null = null;
    for (const u of splitUnits(c.text)) {
      if (u.length < MIN_REPEATED_CHARS) continue;
      // A quote is the same sentence under another list marker or closing mark ("1. X;" and "- X.").
      const key = unitKey(unitIdentity(u));
      const last = seen.get(key);
      seen.set(key, i);
      if (last !== undefined && last !== i) (repeated ??= []).push(u);
    }
    if (repeated) holders.push(repeated);
  });
  if (holders.length === 0) return;
  // Keys (syllables and pairs, told apart by the space in a pair) as ids; each repeated unit tokenised once.
  const { keys, intern } = keyDictionary();
  const idsOfUnit = new Map<string, number[]>();
  const less: number[] = [];
  /** The last holder that counted each key (a key counts once per chunk). */
  const stamp: number[] = [];
  holders.forEach((units, h) => {
    for (const u of units) {
      let ids = idsOfUnit.get(u);
      if (!ids) {
        ids = [...new Set([...matchKeysOf(u, glossary), ...pairsOf(u, glossary)])].map(intern);
        idsOfUnit.set(u, ids);
      }
      for (const id of ids) {
        if (stamp[id] === h) continue;
        stamp[id] = h;
        less[id] = (less[id] ?? 0) + 1;
      }
    }
  });
  keys.forEach((k, id) => {
    const n = less[id] ?? 0;
    if (n > 0) discount(k, n);
  });
}

/**
 * Lower each key's frequency by the chunks that hold it only through a
 * repeated unit (a unit already seen earlier in another chunk). A key keeps
 * at least 1 (it is in the corpus). The counts are approximate in one way:
 * a chunk holding the key both in a repeated unit and in its own text is
 * discounted too, so the result is a lower bound of the distinct-text count
 * (clamped at 1).
 * @param chunks the corpus in index order
 * @param base frequencies counted by chunk (`ChunkFeatureStore.frequencies()`)
 */
export function distinctFrequencies(chunks: readonly Chunk[], base: Frequencies, glossary?: Glossary): Frequencies {
  let words = base.words;
  let pairs = base.pairs;
  let copied = false;
  discounts(chunks, glossary, (k, n) => {
    if (!copied) {
      words = new Map(base.words);
      pairs = new Map(base.pairs);
      copied = true;
    }
    const m = k.includes(' ') ? pairs : words;
    const df = m.get(k);
    if (df !== undefined) m.set(k, Math.max(1, df - n));
  });
  return copied ? { words, pairs } : base;
}

/**
 * {@link distinctFrequencies} on a key dictionary's ids, for the index
 * build to store: `df` (by key id, 0 for a key no chunk holds) lowered the
 * same way, in a new array.
 */
export function distinctDf(chunks: readonly Chunk[], df: Uint32Array, keyId: ReadonlyMap<string, number>, glossary?: Glossary): Uint32Array {
  const out = df.slice();
  discounts(chunks, glossary, (k, n) => {
    const id = keyId.get(k);
    if (id !== undefined && (out[id] as number) > 0) out[id] = Math.max(1, (out[id] as number) - n);
  });
  return out;
}
