/**
 * Loads the plan's content areas (section II of Kế hoạch 1523/KH-SCT) and
 * the abbreviation glossary from the knowledge directory, using the
 * knowledge module's own plan parser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../errors.js';
import { splitFrontMatter } from '../../knowledge/front-matter.js';
import { contentAreas, parsePlan } from '../../knowledge/plan-parser.js';
import { type Glossary, loadGlossary } from '../../text/glossary.js';
import { parseReport } from './parse-report.js';
import type { ContentArea, ContentAreaInput, ParsedReport, ParseReportOptions } from './types.js';

/** File name of the plan inside the knowledge directory. */
export const PLAN_FILE = 'ke-hoach-1523-KH-SCT.md';
/** File name of the glossary inside the knowledge directory. */
export const GLOSSARY_FILE = 'glossary.yaml';

/**
 * The 22 content areas of the plan (II.1.a … II.3.e).
 * @throws AppError KNOWLEDGE_FILE_UNREADABLE when the plan file is missing,
 *   KNOWLEDGE_INVALID when it holds no content areas.
 */
export function loadContentAreas(knowledgeDir: string): ContentArea[] {
  const file = join(knowledgeDir, PLAN_FILE);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('KNOWLEDGE_FILE_UNREADABLE', `Không đọc được tệp kế hoạch: ${file}`, { cause: err });
  }
  const areas = contentAreas(parsePlan(splitFrontMatter(raw).body));
  if (areas.length === 0) throw new AppError('KNOWLEDGE_INVALID', `${file}: không tìm thấy nội dung truyền thông (mục II)`);
  return areas;
}

/** The glossary of the knowledge directory, or undefined when there is none. */
export function loadReportGlossary(knowledgeDir: string): Glossary | undefined {
  const file = join(knowledgeDir, GLOSSARY_FILE);
  return existsSync(file) ? loadGlossary(file) : undefined;
}

/** A report parser bound to loaded areas and glossary. */
export type BoundReportParser = (text: string, opts: { now: Date; reporterUnit?: string; areas?: readonly ContentAreaInput[] }) => ParsedReport;

/**
 * Load the areas and glossary of a knowledge directory once and return a
 * parser that uses them (callers may still pass their own `areas`).
 */
export function createReportParser(knowledgeDir: string): BoundReportParser {
  const areas = loadContentAreas(knowledgeDir);
  const glossary = loadReportGlossary(knowledgeDir);
  return (text, opts) => {
    const full: ParseReportOptions = { ...opts, areas: opts.areas && opts.areas.length > 0 ? opts.areas : areas, glossary };
    return parseReport(text, full);
  };
}
