/**
 * `cli thesaurus coverage [--scope headings|body|all] [--json] [--limit N]`:
 * which content words and pairs of the knowledge have no thesaurus set yet.
 * Scope `headings` (default): plan sections and list items, duties, catalogue
 * titles, explainer and guide headings. Scope `body`: every sentence of the
 * plan's sections I–IV, the duties, and the guide's and explainers' passages
 * (what people ask about); `all`: both.
 * `cli thesaurus thin [--scope …] [--min N] [--json] [--limit N]`: the official
 * terms of that scope that the thesaurus says in fewer than N other ways (default 3).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bodyTexts } from '../../knowledge/body-texts.js';
import { listKnowledgeFiles, loadKnowledge } from '../../knowledge/load-knowledge.js';
import { loadResponsibilities } from '../../knowledge/responsibilities.js';
import { glossaryFor } from '../../rag/knowledge-base.js';
import { termBreadth, thesaurusCoverage } from '../../text/query/coverage-report.js';
import { loadThesaurus } from '../../text/query/thesaurus.js';
import { type CliCommand, parseArgs } from '../command.js';

/** At most 300 characters, cut at a word boundary (a cut word is no vocabulary). */
function clip(text: string): string {
  if (text.length <= 300) return text;
  const cut = text.slice(0, 300);
  return cut.slice(0, Math.max(0, cut.search(/\s\S*$/)));
}

/** Heading-like texts of the knowledge: titles, section trails, list items, duties. */
async function headingTexts(knowledgeDir: string): Promise<string[]> {
  const { documents } = await loadKnowledge(listKnowledgeFiles(knowledgeDir));
  const out: string[] = [];
  for (const d of documents) {
    out.push(d.meta.title);
    for (const s of d.sections) {
      const last = s.trail[s.trail.length - 1];
      if (last) out.push(last);
      // List items of the plan are its duties and content points.
      if (d.meta.structure === 'plan') for (const line of s.text.split('\n')) if (/^\s*-\s/.test(line)) out.push(clip(line.replace(/^\s*-\s*/, '')));
    }
  }
  const duties = join(knowledgeDir, 'responsibilities.yaml');
  if (existsSync(duties)) {
    for (const u of loadResponsibilities(duties).units) {
      out.push(u.name);
      for (const t of u.duties) out.push(t.task);
    }
  }
  return [...new Set(out)];
}

/** Body sentences of the knowledge: the plan's sections I–IV, the duties, the guide and explainer passages. */
async function bodyOf(knowledgeDir: string): Promise<string[]> {
  const { documents } = await loadKnowledge(listKnowledgeFiles(knowledgeDir));
  const file = join(knowledgeDir, 'responsibilities.yaml');
  const duties = existsSync(file) ? loadResponsibilities(file).units.flatMap((u) => u.duties.map((t) => t.task)) : [];
  return bodyTexts(documents, duties);
}

const SCOPES = ['headings', 'body', 'all'] as const;
type Scope = (typeof SCOPES)[number];
const SCOPE_LABEL: Record<Scope, string> = {
  headings: 'tiêu đề, mục liệt kê, nhiệm vụ',
  body: 'thân văn bản (Kế hoạch mục I–IV, nhiệm vụ, hướng dẫn, giới thiệu chỉ số)',
  all: 'tiêu đề và thân văn bản',
};

async function textsOf(knowledgeDir: string, scope: Scope): Promise<string[]> {
  if (scope === 'headings') return headingTexts(knowledgeDir);
  if (scope === 'body') return bodyOf(knowledgeDir);
  return [...new Set([...(await headingTexts(knowledgeDir)), ...(await bodyOf(knowledgeDir))])];
}

