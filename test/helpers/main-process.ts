/**
 * Shared pieces of the tests that start `src/main.ts` as a child process:
 * the environment keys that would switch on a real channel or model (cleared
 * so the child runs the embedded default), and the wait for its URL.
 */
import type { ChildProcess } from 'node:child_process';

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
