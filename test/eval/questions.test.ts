import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkItems } from '../../bench/check-question-set.js';
import type { Answer, AskOptions, QuestionAnswerer } from '../../src/core/answer.js';
import { type EvalItem, evalItemSchema, expandEvalPaths, filterItems, readEvalFile, runEval, splitOf, summaryByKind } from '../../src/eval/questions.js';
import { tempDir } from '../helpers/knowledge-base.js';

const item = (o: Partial<EvalItem> & { id: string; q: string }): EvalItem => evalItemSchema.parse(o);

/** Answers from the text of the question it was asked, recording options. */
class RecordingAnswerer implements QuestionAnswerer {
  calls: Array<{ q: string; options?: AskOptions }> = [];
  async ask(q: string, options?: AskOptions): Promise<Answer> {
    this.calls.push({ q, options });
    const abstained = q.includes('ngoài phạm vi');
    return {
      answer: abstained ? 'không có' : `trả lời ${options?.previousQuestion ?? ''}`,
      abstained,
      sources: abstained ? [] : [{ doc: 'd', section: 's', title: 't', text: 'Văn phòng Sở làm đầu mối', score: 1 }],
      ms: 1,
    };
  }
}

describe('question-set evaluation', () => {
  it('asks a follow-up with its previous question', async () => {
    const a = new RecordingAnswerer();
    const s = await runEval(
      [item({ id: 'f1', q: 'còn PCI thì sao?', prev: 'PAPI là gì', expect: [['văn phòng sở']], answer_has: ['PAPI'] }), item({ id: 'f2', q: 'hỏi lẻ' })],
      a,
    );
    expect(a.calls[0]?.options?.previousQuestion).toBe('PAPI là gì');
    expect(a.calls[1]?.options?.previousQuestion).toBeUndefined();
    expect(s.items[0]?.keywordsOk).toBe(true);
    expect(s.hit1).toBe(1);
  });

  it('asks the earlier turns of a chain in order, each resolved against the standalone form of the one before', async () => {
    /** Resolves "còn X?" as "X of <previous>", and says so in resolvedQuestion, as the RAG answerer does. */
    class ResolvingAnswerer extends RecordingAnswerer {
      override async ask(q: string, options?: AskOptions): Promise<Answer> {
        const a = await super.ask(q, options);
        const prev = options?.previousQuestion;
        return prev && q.startsWith('còn ') ? { ...a, resolvedQuestion: `${q.slice(4)} / ${prev}` } : a;
      }
    }
    const a = new ResolvingAnswerer();
    await runEval([item({ id: 'c1', q: 'thế năm 2020?', prev: ['PAPI 2023 mấy điểm?', 'còn PCI?'], expect: [['văn phòng sở']] })], a);
    expect(a.calls.map((c) => [c.q, c.options?.previousQuestion])).toEqual([
      ['PAPI 2023 mấy điểm?', undefined],
      ['còn PCI?', 'PAPI 2023 mấy điểm?'],
      ['thế năm 2020?', 'PCI? / PAPI 2023 mấy điểm?'],
    ]);
    // An answerer that does not resolve: the next turn sees the turn as typed.
    const plain = new RecordingAnswerer();
    await runEval([item({ id: 'c2', q: 'c', prev: ['a', 'b'] })], plain);
    expect(plain.calls.map((c) => c.options?.previousQuestion)).toEqual([undefined, 'a', 'b']);
  });

  it('accepts prev as a string or a non-empty array of turns; the checker flags an empty turn', () => {
    expect(item({ id: 'p1', q: 'x', prev: ['a', 'b'] }).prev).toEqual(['a', 'b']);
    expect(evalItemSchema.safeParse({ id: 'p2', q: 'x', prev: [] }).success).toBe(false);
    expect(evalItemSchema.safeParse({ id: 'p3', q: 'x', prev: [1] }).success).toBe(false);
    const problems = checkItems('f', [item({ id: 'p4', q: 'x', prev: ['a', ' '], abstain: true })], []);
    expect(problems.map((p) => p.message)).toEqual(['empty earlier turn in prev']);
  });

  it('summarises per kind', async () => {
    const s = await runEval(
      [
        item({ id: 'a', kind: 'zalo', q: 'x', expect: [['không khớp']] }),
        item({ id: 'b', kind: 'oos', q: 'ngoài phạm vi', abstain: true }),
        item({ id: 'c', kind: 'zalo', q: 'y', expect: [['đầu mối']] }),
      ],
      new RecordingAnswerer(),
    );
    const byKind = Object.fromEntries(summaryByKind(s).map((k) => [k.kind, k.summary]));
    expect(byKind.zalo?.n).toBe(2);
    expect(byKind.zalo?.hit1).toBe(0.5);
    expect(byKind.oos?.oosAbstained).toBe(1);
  });

  it('splits ids deterministically and about half-half', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `q${i}`);
    const tune = ids.filter((id) => splitOf(id) === 'tune').length;
    expect(tune).toBeGreaterThan(160);
    expect(tune).toBeLessThan(240);
    expect(ids.map(splitOf)).toEqual(ids.map(splitOf));
    const items = ids.slice(0, 20).map((id) => item({ id, q: id, kind: id.endsWith('1') ? 'k1' : 'k2' }));
    expect(filterItems(items, { split: 'tune' }).every((i) => splitOf(i.id) === 'tune')).toBe(true);
    expect(filterItems(items, { kind: 'k1' }).map((i) => i.id)).toEqual(['q1', 'q11']);
  });

  it('expands directories to their .jsonl files and names the file and line of a bad item', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sets'));
    writeFileSync(join(dir, 'sets', 'b.jsonl'), '{"id":"1","q":"a"}\n');
    writeFileSync(join(dir, 'sets', 'a.jsonl'), '{"id":"2","q":"b"}\n{"id":3}\n');
    writeFileSync(join(dir, 'sets', 'notes.txt'), 'x');
    const files = expandEvalPaths([join(dir, 'sets')]);
    expect(files.map((f) => f.slice(dir.length))).toEqual(['/sets/a.jsonl', '/sets/b.jsonl']);
    expect(() => readEvalFile(files[0] as string)).toThrow(/a\.jsonl:2/);
    expect(() => expandEvalPaths([join(dir, 'missing')])).toThrow(/missing/);
  });
});

describe('question-set checker', () => {
  const chunks = ['Văn phòng Sở làm đầu mối triển khai thực hiện Kế hoạch', 'Giai đoạn 2022 – 2025'];
  it('accepts expectations that match a chunk', () => {
    expect(checkItems('f', [item({ id: 'x1', q: 'a', expect: [['văn phòng sở', 'đầu mối'], ['2022 - 2025']] })], chunks)).toEqual([]);
  });
  it('fails an item whose expectation matches no chunk, a duplicate id and a wrong split', () => {
    const problems = checkItems(
      'f',
      [
        item({ id: 'x1', q: 'a', expect: [['văn phòng sở', '2022']] }),
        item({ id: 'x1', q: 'b', expect: [['đầu mối']] }),
        item({ id: 'x2', q: 'c', abstain: true, expect: [['đầu mối']] }),
        item({ id: 'x3', q: 'd', split: splitOf('x3') === 'tune' ? 'test' : 'tune', expect: [['đầu mối']] }),
      ],
      chunks,
    );
    expect(problems.map((p) => `${p.id}: ${p.message}`)).toEqual([
      'x1: expect[0] ["văn phòng sở","2022"] matches no chunk',
      'x1: duplicate id',
      'x2: out-of-scope item with expect/answer_has',
      `x3: split should be ${splitOf('x3')}`,
    ]);
  });
});
