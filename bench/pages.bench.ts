import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import { throwawayDatabase } from "../src/server/testing/database.ts";
import { onEachDatabase, writeResult } from "./lib.ts";

const ROOT = resolve(import.meta.dirname, "..");
const WEB = resolve(ROOT, "dist/web");
const RUNS = 3;
const DRILLS = 3;
/** What the issue asks of a 4 Mbit/s line with 40 ms round trips. */
const NETWORK = { latency: 40, downloadThroughput: 4_000_000 / 8, uploadThroughput: 4_000_000 / 8 };
/** Loading is over once this long passes with at most BACKGROUND requests in flight (Lighthouse's rule). */
const QUIET_MS = 1000;
const BACKGROUND = 2;
/** How long a reader looks at the big screen before clicking an area on its map. */
const LOOK_MS = 3000;
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

interface Account {
  page: "admin" | "mobile" | "screen";
  path: string;
  phone: string;
  label: string;
  viewport: { width: number; height: number };
  mobile?: boolean;
}
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
 * Whether the main content of a page is there, noting the first frame it was (window.__contentAt).
 * Run in the page every frame, so self-contained; a function, not a string: the pages'
 * Content-Security-Policy forbids eval.
 */
function shown(kind: Account["page"]): boolean {
  const w = window as unknown as {
    __contentAt?: number;
    __screenChart?: { getOption: () => { series?: unknown[] } };
  };
  const text = (selector: string) => document.querySelector(selector)?.textContent ?? "";
  const there =
    kind === "admin"
      ? /\d/.test(text("section[aria-label] [data-figure]")) && !!document.querySelector("[role=img] canvas")
      : kind === "mobile"
        ? !!document.querySelector("#root h1") &&
          document.querySelectorAll("#root .adm-grid button").length > 0
        : /\d/.test(text("[data-testid=screen-received]")) &&
          (w.__screenChart?.getOption().series ?? []).length > 0;
  if (there) w.__contentAt ??= performance.now();
  return there;
}

/**
 * Cold loads of the admin home, the phone home and the big screen in Chromium over a throttled line,
 * the initial JS of each app, and drill-downs on the big screen's map; on PGlite, then on PostgreSQL.
 */
