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

/** Items added after the floors of the first test were measured (see there). */
const ADDED_AFTER_FLOORS = /^(ew4\d\d|ch3\d\d)$/;

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
    const all = filterItems(items, { split: 'test' });
    // The floors below were measured on the 371 items the split held before the third session of
    // issue 9 added everyday-words and chatty-framing items in new wording (ids ew4xx, ch3xx); they
    // still apply to those 371 items. The grown split has its own floors further down.
    const test = all.filter((i) => !ADDED_AFTER_FLOORS.test(i.id));
    expect(test.length).toBeGreaterThanOrEqual(360);
    const s = await runEval(test, kb.answerer);
    process.stderr.write(`questions/ test split (371 items): ${formatSummary(s)}\n${formatKindTable(s)}\n`);
    // Measured 2026-12-02, second session of issue 9 (entity conflicts, answer types that read the
    // question, competing structured answers, a 955-set thesaurus counted toward coverage, chat
    // typing, a refitted policy), on the test split grown from 250 to 371 items with 261 harder
    // items added across both splits: hit@1 0.727, hit@5 0.853, MRR 0.781, keywords 0.771,
    // oos abstained 0.738, in-scope abstained 0.122. On the same 250 items as the previous floors:
    // 0.750 / 0.864 / 0.797 / 0.784 / 0.649 / 0.114 (were 0.761 / 0.869 / 0.807 / 0.767 / 0.622 / 0.091).
    // Floors sit just below the 371-item figures; in-scope refusal is now the weak point.
    // Third session, same 371 items: 0.739 / 0.861 / 0.790 / 0.776 / 0.738 / 0.118; floors raised.
    expect(s.hit1).toBeGreaterThanOrEqual(0.72);
    expect(s.hit5).toBeGreaterThanOrEqual(0.85);
    expect(s.mrr).toBeGreaterThanOrEqual(0.78);
    expect(s.keywordAccuracy).toBeGreaterThanOrEqual(0.76);
    expect(s.oosAbstained).toBeGreaterThanOrEqual(0.72);
    expect(s.falseAbstentions).toBeLessThanOrEqual(0.13);
    // The grown split (412 items), measured 2026-12-02 after the third session (phrases read across
    // light words and overlapping, stories before the question, regional words, thesaurus breadth):
    // hit@1 0.719, hit@5 0.840, MRR 0.770, keywords 0.751, oos abstained 0.748, in-scope abstained 0.142
    // (the 41 new items alone: 0.583 / 0.694, refused 0.306; before the session 0.500 / 0.583 / 0.417).
    const g = await runEval(all, kb.answerer);
    process.stderr.write(`questions/ test split (all): ${formatSummary(g)}\n`);
    expect(g.hit1).toBeGreaterThanOrEqual(0.7);
    expect(g.hit5).toBeGreaterThanOrEqual(0.82);
    expect(g.mrr).toBeGreaterThanOrEqual(0.75);
    expect(g.keywordAccuracy).toBeGreaterThanOrEqual(0.735);
    expect(g.oosAbstained).toBeGreaterThanOrEqual(0.73);
    expect(g.falseAbstentions).toBeLessThanOrEqual(0.155);
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
