/**
 * `npx tsx bench/report-accuracy-own.ts`: field accuracy of the report parser
 * on the project's own report messages (`test/reports/parse/own-reports.ts`,
 * written by us, not the shared sample). Misses to stderr, the line to stdout.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentAreas, loadReportGlossary } from '../src/reports/parse/index.js';
import { OWN_REPORTS } from '../test/reports/parse/own-reports.js';
import { formatAccuracy, scoreReports } from './report-accuracy-lib.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const knowledgeDir = join(root, 'knowledge');
const items = OWN_REPORTS.map((r, i) => ({ id: `own-${i + 1}`, now: r.now, text: r.text, expect: r.expect }));
const result = scoreReports(items, loadContentAreas(knowledgeDir), loadReportGlossary(knowledgeDir));
for (const m of result.misses) {
  process.stderr.write(`miss ${m.id} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}\n`);
}
process.stdout.write(`${formatAccuracy(result)} (own messages)\n`);
