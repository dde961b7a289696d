/**
 * Worker thread of the index build: analyses the chunk batches it is sent
 * ({@link ChunkAnalyzer}) and posts the results back, buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AnalysisInput, type AnalysisSpec, ChunkAnalyzer, transferList } from './chunk-analysis.js';

const port = parentPort;
if (port) {
  const spec = workerData as AnalysisSpec;
  const analyzer = new ChunkAnalyzer(spec);
  let batches = 0;
  port.on('message', (msg: { seq: number; input: AnalysisInput }) => {
    if (spec.exitAfterBatches !== undefined && batches++ >= spec.exitAfterBatches) process.exit(3);
    try {
      const out = analyzer.analyze(msg.input);
      port.postMessage({ seq: msg.seq, out }, transferList(out));
    } catch (err) {
      port.postMessage({ seq: msg.seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  port.postMessage({ ready: true });
}
