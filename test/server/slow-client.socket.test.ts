/**
 * Slow-body (slow-loris) clients on a real socket: headers promise 1000
 * bytes, a few arrive, then nothing. The server cuts the request off within
 * the configured HTTP_REQUEST_TIMEOUT_MS instead of holding it open.
 */

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import { buildHttpApp } from '../../src/server/app.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Open a socket, send a partial request, resolve with what came back and when the socket closed. */
function slowBody(port: number, giveUpMs: number): Promise<{ closedAfterMs: number; response: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let response = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text":"');
    });
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('data', (d: Buffer) => (response += d.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(guard);
      resolve({ closedAfterMs: performance.now() - started, response });
    });
  });
}

describe('slow clients', () => {
  it('a request body that stops arriving is timed out within HTTP_REQUEST_TIMEOUT_MS', async () => {
    const store = createMemoryChatStore();
    const handler = createConversationEngine({ answerer: new FakeAnswerer(), store, logger: silentLogger, department });
    app = await buildHttpApp({
      config: createConfig({ HTTP_REQUEST_TIMEOUT_MS: '600', HTTP_HEADERS_TIMEOUT_MS: '400', HTTP_IDLE_TIMEOUT_MS: '30000' }),
      logger: silentLogger,
      handler,
      store,
      indexStatus: () => ({ loaded: true, chunks: 1 }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const { closedAfterMs, response } = await slowBody(port, 5000);
    expect(closedAfterMs).toBeGreaterThanOrEqual(550);
    // 600 ms limit, checked every 100 ms (connectionsCheckingInterval), plus scheduling slack.
    expect(closedAfterMs).toBeLessThan(2500);
    expect(response).toMatch(/^HTTP\/1\.1 408/);
  });
});
