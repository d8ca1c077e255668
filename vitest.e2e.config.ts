/**
 * End-to-end tier: the built extension (`npm run build` first) in Debian's Chromium (and Firefox
 * ESR for the files that say so), on fixture pages served from 127.0.0.1. One browser per test
 * file; files run one after another.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    passWithNoTests: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