export async function benchPages(): Promise<void> {
  buildIfStale();
  const initialJs = initialJsOfApps();
  for (const [app, js] of Object.entries(initialJs))
    console.log(
      `  initial JS ${app.padEnd(6)} ${kb(js.raw)} KB raw, ${kb(js.gzip)} KB gzip, ${kb(js.brotli)} KB brotli (${js.files.length} files)`,
    );
  const databases = await onEachDatabase(runOn);
  writeResult("pages", {
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

/** What each index.html loads before any lazy chunk, by the compressed files beside the assets. */
function initialJsOfApps(): Record<string, InitialJs> {
  const apps: Record<string, InitialJs> = {};
  for (const app of ["admin", "mobile", "screen"]) {
    const html = readFileSync(resolve(WEB, app, "index.html"), "utf8");
    const files = [
      ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
    ]
      .map((m) => m[1] ?? "")
      .map((src) => resolve(WEB, src.replace(/^\//, "")));
    const size = (file: string, compress: (b: Buffer) => Buffer) =>
      existsSync(file) ? statSync(file).size : compress(readFileSync(file.replace(/\.(gz|br)$/, ""))).length;
    apps[app] = {
      files: files.map((f) => f.slice(WEB.length)),
      raw: files.reduce((n, f) => n + statSync(f).size, 0),
      gzip: files.reduce((n, f) => n + size(`${f}.gz`, (b) => gzipSync(b, { level: 9 })), 0),
      brotli: files.reduce(
        (n, f) =>
          n +
          size(`${f}.br`, (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })),
        0,
      ),
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
  const base = await new Promise<string>((done, fail) => {
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const ready = /Ready: (http:\/\/[\d.:]+)\//.exec(log);
      if (ready?.[1]) done(ready[1]);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => fail(new Error(`the server stopped (${code}) before it was ready:\n${log}`)));
  });
  return {
    base,
    stop: async () => {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
      await target?.drop();
      rmSync(dataDir, { recursive: true, force: true });
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
    const drill = await drillDowns(browser, server.base);
    console.log(
      `  big screen drill-down       drawn ${drill.drawnMs} ms (goal ≤ ${GOALS.drillMs}), settled ${drill.settledMs} ms`,
    );
    return { pages, drill: { ...drill, goalMs: GOALS.drillMs, met: drill.drawnMs <= GOALS.drillMs } };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
};

/** A logged-in context whose page loads over the emulated line with the cache off. */
async function loggedIn(browser: Browser, base: string, account: Account, throttled: boolean) {
  const context = await browser.newContext({
    viewport: account.viewport,
    locale: "zh-CN",
    isMobile: account.mobile ?? false,
    hasTouch: account.mobile ?? false,
    deviceScaleFactor: account.mobile ? 2 : 1,
  });
  const login = await context.request.post(`${base}/api/v1/auth/login`, {
    data: { phone: account.phone, password: "demo12345" },
    headers: { origin: base },
  });
  if (!login.ok()) throw new Error(`login ${account.phone}: ${login.status()}`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttled) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...NETWORK });
  // tsx compiles this file keeping function names through a helper, `__name`, that the functions
  // sent into the page call there too.
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTaskEnds: number[] };
    w.__longTaskEnds = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTaskEnds.push(e.startTime + e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  return { context, page };
}

/** Resolves once QUIET_MS pass with at most BACKGROUND requests of the page in flight. */
function networkQuiet(page: Page): { quiet: () => Promise<void> } {
  let inFlight = 0;
  let lastBusy = performance.now();
  const change = (by: number) => {
    if (inFlight > BACKGROUND || inFlight + by > BACKGROUND) lastBusy = performance.now();
    inFlight += by;
  };
  page.on("request", () => change(1));
  page.on("requestfinished", () => change(-1));
  page.on("requestfailed", () => change(-1));
  return {
    quiet: async () => {
      while (inFlight > BACKGROUND || performance.now() - lastBusy < QUIET_MS)
        await new Promise((r) => setTimeout(r, 50));
    },
  };
}

interface LoadRun {
  fcpMs: number;
  contentMs: number;
  interactiveMs: number;
  /** JS bytes as sent (compressed) over the whole load, lazy chunks included. */
  jsBytes: number;
  encodings: string;
}

async function coldLoad(
  browser: Browser,
  base: string,
  account: Account,
  throttled: boolean,
): Promise<LoadRun> {
  const { context, page } = await loggedIn(browser, base, account, throttled);
  try {
    const encodings = new Set<string>();
    page.on("response", async (r) => {
      if (r.url().endsWith(".js")) encodings.add((await r.headerValue("content-encoding")) ?? "identity");
    });
    const network = networkQuiet(page);
    await page.goto(`${base}${account.path}`);
    await page.waitForFunction(shown, account.page, { polling: "raf", timeout: 60_000 });
    await network.quiet();
    const t = await page.evaluate((background) => {
      const w = window as unknown as { __contentAt: number; __longTaskEnds: number[] };
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      // The requests over time: the last moment their number fell to `background` or fewer.
      const steps = [performance.getEntriesByType("navigation")[0] as PerformanceResourceTiming, ...resources]
        .flatMap((r) => [
          [r.startTime, 1],
          [r.responseEnd, -1],
        ])
        .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
      let [inFlight, quiet] = [0, 0];
      for (const [at = 0, by = 0] of steps) {
        if (inFlight > background && inFlight + by <= background) quiet = at;
        inFlight += by;
      }
      return {
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        content: w.__contentAt,
        quiet,
        lastLongTask: Math.max(0, ...w.__longTaskEnds),
        js: resources.filter((r) => r.name.endsWith(".js")).reduce((n, r) => n + r.encodedBodySize, 0),
      };
    }, BACKGROUND);
    return {
      fcpMs: Math.round(t.fcp),
      contentMs: Math.round(t.content),
      interactiveMs: Math.round(Math.max(t.content, t.quiet, t.lastLongTask)),
      jsBytes: t.js,
      encodings: [...encodings].join("+"),
    };
  } finally {
    await context.close();
  }
}

type Ring = [number, number][];
interface ScreenArea {
  id: string;
  name: string;
  received: number;
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] } | null;
}

/** The area-weighted centre of an area's first outer ring: a point inside a convex area. */
function centroid(geometry: NonNullable<ScreenArea["geometry"]>): [number, number] {
  const ring = geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
  let [a, x, y] = [0, 0, 0];
  for (const [i, [x0, y0]] of (ring ?? []).entries()) {
    const [x1, y1] = ring?.[(i + 1) % ring.length] ?? [x0, y0];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return [x / (3 * a), y / (3 * a)];
}

/** The big screen loaded over the line; a community clicked, timed to its map drawn; back up; the next. */
async function drillDowns(browser: Browser, base: string) {
  const account = PAGES.find((p) => p.page === "screen") as Account;
  const { context, page } = await loggedIn(browser, base, account, true);
  try {
    const network = networkQuiet(page);
    await page.goto(`${base}${account.path}`);
    await page.waitForFunction(shown, "screen" as const, { polling: "raf", timeout: 60_000 });
    await network.quiet();
    const areas = (await (await context.request.get(`${base}/api/v1/dashboard/areas`)).json()) as {
      items: ScreenArea[];
    };
    const targets = areas.items.filter((a) => a.received > 0 && a.geometry).slice(0, DRILLS);
    const runs: { area: string; drawnMs: number; settledMs: number }[] = [];
    for (const area of targets) {
      await page.waitForTimeout(LOOK_MS);
      runs.push({ area: area.name, ...(await drillInto(page, area)) });
      await page.goBack();
      await page.waitForFunction(shown, "screen" as const, { polling: "raf" });
      await network.quiet();
    }
    return {
      drawnMs: median(runs.map((r) => r.drawnMs)),
      settledMs: median(runs.map((r) => r.settledMs)),
      runs,
    };
  } finally {
    await context.close();
  }
}

async function drillInto(page: Page, area: ScreenArea): Promise<{ drawnMs: number; settledMs: number }> {
  const at = await page.evaluate(
    ([lngLat, id, name]) => {
      type Chart = {
        convertToPixel: (finder: object, value: number[]) => number[];
        getOption: () => { series?: { map?: string }[] };
        on: (event: string, handler: () => void) => void;
      };
      const w = window as unknown as { __screenChart: Chart; __drill: Record<string, number> };
      const chart = w.__screenChart;
      const drill: Record<string, number> = {};
      w.__drill = drill;
      const mapShown = () => chart.getOption().series?.[0]?.map === `screen-${id}`;
      const figuresShown = () =>
        document.querySelector("[data-testid=screen-node]")?.textContent === name &&
        document.querySelector("[data-testid=screen-map]")?.getAttribute("data-node") === id;
      document.addEventListener("pointerdown", () => (drill.clickAt = performance.now()), {
        capture: true,
        once: true,
      });
      chart.on("rendered", () => {
        if (drill.clickAt && !drill.mapAt && mapShown()) drill.mapAt = performance.now();
      });
      chart.on("finished", () => {
        if (drill.mapAt && !drill.finishedAt) drill.finishedAt = performance.now();
      });
      // The frame in which both the map of the area and its figures are there.
      const frame = () => {
        if (drill.mapAt && figuresShown()) drill.drawnAt = performance.now();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      return chart.convertToPixel({ seriesIndex: 0 }, lngLat);
    },
    [centroid(area.geometry as NonNullable<ScreenArea["geometry"]>), area.id, area.name] as const,
  );
  const box = await page.getByTestId("screen-map").boundingBox();
  if (!box || at[0] === undefined || at[1] === undefined) throw new Error("the map is not on the page");
  await page.mouse.click(box.x + at[0], box.y + at[1]);
  const d = (await (
    await page.waitForFunction(
      () => {
        const drill = (window as unknown as { __drill: Record<string, number> }).__drill;
        return drill.drawnAt && drill.finishedAt ? drill : null;
      },
      undefined,
      { timeout: 30_000 },
    )
  ).jsonValue()) as Record<string, number>;
  return {
    drawnMs: Math.round((d.drawnAt ?? 0) - (d.clickAt ?? 0)),
    settledMs: Math.round(Math.max(d.drawnAt ?? 0, d.finishedAt ?? 0) - (d.clickAt ?? 0)),
  };
}
