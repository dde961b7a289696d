/**
 * Reciprocal-rank fusion (Cormack et al., 2009): combine ranked lists by
 * summing weight / (k + rank). Keyed by chunk id, so the same chunk found by
 * the lexical and the vector retriever is merged.
 */

export interface FusedHit {
  id: string;
  score: number;
  /** 1-based rank in each input list, or null if absent. */
  ranks: Array<number | null>;
}

/**
 * @param lists ranked id lists, best first
 * @param weights one weight per list (default 1 each)
 * @param k damping constant; 60 is the value from the original paper
 * @throws RangeError when weights and lists differ in length or k < 0
 * @example reciprocalRankFusion([['a','b'], ['b','c']]) // b first
 */
export function reciprocalRankFusion(lists: readonly (readonly string[])[], weights?: readonly number[], k = 60): FusedHit[] {
  const w = weights ?? lists.map(() => 1);
  if (w.length !== lists.length) throw new RangeError(`expected ${lists.length} weights, got ${w.length}`);
  if (!(k >= 0)) throw new RangeError('k must be >= 0');
  const byId = new Map<string, FusedHit>();
  lists.forEach((list, li) => {
    const seen = new Set<string>();
    list.forEach((id, i) => {
      if (seen.has(id)) return; // a duplicate inside one list counts once, at its best rank
      seen.add(id);
      let hit = byId.get(id);
      if (!hit) {
        hit = { id, score: 0, ranks: lists.map(() => null) };
        byId.set(id, hit);
      }
      hit.score += (w[li] as number) / (k + i + 1);
      hit.ranks[li] = i + 1;
    });
  });
  // Ties break by best single rank, then by id for determinism.
  return [...byId.values()].sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || a.id.localeCompare(b.id));
}

function bestRank(h: FusedHit): number {
  return Math.min(...h.ranks.map((r) => r ?? Number.POSITIVE_INFINITY));
}
