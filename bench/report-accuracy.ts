/**
 * `npx tsx bench/report-accuracy.ts [FILE]`: field accuracy of the report
 * parser. FILE defaults to `../shared/eval/dev-reports.jsonl` relative to the
 * repository root. Misses go to stderr; the summary line to stdout.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentAreas, loadReportGlossary } from '../src/reports/parse/index.js';
import { formatAccuracy, readEvalReports, scoreReports } from './report-accuracy-lib.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ? resolve(process.argv[2]) : join(root, '..', 'shared', 'eval', 'dev-reports.jsonl');
const knowledgeDir = join(root, 'knowledge');

const result = scoreReports(readEvalReports(readFileSync(file, 'utf8')), loadContentAreas(knowledgeDir), loadReportGlossary(knowledgeDir));
for (const m of result.misses) {
  process.stderr.write(`miss ${m.id} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}\n`);
}
process.stdout.write(`${formatAccuracy(result)}\n`);
