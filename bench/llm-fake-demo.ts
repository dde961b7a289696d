/**
 * One LLM-mode run against the loopback fake (no network, no real model):
 * question → rewrite → fused retrieval (top 8 passages) → the model's answer
 * with [n] citations → the bot's final answer, through the real answerer and
 * the real openai client.
 *
 * The fake "model" is scripted and deterministic: it rewrites the demo
 * question with a fixed administrative wording, and answers by quoting the
 * sentence of the passages that shares the most words with the rewrite,
 * citing its passage number. It shows the pipeline, not a model's quality.
 *
 *   npx tsx bench/llm-fake-demo.ts ["câu hỏi" "câu viết lại"]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../src/config.js';
import { createLlmPorts } from '../src/llm/ports.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
import { type FakeChatRequest, isRewriteRequest, startFakeOpenAi, userMessage } from '../test/helpers/fake-openai.js';

// A question no structured answerer (duties, procedures, contacts, document facts) takes: those
// compete before the model is asked, so a duty question ("tiền … ai lo") never reaches it.
const question = process.argv[2] ?? 'kế hoạch có nói chuyện dạy người ta phân loại rác không';
const rewrite = process.argv[3] ?? 'truyền thông nâng cao nhận thức bảo vệ môi trường, phân loại chất thải';

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );

/** The scripted model's answer: the best-matching sentence of the passages, cited. */
function scriptedAnswer(req: FakeChatRequest): string {
  const user = userMessage(req);
  const want = words(rewrite);
  let best = { score: 0, n: 0, sentence: '' };
  for (const m of user.matchAll(/^\[(\d+)\] \([^)]*\)[^\n]*\n([\s\S]*?)(?=\n\n\[\d+\] \(|\n\nCâu hỏi:)/gm)) {
    for (const sentence of (m[2] as string).split(/(?<=[.;])\s+|\n/)) {
      const score = [...words(sentence)].filter((w) => want.has(w)).length;
      if (score > best.score) best = { score, n: Number(m[1]), sentence: sentence.replace(/^\d+\.\s*/, '').trim() };
    }
  }
  return best.n ? `${best.sentence.replace(/[.;]$/, '')} [${best.n}].` : 'KHÔNG CÓ THÔNG TIN';
}

const fake = await startFakeOpenAi();
const outputs: string[] = [];
fake.reply = (req) => {
  const out = isRewriteRequest(req) ? (userMessage(req) === question ? rewrite : userMessage(req)) : scriptedAnswer(req);
  outputs.push(out);
  return out;
};
const dataDir = mkdtempSync(join(tmpdir(), 'cchc-llm-demo-'));
try {
  const config = createConfig({
    DATA_DIR: dataDir,
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_MODEL: 'fake-qwen2.5:7b-instruct',
    OPENAI_TIMEOUT_MS: '5000',
  });
  const logger = createLogger('silent');
  const kb = await openKnowledgeBase({ config, logger, ...(await createLlmPorts(config, logger)) });
  const answer = await kb.answerer.ask(question);

  const rewriteReq = fake.requests.find(isRewriteRequest);
  const answerReq = fake.requests.find((r) => !isRewriteRequest(r));
  const passages = [...(answerReq ? userMessage(answerReq) : '').matchAll(/^\[(\d+)\] \(([^)]+)\) ?(.*)$/gm)];
  const out = (s = '') => process.stdout.write(`${s}\n`);
  out(`Câu hỏi (question):        ${question}`);
  out(`Viết lại (rewrite):        ${rewriteReq ? outputs[fake.requests.indexOf(rewriteReq)] : '(none)'}`);
  out('Đoạn trích gửi mô hình (top 8, RRF of question + rewrite):');
  for (const p of passages) out(`  [${p[1]}] ${p[2]} — ${(p[3] ?? '').slice(0, 90)}`);
  out(`Mô hình trả lời (model):   ${answerReq ? outputs[fake.requests.indexOf(answerReq)] : '(not asked)'}`);
  out(`Câu trả lời cuối (final):  ${answer.answer}`);
  out(`abstained=${answer.abstained}; nguồn (sources): ${answer.sources.map((s) => `[${s.doc}, ${s.section}]`).join(' ')}`);
  out(`Model calls: ${fake.requests.length} (1 rewrite + 1 answer${answerReq ? '' : '; the model was not asked: a structured answer won before LLM mode'})`);
  const embedded = await openKnowledgeBase({ config: createConfig({ DATA_DIR: dataDir }), logger });
  const plain = await embedded.answerer.ask(question);
  out(`Không có LLM (embedded default): abstained=${plain.abstained} — ${plain.answer.slice(0, 100)}…`);
} finally {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
}
