/**
 * Page-level clean-up of PDF text: running headers and footers (the same
 * line at the top or bottom of most pages, e.g. `CÔNG BÁO/Số 12/Ngày 05-3-2024`
 * or `Trang 3`) are removed before pages are joined.
 */

/** Lines looked at, at each end of a page (page-number-only lines are dropped later anyway). */
const EDGE_LINES = 1;

/** Compare lines with digits blanked, so `Trang 3` and `Trang 4` are the same header. */
const shape = (line: string): string => line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');

function edgeIndexes(lines: string[]): number[] {
  const nonEmpty = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  const head = nonEmpty.slice(0, EDGE_LINES);
  const tail = nonEmpty.slice(-EDGE_LINES);
  return [...new Set([...head, ...tail])];
}

/**
 * Remove lines that repeat (ignoring digits) at the top or bottom of at least
 * three pages and of at least half of them. Structural lines (`Điều …`) are
 * never removed.
 */
export function stripRunningHeaders(pages: string[]): string[] {
  if (pages.length < 3) return pages;
  const split = pages.map((p) => p.split('\n'));
  const counts = new Map<string, number>();
  for (const lines of split) {
    const seen = new Set(edgeIndexes(lines).map((i) => shape(lines[i] as string)));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  const running = new Set([...counts].filter(([s, n]) => n >= threshold && !/^(điều|chương|mục|phần)\s/iu.test(s)).map(([s]) => s));
  if (running.size === 0) return pages;
  return split.map((lines) => {
    const drop = new Set(edgeIndexes(lines).filter((i) => running.has(shape(lines[i] as string))));
    return lines.filter((_, i) => !drop.has(i)).join('\n');
  });
}
