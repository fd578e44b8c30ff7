import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { createServer, type Server } from "../../server.ts";
import { freshDatabaseUrl, onPostgres } from "../../testing/database.ts";
import { recordAudit, SYSTEM } from "../audit/index.ts";
import { auditLog } from "../audit/tables.ts";
import type { Database } from "../db/index.ts";

const dataDir = mkdtempSync(join(tmpdir(), "gg-queue-"));
const target = await freshDatabaseUrl();
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await target.drop();
});

/** A server whose queue knows the probe job; the job leaves an audit row when it runs. */
function start(workersFrom?: Promise<unknown>): Promise<Server> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    // An empty district starts in a second; the demo district is not needed here.
    DEMO: "0",
    ADMIN_PHONE: "13912345678",
    ADMIN_PASSWORD: "queue-test-1",
    ...(target.url ? { DATABASE_URL: target.url } : {}),
  });
  return createServer(config, {
    queue: { pollingIntervalSeconds: 0.5, workersFrom },
    defineJobs: (queue, database: Database) =>
      queue.define<{ key: string }>("test.probe", async ({ key }) => {
        await recordAudit(database.db, SYSTEM, {
          action: "probe.ran",
          entity: "probe",
          entityId: key,
          after: { at: new Date().toISOString() },
        });
      }),
  });
}

const runs = async (server: Server, key: string) =>
  server.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "probe.ran"), eq(auditLog.entityId, key)));

describe(`durable jobs (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("runs a job scheduled 4 s ahead exactly once, though the process stopped and started in between", async () => {
    const key = `k-${Date.now()}`;
    const first = await start();
    const scheduledAt = Date.now();
    // Long enough to outlast the restart on a quiet machine; if a busy one restarts slower, the job
    // is simply due when the second process starts, which still proves it survived.
    await first.queue.send("test.probe", { key }, { startAfter: 4 });
    await first.close();

    const second = await start();
    try {
      let rows = await runs(second, key);
      for (let waited = 0; rows.length === 0 && waited < 25_000; waited += 250) {
        await new Promise((r) => setTimeout(r, 250));
        rows = await runs(second, key);
      }
      expect(rows).toHaveLength(1);
      const ranAt = Date.parse((rows[0]?.after as { at?: string } | undefined)?.at ?? "");
      expect(ranAt - scheduledAt).toBeGreaterThanOrEqual(3_500);
      // Further polling must not run it again.
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await runs(second, key)).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 60_000);

  it("takes jobs only once the server answers, and keeps one waiting job per key", async () => {
    const key = `once-${Date.now()}`;
    let answer = () => {};
    const server = await start(new Promise<void>((resolve) => (answer = resolve)));
    try {
      expect(await server.queue.send("test.probe", { key }, { singletonKey: key })).not.toBeNull();
      // A second request for the same work while the first waits adds nothing (a report asked twice).
      expect(await server.queue.send("test.probe", { key }, { singletonKey: key })).toBeNull();
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await runs(server, key)).toHaveLength(0);
      answer();
      let rows = await runs(server, key);
      for (let waited = 0; rows.length === 0 && waited < 15_000; waited += 250) {
        await new Promise((r) => setTimeout(r, 250));
        rows = await runs(server, key);
      }
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await runs(server, key)).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 60_000);
});
