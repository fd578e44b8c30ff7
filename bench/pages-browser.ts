import type { Browser, Page } from "@playwright/test";
import { quantiles } from "./lib.ts";

// The pages bench's work in Chromium: cold loads timed to first paint and to interactive, and the
// big screen's drill-downs. bench/pages.bench.ts starts the server and reports.

/** What the issue asks of a 4 Mbit/s line with 40 ms round trips. */
export const NETWORK = { latency: 40, downloadThroughput: 4_000_000 / 8, uploadThroughput: 4_000_000 / 8 };
/** Loading is over once this long passes with at most BACKGROUND requests in flight (Lighthouse's rule). */
export const QUIET_MS = 1000;
export const BACKGROUND = 2;
/** How long a reader looks at the big screen before clicking an area on its map. */
export const LOOK_MS = 3000;
const DRILLS = 3;

export interface Account {
  page: "admin" | "mobile" | "screen";
  path: string;
  phone: string;
  label: string;
  viewport: { width: number; height: number };
  mobile?: boolean;
}

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

/** The median, in whole milliseconds. */
export const median = (values: number[]) => Math.round(quantiles(values).p50);

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

export interface LoadRun {
  fcpMs: number;
  contentMs: number;
  interactiveMs: number;
  /** JS bytes as sent (compressed) over the whole load, lazy chunks included. */
  jsBytes: number;
  encodings: string;
}

export async function coldLoad(
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
    await page.goto(`${base}${account.path}`, { waitUntil: "commit" });
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
export async function drillDowns(browser: Browser, base: string, account: Account) {
  const { context, page } = await loggedIn(browser, base, account, true);
  try {
    const network = networkQuiet(page);
    await page.goto(`${base}${account.path}`, { waitUntil: "commit" });
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
