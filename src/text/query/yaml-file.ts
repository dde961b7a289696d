/**
 * Read and validate a YAML knowledge file with a zod schema; every problem is
 * reported with the file name and the entry at fault.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../errors.js';

/**
 * Parse `file` and validate it.
 * @throws AppError KNOWLEDGE_INVALID naming the file and the bad entry.
 */
export function readYamlFile<S extends z.ZodTypeAny>(file: string, schema: S, describe?: (path: Array<string | number>, raw: unknown) => string): z.infer<S> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('KNOWLEDGE_INVALID', `${file}: không đọc được YAML (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const msg = parsed.error.issues
      .slice(0, 5)
      .map((i) => {
        const where = describe ? describe(i.path, raw) : i.path.join('.');
        return `${where}: ${i.message}`;
      })
      .join('; ');
    throw new AppError('KNOWLEDGE_INVALID', `${file}: ${msg}`);
  }
  return parsed.data;
}

/** "entries.12 (“trang web”)": the path of an issue with the entry's first words. */
export function entryLabel(path: Array<string | number>, raw: unknown): string {
  const [list, index] = path;
  let label = path.join('.');
  if (typeof list === 'string' && typeof index === 'number' && raw && typeof raw === 'object') {
    const entry = (raw as Record<string, unknown[]>)[list]?.[index];
    const text = JSON.stringify(entry ?? null).slice(0, 60);
    label = `${list}[${index}] ${text}${path.length > 2 ? ` (${path.slice(2).join('.')})` : ''}`;
  }
  return label;
}
