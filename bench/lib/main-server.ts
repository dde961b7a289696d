/**
 * Start the real `src/main.ts` as a child process on 127.0.0.1 (embedded
 * default: no channels, no LLM) and resolve with its base URL, for the
 * HTTP benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface MainServer {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
}

/**
 * @param dataDir a fresh `DATA_DIR` for this server
 * @param env extra variables, over the embedded default (which includes `WORKERS=1`)
 * @param timeoutMs how long start-up may take before the promise rejects
 */
export function startMainServer(dataDir: string, env: Record<string, string> = {}, timeoutMs = 180_000): Promise<MainServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: '',
      ZALO_APP_ID: '',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      // One process unless the bench asks (WORKERS now defaults to the number of cores): the
      // single-server benches (http-chat, http-overload) stay comparable with their earlier numbers.
      WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code})`));
    });
  });
}
