/**
 * Remote embeddings through the real openai client against the loopback fake:
 * float vs base64, batching, order, dimension probe and change, timeouts,
 * 429, malformed replies, and the knowledge base built on them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { decodeBase64Vector, OpenAiEmbedder, openOpenAiEmbedder } from '../../src/llm/openai-embedder.js';
import { createLlmPorts } from '../../src/llm/ports.js';
import { createLogger } from '../../src/logger.js';
import { type FakeOpenAi, fakeVector, startFakeOpenAi } from '../helpers/fake-openai.js';
import { openTestKnowledgeBase, tempDir } from '../helpers/knowledge-base.js';

let fake: FakeOpenAi;
const opts = () => ({ apiKey: 'k', baseURL: fake.baseURL, model: 'bge-m3', timeoutMs: 300, maxRetries: 0 });

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.embeddingRequests.length = 0;
  fake.embeddingFailures = [];
  fake.embeddingDim = 48;
  fake.embeddingFormat = 'as-requested';
});

describe('OpenAiEmbedder', () => {
  it('asks for float vectors and returns them in input order (the server sends them reversed)', async () => {
    const e = new OpenAiEmbedder(opts());
    const v = await e.embed(['kinh phí', 'cổng thông tin']);
    expect(fake.embeddingRequests[0]?.encoding_format).toBe('float');
    expect(v[0]?.[0]).toBeCloseTo(fakeVector('kinh phí', 48)[0] as number, 6);
    expect(v[1]?.[5]).toBeCloseTo(fakeVector('cổng thông tin', 48)[5] as number, 6);
  });

  it('decodes base64 Float32 vectors when a server sends them although float was asked', async () => {
    fake.embeddingFormat = 'base64';
    const [v] = await new OpenAiEmbedder(opts()).embed(['dự toán']);
    const expected = fakeVector('dự toán', 48);
    expect(v).toHaveLength(48);
    for (const [i, x] of (v ?? []).entries()) expect(x).toBeCloseTo(expected[i] as number, 6);
  });

  it('decodeBase64Vector rejects a buffer that is not Float32', () => {
    expect(decodeBase64Vector(Buffer.from(new Float32Array([1, -2]).buffer).toString('base64'))).toEqual([1, -2]);
    expect(() => decodeBase64Vector('AAA=')).toThrow();
  });

  it('sends at most batchSize texts per request', async () => {
    const e = new OpenAiEmbedder({ ...opts(), batchSize: 4 });
    const texts = Array.from({ length: 10 }, (_, i) => `đoạn ${i}`);
    const v = await e.embed(texts);
    expect(fake.embeddingRequests.map((r) => (r.input as string[]).length)).toEqual([4, 4, 2]);
    expect(v[9]?.[0]).toBeCloseTo(fakeVector('đoạn 9', 48)[0] as number, 6);
  });

  it('names model and probed dimension in its id, so a change re-keys the index', async () => {
    const a = await openOpenAiEmbedder(opts());
    expect(a.id).toBe('openai:bge-m3:48');
    fake.embeddingDim = 64;
    expect((await openOpenAiEmbedder(opts())).id).toBe('openai:bge-m3:64');
  });

  it('fails with EMBEDDING_FAILED when the dimension changes under a running embedder', async () => {
    const e = await openOpenAiEmbedder(opts());
    fake.embeddingDim = 32;
    await expect(e.embed(['x'])).rejects.toMatchObject({ code: 'EMBEDDING_FAILED', message: expect.stringMatching(/dimension changed from 48 to 32/) });
  });

  it.each([
    ['a timeout', { delayMs: 1500, then: '' }],
    ['malformed JSON', { malformed: true as const }],
    ['an HTTP 500', { status: 500 }],
  ])('fails with EMBEDDING_FAILED on %s', async (_name, failure) => {
    fake.embeddingFailures = [failure];
    await expect(new OpenAiEmbedder(opts()).embed(['x'])).rejects.toMatchObject({ code: 'EMBEDDING_FAILED' });
  });

  it('retries a 429 (server busy) and succeeds', async () => {
    fake.embeddingFailures = [{ status: 429, retryAfterSeconds: 0 }];
    const v = await new OpenAiEmbedder({ ...opts(), maxRetries: 2 }).embed(['x']);
    expect(v).toHaveLength(1);
    expect(fake.embeddingRequests).toHaveLength(2);
  });
});

describe('knowledge base on remote embeddings', () => {
  it('embeds every chunk, re-embeds all when the dimension changes, and answers lexically when the server is down', async () => {
    // Generous: index builds share 2 CPUs with the rest of the suite.
    const slowOk = { ...opts(), timeoutMs: 60_000 };
    const dataDir = tempDir();
    const first = await openTestKnowledgeBase({ dataDir, embedder: await openOpenAiEmbedder(slowOk) });
    expect(first.changes?.embedded).toBe(first.chunkCount);

    const same = await openTestKnowledgeBase({ dataDir, embedder: await openOpenAiEmbedder(slowOk) });
    expect(same.changes).toBeNull();

    fake.embeddingDim = 64;
    const changed = await openTestKnowledgeBase({ dataDir, embedder: await openOpenAiEmbedder(slowOk) });
    expect(changed.changes?.embedded).toBe(changed.chunkCount);
    expect(changed.snapshot.manifest.embedderId).toBe('openai:bge-m3:64');

    const ok = await changed.answerer.ask('Kinh phí thực hiện kế hoạch lấy từ đâu?');
    fake.embeddingFailures = [{ status: 503 }];
    const down = await changed.answerer.ask('Kinh phí thực hiện kế hoạch lấy từ đâu?');
    expect(down.abstained).toBe(false);
    expect(down.sources[0]?.section).toBe(ok.sources[0]?.section);
  }, 180_000);

  it('createLlmPorts builds the embedder from OPENAI_EMBEDDING_* (embeddings alone need no chat model)', async () => {
    const config = createConfig({ OPENAI_EMBEDDING_BASE_URL: fake.baseURL, OPENAI_EMBEDDING_MODEL: 'bge-m3', OPENAI_TIMEOUT_MS: '500' });
    const ports = await createLlmPorts(config, createLogger('silent'));
    expect(ports.generator).toBeUndefined();
    expect(ports.embedder?.id).toBe('openai:bge-m3:48');
  });
});
