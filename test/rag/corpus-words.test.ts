/**
 * The retriever tells whether the corpus writes a word or phrase from its
 * build-time frequencies, without scanning text; on the project's knowledge it
 * must agree with the exact text search for single words and be at least as
 * permissive for phrases (a phrase counts as written when its words and
 * adjacent pairs are, which may hold across sentences).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headEvidence, textCorpus } from '../../src/rag/abstention-head.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});
afterAll(() => kb?.close?.());

describe('Retriever.writes', () => {
  it.each([
    [['dự', 'toán'], true],
    [['du', 'toan'], true],
    [['kinh', 'phí'], true],
    [['tầng'], true],
    [['tiktok'], false],
    [['iphone'], false],
    [['nhuận', 'bút'], false],
    [['phần', 'mềm'], true],
    [['căn', 'tin'], false],
    [['toán', 'dự'], false],
  ])('%j → %s', (tokens, written) => {
    expect(kb.retriever.writes(tokens)).toBe(written);
  });

  it('agrees with the exact text search on every word of a sample of passages', () => {
    const exact = textCorpus(kb.retriever.chunks);
    const words = new Set(
      kb.retriever.chunks
        .slice(0, 40)
        .flatMap((c) => c.text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
        .filter((w) => w.length > 1),
    );
    expect(words.size).toBeGreaterThan(200);
    for (const w of words) expect(kb.retriever.writes([w]), w).toBe(exact.writes([w]));
  });

  it('gives headEvidence the same place as the exact corpus', () => {
    const exact = textCorpus(kb.retriever.chunks);
    const passage = [kb.retriever.chunks[0] as { text: string }];
    for (const q of ['Văn phòng Sở ở tầng mấy?', 'Dự toán kinh phí là gì?', 'Sở dùng phần mềm gì?', 'Cổng có ứng dụng cho iPhone không?'])
      expect(headEvidence(q, passage, kb.retriever), q).toBe(headEvidence(q, passage, exact));
  });
});
