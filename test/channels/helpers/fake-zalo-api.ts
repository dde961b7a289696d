/**
 * A loopback fake of the Zalo OA API (messages) and OAuth v4 (token refresh).
 * Records every request; answers from per-path scripts, then a default.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZaloRecorded {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** JSON body (messages) or form fields (token endpoint). */
  body: Record<string, unknown>;
}

export interface FakeZaloApi {
  url: string;
  requests: ZaloRecorded[];
  /** Requests to `/v3.0/oa/message/cs`. */
  messages(): ZaloRecorded[];
  /** Requests to `/v4/oa/access_token`. */
  refreshes(): ZaloRecorded[];
  /** Queue one-off response bodies for a path (used before the default). */
  script(path: string, ...bodies: unknown[]): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<ZaloRecorded[]>;
  close(): Promise<void>;
}

export const CS_PATH = '/v3.0/oa/message/cs';
export const TOKEN_PATH = '/v4/oa/access_token';

export async function startFakeZaloApi(): Promise<FakeZaloApi> {
  const requests: ZaloRecorded[] = [];
  const scripts = new Map<string, unknown[]>();
  let sent = 0;
  let refreshed = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw) as Record<string, unknown>)
        : Object.fromEntries(new URLSearchParams(raw));
      requests.push({ path, headers: req.headers, body });
      const queued = scripts.get(path)?.shift();
      let answer: unknown = queued;
      if (answer === undefined && path === CS_PATH) {
        answer = { error: 0, message: 'Success', data: { message_id: `m${++sent}`, user_id: '0' } };
      } else if (answer === undefined && path === TOKEN_PATH) {
        refreshed++;
        answer = { access_token: `access-${refreshed}`, refresh_token: `refresh-${refreshed}`, expires_in: '90000' };
      } else if (answer === undefined) {
        answer = { error: -201, message: 'unknown path' };
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const messages = () => requests.filter((r) => r.path === CS_PATH);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    messages,
    refreshes: () => requests.filter((r) => r.path === TOKEN_PATH),
    script(path, ...bodies) {
      scripts.set(path, [...(scripts.get(path) ?? []), ...bodies]);
    },
    async waitForMessages(count, timeoutMs = 3000) {
      const start = Date.now();
      while (messages().length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${count} Zalo messages`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return messages();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
