/**
 * A loopback fake of an OpenAI-compatible server (Ollama, vLLM, TEI, OpenAI)
 * on 127.0.0.1, answering `/v1/chat/completions` and `/v1/embeddings` the way
 * a real server does, so tests run the real `openai` client code. Each test
 * scripts what the "model" does: answer, refuse, cite a wrong passage, stall
 * past the client's timeout, answer 429 first, or send malformed JSON.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
}

export interface FakeEmbeddingRequest {
  model: string;
  input: string | string[];
  encoding_format?: string;
}

/**
 * One scripted behaviour. A string is a normal completion; the objects are
 * the failure modes real servers show.
 */
export type FakeBehaviour = string | { status: number; retryAfterSeconds?: number } | { malformed: true } | { delayMs: number; then: string };

export interface FakeOpenAi {
  baseURL: string;
  /** Chat requests received, in order. */
  requests: FakeChatRequest[];
  embeddingRequests: FakeEmbeddingRequest[];
  /** The Authorization header of the last request. */
  lastAuthorization: string | undefined;
  /** What the model answers (or how it fails). */
  reply: (req: FakeChatRequest) => FakeBehaviour;
  /** Delay applied to every chat reply (simulates a slow model). */
  delayMs: number;
  /** Vector size the embedding model returns. */
  embeddingDim: number;
  /** `float` (as Ollama/TEI/vLLM do when asked) or `base64` (as OpenAI does when asked). */
  embeddingFormat: 'as-requested' | 'float' | 'base64';
  /** Behaviour of the next embedding requests (consumed one per request). */
  embeddingFailures: FakeBehaviour[];
  close(): Promise<void>;
}

/** True when the chat request is the query rewrite (its system prompt says so). */
export function isRewriteRequest(req: FakeChatRequest): boolean {
  return /viết lại câu hỏi/i.test(req.messages[0]?.content ?? '');
}

/** The user message of a chat request. */
export function userMessage(req: FakeChatRequest): string {
  return req.messages.find((m) => m.role === 'user')?.content ?? '';
}

/**
 * Deterministic bag-of-syllables vector: texts sharing words are close, as
 * with a real embedding model (without its semantics).
 */
export function fakeVector(text: string, dim: number): number[] {
  const v = new Array<number>(dim).fill(0);
  for (const w of text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const d = createHash('md5').update(w).digest();
    const i = d.readUInt32LE(0) % dim;
    v[i] = (v[i] ?? 0) + ((d[4] as number) & 1 ? 1 : -1);
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

function json(res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function sendBehaviour(
  res: import('node:http').ServerResponse,
  b: Exclude<FakeBehaviour, { delayMs: number; then: string }>,
  ok: (content: string) => unknown,
): void {
  if (typeof b === 'string') {
    json(res, 200, ok(b));
    return;
  }
  if ('malformed' in b) {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"cmpl-1","choices":[{"message":');
    return;
  }
  const headers: Record<string, string> = b.retryAfterSeconds !== undefined ? { 'retry-after': String(b.retryAfterSeconds) } : {};
  json(res, b.status, { error: { message: `fake failure ${b.status}`, type: 'fake' } }, headers);
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const state: FakeOpenAi = {
    baseURL: '',
    requests: [],
    embeddingRequests: [],
    lastAuthorization: undefined,
    reply: () => 'OK [1]',
    delayMs: 0,
    embeddingDim: 48,
    embeddingFormat: 'as-requested',
    embeddingFailures: [],
    close: async () => {},
  };
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      state.lastAuthorization = req.headers.authorization;
      if (req.method === 'POST' && req.url === '/v1/chat/completions') {
        const parsed = JSON.parse(body) as FakeChatRequest;
        state.requests.push(parsed);
        let b = state.reply(parsed);
        let delay = state.delayMs;
        if (typeof b === 'object' && 'delayMs' in b) {
          delay += b.delayMs;
          b = b.then;
        }
        const behaviour = b;
        const send = () => {
          if (res.destroyed) return;
          sendBehaviour(res, behaviour, (content) => ({
            id: 'cmpl-1',
            object: 'chat.completion',
            created: 0,
            model: parsed.model,
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }));
        };
        if (delay > 0) later(delay, send);
        else send();
        return;
      }
      if (req.method === 'POST' && req.url === '/v1/embeddings') {
        const parsed = JSON.parse(body) as FakeEmbeddingRequest;
        state.embeddingRequests.push(parsed);
        const failure = state.embeddingFailures.shift();
        let behaviour: FakeBehaviour = failure ?? '';
        let delay = 0;
        if (typeof behaviour === 'object' && 'delayMs' in behaviour) {
          delay = behaviour.delayMs;
          behaviour = behaviour.then;
        }
        const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
        const base64 = state.embeddingFormat === 'base64' || (state.embeddingFormat === 'as-requested' && parsed.encoding_format !== 'float');
        const final = behaviour;
        const send = () => {
          if (res.destroyed) return;
          if (final !== '') return sendBehaviour(res, final, () => ({}));
          json(res, 200, {
            object: 'list',
            model: parsed.model,
            // Real servers may return items in any order; `index` says which input each is.
            data: inputs
              .map((text, index) => {
                const v = fakeVector(text, state.embeddingDim);
                const embedding = base64 ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
                return { object: 'embedding', index, embedding };
              })
              .reverse(),
            usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
          });
        };
        if (delay > 0) later(delay, send);
        else send();
        return;
      }
      json(res, 404, { error: { message: 'not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.baseURL = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
