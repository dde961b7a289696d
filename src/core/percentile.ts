/**
 * Nearest-rank percentile, for evaluation and benchmark reports.
 * @param values the samples, in any order (not modified)
 * @param p the percentile, 0–100
 * @returns 0 for no samples
 * @example percentile([3, 1, 2], 50) === 2
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] as number;
}
