import { randomBytes, scryptSync } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { DEMO_PASSWORD } from "../demo/accounts.ts";
import { verifyPassword } from "../platform/auth/index.ts";
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
  await cheapenDemoPasswords(database);
}

/**
 * Every test file signs the nine demo roles in; at the real scrypt cost (N=2^15, ~50 ms each) that
 * is a minute of CPU per run. The demo password is stored again at N=2^10: the same scheme and
 * the same check, only cheaper (a hash names its own cost).
 */
async function cheapenDemoPasswords(database: Database) {
  const n = 2 ** 10;
  const salt = randomBytes(16);
  const key = scryptSync(DEMO_PASSWORD.normalize("NFC"), salt, 32, { N: n, r: 8, p: 1 });
  const cheap = ["scrypt", n, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  const { rows } = await database.executeSql(
    "select distinct password_hash as hash from users where password_hash is not null",
  );
  for (const { hash } of rows as Array<{ hash: string }>)
    if (await verifyPassword(DEMO_PASSWORD, hash))
      await database.executeSql("update users set password_hash = $1 where password_hash = $2", [
        cheap,
        hash,
      ]);
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
