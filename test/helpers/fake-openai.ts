/**
 * A loopback fake of an OpenAI-compatible server (chat completions and
 * embeddings). Each test decides what the "model" answers and how slowly.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
}

export interface FakeOpenAi {
  baseURL: string;
  requests: FakeChatRequest[];
  /** What the model answers (or an HTTP status to fail with). */
  reply: (req: FakeChatRequest) => string | { status: number };
  delayMs: number;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const state: FakeOpenAi = {
    baseURL: '',
    requests: [],
    reply: () => 'OK [1]',
    delayMs: 0,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const parsed = JSON.parse(body) as FakeChatRequest;
      state.requests.push(parsed);
      const answer = state.reply(parsed);
      const send = () => {
        if (typeof answer !== 'string') {
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end('{"error":{"message":"fake failure"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'cmpl-1',
            object: 'chat.completion',
            created: 0,
            model: parsed.model,
            choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      };
      if (state.delayMs > 0) setTimeout(send, state.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.baseURL = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
