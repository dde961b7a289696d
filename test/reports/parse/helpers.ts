/** Test helpers: the real plan areas and glossary from the repository's knowledge directory. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentAreas, loadReportGlossary } from '../../../src/reports/parse/index.js';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The repository's knowledge directory. */
export const KNOWLEDGE_DIR = join(ROOT, 'knowledge');

/** Areas and glossary, loaded on call (never at import time). */
export function knowledge() {
  return { areas: loadContentAreas(KNOWLEDGE_DIR), glossary: loadReportGlossary(KNOWLEDGE_DIR) };
}
