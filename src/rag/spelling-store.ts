/**
 * The corpus's spelling counts (src/text/query/diacritics.ts) kept in a
 * snapshot, so diacritic restoration does not count 10k–60k chunks on the
 * first question that needs it: counted at a full build, brought up to date
 * at an update (new chunks added, removed ones taken away), read at open.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpellingCounts } from '../text/query/diacritics.js';

/** The file in a snapshot's folder. */
const SPELLINGS_FILE = 'spellings.json';

interface StoredSpellings {
  syllables: string[];
  syllableCounts: number[];
  pairs: string[];
  pairCounts: number[];
}

export function saveSpellings(dir: string, counts: SpellingCounts): void {
  const stored: StoredSpellings = {
    syllables: [...counts.syllables.keys()],
    syllableCounts: [...counts.syllables.values()],
    pairs: [...counts.pairs.keys()],
    pairCounts: [...counts.pairs.values()],
  };
  writeFileSync(join(dir, SPELLINGS_FILE), JSON.stringify(stored));
}

/** The counts kept in a snapshot's folder; undefined when it has none (the retriever then counts them itself). */
export function loadSpellings(dir: string): SpellingCounts | undefined {
  const file = join(dir, SPELLINGS_FILE);
  if (!existsSync(file)) return undefined;
  const s = JSON.parse(readFileSync(file, 'utf8')) as StoredSpellings;
  const zip = (keys: string[], counts: number[]) => new Map(keys.map((k, i) => [k, counts[i] as number]));
  return { syllables: zip(s.syllables, s.syllableCounts), pairs: zip(s.pairs, s.pairCounts) };
}
