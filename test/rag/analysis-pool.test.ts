/**
 * The analysis pool hands back every batch in chunk order, and a worker that
 * dies mid-build (as one out of memory does) costs no batch: the batches not
 * yet delivered are analysed in the calling thread, with the same results as
 * an analysis that never used workers.
 */
import { describe, expect, it } from 'vitest';
import { analyzeChunks } from '../../src/rag/analysis-pool.js';
import type { Chunk } from '../../src/rag/chunk.js';
import type { AnalysisSpec } from '../../src/rag/chunk-analysis.js';

const WORDS = ['hồ sơ', 'thủ tục', 'cấp phép', 'báo cáo', 'kiểm tra', 'xăng dầu', 'thời hạn', 'ủy ban', 'doanh nghiệp', 'phối hợp', 'địa bàn'];

const chunks: Chunk[] = Array.from({ length: 700 }, (_, n) => ({
  id: `QĐ ${n}#Điều 1#passage`,
  docId: `QĐ ${n % 40}`,
  docTitle: 'Quyết định thử',
  docType: 'quyết định',
  file: `qd-${n % 40}.txt`,
  section: 'Điều 1',
  trail: ['Điều 1', `Khoản ${n % 7}`],
  text: `Khoản ${n}: ${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} và ${WORDS[(n * 3) % WORDS.length]} số ${n}.`,
  kind: 'passage',
  hash: `h${n}`,
}));

/** Every chunk's decoded terms and feature keys, as strings, in the order delivered. */
async function analyse(spec: AnalysisSpec, workers: number): Promise<{ out: string[][]; poolErrors: number }> {
  const terms: string[] = [];
  const keys: string[] = [];
  const id = (dict: string[]) => (s: string) => {
    dict.push(s);
    return dict.length - 1;
  };
  const out: string[][] = [];
  let poolErrors = 0;
  await analyzeChunks(chunks, {
    spec,
    workers,
    minPoolChunks: 0,
    aliases: () => '',
    embed: () => false,
    onPoolError: () => {
      poolErrors++;
    },
    onBatch(start, b, decoder) {
      for (let i = 0; i < b.lexEnd.length; i++) {
        const doc = decoder.docTerms(b, i, id(terms));
        const feats = decoder.featureIds(b, i, id(keys));
        out[start + i] = [...[...doc.terms].map((t) => terms[t] as string), '|', ...feats.flatMap((l) => [...[...l].map((k) => keys[k] as string), '|'])];
      }
    },
  });
  return { out, poolErrors };
}

describe('analyzeChunks', () => {
  it('analyses every batch once, in order, when a worker exits mid-build', async () => {
    const here = await analyse({}, 0);
    const pooled = await analyse({}, 2);
    const crashing = await analyse({ exitAfterBatches: 1 }, 2);
    expect(here.out).toHaveLength(chunks.length);
    expect(pooled.out).toEqual(here.out);
    expect(pooled.poolErrors).toBe(0);
    expect(crashing.poolErrors).toBe(1);
    expect(crashing.out).toEqual(here.out);
  }, 60_000);
});
