import { defineConfig } from 'vitest/config';

/**
 * Two tiers, by file name:
 * - unit: `*.test.ts`, in-process (fastify.inject, bot.handleUpdate, fakes);
 * - integration: `*.process.test.ts` (spawns the CLI or the server),
 *   `*.browser.test.ts` (Debian Chromium), `*.socket.test.ts` (real sockets),
 *   `*.integration.test.ts` (emulators, end to end).
 * `*.int.test.ts` needs real keys and never runs by default.
 * `npm run check` runs both; `npm run test:unit` / `test:integration` run one.
 */
const INTEGRATION = ['test/**/*.process.test.ts', 'test/**/*.browser.test.ts', 'test/**/*.socket.test.ts', 'test/**/*.integration.test.ts'];
const ALWAYS_EXCLUDED = ['**/*.int.test.ts', 'node_modules/**'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...INTEGRATION, ...ALWAYS_EXCLUDED] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, exclude: ALWAYS_EXCLUDED } },
    ],
  },
});
