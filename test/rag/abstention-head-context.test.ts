/**
 * The asked head is looked for in the best passages with their document
 * title and headings (src/rag/abstention.ts `abstentionFeatures`): "… có
 * trong kế hoạch không?" is answered by a section of a plan whose own text
 * never repeats "kế hoạch".
 */
import { describe, expect, it } from 'vitest';
import { abstentionFeatures } from '../../src/rag/abstention.js';
import type { Chunk } from '../../src/rag/chunk.js';
import type { RetrievalResult } from '../../src/rag/retriever.js';

function hit(docTitle: string, text: string) {
  const chunk = { id: text, docId: 'D-1', docTitle, section: 'II', trail: ['II. Nội dung'], text, kind: 'passage', hash: text } as Chunk;
  return { chunk, score: 1, coverage: 0.9, headingCoverage: 0, phraseCoverage: 0.5, headingPhrase: 0, rrf: 0.02, gap: 0 };
}

function retrieval(docTitle: string): RetrievalResult {
  return {
    query: 'q',
    intent: { kind: 'yesno', kinds: ['yesno'], subject: '', docNumbers: [] },
    analysis: { cleaned: 'Hỗ trợ doanh nghiệp phục hồi sau dịch có trong kế hoạch không?' },
    terms: ['ho', 'tro', 'doanh', 'nghiep'],
    pairs: [],
    evidence: { terms: [], pairs: [], termWeight: new Map(), termAlternatives: new Map(), pairAlternatives: new Map() },
    vocabularyCoverage: 1,
    pairVocabularyCoverage: 1,
    supportedSyllables: 1,
    hits: [hit(docTitle, 'Hỗ trợ doanh nghiệp phục hồi và phát triển sản xuất sau dịch.'), hit(docTitle, 'Một đoạn khác về doanh nghiệp.')],
  } as unknown as RetrievalResult;
}

describe('asked head in the passage context', () => {
  const corpus = [{ text: 'Kế hoạch này áp dụng cho các phòng.' }, { text: 'Hỗ trợ doanh nghiệp phục hồi và phát triển sản xuất sau dịch.' }];
  const question = 'Hỗ trợ doanh nghiệp phục hồi sau dịch có trong kế hoạch không?';

  it('is found in the title of the passage document', () => {
    expect(abstentionFeatures(question, retrieval('Kế hoạch truyền thông năm 2022'), corpus).headMissing).toBe(0);
  });

  it('is missing when neither the passages nor their context hold it', () => {
    expect(abstentionFeatures(question, retrieval('Quyết định về thi đua'), corpus).headMissing).toBe(0.5);
  });
});
