import { describe, expect, it, vi } from 'vitest';
import { fillWithLlm, type ParsedReport, parseReport } from '../../../src/reports/parse/index.js';
import { knowledge } from './helpers.js';

const NOW = new Date('2026-11-27T00:00:00Z');
const TEXT = 'đã làm xong việc tuyên truyền';

function base(): ParsedReport {
  return parseReport(TEXT, { now: NOW, areas: knowledge().areas });
}

describe('fillWithLlm', () => {
  it('fills only null fields with validated values and recomputes missing', async () => {
    const { areas } = knowledge();
    const parsed = { ...base(), channel: 'print' as const };
    const complete = vi.fn(
      async (_prompt: string) =>
        'Kết quả: {"date":"2026-11-20","channel":"website","count":4,"area":"II.3.c","link":"https://sct.gov.vn/a","unit":"Văn phòng Sở"}',
    );
    const out = await fillWithLlm(parsed, TEXT, complete, areas);
    expect(complete).toHaveBeenCalledOnce();
    expect(complete.mock.calls[0]![0]).toContain(TEXT);
    expect(out).toMatchObject({ date: '2026-11-20', channel: 'print', count: 4, area: 'II.3.c', indicator: 'PCI', unit: 'Văn phòng Sở' });
    expect(out.missing).toEqual([]);
    expect(parsed.date).toBeNull();
  });

  it('drops invalid fields and keeps the valid ones', async () => {
    const { areas } = knowledge();
    const out = await fillWithLlm(
      base(),
      TEXT,
      async () => JSON.stringify({ date: '2026-02-30', channel: 'tv', count: -3, area: 'II.9.z', link: 'javascript:alert(1)', indicator: 'PAPI' }),
      areas,
    );
    expect([out.date, out.channel, out.count, out.area, out.link]).toEqual([null, null, null, null, null]);
    expect(out.indicator).toBe('PAPI');
    expect(out.missing).toEqual(['date', 'channel', 'count', 'area']);
  });

  it('rejects an area that contradicts the indicator', async () => {
    const { areas } = knowledge();
    const out = await fillWithLlm({ ...base(), indicator: 'PAPI' }, TEXT, async () => '{"area":"II.3.c"}', areas);
    expect(out.area).toBeNull();
    expect(out.indicator).toBe('PAPI');
  });

  it.each([
    ['not JSON at all', async () => 'xin lỗi, tôi không biết'],
    ['a JSON array', async () => '[1,2]'],
    ['a failing call', async () => Promise.reject(new Error('timeout'))],
  ])('returns the record unchanged on %s', async (_name, complete) => {
    const parsed = base();
    const out = await fillWithLlm(parsed, TEXT, complete);
    expect(out).toEqual(parsed);
    expect(out).not.toBe(parsed);
  });

  it('does not call the model when nothing is missing', async () => {
    const { areas } = knowledge();
    const full = parseReport('Phòng QLTM đăng 2 tin về cải cách thủ tục hành chính trên Cổng TTĐT ngày 12/11 https://x.gov.vn/a', { now: NOW, areas });
    expect(full.missing).toEqual([]);
    const complete = vi.fn(async () => '{}');
    await fillWithLlm(full, 'x', complete);
    expect(complete).not.toHaveBeenCalled();
  });
});
