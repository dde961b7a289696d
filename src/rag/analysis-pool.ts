/**
 * Runs the per-chunk analysis of an index build ({@link ChunkAnalyzer}) on a
 * pool of worker threads, so a large build uses every core; results are
 * handed back in chunk order. Small jobs, or a pool that cannot start, run
 * in this thread with the same analyzer (same results).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Chunk } from './chunk.js';
import { type AnalysisInput, type AnalysisSpec, type AnalyzedBatch, BatchDecoder, ChunkAnalyzer } from './chunk-analysis.js';

/** Chunks per message. */
const BATCH = 128;
/** Batches queued per worker. */
const IN_FLIGHT = 3;
/** Below this many chunks the pool's start-up costs more than it saves. */
export const MIN_POOL_CHUNKS = 1500;
/**
 * Heap limits per worker. Each worker's heap adds to the build's peak RSS:
 * its garbage is short-lived (a small young generation), and its live state
 * is bounded (string dictionary, key memo, bucket memo: about 50–90 MB at
 * 60k chunks), but without a cap V8 lets its old generation fill with
 * garbage up to several times that before collecting (at 60k chunks the two
 * workers swung the build's RSS by 400 MB). A worker that still runs out of
 * memory is replaced by this thread for the remaining batches.
 */
const LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 160 };

export interface AnalyzeOptions {
  spec: AnalysisSpec;
  /** Worker threads (0: this thread). */
  workers: number;
  /** Fewer chunks than this are analysed in this thread (default {@link MIN_POOL_CHUNKS}). */
  minPoolChunks?: number;
  /** The document aliases of each chunk. */
  aliases: (c: Chunk) => string;
  /** Whether chunk `i` needs a vector. */
  embed: (i: number) => boolean;
  /**
   * Called for each batch in chunk order (`start` = index of its first
   * chunk); decode it with `decoder` before returning.
   */
  onBatch: (start: number, batch: AnalyzedBatch, decoder: BatchDecoder) => void;
  onPoolError?: (err: unknown) => void;
}

function inputOf(chunks: readonly Chunk[], start: number, opts: AnalyzeOptions): AnalysisInput {
  const slice = chunks.slice(start, start + BATCH);
  return { chunks: slice, aliases: slice.map(opts.aliases), embed: Uint8Array.from(slice, (_, j) => (opts.embed(start + j) ? 1 : 0)) };
}

function spawn(spec: AnalysisSpec): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./analysis-worker.js', here), { workerData: spec, resourceLimits: LIMITS });
  // Running from TypeScript sources (tsx, vitest): the worker loads through tsx's API.
  const require = createRequire(here);
  const api = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const file = new URL('./analysis-worker.ts', here).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(file)}, ${JSON.stringify(here)}))`;
  return new Worker(boot, { eval: true, workerData: spec, resourceLimits: LIMITS });
}

async function startPool(n: number, spec: AnalysisSpec): Promise<Worker[]> {
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < n; i++) workers.push(spawn(spec));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onExit = (code: number) => fail(new Error(`analysis worker exited (${code})`));
            const fail = (err: unknown) => {
              w.off('exit', onExit);
              reject(err);
            };
            // (Only this function's own listeners are removed: removeAllListeners would detach the worker's port.)
            w.once('message', () => {
              w.off('error', fail);
              w.off('exit', onExit);
              resolve();
            });
            w.once('error', fail);
            w.once('exit', onExit);
          }),
      ),
    );
    return workers;
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
}

/** Analyse the batches from `from` (a batch start) on, in this thread. */
function analyzeHere(chunks: readonly Chunk[], opts: AnalyzeOptions, from = 0): void {
  const analyzer = new ChunkAnalyzer(opts.spec);
  const decoder = new BatchDecoder();
  for (let start = from; start < chunks.length; start += BATCH) {
    const out = analyzer.analyze(inputOf(chunks, start, opts));
    decoder.learn(out);
    opts.onBatch(start, out, decoder);
  }
}

/** Analyse `chunks`, on worker threads when the job is large enough. */
export async function analyzeChunks(chunks: readonly Chunk[], opts: AnalyzeOptions): Promise<void> {
  const n = Math.min(opts.workers, Math.ceil(chunks.length / BATCH));
  if (n < 1 || chunks.length < (opts.minPoolChunks ?? MIN_POOL_CHUNKS)) return analyzeHere(chunks, opts);
  let workers: Worker[];
  try {
    workers = await startPool(n, opts.spec);
  } catch (err) {
    opts.onPoolError?.(err);
    return analyzeHere(chunks, opts);
  }
  const total = Math.ceil(chunks.length / BATCH);
  const decoders = workers.map(() => new BatchDecoder());
  const ready = new Map<number, { out: AnalyzedBatch; decoder: BatchDecoder }>();
  let nextToSend = 0;
  let nextToDeliver = 0;
  /** A worker that failed (out of memory, crashed): the batches not yet delivered are analysed in this thread. */
  const failure: { err?: unknown } = {};
  try {
    await new Promise<void>((resolve, reject) => {
      const lost = (err: unknown) => {
        if (!('err' in failure)) failure.err = err;
        resolve();
      };
      const send = (w: Worker) => {
        if (nextToSend >= total) return;
        const seq = nextToSend++;
        w.postMessage({ seq, input: inputOf(chunks, seq * BATCH, opts) });
      };
      workers.forEach((w, k) => {
        w.on('message', (msg: { seq: number; out?: AnalyzedBatch; error?: string }) => {
          if ('err' in failure) return;
          if (!msg.out) return reject(new Error(`analysis worker failed: ${msg.error ?? 'no result'}`));
          const decoder = decoders[k] as BatchDecoder;
          decoder.learn(msg.out);
          ready.set(msg.seq, { out: msg.out, decoder });
          try {
            for (let r = ready.get(nextToDeliver); r; r = ready.get(nextToDeliver)) {
              ready.delete(nextToDeliver);
              opts.onBatch(nextToDeliver * BATCH, r.out, r.decoder);
              nextToDeliver++;
            }
          } catch (err) {
            return reject(err);
          }
          if (nextToDeliver >= total) return resolve();
          send(w);
        });
        w.on('error', lost);
        w.on('exit', (code) => {
          if (nextToDeliver < total) lost(new Error(`analysis worker exited (${code})`));
        });
        for (let i = 0; i < IN_FLIGHT; i++) send(w);
      });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (!('err' in failure)) return;
  opts.onPoolError?.(failure.err);
  ready.clear();
  analyzeHere(chunks, opts, nextToDeliver * BATCH);
}
