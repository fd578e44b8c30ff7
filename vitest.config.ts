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
    fileParallelism: true,
    maxWorkers: 2,
  },
});
