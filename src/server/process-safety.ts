/**
 * Last-resort handler for promises nobody awaited: log the reason and keep
 * serving (Node would otherwise exit the whole bot on one stray rejection).
 */
import type { Logger } from '../logger.js';

/**
 * Install the handler once; returns a function that removes it.
 * @example installRejectionSafetyNet(logger);
 */
export function installRejectionSafetyNet(logger: Pick<Logger, 'error'>): () => void {
  const onRejection = (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection (kept running)');
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}
