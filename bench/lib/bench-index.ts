/**
 * What the in-process answer benches share: `--name value` options taken
 * out of the arguments (the rest are question files), the questions of
 * those files (JSONL items' `q`, or plain lines), and a knowledge base opened
 * on an existing index (`--knowledge DIR --data DIR`, e.g. one written by
 * bench/scale-corpus.ts) or built in a temporary folder removed by `close`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type KnowledgeBase, openKnowledgeBase } from '../../src/rag/knowledge-base.js';

/** The command line's arguments, with `option(name)` removing `--name value` and returning the value. */
export function benchArgs(argv: readonly string[] = process.argv.slice(2)) {
  const rest = [...argv];
  const option = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const [v] = rest.splice(i, 2).slice(1);
    return v;
  };
  return { option, rest };
}

/** The questions of the files: a JSONL item's `q`, or the line itself. */
export function readQuestions(files: readonly string[]): string[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (l.startsWith('{') ? (JSON.parse(l) as { q: string }).q : l)),
  );
}

/** The embedded knowledge base on `dataDir` (a new temporary one when absent); `close` removes only a temporary one. */
export async function openBenchKnowledge(opts: { knowledgeDir?: string; dataDir?: string; tmpPrefix: string }): Promise<{
  kb: KnowledgeBase;
  close: () => void;
}> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), opts.tmpPrefix));
  const config = createConfig({ DATA_DIR: dataDir, ...(opts.knowledgeDir ? { KNOWLEDGE_DIR: opts.knowledgeDir } : {}) });
  const kb = await openKnowledgeBase({ config, logger: createLogger('silent'), generator: null });
  return { kb, close: () => (opts.dataDir ? undefined : rmSync(dataDir, { recursive: true, force: true })) };
}
