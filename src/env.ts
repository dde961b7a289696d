/**
 * The only module that touches `process.env`. Everything else receives a
 * parsed {@link Config} from the composition root.
 */
import { existsSync } from 'node:fs';

/** Load `.env` (if present) into the process environment, then return a snapshot. */
export function readEnvironment(envFile = '.env'): Record<string, string | undefined> {
  if (existsSync(envFile)) {
    // Node >= 20.12: does not override variables already set in the shell.
    process.loadEnvFile(envFile);
  }
  return { ...process.env };
}
