import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openKnowledgeBase } from '../../src/rag/knowledge-base.js';
import { tempDir } from '../helpers/knowledge-base.js';
import { buildDecisionDocx, buildDecisionPdf, type DecisionSpec, sampleDecisionSpec } from '../knowledge/ingest/fixtures.js';

const QUESTION = 'Phản ánh về giá điện được chuyển cho phòng nào xử lý?';

function spec(): DecisionSpec {
  const s = sampleDecisionSpec();
  s.articles.splice(2, 0, {
    heading: 'Điều 3. Chuyển phản ánh theo lĩnh vực',
    paragraphs: [
      '1. Phản ánh về giá điện được chuyển cho Phòng Quản lý năng lượng (hư cấu) xử lý trong 02 ngày làm việc.',
      '2. Phản ánh về an toàn thực phẩm được chuyển cho Chi cục Quản lý thị trường (hư cấu).',
    ],
  });
  s.articles[3] = { ...(s.articles[3] as DecisionSpec['articles'][number]), heading: 'Điều 4. Tổ chức thực hiện' };
  return s;
}

async function kbFor(knowledgeDir: string, dataDir: string) {
  return openKnowledgeBase({
    config: createConfig({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir }),
    logger: createLogger('silent'),
    generator: null,
  });
}

describe.each([
  ['docx', (s: DecisionSpec) => buildDecisionDocx(s)],
  ['pdf', (s: DecisionSpec) => buildDecisionPdf(s)],
])('a made-up decision dropped in as %s', (ext, build) => {
  it('is answered from its Điều and cited by article; deleting the file removes the answer', async () => {
    const kn = tempDir('cchc-drop-');
    const data = tempDir();
    copyFileSync('knowledge/ke-hoach-1523-KH-SCT.md', join(kn, 'ke-hoach-1523-KH-SCT.md'));
    copyFileSync('knowledge/glossary.yaml', join(kn, 'glossary.yaml'));
    const file = join(kn, `quyet-dinh-99.${ext}`);
    writeFileSync(file, await build(spec()));

    const kb = await kbFor(kn, data);
    expect(kb.changes?.errors).toEqual([]);
    const a = await kb.answerer.ask(QUESTION);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('Phòng Quản lý năng lượng');
    expect(a.answer).toMatch(/\[99\/QĐ-THU, Điều 3(, Khoản 1)?\]/);
    expect(a.sources[0]?.doc).toBe('99/QĐ-THU');
    expect(a.sources[0]?.section).toMatch(/^Điều 3/);

    rmSync(file);
    const after = await kbFor(kn, data);
    expect(after.changes?.removedFiles).toEqual([`quyet-dinh-99.${ext}`]);
    const b = await after.answerer.ask(QUESTION);
    expect(b.answer).not.toContain('Phòng Quản lý năng lượng');
    expect(b.sources.some((s) => s.doc === '99/QĐ-THU')).toBe(false);
  });
});
