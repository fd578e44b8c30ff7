import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { type Database, openDatabase, runMigrations } from "../platform/db/index.ts";
import { PiiVault } from "../platform/pii/index.ts";
import { onPostgres, throwawayDatabase } from "./database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    piiKey: string;
    /** PGlite: a dump of the demo database to start each test file from. */
    pgliteDump: string;
    /** PostgreSQL: a database with the demo district, used as CREATE DATABASE … TEMPLATE. */
    pgTemplate: string;
  }
}

async function loadDemoInto(database: Database, piiKey: string) {
  await runMigrations(database);
  await bootstrap(
    database.db,
    loadConfig({ DEMO: "1", DEMO_SIZE: "small" }),
    await PiiVault.load({ piiKey }),
  );
}

/**
 * The demo district is built once per run (it takes seconds) and every test file starts from a
 * copy: a PGlite dump, or a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const piiKey = randomBytes(32).toString("hex");
  project.provide("piiKey", piiKey);
  project.provide("pgliteDump", "");
  project.provide("pgTemplate", "");
  const server = process.env.TEST_DATABASE_URL;
  if (onPostgres && server) {
    const template = await throwawayDatabase(server, "gg_template");
    const database = await openDatabase({ url: template.url });
    await loadDemoInto(database, piiKey);
    await database.close();
    project.provide("pgTemplate", new URL(template.url ?? "").pathname.slice(1));
    return () => template.drop();
  }
  const pg = new PGlite();
  const database = await openDatabase({ client: pg });
  await loadDemoInto(database, piiKey);
  const dump = await pg.dumpDataDir("none");
  // One file per run: two test runs at once must not share it.
  const file = resolve(import.meta.dirname, `../../../.tmp/test-demo-${process.pid}.tar`);
  mkdirSync(resolve(file, ".."), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  project.provide("pgliteDump", file);
  return () => rmSync(file, { force: true });
}
