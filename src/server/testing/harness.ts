import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { DEMO_PASSWORD } from "../demo/accounts.ts";
import { MODULES } from "../modules/index.ts";
import { TOKEN_SCOPES, type TokenScope } from "../platform/auth/index.ts";
import { clearProcessCaches } from "../platform/caches.ts";
import { type Database, openDatabase, runMigrations } from "../platform/db/index.ts";
import { centroidOf } from "../platform/geo/index.ts";
import type { App } from "../platform/http/types.ts";
import { defineImportJobs } from "../platform/imports/index.ts";
import { importersOf } from "../platform/module/index.ts";
import { FakeSmsSender } from "../platform/notify/index.ts";
import { PiiVault } from "../platform/pii/index.ts";
import { Queue } from "../platform/queue/index.ts";
import { type Caller, callerOf, headersOf, type RoleName, type Who } from "./calls.ts";
import { freshDatabaseUrl, type TestDatabaseUrl } from "./database.ts";

export type { Caller, RoleName, Who } from "./calls.ts";
export { DEMO_PASSWORD };
/** The modules' importers, as the app offers them. */
export const IMPORTERS = importersOf(MODULES);
export const ORIGIN = "http://localhost";

export interface TestApp {
  app: App;
  database: Database;
  pii: PiiVault;
  /** This app's own DATA_DIR (uploaded files land in it), removed by close() unless the caller chose it. */
  dataDir: string;
  /** The SMS gateway's stand-in: every text the app sent (sign-in codes). */
  sms: FakeSmsSender;
  /** Calls as a signed-in demo role (startWithSessions), a caller's headers, or nobody. */
  as(who: Who): Caller;
  close(): Promise<void>;
}

/** A fresh copy of the demo database built by global-setup.ts. */
async function demoCopy(): Promise<TestDatabaseUrl & { dump?: Blob }> {
  const template = inject("pgTemplate");
  if (template) return freshDatabaseUrl(template);
  return { url: undefined, drop: async () => {}, dump: new Blob([readFileSync(inject("pgliteDump"))]) };
}

export interface TestAppOptions {
  /** Run the job queue with the jobs that routes start (imports), polling every half second. */
  queue?: boolean;
  /** Serve these built pages instead of dist/web. */
  webDir?: string;
  /** The demo roles' headers `as(role)` uses; startWithSessions fills it in. */
  signedIn?: Partial<Record<RoleName, Record<string, string>>>;
}

/** The real app on a real database holding the demo district, with a temporary DATA_DIR of its own. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  // Test files share their worker's modules (vitest `isolate: false`), and so its caches.
  clearProcessCaches();
  const target = await demoCopy();
  const signedIn: Partial<Record<RoleName, Record<string, string>>> = options.signedIn ?? {};
  const database = await openDatabase({ url: target.url, loadDataDir: target.dump });
  await runMigrations(database);
  const ownDataDir = env.DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), "gridgov-test-"));
  const config = loadConfig({ DEMO: "1", ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...env });
  const pii = await PiiVault.load({ piiKey: inject("piiKey") });
  let queue: Queue | undefined;
  if (options.queue) {
    queue = new Queue(database, { pollingIntervalSeconds: 0.5 });
    defineImportJobs(queue, { db: database.db, vault: pii, dataDir: config.dataDir, importers: IMPORTERS });
    await queue.start();
  }
  const sms = new FakeSmsSender();
  const app = await buildApp({ database, config, pii, queue, webDir: options.webDir, sms });
  await app.ready();
  return {
    app,
    database,
    pii,
    dataDir: config.dataDir,
    sms,
    as: (who) => callerOf(app, headersOf(who, signedIn)),
    close: async () => {
      await app.close();
      await queue?.stop();
      await database.close();
      await target.drop();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  /** Headers for a cookie-authenticated browser call from this site. */
  headers: Record<string, string>;
  user: { id: string; name: string; roles: Array<{ role: string; nodeId: string }> };
}

export async function loginAs(app: App, phone: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`login ${phone} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "sid");
  if (!cookie) throw new Error("no session cookie");
  return {
    headers: { cookie: `sid=${cookie.value}`, origin: ORIGIN, host: "localhost" },
    user: res.json().user,
  };
}

/** A bearer token of the user with every scope (or those named), for API-client style calls. */
export async function tokenFor(
  app: App,
  phone: string,
  scopes: TokenScope[] = [...TOKEN_SCOPES],
): Promise<string> {
  const s = await loginAs(app, phone);
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/tokens",
    headers: s.headers,
    payload: { name: "test", scopes },
  });
  if (res.statusCode !== 201) throw new Error(`token for ${phone} failed: ${res.body}`);
  return res.json().token;
}

/** The centre of the grid a grid worker's (first) role is bound to: a point inside his grid. */
export async function ownGridCentre(app: App, session: Session): Promise<{ lat: number; lng: number }> {
  const gridId = session.user.roles[0]?.nodeId as string;
  const grid = (
    await app.inject({ url: `/api/v1/territory/nodes/${gridId}`, headers: session.headers })
  ).json();
  const [lng, lat] = centroidOf(grid.geometry);
  return { lat: lat as number, lng: lng as number };
}

export const PHONES: Record<RoleName, string> = {
  districtAdmin: "13800000001",
  streetStaff: "13800000002",
  communityStaff: "13800000003",
  gridWorker: "13800000004",
  departmentStaff: "13800000005",
  partyMember: "13800000006",
  resident: "13800000007",
  propertyStaff: "13800000008",
  merchant: "13800000009",
};

/** The test app with a logged-in session for each of the nine demo roles, and `t.as(role)` for them. */
export async function startWithSessions(options: TestAppOptions = {}): Promise<{
  t: TestApp;
  sessions: Record<RoleName, Session>;
}> {
  const signedIn: Partial<Record<RoleName, Record<string, string>>> = {};
  const t = await startTestApp({}, { ...options, signedIn });
  const entries = await Promise.all(
    Object.entries(PHONES).map(async ([role, phone]) => [role, await loginAs(t.app, phone)] as const),
  );
  for (const [role, session] of entries) signedIn[role as RoleName] = session.headers;
  return { t, sessions: Object.fromEntries(entries) as Record<RoleName, Session> };
}
