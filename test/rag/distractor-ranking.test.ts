/**
 * Rankings decided by evidence, not by a small corpus (issue 15): the
 * project's knowledge plus generated decoy decisions that quote the answering
 * passages verbatim among other sentences of the knowledge (as decrees quote
 * each other). The passage that answers must still rank first, and the
 * refusal evidence must not collapse because the quoted words became common.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, sentencesOf } from '../../bench/lib/synthetic-corpus.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { normalizeText } from '../../src/text/normalize.js';
import { openTestKnowledgeBase, tempDir } from '../helpers/knowledge-base.js';

/** Sentences of the answering passages, quoted by every decoy. */
const QUOTED = [
  'Kinh phí thực hiện Kế hoạch này được cân đối, bố trí từ nguồn ngân sách nhà nước theo phân cấp ngân sách hiện hành và huy động từ các nguồn tài trợ hợp pháp khác (nếu có).',
  'Sau khi nộp hồ sơ trực tuyến thành công, hệ thống cấp một mã số hồ sơ.',
  'Để tra cứu tình trạng hồ sơ: nhập mã số hồ sơ và mã xác nhận (captcha), bấm "Tra cứu" để xem các bước xử lý.',
  'Theo Luật Tiếp công dân 2013, người tiếp công dân được từ chối tiếp: người trong tình trạng say do dùng chất kích thích; người mắc bệnh làm mất khả năng nhận thức hoặc khả năng điều khiển hành vi của mình; người có hành vi đe dọa, xúc phạm hoặc vi phạm nội quy nơi tiếp công dân; người khiếu nại, tố cáo về vụ việc đã được giải quyết đúng chính sách, pháp luật, đã được giải thích, trả lời mà vẫn cố tình khiếu nại, tố cáo kéo dài.',
];
/** Decoy decisions written (8 articles each: about 1,000 chunks beside the knowledge's 166). */
const DECOYS = 120;
const TITLES = ['Phạm vi điều chỉnh', 'Nguyên tắc thực hiện', 'Trách nhiệm phối hợp', 'Chế độ báo cáo', 'Kiểm tra, giám sát'];
const TOPICS = ['quản lý chợ', 'khuyến công', 'an toàn điện', 'xúc tiến thương mại'];

/** One decoy decision: articles whose clauses mix quoted sentences with random sentences of the knowledge. */
function decoy(i: number, pool: readonly string[], rand: () => number): string {
  const pick = () => pool[Math.floor(rand() * pool.length)] ?? '';
  const topic = TOPICS[i % TOPICS.length] as string;
  const lines = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH THỬ NGHIỆM',
    `Số: ${9500 + i}/QĐ-UBND`,
    'QUYẾT ĐỊNH',
    `Về việc ban hành Quy định ${topic} (số ${i})`,
    `Căn cứ ${pick()}`,
  ];
  for (let a = 1; a <= 8; a++) {
    lines.push(`Điều ${a}. ${TITLES[(a + i) % TITLES.length]} về ${topic}`);
    lines.push(`1. ${pick()} ${QUOTED[(a + i) % QUOTED.length]}`, `2. ${pick()} ${pick()}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('ranking with decoys that quote the knowledge', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const kdir = join(tempDir('cchc-decoys-'), 'knowledge');
    cpSync('knowledge', kdir, { recursive: true });
    mkdirSync(join(kdir, 'decoys'));
    const pool = sentencesOf('knowledge');
    const rand = seededRandom(15);
    for (let i = 0; i < DECOYS; i++) writeFileSync(join(kdir, 'decoys', `qd-${i}.txt`), decoy(i, pool, rand));
    kb = await openTestKnowledgeBase({ env: { KNOWLEDGE_DIR: kdir } });
  }, 120_000);
  afterAll(async () => {
    await kb?.close();
  });

  it('indexes the decoys beside the knowledge, and they compete: the quoted sentence itself finds them', async () => {
    expect(kb.chunkCount).toBeGreaterThan(1000);
    for (const quoted of QUOTED) {
      const r = await kb.retriever.retrieve(normalizeText(quoted));
      expect(r.hits.filter((h) => /^95\d\d\/QĐ-UBND$/.test(h.chunk.docId)).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['Kinh phí để thực hiện kế hoạch 1523 lấy từ nguồn nào?', '1523/KH-SCT', 'III'],
    ['Muốn xem hồ sơ đã nộp đang được xử lý tới bước nào thì tra cứu ra sao?', 'Hướng dẫn DVC trực tuyến', 'Tra cứu hồ sơ bằng mã hồ sơ'],
    ['Cán bộ tiếp dân được quyền từ chối tiếp những người nào?', 'Luật Tiếp công dân 2013', 'Trường hợp được từ chối tiếp công dân'],
    ['Những trường hợp nào người tiếp công dân được từ chối tiếp?', 'Luật Tiếp công dân 2013', 'Trường hợp được từ chối tiếp công dân'],
    ['Sau khi nộp hồ sơ online thì được cấp mã gì?', 'Hướng dẫn DVC trực tuyến', 'Tra cứu hồ sơ bằng mã hồ sơ'],
    ['Bị từ chối tiếp dân trong trường hợp nào?', 'Luật Tiếp công dân 2013', 'Trường hợp được từ chối tiếp công dân'],
    ['Kế hoạch được bố trí kinh phí ra sao?', '1523/KH-SCT', 'III'],
  ])('%s → %s %s first', async (q, docId, heading) => {
    const r = await kb.retriever.retrieve(normalizeText(q));
    const top = r.hits[0];
    expect(top?.chunk.docId).toBe(docId);
    expect(top?.chunk.trail.at(-1) ?? '').toContain(heading);
  });

  it('answers, citing the passage, instead of refusing', async () => {
    const a = await kb.answerer.ask('Kinh phí để thực hiện kế hoạch 1523 lấy từ nguồn nào?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('ngân sách nhà nước');
  });
});
