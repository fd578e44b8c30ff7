import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

// Workers load this file too and inherit the variable, so only the runner makes (and removes) the directory.
if (!process.env.E2E_DATA_DIR) {
  const dir = mkdtempSync(join(tmpdir(), "gridgov-e2e-"));
  process.env.E2E_DATA_DIR = dir;
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: 0,
  reporter: "list",
  fullyParallel: false,
  timeout: 60_000,
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
  webServer: {
    // Build first: the server serves dist/web, and testing yesterday's pages would prove nothing.
    // `npm test` builds (or finds a build newer than every source) and says so with E2E_PREBUILT.
    command: `${process.env.E2E_PREBUILT === "1" ? "" : "npx vite build --logLevel warn && "}node --import tsx src/server/main.ts`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 240_000,
    env: { PORT: String(PORT), HOST: "127.0.0.1", DATA_DIR: process.env.E2E_DATA_DIR, DEMO: "1" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
