/**
 * Regression guard on the project's own question sets (nothing from outside the repository):
 * bench/data/own-questions.jsonl at the answering-core thresholds, and the
 * held-out `test` split of bench/data/questions/ at floors set to the level
 * measured when the set was written, minus a small margin. Raise the floors
 * when answering improves; a drop below them is a regression.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkItems } from '../../bench/check-question-set.js';
import { expandEvalPaths, filterItems, formatKindTable, formatSummary, isRelevant, readEvalFile, runEval } from '../../src/eval/questions.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe("answering on the project's own sets", () => {
  it('bench/data/own-questions.jsonl meets the answering thresholds', async () => {
    const s = await runEval(readEvalFile('bench/data/own-questions.jsonl'), kb.answerer);
    process.stderr.write(`own-questions: ${formatSummary(s)}\n`);
    expect(s.hit1).toBeGreaterThanOrEqual(0.9);
    expect(s.hit5).toBeGreaterThanOrEqual(0.98);
    expect(s.keywordAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.oosAbstained).toBe(1);
    expect(s.falseAbstentions).toBeLessThanOrEqual(0.05);
  });

  it('bench/data/questions/ (test split) stays above the measured floors', async () => {
    const items = expandEvalPaths(['bench/data/questions']).flatMap((f) => readEvalFile(f));
    const test = filterItems(items, { split: 'test' });
    expect(test.length).toBeGreaterThanOrEqual(360);
    const s = await runEval(test, kb.answerer);
    process.stderr.write(`questions/ test split: ${formatSummary(s)}\n${formatKindTable(s)}\n`);
    // Measured 2026-12-02, second session of issue 9 (entity conflicts, answer types that read the
    // question, competing structured answers, a 955-set thesaurus counted toward coverage, chat
    // typing, a refitted policy), on the test split grown from 250 to 371 items with 261 harder
    // items added across both splits: hit@1 0.727, hit@5 0.853, MRR 0.781, keywords 0.771,
    // oos abstained 0.738, in-scope abstained 0.122. On the same 250 items as the previous floors:
    // 0.750 / 0.864 / 0.797 / 0.784 / 0.649 / 0.114 (were 0.761 / 0.869 / 0.807 / 0.767 / 0.622 / 0.091).
    // Floors sit just below the 371-item figures; in-scope refusal is now the weak point.
    expect(s.hit1).toBeGreaterThanOrEqual(0.71);
    expect(s.hit5).toBeGreaterThanOrEqual(0.84);
    expect(s.mrr).toBeGreaterThanOrEqual(0.77);
    expect(s.keywordAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(s.oosAbstained).toBeGreaterThanOrEqual(0.72);
    expect(s.falseAbstentions).toBeLessThanOrEqual(0.14);
  }, 120_000);
});

describe('the question set itself', () => {
  it('every expectation in bench/data/questions/ matches an indexed passage', () => {
    const texts = kb.snapshot.chunks.map((c) => c.text);
    const seen = new Set<string>();
    const problems = expandEvalPaths(['bench/data/questions']).flatMap((f) => checkItems(f, readEvalFile(f), texts, seen));
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(740);
  });
});

describe('evidence matching as defined in the question-set format', () => {
  it.each([
    ['Giai đoạn 2022 – 2025', [['2022 - 2025']], true],
    ['Văn   phòng Sở', [['văn phòng sở']], true],
    ['abc', [['x'], ['a', 'c']], true],
    ['abc', [['a', 'x']], false],
  ])('%s', (text, expect_, relevant) => {
    expect(isRelevant(text, expect_)).toBe(relevant);
  });
});
