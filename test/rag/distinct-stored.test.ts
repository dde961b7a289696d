/**
 * A full build stores the frequencies that count repeated text once, so the
 * retriever reads them instead of tokenising the corpus when it opens: the
 * stored ones (also after the snapshot is reloaded) equal what the retriever
 * would compute. An update, which does not read every chunk, stores none.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { distinctFrequencies } from '../../src/rag/distinct-frequencies.js';
import { HashEmbedder } from '../../src/rag/embedder.js';
import { loadSnapshot, openIndex } from '../../src/rag/index-store.js';
import { createGlossary } from '../../src/text/glossary.js';
import { tempDir } from '../helpers/knowledge-base.js';

const glossary = createGlossary([{ abbr: 'TTHC', full: 'thủ tục hành chính' }]);
const QUOTED = 'Sở Công Thương chủ trì, phối hợp với các sở, ngành kiểm tra việc giải quyết TTHC trên địa bàn tỉnh.';

function writeDecisions(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    const own = `Quyết định số ${n} về chợ loại ${n % 3} có hiệu lực từ ngày ${n + 1} tháng ${1 + (n % 12)}.`;
    writeFileSync(
      join(dir, `qd-${n}.md`),
      `---\nid: "${n}/QĐ-UBND"\ntitle: "Quyết định ${n}"\ntype: "quyết định"\n---\n## Điều 1. Phạm vi\n${own}\n${QUOTED}\n\n## Điều 2. Trách nhiệm\n${n % 2 ? QUOTED : own}\n`,
    );
  }
}

const open = (knowledgeDir: string, dataDir: string) =>
  openIndex({ knowledgeDir, dataDir, embedder: new HashEmbedder(64, glossary), glossary, logger: createLogger('silent'), workers: 0 });

describe('stored distinct frequencies', () => {
  it('equal the ones computed at open after a full build, and are left out by an update', async () => {
    const root = tempDir('cchc-distinct-');
    const kdir = join(root, 'k');
    const ddir = join(root, 'd');
    writeDecisions(kdir, 12);
    const built = (await open(kdir, ddir)).snapshot;
    const computed = distinctFrequencies(built.chunks, built.features.frequencies(), glossary);
    // The quoted sentence really is discounted (otherwise this test would compare two copies of the base).
    expect(computed.words.get('a:chủ')).toBeLessThan(built.features.frequencies().words.get('a:chủ') as number);
    expect(built.features.distinctFrequencies()).toEqual(computed);
    const reloaded = await loadSnapshot(built.dir, new HashEmbedder(64, glossary), glossary);
    expect(reloaded.features.distinctFrequencies()).toEqual(computed);

    rmSync(join(kdir, 'qd-3.md'));
    const { snapshot: updated, changes } = await open(kdir, ddir);
    expect(changes?.incremental).toBe(true);
    expect(updated.features.distinctFrequencies()).toBeNull();
    expect((await loadSnapshot(updated.dir, new HashEmbedder(64, glossary), glossary)).features.distinctFrequencies()).toBeNull();
  });
});
