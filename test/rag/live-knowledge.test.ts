import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { createLiveKnowledge } from '../../src/rag/live-knowledge.js';

function answer(text: string): Answer {
  return { answer: text, abstained: false, sources: [], ms: 0 };
}

/** A base whose answers name it, and which records when it was closed. */
function fakeBase(name: string, gate?: Promise<void>) {
  const state = { closed: false };
  const kb = {
    chunkCount: 1,
    answerer: {
      async ask(): Promise<Answer> {
        await gate;
        return answer(name);
      },
    },
    async close() {
      state.closed = true;
    },
  } as unknown as KnowledgeBase;
  return { kb, state };
}

const fallback = { ask: async () => answer('unavailable') };

describe('createLiveKnowledge', () => {
  it('answers from the fallback until a base is loaded, then from the base', async () => {
    const live = createLiveKnowledge();
    const answerer = live.answerer(fallback);
    expect((await answerer.ask('q')).answer).toBe('unavailable');
    await live.swap(fakeBase('A').kb);
    expect((await answerer.ask('q')).answer).toBe('A');
  });

  it('finishes a running question on the old base and closes it only afterwards', async () => {
    let open!: () => void;
    const a = fakeBase('A', new Promise<void>((r) => (open = r)));
    const b = fakeBase('B');
    const live = createLiveKnowledge(a.kb);
    const answerer = live.answerer(fallback);
    const running = answerer.ask('slow');
    await live.swap(b.kb);
    expect(a.state.closed).toBe(false);
    expect((await answerer.ask('q')).answer).toBe('B');
    open();
    expect((await running).answer).toBe('A');
    expect(a.state.closed).toBe(true);
    expect(b.state.closed).toBe(false);
  });

  it('closes an idle old base at once and tells listeners', async () => {
    const a = fakeBase('A');
    const live = createLiveKnowledge(a.kb);
    const seen: number[] = [];
    live.onSwap((kb) => seen.push(kb.chunkCount));
    await live.swap(fakeBase('B').kb);
    expect(a.state.closed).toBe(true);
    expect(seen).toEqual([1]);
  });
});
