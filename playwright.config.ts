import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

/** A fresh install (DEMO=0) beside the demo one, for the setting-up test; and its SMS gateway's port. */
export const EMPTY_PORT = PORT + 1;
export const SMS_HOOK_PORT = PORT + 2;
export const EMPTY_ADMIN = { phone: "13900000000", password: "Qidong2026" };

// Workers load this file too and inherit the variables, so only the runner makes (and removes) the directories.
for (const name of ["E2E_DATA_DIR", "E2E_EMPTY_DATA_DIR"]) {
  if (process.env[name]) continue;
  const dir = mkdtempSync(join(tmpdir(), "gridgov-e2e-"));
  process.env[name] = dir;
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: "e2e",
  // Two browsers on one demo server: each test makes its own data (unique titles, its own people).
  workers: 2,
  retries: 0,
  reporter: "list",
  fullyParallel: false,
  timeout: 60_000,
  // A write answered while the other worker's pages load the same server can take a few seconds.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    headless: true,
    locale: "zh-CN",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      // Build first: the server serves dist/web, and testing yesterday's pages would prove nothing.
      // `npm test` builds (or finds a build newer than every source) and says so with E2E_PREBUILT.
      command: `${process.env.E2E_PREBUILT === "1" ? "" : "npx vite build --logLevel warn && "}node --import tsx src/server/main.ts`,
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: { PORT: String(PORT), HOST: "127.0.0.1", DATA_DIR: process.env.E2E_DATA_DIR as string, DEMO: "1" },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Started beside the demo's build: it serves dist/web from disk, read at request time.
      command: "node --import tsx src/server/main.ts",
      url: `http://127.0.0.1:${EMPTY_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        PORT: String(EMPTY_PORT),
        HOST: "127.0.0.1",
        DATA_DIR: process.env.E2E_EMPTY_DATA_DIR as string,
        DEMO: "0",
        ADMIN_PHONE: EMPTY_ADMIN.phone,
        ADMIN_PASSWORD: EMPTY_ADMIN.password,
        DISTRICT_NAME: "启东区",
        // The test's own gateway: it reads the sign-in codes from what it receives.
        SMS_WEBHOOK_URL: `http://127.0.0.1:${SMS_HOOK_PORT}/sms`,
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
