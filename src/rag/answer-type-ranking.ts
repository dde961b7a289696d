/**
 * Section-level ranking by answer type. A who-question ("việc X do ai làm?")
 * often matches several sections of one document on its task words; a
 * section that names no unit or person cannot answer it, however well it
 * covers the task ("III. Kinh phí thực hiện" for "phòng nào phụ trách kinh
 * phí?"). Such a section gives way to a section of the same document that
 * names a unit and covers the asked task words nearly as well; and a section
 * that matches the task words only in another unit's name ("tin" in "Sở
 * Thông tin và Truyền thông") gives way to the section whose own duty holds
 * them. Sections of other documents are left alone: which document is asked is the other
 * evidence's decision.
 */

import { foldText } from '../text/normalize.js';

/**
 * The names of units and bodies in a passage ("Sở Thông tin và Truyền
 * thông", "Phòng Kế hoạch – Tài chính – Tổng hợp", "UBND tỉnh"): a task word
 * found only inside a name ("tin" in "Sở Thông tin …") is not the passage's
 * duty. A name is a unit word and the words that follow it, each a
 * capitalised syllable with at most one more ("Thông tin", "Truyền thông")
 * when the name goes on or ends there, joined by "và" or "–".
 */
const UNIT_NAME =
  /(?<![\p{L}\p{N}])(?:Sở|Phòng|Ban|Văn phòng|UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Trung tâm|Bộ|Cục|Chi đoàn|Công đoàn|Đảng ủy|Tỉnh ủy)(?:\s+(?:và\s+|[–-]\s*)?(?:\p{Lu}[\p{L}&]*(?:\s+\p{Ll}+(?=\s+(?:và\s|\p{Lu})|\s*[–\-);,.:(]|$))?|tỉnh|cơ sở))*/gu;

/** A passage's text with the names of units left out (see {@link UNIT_NAME}). */
export function withoutUnitNames(text: string): string {
  return text.replace(UNIT_NAME, ' ');
}

/**
 * The who-cue verbs of a question ("do ai làm", "ai lo", "đơn vị nào phụ
 * trách", "ai đảm nhiệm"), folded syllables: they ask who does the task and
 * are not task words ("làm" would find "làm đầu mối" of another unit).
 */
export function whoCueSyllables(question: string): Set<string> {
  const out = new Set<string>();
  const f = ` ${foldText(question)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')} `;
  for (const m of f.matchAll(WHO_CUE)) for (const w of (m[1] as string).split(' ')) out.add(w);
  return out;
}
const WHO_CUE = /(?<= (?:ai|nao)) (lam|lo|lo lieu|phu trach|dam nhiem|dam nhan|dam trach|chiu trach nhiem)(?= )/g;

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
  /** Coverage of the question's task words outside the names of units (default: `coverage`). */
  task?: number;
}

/** How many of the best hits are compared. */
export const TYPED_CANDIDATES = 6;
/** A satisfying section may cover this much less of the question and still be preferred. */
export const COVERAGE_SLACK = 0.15;
/** The largest score a section is moved down by (a far better match keeps its place). */
export const MAX_SHIFT = 0.35;
/** How far below the preferred section the other ends. */
const GAP = 0.01;
/** Between two sections that both name a unit, the one whose own duty holds this much more of the task words is preferred. */
export const TASK_MARGIN = 0.15;

/**
 * Per hit, how much its score goes down (0 for most): a passage that does not
 * hold the answer type, ranked above a passage of the same document that
 * does and covers the question within {@link COVERAGE_SLACK}, is moved below
 * it; so is a passage that holds it but owes {@link TASK_MARGIN} of its
 * coverage to the names of units, below one of the same document whose own
 * words hold {@link TASK_MARGIN} more of the task words (by at most
 * {@link MAX_SHIFT}).
 */
export function answerTypeShifts(hits: readonly TypedHit[]): number[] {
  const shifts = hits.map(() => 0);
  const order = hits
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => h.passage)
    .sort((a, b) => b.h.score - a.h.score)
    .slice(0, TYPED_CANDIDATES);
  const task = (x: TypedHit) => x.task ?? x.coverage;
  for (const { h, i } of order) {
    let target: TypedHit | undefined;
    for (const { h: g } of order) {
      if (!g.satisfied || g.docId !== h.docId || g.score >= h.score) continue;
      // Naming no unit, h gives way to a unit section nearly as good on the task words;
      // naming one, only when it holds the task words mostly in units' names and g's own duty holds clearly more.
      const better = h.satisfied ? h.coverage - task(h) >= TASK_MARGIN && task(g) >= task(h) + TASK_MARGIN : g.coverage + COVERAGE_SLACK >= h.coverage;
      if (!better) continue;
      if (!target || g.score > target.score) target = g;
    }
    if (!target) continue;
    const shift = h.score - target.score + GAP;
    if (shift <= MAX_SHIFT) shifts[i] = shift;
  }
  return shifts;
}
