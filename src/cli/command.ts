/**
 * A CLI sub-command. Commands write results to `out` (stdout) and logs to the
 * logger (stderr), so `--json` output can be piped into scripts.
 */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  /** Write to stdout. */
  out: (text: string) => void;
}

export interface CliCommand {
  name: string;
  /** One line, shown by `cli help`. */
  summary: string;
  /** Returns the process exit code. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Minimal flag parser: `--flag`, `--key value`, `--key=value`, positionals. */
export function parseArgs(args: string[], valueFlags: readonly string[] = []): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        flags[a.slice(2, eq)] = a.slice(eq + 1);
      } else {
        const key = a.slice(2);
        const next = args[i + 1];
        if (valueFlags.includes(key) && next !== undefined) {
          flags[key] = next;
          i++;
        } else {
          flags[key] = true;
        }
      }
    } else {
      positionals.push(a);
    }
  }
  return { flags, positionals };
}
