import { describe, expect, it } from 'vitest';
import { bodyTexts, sentencesOf } from '../../src/knowledge/body-texts.js';
import { defaultMeta, type LoadedDocument } from '../../src/knowledge/document.js';

const doc = (file: string, structure: 'plan' | 'markdown', sections: Array<[string, string, 'passage' | 'outline']>): LoadedDocument => ({
  file,
  meta: { ...defaultMeta({ id: file, title: file }), structure },
  sections: sections.map(([path, text, kind]) => ({ path, trail: [path], text, kind })),
});

describe('sentencesOf', () => {
  it.each([
    ['- Tuyên truyền quan điểm; mục tiêu chủ yếu.', ['Tuyên truyền quan điểm', 'mục tiêu chủ yếu.']],
    ['a) Truyền thông cải cách thể chế', ['Truyền thông cải cách thể chế']],
    ['(1) đăng nhập. (2) tìm thủ tục', ['đăng nhập.', 'tìm thủ tục']],
    ['Mức 1 gồm họ tên.\nNguồn: https://example.vn/a', ['Mức 1 gồm họ tên.']],
    ['  -   nhiều   khoảng   trắng  ', ['nhiều khoảng trắng']],
    ['- 1414', []],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('bodyTexts', () => {
  const plan = doc('ke-hoach.md', 'plan', [
    ['Phần mở đầu', 'Căn cứ Quyết định số 845.', 'passage'],
    ['II', 'NỘI DUNG', 'outline'],
    ['II.1.a', '- Tuyên truyền quan điểm.\n- Tuyên truyền quan điểm.', 'passage'],
    ['IV.2', 'Văn phòng Sở làm đầu mối.', 'passage'],
    ['Nơi nhận', '- UBND tỉnh (b/c);', 'passage'],
  ]);
  const guide = doc('guides/dvc.md', 'markdown', [['Nộp hồ sơ', 'Các bước nộp hồ sơ.\nNguồn: https://x.vn', 'passage']]);
  const catalogue = doc('catalog/nd-42.md', 'markdown', [['Tóm tắt', 'Nghị định về dịch vụ công.', 'passage']]);

  it('reads the plan sections I–IV, the guide and explainer passages and the duties, once each', () => {
    expect(bodyTexts([plan, guide, catalogue], ['Làm đầu mối; theo dõi, đôn đốc'])).toEqual([
      'Tuyên truyền quan điểm.',
      'Văn phòng Sở làm đầu mối.',
      'Các bước nộp hồ sơ.',
      'Làm đầu mối',
      'theo dõi, đôn đốc',
    ]);
  });

  it('skips the preamble, recipients, outlines and catalogue entries', () => {
    const texts = bodyTexts([plan, catalogue]);
    expect(texts).not.toContain('Căn cứ Quyết định số 845.');
    expect(texts.some((t) => t.includes('UBND tỉnh'))).toBe(false);
    expect(texts.some((t) => t.includes('Nghị định'))).toBe(false);
  });
});
