import { describe, expect, it } from 'vitest';
import { formatAccuracy, scoreReports } from '../../../bench/report-accuracy-lib.js';
import { knowledge } from './helpers.js';
import { OWN_REPORTS } from './own-reports.js';

describe("the project's own report messages", () => {
  it('scores at least 0.95 field accuracy overall', () => {
    const items = OWN_REPORTS.map((r, i) => ({ id: `own-${i + 1}`, now: r.now, text: r.text, expect: r.expect }));
    expect(items.length).toBeGreaterThan(0);
    const { areas, glossary } = knowledge();
    const result = scoreReports(items, areas, glossary);
    expect(formatAccuracy(result)).toMatch(/^report fields: \d\.\d\d overall \(.+\) n=\d+$/);
    expect(result.overall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('scoreReports', () => {
  it('counts only the fields listed in expect', () => {
    const { areas } = knowledge();
    const r = scoreReports(
      [
        { id: 'a', now: '2026-11-27', text: 'Đăng 2 tin trên Zalo hôm qua', expect: { date: '2026-11-26', count: 3 } },
        { id: 'b', now: '2026-11-27', text: 'phát 10 tờ rơi', expect: { channel: 'print' } },
      ],
      areas,
    );
    expect(r.fields).toEqual({ date: { correct: 1, total: 1 }, count: { correct: 0, total: 1 }, channel: { correct: 1, total: 1 } });
    expect(r.overall).toBeCloseTo(2 / 3);
    expect(r.misses).toEqual([{ id: 'a', field: 'count', expected: 3, got: 2 }]);
  });
});
