/**
 * A loopback fake of the Telegram Bot API that records every call.
 * Point telegraf's `apiRoot` at `url`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Parsed JSON body, or `{ raw }` for multipart uploads. */
  body: Record<string, unknown>;
}

export interface FakeTelegramApi {
  url: string;
  calls: RecordedCall[];
  /** Calls of one method, in order. */
  callsOf(method: string): RecordedCall[];
  /** Make the next call of `method` fail with this Bot API error body (once per call). */
  failNext(method: string, error: { error_code: number; description: string; parameters?: Record<string, unknown> }): void;
  /** Resolve once `count` calls of `method` were recorded (or reject after `timeoutMs`). */
  waitFor(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

export async function startFakeTelegramApi(): Promise<FakeTelegramApi> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Array<Record<string, unknown>>>();
  let messageId = 100;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown>;
      try {
        body = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, unknown>) : { raw };
      } catch {
        body = { raw };
      }
      calls.push({ method, body });
      const failure = failures.get(method)?.shift();
      if (failure) {
        res.statusCode = Number(failure.error_code);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: false, ...failure }));
        return;
      }
      const result =
        method === 'sendMessage' || method === 'sendDocument'
          ? { message_id: ++messageId, date: 0, chat: { id: Number(body.chat_id ?? 0), type: 'private' } }
          : method === 'getMe'
            ? { id: 1, is_bot: true, first_name: 'Fake', username: 'fake_bot' }
            : true;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const callsOf = (method: string) => calls.filter((c) => c.method === method);
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsOf,
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    async waitFor(method, count, timeoutMs = 3000) {
      const start = Date.now();
      while (callsOf(method).length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${count} × ${method}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return callsOf(method);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
