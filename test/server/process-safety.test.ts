import { describe, expect, it, vi } from 'vitest';
import { installRejectionSafetyNet } from '../../src/server/process-safety.js';

describe('installRejectionSafetyNet', () => {
  it('logs an unhandled rejection instead of letting it stop the process', () => {
    const logger = { error: vi.fn() };
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const before = process.listenerCount('unhandledRejection');
    const remove = installRejectionSafetyNet(logger);
    expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
    const reason = new Error('stray rejection');
    process.emit('unhandledRejection', reason, Promise.resolve());
    remove();
    exit.mockRestore();
    expect(logger.error).toHaveBeenCalledWith({ err: reason }, 'unhandled promise rejection (kept running)');
    expect(exit).not.toHaveBeenCalled();
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
