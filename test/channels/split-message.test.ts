import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/channels/split-message.js';

const strip = (s: string) => s.replace(/\s+/g, '');

describe('splitMessage', () => {
  const table: Array<{ name: string; input: string; max: number; expected: string[] }> = [
    { name: 'short text stays whole', input: 'Xin chào', max: 20, expected: ['Xin chào'] },
    { name: 'empty text gives no chunk', input: '  \n ', max: 10, expected: [] },
    { name: 'paragraphs first', input: 'aaaa bbbb\n\ncccc dddd', max: 12, expected: ['aaaa bbbb', 'cccc dddd'] },
    {
      name: 'paragraphs are packed together while they fit',
      input: 'aa\n\nbb\n\ncccccccc',
      max: 8,
      expected: ['aa\n\nbb', 'cccccccc'],
    },
    { name: 'then lines', input: 'dòng một\ndòng hai\ndòng ba', max: 17, expected: ['dòng một\ndòng hai', 'dòng ba'] },
    {
      name: 'then sentences',
      input: 'Câu một. Câu hai! Câu ba?',
      max: 10,
      expected: ['Câu một.', 'Câu hai!', 'Câu ba?'],
    },
    { name: 'then words', input: 'một hai ba bốn năm', max: 7, expected: ['một hai', 'ba bốn', 'năm'] },
    { name: 'hard cut for a word longer than the limit', input: 'abcdefghij', max: 4, expected: ['abcd', 'efgh', 'ij'] },
    { name: 'never splits a surrogate pair', input: '😀😀😀', max: 3, expected: ['😀', '😀', '😀'] },
    {
      name: 'NFC before measuring (NFD "hoá" is 5 units, NFC 3)',
      input: 'hoa\u0301 hoa\u0301',
      max: 7,
      expected: ['hoá hoá'],
    },
  ];

  it.each(table)('$name', ({ input, max, expected }) => {
    expect(splitMessage(input, max)).toEqual(expected);
  });

  it('keeps every character in order on a long mixed text, each chunk within the limit', () => {
    const para = (n: number) => Array.from({ length: 30 }, (_, i) => `Câu số ${n}.${i} về cải cách hành chính, thủ tục và PCI.`).join(' ');
    const text = [para(1), para(2), 'dòng\nngắn\nhơn', para(3), 'X'.repeat(2500)].join('\n\n');
    const chunks = splitMessage(text, 2000);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(2000);
    expect(strip(chunks.join(''))).toBe(strip(text.normalize('NFC')));
  });

  it('splits by a custom measure (escaped HTML length)', () => {
    const measure = (s: string) => s.replace(/&/g, '&amp;').length;
    const chunks = splitMessage('&&&& &&&&', 20, measure);
    expect(chunks).toEqual(['&&&&', '&&&&']);
  });

  it('rejects a nonsensical limit', () => {
    expect(() => splitMessage('abc', 1)).toThrow(RangeError);
  });
});
