import { defineConfig } from "vitest/config";

// The API tests: each file gets its own database (PGlite in memory, or a fresh database on
// the server in TEST_DATABASE_URL). Browser tests live in e2e/ and run under Playwright.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["src/server/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Files share their worker's imported modules: the app is imported once per worker, not once
    // per file. Each file still gets its own database and app (harness.ts empties the caches).
    isolate: false,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
