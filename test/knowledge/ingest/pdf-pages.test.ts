import { describe, expect, it } from 'vitest';
import { stripRunningHeaders } from '../../../src/knowledge/ingest/pdf-pages.js';

describe('stripRunningHeaders', () => {
  it('removes a header and a page footer repeated on most pages, digits ignored', () => {
    const pages = [1, 2, 3, 4].map((n) => `CÔNG BÁO/Số 12/Ngày 05-3-2024\nNội dung trang ${n} thứ nhất.\nNội dung trang ${n} thứ hai.\nTrang ${n}/4`);
    const out = stripRunningHeaders(pages);
    expect(out).toEqual([1, 2, 3, 4].map((n) => `Nội dung trang ${n} thứ nhất.\nNội dung trang ${n} thứ hai.`));
  });

  it('keeps everything when there are fewer than three pages or nothing repeats', () => {
    const two = ['Tiêu đề\nA.', 'Tiêu đề\nB.'];
    expect(stripRunningHeaders(two)).toEqual(two);
    const distinct = ['Một.\nHai.', 'Ba.\nBốn.', 'Năm.\nSáu.'];
    expect(stripRunningHeaders(distinct)).toEqual(distinct);
  });

  it('never removes Điều headings even if every page starts with one', () => {
    const pages = ['Điều 1. A\nx.', 'Điều 2. A\ny.', 'Điều 3. A\nz.'];
    expect(stripRunningHeaders(pages)).toEqual(pages);
  });
});
