/**
 * Shared pieces of the tests that start `src/main.ts` as a child process:
 * the environment keys that would switch on a real channel or model (cleared
 * so the child runs the embedded default), the wait for its URL, and one
 * request on its own connection.
 */
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';

/** Environment keys that switch on Telegram, Zalo, an LLM or a public URL. */
export const CHANNEL_ENV_KEYS: readonly string[] = [
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'ZALO_APP_ID',
  'ZALO_APP_SECRET',
  'ZALO_OA_SECRET_KEY',
  'ZALO_OA_ACCESS_TOKEN',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_MODEL',
  'OPENAI_EMBEDDING_MODEL',
  'PUBLIC_URL',
];

/** Resolve with the loopback URL the child prints, or reject on timeout or early exit. */
export function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${out}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited early with ${code}; stdout: ${out}`));
    });
  });
}

/**
 * One request on its own connection (no keep-alive: with several workers the
 * next request may reach another one), resolving with the status and the
 * parsed JSON body (or the text when it is not JSON).
 */
export function requestOnce(
  url: string,
  method: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: { connection: 'close', ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0, json: text });
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
