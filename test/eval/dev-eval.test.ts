/**
 * The answering thresholds of the answering-core issue, measured the same way
 * as `cli eval`: on the shared dev sample (read at test time, never copied)
 * and on our own question set.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, isRelevant, readEvalFile, runEval } from '../../src/eval/questions.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

const SHARED_DEV = '../shared/eval/dev-questions.jsonl';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

function expectThresholds(s: Awaited<ReturnType<typeof runEval>>): void {
  expect(s.hit1).toBeGreaterThanOrEqual(0.9);
  expect(s.hit5).toBeGreaterThanOrEqual(0.98);
  expect(s.keywordAccuracy).toBeGreaterThanOrEqual(0.9);
  expect(s.oosAbstained).toBe(1);
  expect(s.falseAbstentions).toBeLessThanOrEqual(0.05);
}

describe('answering thresholds', () => {
  it.skipIf(!existsSync(SHARED_DEV))('shared dev sample', async () => {
    const s = await runEval(readEvalFile(SHARED_DEV), kb.answerer);
    process.stderr.write(`${formatSummary(s)}\n`);
    expectThresholds(s);
  });

  it('our own question set', async () => {
    const s = await runEval(readEvalFile('bench/data/own-questions.jsonl'), kb.answerer);
    process.stderr.write(`${formatSummary(s)}\n`);
    expectThresholds(s);
  });
});

describe('evidence matching as defined in shared/eval/README.md', () => {
  it.each([
    ['Giai đoạn 2022 – 2025', [['2022 - 2025']], true],
    ['Văn   phòng Sở', [['văn phòng sở']], true],
    ['abc', [['x'], ['a', 'c']], true],
    ['abc', [['a', 'x']], false],
  ])('%s', (text, expect_, relevant) => {
    expect(isRelevant(text, expect_)).toBe(relevant);
  });
});
