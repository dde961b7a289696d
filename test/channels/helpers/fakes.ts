/**
 * Shared fakes for channel tests: a recording conversation handler, a silent
 * logger and a free loopback port.
 */
import net from 'node:net';
import pino from 'pino';
import type { ConversationHandler, IncomingMessage, OutgoingReply } from '../../../src/core/messages.js';

export const silentLogger = pino({ level: 'silent' });

export interface RecordingHandler extends ConversationHandler {
  received: IncomingMessage[];
}

/** A handler that records messages and answers with `answer(msg)`. */
export function recordingHandler(answer: (msg: IncomingMessage) => OutgoingReply[]): RecordingHandler {
  const received: IncomingMessage[] = [];
  return {
    received,
    async handle(msg) {
      received.push(msg);
      return answer(msg);
    },
  };
}

/** Ask the OS for a free loopback port (for servers that cannot listen on 0). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Poll `check` until it returns true (max `timeoutMs`). */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A pino logger that keeps every log record (parsed) in `records`. */
export function capturingLogger(): { logger: pino.Logger; records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void records.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, records };
}
