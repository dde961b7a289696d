/**
 * `npm run -s cli -- <command> [...]`. stdout carries only command output;
 * logs go to stderr.
 */
import { createConfig } from '../config.js';
import { readEnvironment } from '../env.js';
import { isAppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { commands } from './registry.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write('Cách dùng: npm run -s cli -- <lệnh> [tham số]\n\n');
    for (const c of commands) process.stdout.write(`  ${c.name.padEnd(10)} ${c.summary}\n`);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Lệnh không tồn tại: ${name}. Gõ "help" để xem danh sách lệnh.\n`);
    return 2;
  }
  const config = createConfig(readEnvironment());
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  return command.run(rest, { config, logger, out: (t) => process.stdout.write(t) });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (isAppError(err)) process.stderr.write(`[${err.code}] ${err.message}\n`);
    else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
