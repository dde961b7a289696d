/**
 * What the first question would wait for is done when the knowledge base
 * opens: the diacritic restoration model (from the snapshot's spelling
 * counts) and the corpus's years and document numbers.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { RagAnswerer } from '../../src/rag/answerer.js';
import { openKnowledgeBase } from '../../src/rag/knowledge-base.js';
import { tempDir } from '../helpers/knowledge-base.js';

describe('openKnowledgeBase warms the first question', () => {
  it('builds the restoration model and scans the corpus entities before it returns, with the spelling counts in the snapshot', async () => {
    const kn = tempDir('cchc-warm-');
    mkdirSync(join(kn, 'notes'), { recursive: true });
    copyFileSync('knowledge/glossary.yaml', join(kn, 'glossary.yaml'));
    writeFileSync(
      join(kn, 'notes', 'n1.md'),
      '---\nid: "ghi-chu-1"\ntitle: "Ghi chú về hồ sơ"\ntype: "ghi chú"\n---\n## Mục 1. Hồ sơ\nHồ sơ nộp tại Bộ phận một cửa năm 2025 theo Quyết định 845/QĐ-UBND.\n',
    );
    const kb = await openKnowledgeBase({ config: createConfig({ DATA_DIR: tempDir(), KNOWLEDGE_DIR: kn }), logger: createLogger('silent'), generator: null });
    expect(kb.retriever.diacriticsReady).toBe(true);
    expect((kb.answerer as RagAnswerer).corpusEntitiesReady).toBe(true);
    expect(kb.snapshot.spellings?.pairs.get('hồ sơ')).toBeGreaterThan(0);
  });
});
