import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Where the API tests run: PGlite (default) or, with TEST_DB_MODE=postgres, a fresh database on
 * the server in TEST_DATABASE_URL, dropped afterwards.
 */
export const onPostgres = process.env.TEST_DB_MODE === "postgres";

export interface TestDatabaseUrl {
  url: string | undefined;
  drop(): Promise<void>;
}

/** An empty database for this test (or a copy of `template`); on PGlite, nothing to make. */
export async function freshDatabaseUrl(template?: string): Promise<TestDatabaseUrl> {
  if (!onPostgres) return { url: undefined, drop: async () => {} };
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DB_MODE=postgres needs TEST_DATABASE_URL");
  return throwawayDatabase(admin, "gg_test", template);
}

/** A new database on the server of `serverUrl` (empty, or a copy of `template`), and how to drop it. */
export async function throwawayDatabase(
  serverUrl: string,
  prefix = "gg_test",
  template?: string,
): Promise<TestDatabaseUrl> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`create database ${name}${template ? ` template ${template}` : ""}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
