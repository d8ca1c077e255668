/**
 * The popup's end-to-end tests: Chromium with the built extension (`npx wxt build` first).
 * Run: npx vitest run --config tests/e2e/popup.vitest.config.ts
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/popup*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    passWithNoTests: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // One browser at a time: each test starts its own profile.
    fileParallelism: false,
  },
});
