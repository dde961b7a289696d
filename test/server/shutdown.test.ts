import { describe, expect, it } from 'vitest';
import { createUnavailableAnswerer } from '../../src/chat/unavailable-answerer.js';
import { isAppError } from '../../src/errors.js';
import { createShutdown } from '../../src/server/shutdown.js';
import { silentLogger } from '../chat/fakes.js';

describe('createShutdown', () => {
  it('runs every step once, in order, even when called twice', async () => {
    const order: string[] = [];
    const shutdown = createShutdown(
      [
        { name: 'http', run: async () => void order.push('http') },
        { name: 'db', run: () => void order.push('db') },
      ],
      { logger: silentLogger },
    );
    const [a, b] = await Promise.all([shutdown('SIGINT'), shutdown('SIGTERM')]);
    expect(a).toBe(true);
    expect(b).toBe(true);
    expect(order).toEqual(['http', 'db']);
  });

  it('a failing step does not skip the others and is reported', async () => {
    const order: string[] = [];
    const shutdown = createShutdown(
      [
        { name: 'channels', run: () => Promise.reject(new Error('x')) },
        { name: 'db', run: () => void order.push('db') },
      ],
      { logger: silentLogger },
    );
    expect(await shutdown('SIGTERM')).toBe(false);
    expect(order).toEqual(['db']);
  });

  it('gives up after the time limit', async () => {
    const shutdown = createShutdown([{ name: 'stuck', run: () => new Promise<void>(() => undefined) }], {
      logger: silentLogger,
      timeoutMs: 50,
    });
    expect(await shutdown('SIGINT')).toBe(false);
  });
});

describe('createUnavailableAnswerer', () => {
  it('fails every question with INDEX_EMPTY', async () => {
    const err = await createUnavailableAnswerer('missing')
      .ask('x')
      .catch((e: unknown) => e);
    expect(isAppError(err, 'INDEX_EMPTY')).toBe(true);
  });
});
