import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../src/channels/keyed-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('keyed queue', () => {
  it('runs tasks with the same key in order, other keys concurrently, and survives failures', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const a1 = queue.run('a', async () => {
      await sleep(40);
      log.push('a1');
      throw new Error('a1 failed');
    });
    const a2 = queue.run('a', async () => {
      log.push('a2');
      return 2;
    });
    const b1 = queue.run('b', async () => {
      log.push('b1');
    });
    await expect(a1).rejects.toThrow('a1 failed');
    await expect(a2).resolves.toBe(2);
    await b1;
    await queue.idle();
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });
});
