import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: PGlite is CPU-bound WebAssembly, so more forks only add contention.
    maxWorkers: 2,
    // The browser tests (test/web) serve the built portal: build it first when src/web changed.
    globalSetup: ['test/support/portal-build.ts'],
  },
});
