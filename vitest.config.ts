import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { SpawningFirst } from "./src/server/testing/sequencer.ts";

const ALL = ["src/**/*.test.ts"];

/**
 * Walks over what every route declares (its guard, its inputs' bounds, its export's columns): the
 * same on either database, and the longest files of the pass, so they run on PGlite only.
 */
const ROUTE_DECLARATIONS = ["server/platform/http/scope.test.ts", "server/platform/http/fuzz.test.ts"];

/**
 * The PostgreSQL pass (TEST_DB_MODE=postgres) runs the files that reach a database: those using the
 * harness in src/server/testing/ or opening one themselves. Pure tests (validators, geometry,
 * spreadsheets) would only repeat themselves.
 */
function databaseFiles(): string[] {
  const src = `${import.meta.dirname}/src`;
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts") && !ROUTE_DECLARATIONS.includes(file))
    .filter((file) => /testing\/|openDatabase|onPostgres/.test(readFileSync(`${src}/${file}`, "utf8")))
    .map((file) => `src/${file}`);
}

// The API tests: each file gets its own database (PGlite in memory, or a fresh database on
// the server in TEST_DATABASE_URL). Browser tests live in e2e/ and run under Playwright.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    include: process.env.TEST_DB_MODE === "postgres" ? databaseFiles() : ALL,
    globalSetup: ["src/server/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Files share their worker's imported modules: the app is imported once per worker, not once
    // per file. Each file still gets its own database and app (harness.ts empties the caches).
    isolate: false,
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: SpawningFirst },
  },
});
