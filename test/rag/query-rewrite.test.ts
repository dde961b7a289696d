import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { ChatMessage, Generator } from '../../src/rag/generator.js';
import { cleanRewrite, QueryRewriter, rewriteCacheKey } from '../../src/rag/query-rewrite.js';

/** A generator that rewrites by a function and counts its calls. */
class ScriptedGenerator implements Generator {
  readonly model = 'scripted';
  calls: ChatMessage[][] = [];
  constructor(private readonly fn: (q: string) => Promise<string>) {}
  generate(messages: ChatMessage[]): Promise<string> {
    this.calls.push(messages);
    return this.fn(messages.find((m) => m.role === 'user')?.content ?? '');
  }
}

describe('cleanRewrite', () => {
  it.each([
    ['đơn vị nào lập dự toán kinh phí?', 'đơn vị nào lập dự toán kinh phí?'],
    ['Câu hỏi viết lại: "đơn vị nào lập dự toán?"\nGiải thích: ...', 'đơn vị nào lập dự toán?'],
    ['\n\n  «cổng thông tin điện tử của Sở»  ', 'cổng thông tin điện tử của Sở'],
    ['', null],
    ['tiền ai lo?', null], // the question itself
    ['x'.repeat(301), null],
  ])('%j → %j', (output, expected) => {
    expect(cleanRewrite(output, 'Tiền ai lo')).toBe(expected);
  });

  it('keys the cache by the normalised question', () => {
    expect(rewriteCacheKey('  Tiền   AI lo?? ')).toBe(rewriteCacheKey('tiền ai lo'));
    expect(rewriteCacheKey('tiền ai lo')).not.toBe(rewriteCacheKey('tien ai lo'));
  });
});

describe('QueryRewriter', () => {
  it('asks once per normalised question, also for concurrent askers', async () => {
    const g = new ScriptedGenerator(async (q) => `kinh phí ${q}`);
    const r = new QueryRewriter({ generator: g });
    const [a, b] = await Promise.all([r.rewrite('Tiền ai lo?'), r.rewrite('tiền ai lo')]);
    expect(a).toBe('kinh phí Tiền ai lo?');
    expect(b).toBe(a);
    expect(g.calls).toHaveLength(1);
    expect(g.calls[0]?.[0]?.content).toMatch(/viết lại câu hỏi/i);
  });

  it('is a bounded LRU: the least recently used question is evicted', async () => {
    const g = new ScriptedGenerator(async (q) => `hành chính ${q}`);
    const r = new QueryRewriter({ generator: g, capacity: 2 });
    await r.rewrite('một');
    await r.rewrite('hai');
    await r.rewrite('một'); // "hai" is now the oldest
    await r.rewrite('ba');
    expect(r.size).toBe(2);
    await r.rewrite('một');
    expect(g.calls).toHaveLength(3);
    await r.rewrite('hai');
    expect(g.calls).toHaveLength(4);
  });

  it('returns null on failure and does not cache it', async () => {
    let fail = true;
    const g = new ScriptedGenerator(async (q) => {
      if (fail) throw new AppError('LLM_TIMEOUT', 'slow');
      return `kinh phí ${q}`;
    });
    const r = new QueryRewriter({ generator: g });
    expect(await r.rewrite('tiền')).toBeNull();
    fail = false;
    expect(await r.rewrite('tiền')).toBe('kinh phí tiền');
    expect(g.calls).toHaveLength(2);
  });
});
