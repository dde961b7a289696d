import { describe, expect, it } from 'vitest';
import { gapKey, groupGaps } from '../../src/chat/gaps.js';

describe('groupGaps', () => {
  it('groups questions by folded text, most frequent first', () => {
    const groups = groupGaps([
      { question: 'Thủ tục cấp phép?', abstained: true, createdAt: '2025-01-03T00:00:00Z' },
      { question: 'thu tuc cap phep', abstained: false, vote: 'down', createdAt: '2025-01-04T00:00:00Z' },
      { question: 'Giờ làm việc', abstained: true, createdAt: '2025-01-05T00:00:00Z' },
      { question: 'THỦ TỤC  cấp phép', abstained: true, createdAt: '2025-01-02T00:00:00Z' },
    ]);
    expect(groups.map((g) => g.count)).toEqual([3, 1]);
    expect(groups[0]).toMatchObject({ question: 'thu tuc cap phep', abstained: 2, downVotes: 1, key: 'thu tuc cap phep' });
    expect(groups[1]?.question).toBe('Giờ làm việc');
  });

  it('folds đ and tone placement variants to one key', () => {
    expect(gapKey('Đăng ký hoá đơn?')).toBe(gapKey('dang ky hóa don'));
  });
});
