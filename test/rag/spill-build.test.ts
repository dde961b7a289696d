/**
 * A full build whose per-chunk lists go through spill files writes the same
 * BM25 and feature files, byte for byte, as one that keeps them in memory;
 * and a spill file reads back what was written across its buffer refills.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/rag/chunk.js';
import { ChunkFeatureStore, chunkFeatureKeys } from '../../src/rag/chunk-features.js';
import { LexicalIndex } from '../../src/rag/lexical-index.js';
import { SpillWriter } from '../../src/rag/spill-file.js';
import { createGlossary } from '../../src/text/glossary.js';
import { tempDir } from '../helpers/knowledge-base.js';

const glossary = createGlossary([{ abbr: 'TTHC', full: 'thủ tục hành chính' }]);
const WORDS = ['hồ sơ', 'TTHC', 'cấp phép', 'báo cáo', 'kiểm tra', 'xăng dầu', 'thời hạn', 'ủy ban', 'doanh nghiệp', 'phối hợp', 'địa bàn'];

const chunks: Chunk[] = Array.from({ length: 400 }, (_, n) => ({
  id: `QĐ ${n}#Điều 1#passage`,
  docId: `QĐ ${n % 30}`,
  docTitle: 'Quyết định thử',
  docType: 'quyết định',
  file: `qd-${n % 30}.txt`,
  section: 'Điều 1',
  trail: ['Điều 1', `Khoản ${n % 7}`],
  text: `Khoản ${n}: ${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} và ${WORDS[(n * 3) % WORDS.length]} số ${n}, ${WORDS[n % 5]} ${WORDS[n % 5]}.`,
  kind: 'passage',
  hash: `h${n}`,
}));

const files = (dir: string, names: string[]) => names.map((n) => readFileSync(join(dir, n)));

describe('spilling full build', () => {
  it('writes byte-identical BM25 and feature files', () => {
    const root = tempDir('cchc-spill-');
    const [inMemory, spilled] = ['memory', 'spill'].map((name) => {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      const spill = name === 'spill' ? { spill: join(dir, 'x.spill') } : {};
      const lex = LexicalIndex.builder(null, new Set(), glossary, spill);
      const feat = ChunkFeatureStore.builder(null, undefined, spill);
      const memo = new Map<string, string[]>();
      for (const c of chunks) {
        lex.add(c);
        feat.addKeys(c.id, chunkFeatureKeys(c, 'bí danh', glossary, memo));
      }
      lex.finish().save(dir);
      feat.finish().save(dir);
      return dir;
    });
    const names = ['lexical.json', 'lexical.bin', 'features.json', 'features.bin'];
    expect(files(spilled as string, names)).toEqual(files(inMemory as string, names));
  });

  it('reads back lists of any size across buffer refills, aligned', () => {
    const path = join(tempDir('cchc-spill-'), 'lists.spill');
    const out = new SpillWriter(path);
    const lists: Uint32Array[] = [];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    // About 6 MB: more than one buffer, with one list larger than the buffer.
    for (let i = 0; i < 3000; i++) lists.push(Uint32Array.from({ length: i === 1500 ? 1_200_000 : rand() % 300 }, rand));
    for (const l of lists) out.append(l);
    const back = out.finish();
    const bytes = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    let differing = 0;
    for (const l of lists) if (Buffer.compare(bytes(back.u32(l.length)), bytes(l)) !== 0) differing++;
    expect(differing).toBe(0);
    back.close();
  });
});
