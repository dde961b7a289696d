/** Open the real knowledge base over a temporary DATA_DIR, for tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Embedder } from '../../src/rag/embedder.js';
import type { Generator } from '../../src/rag/generator.js';
import { type KnowledgeBase, openKnowledgeBase } from '../../src/rag/knowledge-base.js';

export function tempDir(prefix = 'cchc-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openTestKnowledgeBase(
  opts: { env?: Record<string, string>; embedder?: Embedder; generator?: Generator | null; logger?: Logger; dataDir?: string } = {},
): Promise<KnowledgeBase> {
  const config = createConfig({ DATA_DIR: opts.dataDir ?? tempDir(), ...opts.env });
  return openKnowledgeBase({ config, logger: opts.logger ?? createLogger('silent'), embedder: opts.embedder, generator: opts.generator ?? null });
}

/** An embedder that counts how many texts it was asked to embed. */
export class CountingEmbedder implements Embedder {
  readonly id = 'counting-v1';
  readonly dim = 64;
  calls = 0;
  texts: string[] = [];
  async embed(texts: string[]): Promise<number[][]> {
    this.calls++;
    this.texts.push(...texts);
    return texts.map((t) => {
      const v = new Array<number>(this.dim).fill(0);
      for (let i = 0; i < t.length; i++) {
        const k = t.charCodeAt(i) % this.dim;
        v[k] = (v[k] ?? 0) + 1;
      }
      const n = Math.hypot(...v) || 1;
      return v.map((x) => x / n);
    });
  }
}
