import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Type } from "@sinclair/typebox";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { DELIVERY_JOB } from "../platform/events/index.ts";
import { domainEvents } from "../platform/events/tables.ts";
import { WORDS } from "../platform/i18n/words.ts";
import { importersOf, type Module, moduleContext } from "../platform/module/index.ts";
import { createServer, type Server } from "../server.ts";
import { freshDatabaseUrl } from "../testing/database.ts";
import { MODULES } from "./index.ts";

describe("the module list", () => {
  it("names every module folder once, and each folder's index.ts is its one registration", () => {
    const folders = readdirSync(import.meta.dirname, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
  });

  it("gives every import kind to one module, and every hook a provider", () => {
    const kinds = importersOf(MODULES).map((i) => i.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["residents", "partyMembers", "staff", "grids", "gridPolygons"]),
    );
    const { hooks } = moduleContext(MODULES, {} as never);
    expect(typeof hooks.publishCall).toBe("function");
  });

  it("heads every exported list's columns in both languages, without two columns of one name", () => {
    for (const m of MODULES) {
      for (const sheet of m.exporters ?? []) {
        for (const locale of ["zh-CN", "en"] as const) {
          const headers = sheet.columns(WORDS[locale]).map((c) => c.header);
          expect(headers.length, `${m.name}/${sheet.key}`).toBeGreaterThan(0);
          expect(headers.every((h) => h.trim().length > 0)).toBe(true);
          expect(new Set(headers).size, `${m.name}/${sheet.key} ${locale}`).toBe(headers.length);
        }
      }
    }
  });
});

describe("a module added to the list", () => {
  const calls = { firstData: 0, job: 0, events: [] as string[] };
  const probe: Module = {
    name: "probe",
    firstData: async () => {
      calls.firstData += 1;
    },
    routes: [
      (app) => {
        app.get(
          "/probe",
          {
            config: { access: "public" },
            schema: { response: { 200: Type.Object({ ok: Type.Boolean() }) } },
          },
          async () => ({ ok: true }),
        );
      },
    ],
    jobs: (queue) =>
      queue.define("probe.job", async () => {
        calls.job += 1;
      }),
    consumers: [
      {
        name: "probe.consumer",
        handle: async (_tx, events) => {
          calls.events.push(...events.map((e) => e.type));
        },
      },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), "gg-modules-"));
  let server: Server | undefined;
  let dropDatabase = async () => {};
  afterAll(async () => {
    await server?.close();
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  const until = async (done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
  };

  it("gets its first data, routes, jobs and events from the list alone", async () => {
    const target = await freshDatabaseUrl();
    dropDatabase = target.drop;
    const config = loadConfig({
      DEMO: "0",
      ADMIN_PHONE: "13912340000",
      ADMIN_PASSWORD: "modules-test-1",
      DATA_DIR: dir,
      ...(target.url ? { DATABASE_URL: target.url } : {}),
    });
    server = await createServer(config, {
      modules: [...MODULES, probe],
      queue: { pollingIntervalSeconds: 0.5 },
    });
    expect(calls.firstData).toBe(1);

    const res = await server.app.inject({ url: "/api/v1/probe" });
    expect(res.json()).toEqual({ ok: true });

    await server.queue.sendNow("probe.job", {});
    await until(() => calls.job > 0);
    expect(calls.job).toBe(1);

    // An event past its settling time reaches the module's consumer through the delivery job, once.
    await server.database.db.insert(domainEvents).values({
      type: "probe.happened",
      entity: "probe",
      entityId: "1",
      territoryPath: "/",
      at: new Date(Date.now() - 60_000),
    });
    await server.queue.sendNow(DELIVERY_JOB, {});
    await until(() => calls.events.length > 0);
    await server.queue.sendNow(DELIVERY_JOB, {});
    await new Promise((r) => setTimeout(r, 500));
    expect(calls.events).toEqual(["probe.happened"]);
  });
});