export const thesaurusCommand: CliCommand = {
  name: 'thesaurus',
  summary:
    'thesaurus coverage|thin: từ trong tiêu đề, nhiệm vụ (--scope body: cả thân văn bản) chưa có nhóm đồng nghĩa, hoặc có ít cách nói khác (--json, --limit N, --min N)',
  async run(args, ctx) {
    const { flags, positionals } = parseArgs(args, ['limit', 'min', 'scope']);
    const sub = positionals[0];
    if (sub !== 'coverage' && sub !== 'thin') {
      process.stderr.write(
        'Dùng: thesaurus coverage [--scope headings|body|all] [--json] [--limit N] | thesaurus thin [--scope …] [--min N] [--json] [--limit N]\n',
      );
      return 2;
    }
    const scope = (typeof flags.scope === 'string' ? flags.scope : 'headings') as Scope;
    if (!SCOPES.includes(scope)) {
      process.stderr.write('--scope phải là headings, body hoặc all.\n');
      return 2;
    }
    const limit = typeof flags.limit === 'string' ? Number(flags.limit) : 50;
    if (!Number.isInteger(limit) || limit < 1) {
      process.stderr.write('--limit phải là số nguyên dương.\n');
      return 2;
    }
    const file = join(ctx.config.knowledgeDir, 'thesaurus.yaml');
    if (!existsSync(file)) {
      process.stderr.write(`Không có ${file}.\n`);
      return 1;
    }
    const min = typeof flags.min === 'string' ? Number(flags.min) : 3;
    if (!Number.isInteger(min) || min < 1) {
      process.stderr.write('--min phải là số nguyên dương.\n');
      return 2;
    }
    if (sub === 'thin') {
      const terms = termBreadth(await textsOf(ctx.config.knowledgeDir, scope), loadThesaurus(file));
      const thin = terms.filter((t) => t.variants.length < min);
      if (flags.json === true) {
        ctx.out(`${JSON.stringify({ terms: terms.length, thin }, null, 2)}\n`);
        return 0;
      }
      ctx.out(`Phạm vi: ${SCOPE_LABEL[scope]}\n`);
      ctx.out(`Thuật ngữ có nhóm đồng nghĩa: ${terms.length}; có dưới ${min} cách nói khác: ${thin.length}\n\n`);
      ctx.out(
        `${thin
          .slice(0, limit)
          .map((t) => `  ${t.term} (${t.count} lần): ${t.variants.length ? t.variants.join(' | ') : '—'}`)
          .join('\n')}\n`,
      );
      return 0;
    }
    const report = thesaurusCoverage(await textsOf(ctx.config.knowledgeDir, scope), loadThesaurus(file), glossaryFor(ctx.config.knowledgeDir).glossary);
    if (flags.json === true) {
      ctx.out(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const pct = report.contentWords ? Math.round((1000 * report.coveredWords) / report.contentWords) / 10 : 0;
    ctx.out(`Phạm vi: ${SCOPE_LABEL[scope]}\n`);
    ctx.out(`${scope === 'headings' ? 'Tiêu đề, mục, nhiệm vụ' : 'Câu, mục, nhiệm vụ'}: ${report.headings} (phủ hết: ${report.fullyCovered})\n`);
    ctx.out(`Từ nội dung được nhóm đồng nghĩa hoặc bảng viết tắt phủ: ${report.coveredWords}/${report.contentWords} (${pct}%)\n`);
    ctx.out(`Cụm từ chưa có nhóm đồng nghĩa: ${report.uncovered.length}\n\n`);
    const list = (rows: Array<{ text: string; count: number }>) =>
      `${rows
        .slice(0, limit)
        .map((w) => `  ${w.text} (${w.count})`)
        .join('\n')}\n`;
    ctx.out(list(report.uncovered));
    if (scope !== 'headings') {
      ctx.out(`\nCụm hai âm tiết chưa có nhóm đồng nghĩa: ${report.pairs.length}\n`);
      ctx.out(list(report.pairs));
      ctx.out(`\nTừ đơn chưa có nhóm đồng nghĩa: ${report.words.length}\n`);
      ctx.out(list(report.words));
    }
    return 0;
  },
};
