/**
 * Prompt templates live in `prompts/` as Markdown with `{{name}}` slots, so
 * they can be reviewed and edited without touching code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROMPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prompts');

const cache = new Map<string, string>();

/** Read a template from `prompts/` (cached). */
export function loadTemplate(name: string, dir = PROMPTS_DIR): string {
  const key = join(dir, name);
  let t = cache.get(key);
  if (t === undefined) {
    t = readFileSync(key, 'utf8');
    cache.set(key, t);
  }
  return t;
}

/** Fill `{{slot}}`s; unknown slots are left as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => values[k] ?? m);
}
