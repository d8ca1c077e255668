/**
 * The test tiers, each runnable alone (`vitest run --project NAME`):
 * - `unit`: pure code in Node (the core, settings, the background with a fake browser);
 * - `dom`: content-script parts and components on happy-dom;
 * - `e2e`: the built extension (`npm run build` first) in Debian's Chromium and Firefox ESR, on
 *   fixture pages served from 127.0.0.1; one browser per file, files one after another.
 */
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    passWithNoTests: false,
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/i18n.ts'],
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.ts', 'tests/dom/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup/i18n.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
