/**
 * Section-level ranking by answer type. A who-question ("việc X do ai làm?")
 * often matches several sections of one document on its task words; a
 * section that names no unit or person cannot answer it, however well it
 * covers the task ("III. Kinh phí thực hiện" for "phòng nào phụ trách kinh
 * phí?"). Such a section gives way to a section of the same document that
 * names a unit and covers the asked task words nearly as well. Sections of
 * other documents are left alone: which document is asked is the other
 * evidence's decision.
 */

/** What the ranking needs of a hit. */
export interface TypedHit {
  docId: string;
  /** Only passages take part (outlines are ranked by their own rule). */
  passage: boolean;
  score: number;
  /** Word coverage of the question by the hit, 0–1. */
  coverage: number;
  /** Whether the hit's text holds the asked answer type (a unit, a person …). */
  satisfied: boolean;
}

/** How many of the best hits are compared. */
export const TYPED_CANDIDATES = 6;
/** A satisfying section may cover this much less of the question and still be preferred. */
export const COVERAGE_SLACK = 0.15;
/** The largest score a section is moved down by (a far better match keeps its place). */
export const MAX_SHIFT = 0.35;
/** How far below the preferred section the other ends. */
const GAP = 0.01;

/**
 * Per hit, how much its score goes down (0 for most): a passage that does not
 * hold the answer type, ranked above a passage of the same document that
 * does and covers the question within {@link COVERAGE_SLACK}, is moved below
 * it (by at most {@link MAX_SHIFT}).
 */
export function answerTypeShifts(hits: readonly TypedHit[]): number[] {
  const shifts = hits.map(() => 0);
  const order = hits
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => h.passage)
    .sort((a, b) => b.h.score - a.h.score)
    .slice(0, TYPED_CANDIDATES);
  for (const { h, i } of order) {
    if (h.satisfied) continue;
    let target: TypedHit | undefined;
    for (const { h: g } of order) {
      if (!g.satisfied || g.docId !== h.docId || g.score >= h.score) continue;
      if (g.coverage + COVERAGE_SLACK < h.coverage) continue;
      if (!target || g.score > target.score) target = g;
    }
    if (!target) continue;
    const shift = h.score - target.score + GAP;
    if (shift <= MAX_SHIFT) shifts[i] = shift;
  }
  return shifts;
}
