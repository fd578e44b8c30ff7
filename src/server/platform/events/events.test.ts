import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl, type TestDatabaseUrl } from "../../testing/database.ts";
import { nextDailyCode } from "../codes/index.ts";
import { type Database, openDatabase, runMigrations } from "../db/index.ts";
import { consumeEvents, recordEvent, type StoredEvent } from "./index.ts";
import { domainEvents } from "./tables.ts";

let target: TestDatabaseUrl;
let database: Database;
beforeAll(async () => {
  target = await freshDatabaseUrl();
  database = await openDatabase({ url: target.url });
  await runMigrations(database);
});
afterAll(async () => {
  await database.close();
  await target.drop();
});

const PATH = "/d/s/c/";
/** Events as if written a minute ago, past the settling time. */
const settled = (n: number, type: string) =>
  database.db.insert(domainEvents).values(
    Array.from({ length: n }, (_, i) => ({
      type,
      entity: "order",
      entityId: `o${i}`,
      territoryPath: PATH,
      at: new Date(Date.now() - 60_000),
    })),
  );

describe("domain events (the outbox)", () => {
  it("exist exactly when the change that wrote them commits", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordEvent(tx, { type: "test.rolledBack", entity: "x", entityId: "1", territoryPath: PATH });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    await database.db.transaction((tx) =>
      recordEvent(tx, { type: "test.kept", entity: "x", entityId: "2", territoryPath: PATH }),
    );
    const rows = await database.db
      .select({ type: domainEvents.type })
      .from(domainEvents)
      .where(like(domainEvents.type, "test.%"));
    expect(rows.map((r) => r.type)).toEqual(["test.kept"]);
  });

  it("reach a consumer once each, oldest first; a failed handler gets them again", async () => {
    await database.db.execute(sql`delete from domain_events`);
    await settled(5, "orders.completed");
    const seen: StoredEvent[] = [];
    await expect(
      consumeEvents(database.db, "points", async () => {
        throw new Error("crediting failed");
      }),
    ).rejects.toThrow("crediting failed");
    const take = () =>
      consumeEvents(database.db, "points", async (_tx, events) => void seen.push(...events), 3);
    expect(await take()).toBe(3);
    expect(await take()).toBe(2);
    expect(await take()).toBe(0);
    expect(seen.map((e) => e.entityId)).toEqual(["o0", "o1", "o2", "o3", "o4"]);
    // Another consumer has its own cursor.
    expect(await consumeEvents(database.db, "dashboard", async () => {})).toBe(5);
  });

  it("hold back events too young to be sure no older one is still being written", async () => {
    await database.db.execute(sql`delete from domain_events`);
    await recordEvent(database.db, {
      type: "wishes.confirmed",
      entity: "wish",
      entityId: "w1",
      territoryPath: PATH,
    });
    expect(await consumeEvents(database.db, "young", async () => {})).toBe(0);
  });
});

describe("daily codes", () => {
  it("give concurrent writers consecutive numbers, never the same one", async () => {
    const at = new Date("2026-11-25T02:00:00Z");
    const codes = await Promise.all(
      Array.from({ length: 20 }, () => database.db.transaction((tx) => nextDailyCode(tx, "test", "DD", at))),
    );
    expect(new Set(codes).size).toBe(20);
    expect([...codes].sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `DD-20261125-${String(i + 1).padStart(4, "0")}`),
    );
    // China time: 20:00 UTC is already the next day.
    expect(await nextDailyCode(database.db, "test", "DD", new Date("2026-11-25T20:00:00Z"))).toBe(
      "DD-20261126-0001",
    );
  });
});
