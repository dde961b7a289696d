import { describe, expect, it } from 'vitest';
import { foldText, hasDiacritics, normalizeText } from '../../src/text/normalize.js';

describe('normalizeText: canonical tone placement', () => {
  it.each([
    ['hoá', 'hóa'],
    ['Uỷ ban', 'Ủy ban'],
    ['thuỷ lợi', 'thủy lợi'],
    ['oà', 'òa'],
    ['tuỳ', 'tùy'],
    ['hoà nhập', 'hòa nhập'],
    ['khoẻ', 'khỏe'],
    // already canonical, or not affected by the rule
    ['hóa', 'hóa'],
    ['quý', 'quý'],
    ['giá', 'giá'],
    ['gì', 'gì'],
    ['của', 'của'],
    ['toán', 'toán'],
    ['người', 'người'],
    ['nguyễn', 'nguyễn'],
    ['quà', 'quà'],
    ['CCHC', 'CCHC'],
    ['PAR INDEX', 'PAR INDEX'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('composes NFD input into NFC', () => {
    const nfd = 'Thủ tục hành chính'.normalize('NFD');
    expect(normalizeText(nfd)).toBe('Thủ tục hành chính');
    expect(normalizeText(nfd).length).toBe('Thủ tục hành chính'.length);
  });

  it('unifies dashes, quotes and spaces', () => {
    expect(normalizeText('2022 – 2025\u00a0“PCI”')).toBe('2022 - 2025 "PCI"');
  });
});

describe('foldText', () => {
  it.each([
    ['Thủ tục hành chính', 'thu tuc hanh chinh'],
    ['ĐƠN VỊ', 'don vi'],
    ['Sở Công Thương Quảng Ngãi', 'so cong thuong quang ngai'],
    ['hoá', 'hoa'],
    ['60/2021/NĐ-CP', '60/2021/nd-cp'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('hasDiacritics', () => {
  it.each([
    ['thủ tục', true],
    ['đơn vị', true],
    ['thu tuc', false],
    ['PCI 2022', false],
  ])('%s → %s', (input, expected) => {
    expect(hasDiacritics(input)).toBe(expected);
  });
});

describe('memoised normalisation', () => {
  it('gives the same result on a repeat as the first time, for short and long texts', () => {
    const fold = foldText;
    const norm = normalizeText;
    const short = 'Thủ tục Hành chính – “Đăng ký”';
    const long = `${short} `.repeat(40);
    for (const t of [short, long]) {
      const first = [fold(t), norm(t)];
      expect([fold(t), norm(t)]).toEqual(first);
    }
    expect(fold(short)).toBe('thu tuc hanh chinh – “dang ky”');
    expect(norm(short)).toBe('Thủ tục Hành chính - "Đăng ký"');
  });
});
