/**
 * Chunks by (document id, section), built once per chunk list, so answerers
 * that look up a cited section do not scan the whole corpus per question.
 */
import type { Chunk } from './chunk.js';

/** Finds the chunks of one section of one document, in index order. */
export type SectionLookup = (docId: string, section: string) => readonly Chunk[];

const cache = new WeakMap<readonly Chunk[], SectionLookup>();

/** The lookup for `chunks` (shared by every caller holding the same array). */
export function sectionLookup(chunks: readonly Chunk[]): SectionLookup {
  let lookup = cache.get(chunks);
  if (lookup) return lookup;
  const map = new Map<string, Chunk[]>();
  for (const c of chunks) {
    const key = `${c.docId}\u0000${c.section}`;
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }
  lookup = (docId, section) => map.get(`${docId}\u0000${section}`) ?? [];
  cache.set(chunks, lookup);
  return lookup;
}
