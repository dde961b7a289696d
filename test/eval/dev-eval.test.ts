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
    expect(test.length).toBeGreaterThanOrEqual(240);
    const s = await runEval(test, kb.answerer);
    process.stderr.write(`questions/ test split: ${formatSummary(s)}\n${formatKindTable(s)}\n`);
    // Measured 2026-12-02 (issue 9: framing, i/y spelling, partial document numbers, catalogue
    // gaps, answer types for names/quantities/contacts, a larger thesaurus, a refitted policy),
    // on the test split grown to 250 items: hit@1 0.761, hit@5 0.864, MRR 0.805, keywords 0.767,
    // oos abstained 0.608, in-scope abstained 0.097 (was 0.764 / 0.854 / 0.804 / 0.757 / 0.467 / 0.104
    // on 189 items). Floors sit just below; out-of-scope refusal is still the weak point.
    expect(s.hit1).toBeGreaterThanOrEqual(0.74);
    expect(s.hit5).toBeGreaterThanOrEqual(0.85);
    expect(s.mrr).toBeGreaterThanOrEqual(0.79);
    expect(s.keywordAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(s.oosAbstained).toBeGreaterThanOrEqual(0.58);
    expect(s.falseAbstentions).toBeLessThanOrEqual(0.11);
  }, 120_000);
});

describe('the question set itself', () => {
  it('every expectation in bench/data/questions/ matches an indexed passage', () => {
    const texts = kb.snapshot.chunks.map((c) => c.text);
    const seen = new Set<string>();
    const problems = expandEvalPaths(['bench/data/questions']).flatMap((f) => checkItems(f, readEvalFile(f), texts, seen));
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(480);
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
