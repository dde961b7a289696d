/**
 * Per-posting BM25+ term scores of the long posting lists, kept after their
 * first use. A long list (a common syllable) is scanned by almost every
 * question; with its scores kept, a scan reads a two-byte code per posting
 * and the score it stands for, instead of the document's length norm and a
 * division. A term score depends only on the field, the term frequency and
 * the field length, so few distinct scores exist; each is the same double
 * the scanner would compute, so rankings are unchanged.
 */

export interface PostingScoreLimits {
  /** Only lists with at least this many postings are kept. */
  minPostings: number;
  /** Postings kept over all lists (2 bytes each); lists first used after that are scored on each scan. */
  maxScores: number;
}

/** 1,024 postings and up; at most 16 M postings (32 MB). */
export const DEFAULT_POSTING_SCORE_LIMITS: PostingScoreLimits = { minPostings: 1024, maxScores: 16 * 1024 * 1024 };

/** Distinct scores a two-byte code can name. */
const MAX_CODES = 65536;

/** Returns the code of a posting's score: `key` names (field, tf, field length), `score` is computed only for a new key. */
export type ScoreCoder = (key: number, score: () => number) => number;

export class PostingScores {
  private readonly lists = new Map<number, Uint16Array>();
  private readonly codeOf = new Map<number, number>();
  private scoreOf = new Float64Array(1024);
  private held = 0;

  constructor(readonly limits: PostingScoreLimits = DEFAULT_POSTING_SCORE_LIMITS) {}

  /**
   * The score codes of `list` (`length` postings, in posting order), filled
   * by `fill` the first time; null for a short list, once the budget is
   * spent, or when the codes run out. Read the scores from {@link values}
   * after this call.
   */
  of(list: number, length: number, fill: (out: Uint16Array, code: ScoreCoder) => void): Uint16Array | null {
    const hit = this.lists.get(list);
    if (hit) return hit;
    if (length < this.limits.minPostings || this.held + length > this.limits.maxScores || this.codeOf.size >= MAX_CODES) return null;
    const out = new Uint16Array(length);
    let full = false;
    fill(out, (key, score) => {
      const known = this.codeOf.get(key);
      if (known !== undefined) return known;
      const code = this.codeOf.size;
      if (code >= MAX_CODES) {
        full = true;
        return 0;
      }
      if (code >= this.scoreOf.length) {
        const grown = new Float64Array(this.scoreOf.length * 2);
        grown.set(this.scoreOf);
        this.scoreOf = grown;
      }
      this.scoreOf[code] = score();
      this.codeOf.set(key, code);
      return code;
    });
    if (full) return null;
    this.lists.set(list, out);
    this.held += length;
    return out;
  }

  /** The score of each code. */
  get values(): Float64Array {
    return this.scoreOf;
  }

  /** Postings kept (all lists). */
  get size(): number {
    return this.held;
  }
}
