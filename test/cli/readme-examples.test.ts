/**
 * Every example question in README.md (lines `npm run -s cli -- ask "..."`
 * in its code blocks) is asked through the CLI's `ask --json` command and
 * must be answered, not refused, with its key facts. The examples are parsed
 * from README.md, so this test follows the README.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { askCommand } from '../../src/cli/commands/ask.js';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { foldText } from '../../src/text/normalize.js';
import { tempDir } from '../helpers/knowledge-base.js';

/** Example questions from the README's code blocks (`ask` with no flags). */
function readmeExamples(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const out: string[] = [];
  for (const line of blocks.join('\n').split('\n')) {
    const m = /^\s*npm run -s cli -- ask "([^"]+)"/.exec(line);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

/** Key facts an answer to a README example must state (folded comparison). */
const KEY_FACTS: Record<string, string[]> = {
  'ai theo doi, don doc viec thuc hien ke hoach?': ['Văn phòng Sở'],
  'lam sao nop ho so qua mang': ['đăng nhập', 'nộp hồ sơ'],
  'thanh toan le phi truc tuyen the nao?': ['thanh toán'],
  'papi gom nhung noi dung nao?': ['tham gia của người dân', 'quản trị điện tử'],
  'qd 649/qd-ubnd la gi?': ['PCI'],
};

const examples = readmeExamples(readFileSync('README.md', 'utf8'));
const config = createConfig({ DATA_DIR: tempDir(), LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });

async function askJson(q: string): Promise<{ answer: string; abstained: boolean; sources: unknown[] }> {
  let out = '';
  const ctx: CliContext = {
    config,
    logger: createLogger('silent'),
    out: (t) => {
      out += t;
    },
  };
  const code = await askCommand.run(['--json', q], ctx);
  expect(code).toBe(0);
  return JSON.parse(out) as { answer: string; abstained: boolean; sources: unknown[] };
}

beforeAll(async () => {
  await askJson('khởi động chỉ mục'); // builds the index once in DATA_DIR
}, 60_000);

describe('README example questions', () => {
  it('the README has example questions in the expected form', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(readmeExamples('```bash\nnpm run -s cli -- ask "A?"\nnpm run -s cli -- ask --json "B"\n```\nnpm run -s cli -- ask "C"')).toEqual(['A?']);
  });

  for (const q of examples) {
    const facts = KEY_FACTS[foldText(q)];
    it(`answers "${q}"`, async () => {
      const a = await askJson(q);
      expect(a.abstained, a.answer).toBe(false);
      expect(a.sources.length).toBeGreaterThan(0);
      expect(a.answer).toMatch(/\[[^\]]+\]/); // cites a source
      for (const f of facts ?? []) expect(foldText(a.answer)).toContain(foldText(f));
    }, 30_000);
  }
});
