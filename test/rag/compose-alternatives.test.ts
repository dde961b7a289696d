/**
 * The sentence quoted from a passage is the one retrieval matched, thesaurus
 * alternatives included (src/rag/compose.ts `bestUnits`).
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/rag/chunk.js';
import { bestUnits } from '../../src/rag/compose.js';
import type { QueryEvidence } from '../../src/rag/query/coverage.js';

const chunk = {
  id: 'c',
  docId: 'QD-1',
  docTitle: 'Quyết định',
  section: 'Điều 1',
  trail: ['Điều 1'],
  kind: 'passage',
  hash: 'h',
  text: [
    'Người dân trong cơ quan được phổ biến các quy định mới về thi đua.',
    'Việc xây dựng, phê duyệt lại Đề án vị trí việc làm theo quy định.',
    'Cơ quan tổ chức hội nghị tổng kết cuối năm.',
  ].join('\n'),
} as Chunk;

/** "chỗ làm trong cơ quan": "chỗ làm" has the alternative "vị trí việc làm". */
function evidence(withAlternative: boolean): QueryEvidence {
  const alternative = { keys: ['vi', 'tri', 'viec', 'lam'], pairs: ['vi tri', 'tri viec', 'viec lam'], weight: 0.7 };
  return {
    terms: ['cho', 'lam', 'co', 'quan'],
    pairs: ['cho lam', 'co quan'],
    termWeight: new Map(),
    termAlternatives: new Map(withAlternative ? [['cho', [alternative]]] : []),
    pairAlternatives: new Map(),
  };
}

describe('bestUnits with thesaurus alternatives', () => {
  const idf = (w: string) => (w === 'cho' ? 3 : 1);

  it('quotes the sentence that holds the alternative', () => {
    const ev = evidence(true);
    expect(bestUnits(chunk, ev.terms, idf, { max: 1, evidence: ev })).toEqual(['Việc xây dựng, phê duyệt lại Đề án vị trí việc làm theo quy định.']);
  });

  it('without alternatives, the literal words decide', () => {
    const ev = evidence(false);
    expect(bestUnits(chunk, ev.terms, idf, { max: 1, evidence: ev })).not.toEqual(['Việc xây dựng, phê duyệt lại Đề án vị trí việc làm theo quy định.']);
  });
});
