import { describe, expect, it } from 'vitest';
import { defaultMeta } from '../../src/knowledge/document.js';
import { chunkDocument, MAX_CHUNK_CHARS, splitText } from '../../src/rag/chunk.js';

describe('splitText', () => {
  it('returns short text unchanged', () => {
    expect(splitText('ngắn', 100)).toEqual(['ngắn']);
  });

  it('splits long text into pieces within the limit, without losing words', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `- Dòng số ${i} nói về thủ tục hành chính và dịch vụ công trực tuyến.`);
    const text = ['a) Tiêu đề mục', ...lines].join('\n');
    const pieces = splitText(text, 500, 'a) Tiêu đề mục');
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(500);
    for (const p of pieces.slice(1)) expect(p.startsWith('a) Tiêu đề mục (tiếp)\n')).toBe(true);
    const words = (s: string) =>
      s
        .replace(/a\) Tiêu đề mục \(tiếp\)\n/g, '')
        .split(/\s+/)
        .filter(Boolean);
    expect(pieces.flatMap(words)).toEqual(words(text));
  });

  it('cuts a single over-long sentence at spaces', () => {
    const text = 'từ '.repeat(800).trim();
    const pieces = splitText(text, 300);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(300);
    expect(pieces.join(' ').split(' ').length).toBe(800);
  });
});

describe('chunkDocument', () => {
  it('gives every chunk document id, section path, trail and ≤ 1500 characters', () => {
    const doc = {
      file: 'x.md',
      meta: defaultMeta({ id: '99/QĐ-X', title: 'Quyết định thử' }),
      sections: [
        { path: 'Điều 1', trail: ['Quyết định thử', 'Điều 1'], text: 'Điều 1. Phạm vi\n' + 'nội dung '.repeat(400), kind: 'passage' as const },
        { path: 'Điều 2', trail: ['Quyết định thử', 'Điều 2'], text: 'Điều 2. Hiệu lực', kind: 'passage' as const },
      ],
    };
    const chunks = chunkDocument(doc);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.docId).toBe('99/QĐ-X');
      expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
      expect(c.trail[0]).toBe('Quyết định thử');
    }
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
    expect(chunks.at(-1)?.section).toBe('Điều 2');
  });
});
