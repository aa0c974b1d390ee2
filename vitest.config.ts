import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` is pure logic and fast; `site` checks the built site (cheerio on dist/, and
 * pages driven in Chromium). The site is built once per run by the site project's global setup.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/build/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // One Chromium per file is plenty on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
