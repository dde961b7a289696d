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
    expect(test.length).toBeGreaterThanOrEqual(490);
    const s = await runEval(test, kb.answerer);
    process.stderr.write(`questions/ test split: ${formatSummary(s)}\n${formatKindTable(s)}\n`);
    // History of the floors (hit@1 / hit@5 / MRR / keywords / oos abstained / in-scope abstained):
    // - second session of issue 9, 371 items: 0.727 / 0.853 / 0.781 / 0.771 / 0.738 / 0.122;
    // - third session, after merging its branches, on the same items plus the session's new ones
    //   (456 items): 0.782 / 0.881 / 0.822 / 0.815 / 0.732 / 0.102.
    // Measured 2026-12-02 on the whole grown split (497 items, with the third session's 261 new
    // items in new wording: everyday words, chatty framing, near-domain out of scope and their
    // answerable look-alikes, Zalo typing, routing traps): 0.752 / 0.853 / 0.794 / 0.782 / 0.741 / 0.130.
    // Measured 2026-12-03 (h9-body-thesaurus) on the split grown by the body-wording items
    // (everyday-fresh-cl.jsonl, ew601–ew688; 586 items), after the body thesaurus pass:
    // 0.720 / 0.835 / 0.766 / 0.758 / 0.756 / 0.151 (the old 534 items alone: 0.749 / 0.854 / 0.791 /
    // 0.784 / 0.748 / 0.129, unchanged by the pass). The new items are harder, hence lower floors.
    // Measured 2026-12-04 (h17-oos) on the split grown by oos-fresh-hq.jsonl (691 items), after the
    // year-figure, title-of-another-body, unconfirmed-contact and future-period checks:
    // 0.752 / 0.857 / 0.794 / 0.785 / 0.837 / 0.133 (before the checks: oos abstained 0.764, the rest
    // the same); the out-of-scope floor is raised to 0.80.
    // Measured 2026-12-04 (h17-everyday) on the split grown by everyday-fresh-he.jsonl (696 items),
    // after the everyday frame words, tone and count fixes: 0.769 / 0.889 / 0.817 / 0.797 / 0.782 / 0.097.
    // The floors sit a little below (room for the other branches of the session to merge);
    // in-scope refusal and out-of-scope refusal stay the weak points.
    expect(s.hit1).toBeGreaterThanOrEqual(0.74);
    expect(s.hit5).toBeGreaterThanOrEqual(0.86);
    expect(s.mrr).toBeGreaterThanOrEqual(0.79);
    expect(s.keywordAccuracy).toBeGreaterThanOrEqual(0.77);
    expect(s.oosAbstained).toBeGreaterThanOrEqual(0.8);
    expect(s.falseAbstentions).toBeLessThanOrEqual(0.13);
  }, 120_000);
});

describe('the question set itself', () => {
  it('every expectation in bench/data/questions/ matches an indexed passage', () => {
    const texts = kb.snapshot.chunks.map((c) => c.text);
    const seen = new Set<string>();
    const problems = expandEvalPaths(['bench/data/questions']).flatMap((f) => checkItems(f, readEvalFile(f), texts, seen));
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(990);
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
