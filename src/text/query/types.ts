/**
 * Shared types of query understanding: where a query term comes from and how
 * much it weighs. Expansions weigh less than the user's own words, in ranking
 * and in the coverage features that decide abstention.
 */

/** Where a term of the analysed query comes from. */
export type TermOrigin = 'user' | 'abbreviation' | 'typo-fix' | 'thesaurus';

/** Default weight of each origin (a thesaurus set may weigh less than its cap). */
export const ORIGIN_WEIGHT: Readonly<Record<TermOrigin, number>> = {
  user: 1,
  abbreviation: 1,
  'typo-fix': 0.8,
  thesaurus: 0.7,
};

/** One word or phrase of the analysed query. */
export interface WeightedTerm {
  /** Normalised text (accented when known, lower case). */
  text: string;
  weight: number;
  origin: TermOrigin;
  /**
   * For expansions: the user's words (normalised, lower case) the term stands
   * for. For the user's own words: the word itself.
   */
  source: string;
}

/** A replacement made in the query text before retrieval. */
export interface Rewrite {
  /** What the user typed. */
  from: string;
  /** What it was replaced with. */
  to: string;
  origin: 'abbreviation' | 'typo-fix';
}

/** An alternative way of saying a span of the cleaned query. */
export interface Expansion {
  /** The span of the cleaned query (normalised, lower case). */
  source: string;
  /** The alternatives, best first. */
  alternatives: ExpansionAlternative[];
}

/** One alternative of an expanded span. */
export interface ExpansionAlternative {
  text: string;
  /** Ranking weight: below the user's own words (1). */
  weight: number;
  /**
   * Credit in the coverage that decides abstention (default: `weight`). A
   * question said wholly in everyday words is covered once expanded: a set
   * at the default thesaurus weight covers fully, a looser set less.
   */
  cover?: number;
  origin: 'thesaurus' | 'abbreviation';
}
