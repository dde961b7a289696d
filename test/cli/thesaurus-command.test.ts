import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { thesaurusCommand } from '../../src/cli/commands/thesaurus.js';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { tempDir } from '../helpers/knowledge-base.js';

const config = createConfig({ DATA_DIR: tempDir(), LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const ctx: CliContext = { config, logger: createLogger('silent'), out: (t) => void (out += t) };
  return { code: await thesaurusCommand.run(args, ctx), out };
}

describe('cli thesaurus thin', () => {
  it('lists the terms of the headings with fewer other wordings than --min, as JSON', async () => {
    const { code, out } = await run('thin', '--min', '2', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { terms: number; thin: Array<{ term: string; count: number; variants: string[] }> };
    expect(report.terms).toBeGreaterThan(300);
    expect(report.thin.length).toBeGreaterThan(0);
    for (const t of report.thin) {
      expect(t.variants.length).toBeLessThan(2);
      expect(t.count).toBeGreaterThanOrEqual(1);
    }
  });

  it('prints the thin terms with their wordings', async () => {
    const { code, out } = await run('thin', '--limit', '5');
    expect(code).toBe(0);
    expect(out).toMatch(/có dưới 3 cách nói khác: \d+/);
    expect(out.trim().split('\n').length).toBeGreaterThanOrEqual(3);
  });

  it('rejects a bad --min with a Vietnamese message', async () => {
    expect((await run('thin', '--min', '0')).code).toBe(2);
    expect((await run('nothing')).code).toBe(2);
  });
});
