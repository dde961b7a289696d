/**
 * Bytes of log written per rejected request: builds the HTTP app in process
 * with a real pino logger (level info) writing into memory, then sends a
 * flood of rejected requests (429 rate-limited, 404 unknown route with a
 * query string, 415 wrong content type) through `app.inject`.
 *
 *   npx tsx bench/log-flood.ts [--requests 2000]
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { createConversationEngine } from '../src/chat/engine.js';
import { createMemoryChatStore } from '../src/chat/sqlite-chat-store.js';
import { createConfig } from '../src/config.js';
import type { QuestionAnswerer } from '../src/core/answer.js';
import { REDACT_PATHS } from '../src/logger.js';
import { buildHttpApp } from '../src/server/app.js';

const i = process.argv.indexOf('--requests');
const n = i >= 0 ? Number(process.argv[i + 1]) : 2000;

let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    bytes += chunk.length;
    done();
  },
});
const logger = pino({ level: 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
const answerer: QuestionAnswerer = { ask: async (q) => ({ answer: q, abstained: false, sources: [], ms: 0 }) };
const store = createMemoryChatStore();
const handler = createConversationEngine({ answerer, store, logger, department: { name: 'Sở' } });
const app = await buildHttpApp({
  config: createConfig({ RATE_LIMIT_PER_MINUTE: '1' }),
  logger,
  handler,
  store,
  indexStatus: () => ({ loaded: true, chunks: 1 }),
});
await app.inject({ method: 'POST', url: '/api/chat', payload: { text: 'x' } }); // uses the one allowed request

const kinds = {
  '429': (_k: number) => app.inject({ method: 'POST', url: '/api/chat?utm=' + 'q'.repeat(200), payload: { text: 'xin chào' } }),
  '404': (_k: number) => app.inject({ method: 'GET', url: '/no/such/path?token=' + 'a'.repeat(200) }),
  // A fresh client address each time, so the rate limiter lets it reach the parser.
  '415': (k: number) =>
    app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
      remoteAddress: `10.1.${k >> 8}.${k & 255}`,
    }),
};
const parts: string[] = [];
const floodStart = bytes;
for (const [name, send] of Object.entries(kinds)) {
  const before = bytes;
  for (let k = 0; k < n; k++) {
    const res = await send(k);
    if (String(res.statusCode) !== name) throw new Error(`${name}: got ${res.statusCode}`);
  }
  parts.push(`${name}: ${((bytes - before) / n).toFixed(1)} B/req`);
}
await app.close(); // flushes any pending summary line
const perRequest = (bytes - floodStart) / (3 * n);
console.log(
  `log bytes per rejected request (${n} each, level info): ${parts.join(', ')}; all ${3 * n} incl. summaries: ${bytes - floodStart} B = ${perRequest.toFixed(2)} B/req`,
);
