/**
 * Per-posting BM25+ term scores of the long posting lists, kept after their
 * first use. A long list (a common syllable) is scanned by almost every
 * question; with its scores stored, a scan reads one number per posting
 * instead of the document's length norm and a division. The stored value is
 * the same double the scanner would compute, so rankings are unchanged.
 */

export interface PostingScoreLimits {
  /** Only lists with at least this many postings are kept. */
  minPostings: number;
  /** Total scores kept over all lists (8 bytes each); lists first used after that are computed on each scan. */
  maxScores: number;
}

/** 1,024 postings and up; at most 4 M scores (32 MB). */
export const DEFAULT_POSTING_SCORE_LIMITS: PostingScoreLimits = { minPostings: 1024, maxScores: 4 * 1024 * 1024 };

export class PostingScores {
  private readonly lists = new Map<number, Float64Array>();
  private held = 0;

  constructor(readonly limits: PostingScoreLimits = DEFAULT_POSTING_SCORE_LIMITS) {}

  /**
   * The scores of `list` (`length` postings, in posting order), filled by
   * `fill` the first time; null for a short list or once the budget is spent.
   */
  of(list: number, length: number, fill: (out: Float64Array) => void): Float64Array | null {
    const hit = this.lists.get(list);
    if (hit) return hit;
    if (length < this.limits.minPostings || this.held + length > this.limits.maxScores) return null;
    const out = new Float64Array(length);
    fill(out);
    this.lists.set(list, out);
    this.held += length;
    return out;
  }

  /** Scores kept (all lists). */
  get size(): number {
    return this.held;
  }
}
