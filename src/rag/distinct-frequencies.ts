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
import { splitUnits } from './proximity.js';

/** Units shorter than this are headings or markers, which the document structure repeats by design. */
const MIN_REPEATED_CHARS = 40;

export interface Frequencies {
  words: Map<string, number>;
  pairs: Map<string, number>;
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
  /** Unit → the last chunk (position) that held it. */
  const seen = new Map<string, number>();
  /** Per chunk, the units it holds that an earlier chunk held first. */
  const holders: string[][] = [];
  chunks.forEach((c, i) => {
    let repeated: string[] | null = null;
    for (const u of splitUnits(c.text)) {
      if (u.length < MIN_REPEATED_CHARS) continue;
      const last = seen.get(u);
      seen.set(u, i);
      if (last !== undefined && last !== i) (repeated ??= []).push(u);
    }
    if (repeated) holders.push(repeated);
  });
  if (holders.length === 0) return base;
  const keysOfUnit = new Map<string, { keys: string[]; pairs: string[] }>();
  const unitKeys = (u: string) => {
    let k = keysOfUnit.get(u);
    if (!k) {
      k = { keys: [...new Set(matchKeysOf(u, glossary))], pairs: [...new Set(pairsOf(u, glossary))] };
      keysOfUnit.set(u, k);
    }
    return k;
  };
  const lessWords = new Map<string, number>();
  const lessPairs = new Map<string, number>();
  const keys = new Set<string>();
  const pairs = new Set<string>();
  for (const units of holders) {
    keys.clear();
    pairs.clear();
    for (const u of units) {
      const k = unitKeys(u);
      for (const x of k.keys) keys.add(x);
      for (const x of k.pairs) pairs.add(x);
    }
    for (const x of keys) lessWords.set(x, (lessWords.get(x) ?? 0) + 1);
    for (const x of pairs) lessPairs.set(x, (lessPairs.get(x) ?? 0) + 1);
  }
  return { words: discounted(base.words, lessWords), pairs: discounted(base.pairs, lessPairs) };
}

function discounted(base: ReadonlyMap<string, number>, less: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(base);
  for (const [k, n] of less) {
    const df = out.get(k);
    if (df !== undefined) out.set(k, Math.max(1, df - n));
  }
  return out;
}
