import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";
import { throwawayDatabase } from "../src/server/testing/database.ts";
import { onEachDatabase, writeResult } from "./lib.ts";
import {
  type Account,
  BACKGROUND,
  coldLoad,
  drillDowns,
  LOOK_MS,
  median,
  NETWORK,
  QUIET_MS,
} from "./pages-browser.ts";

const ROOT = resolve(import.meta.dirname, "..");
const WEB = resolve(ROOT, "dist/web");
const RUNS = 3;
const GOALS = {
  initialJsKB: { admin: 500, mobile: 200 },
  interactiveMs: { admin: 2000, mobile: 1500, screen: 3000 },
  drillMs: 300,
};
const DEFINITIONS = {
  initialJs:
    "the JS the page's index.html loads (its module script and modulepreload links), as gzip and brotli bytes of the files the server sends; route and chart chunks loaded later are not in it",
  firstContentfulPaint: "the browser's first-contentful-paint entry, from navigation start",
  interactive: `from navigation start to the latest of: the page's main content shown (admin: a figure of 受理诉求 and the trend chart drawn; phone: the greeting and the home buttons; screen: the figures and the drawn map), the network quiet (the moment the requests in flight last fell to ${BACKGROUND} or fewer, background fetches such as the big screen's prefetching being allowed as in Lighthouse's rule), and the end of the last long task (>50 ms); measured once ${QUIET_MS} ms have passed that quiet`,
  drill: `big screen: ${LOOK_MS / 1000} s after the screen is quiet (a reader looking before he clicks), from the press on a community of the map to the frame in which the breadcrumb names it, its figures are shown and the map of its grids is drawn (ECharts 'rendered'); 'settled' is when ECharts's animations have finished too`,
  network: "Chromium's network emulation over CDP: 4 Mbit/s down and up, 40 ms latency, cache disabled",
};

const PAGES: Account[] = [
  {
    page: "admin",
    path: "/admin/",
    phone: "13800000001",
    label: "admin home (district admin)",
    viewport: { width: 1440, height: 900 },
  },
  {
    page: "mobile",
    path: "/mobile/",
    phone: "13800000007",
    label: "phone home (resident)",
    viewport: { width: 390, height: 844 },
    mobile: true,
  },
  {
    page: "mobile",
    path: "/mobile/",
    phone: "13800000004",
    label: "phone home (grid worker)",
    viewport: { width: 390, height: 844 },
    mobile: true,
  },
  {
    page: "screen",
    path: "/screen/",
    phone: "13800000001",
    label: "big screen (district admin)",
    viewport: { width: 1920, height: 1080 },
  },
];

/**
 * Cold loads of the admin home, the phone home and the big screen in Chromium over a throttled line,
 * the initial JS of each app, and drill-downs on the big screen's map; on PGlite, then on PostgreSQL.
 */
export async function benchPages(): Promise<void> {
  buildIfStale();
  for (const [name, text] of Object.entries(DEFINITIONS)) console.log(`  ${name}: ${text}`);
  const initialJs = initialJsOfApps();
  for (const [app, js] of Object.entries(initialJs))
    console.log(
      `  initial JS ${app.padEnd(6)} ${kb(js.raw)} KB raw, ${kb(js.gzip)} KB gzip, ${kb(js.brotli)} KB brotli (${js.files.length} files)`,
    );
  const databases = await onEachDatabase(runOn);
  // Other work on the machine slows the pages' scripts: the load average at the end says how much.
  const loadAverage = loadavg().map((n) => Number(n.toFixed(1)));
  console.log(`  load average ${loadAverage.join(", ")} on ${availableParallelism()} cores`);
  writeResult("pages", {
    loadAverage,
    network: NETWORK,
    runs: RUNS,
    definitions: DEFINITIONS,
    goals: GOALS,
    initialJs: Object.fromEntries(
      Object.entries(initialJs).map(([app, js]) => {
        const goal = GOALS.initialJsKB[app as keyof typeof GOALS.initialJsKB];
        return [app, { ...js, goalKB: goal, met: goal === undefined ? null : kb(js.brotli) <= goal }];
      }),
    ),
    databases,
  });
}

const kb = (bytes: number) => Math.round(bytes / 1024);

/** The pages are built again when a source of them is newer than the build (as `npm test` decides). */
function buildIfStale(): void {
  const built = resolve(WEB, "admin/index.html");
  const sources = ["src/web", "src/shared", "vite.config.ts", "scripts/precompress.ts", "package-lock.json"];
  const newer =
    !existsSync(built) ||
    execFileSync("find", [...sources, "-newer", built, "-print", "-quit"], { cwd: ROOT }).length > 0;
  if (!newer) return;
  console.log("  building the pages (a source is newer than dist/web)…");
  execFileSync("flock", ["/tmp/build.lock", "npx", "vite", "build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

interface InitialJs {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** What each index.html loads before any lazy chunk, by the compressed files the server sends. */
function initialJsOfApps(): Record<string, InitialJs> {
  const apps: Record<string, InitialJs> = {};
  for (const app of ["admin", "mobile", "screen"]) {
    const html = readFileSync(resolve(WEB, app, "index.html"), "utf8");
    const files = [
      ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
    ].map((m) => resolve(WEB, (m[1] ?? "").replace(/^\//, "")));
    const bytes = (suffix: string) => files.reduce((n, f) => n + statSync(`${f}${suffix}`).size, 0);
    apps[app] = {
      files: files.map((f) => f.slice(WEB.length)),
      raw: bytes(""),
      gzip: bytes(".gz"),
      brotli: bytes(".br"),
    };
  }
  return apps;
}

interface Running {
  base: string;
  stop: () => Promise<void>;
}

/** `npm start`'s server as its own process on a free port, demo district loaded. */
async function startServer(databaseUrl: string | undefined): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-bench-pages-"));
  const target = databaseUrl ? await throwawayDatabase(databaseUrl, "gg_bench") : undefined;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO: "1",
      DATABASE_URL: target?.url ?? "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const cleanUp = async () => {
    await target?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const base = await new Promise<string>((done, fail) => {
    const early = (code: number | null) =>
      void cleanUp().then(() => fail(new Error(`the server stopped (${code}) before it was ready:\n${log}`)));
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const ready = /Ready: (http:\/\/[\d.:]+)\//.exec(log);
      if (!ready?.[1]) return;
      child.off("exit", early);
      done(ready[1]);
    };
    // Read on to the end: a full pipe would stop the server.
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", early);
  });
  return {
    base,
    stop: async () => {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
      await cleanUp();
    },
  };
}

async function runOn(databaseUrl: string | undefined) {
  const started = performance.now();
  const server = await startServer(databaseUrl);
  const kind = databaseUrl ? "postgres" : "pglite";
  console.log(`pages on ${kind} (server ready in ${Math.round((performance.now() - started) / 1000)} s)`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    // One unthrottled round first: the server's start-up jobs and first queries are not the pages' time.
    for (const account of PAGES) await coldLoad(browser, server.base, account, false);
    const pages: Record<string, object> = {};
    for (const account of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, server.base, account, true));
      const fcp = median(runs.map((r) => r.fcpMs));
      const tti = median(runs.map((r) => r.interactiveMs));
      const goal = GOALS.interactiveMs[account.page];
      console.log(
        `  ${account.label.padEnd(28)} FCP ${fcp} ms, interactive ${tti} ms (goal ≤ ${goal}), JS sent ${kb(median(runs.map((r) => r.jsBytes)))} KB (${runs[0]?.encodings})`,
      );
      pages[account.label] = { fcpMs: fcp, interactiveMs: tti, goalMs: goal, met: tti <= goal, runs };
    }
    const drill = await drillDowns(browser, server.base, PAGES.find((p) => p.page === "screen") as Account);
    console.log(
      `  big screen drill-down       drawn ${drill.drawnMs} ms (goal ≤ ${GOALS.drillMs}), settled ${drill.settledMs} ms`,
    );
    return { pages, drill: { ...drill, goalMs: GOALS.drillMs, met: drill.drawnMs <= GOALS.drillMs } };
  } finally {
    await browser.close();
    await server.stop();
  }
}
