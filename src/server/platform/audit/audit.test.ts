import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, PHONES, startTestApp, type TestApp } from "../../testing/harness.ts";
import { audited, SYSTEM } from "./audit.ts";
import { auditLog } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const rows = async (action: string) =>
  (await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]?.n;

describe("audit", () => {
  it("keeps the write and its audit row together: a failing write leaves no audit row", async () => {
    await expect(
      audited(t.database.db, SYSTEM, async (_tx, audit) => {
        await audit({ action: "test.rolled_back", entity: "probe" });
        throw new Error("the write fails after auditing");
      }),
    ).rejects.toThrow("the write fails");
    expect(await rows("test.rolled_back")).toBe(0);
    await audited(t.database.db, SYSTEM, (_tx, audit) => audit({ action: "test.kept", entity: "probe" }));
    expect(await rows("test.kept")).toBe(1);
  });

  it("is readable by the district administrator only", async () => {
    for (const phone of [PHONES.streetStaff, PHONES.communityStaff, PHONES.resident]) {
      const s = await loginAs(t.app, phone);
      expect((await t.as(s).get("/api/v1/audit")).statusCode).toBe(403);
    }
    const admin = await loginAs(t.app, PHONES.districtAdmin);
    const res = await t.as(admin).get("/api/v1/audit?action=auth.login&pageSize=2");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.items.every((e: { action: string }) => e.action === "auth.login")).toBe(true);
    // Newest first: the administrator's own login leads.
    expect(body.items[0].actorName).toBe("王建国");
  });

  it("filters by time window and refuses unknown filters", async () => {
    const admin = await loginAs(t.app, PHONES.districtAdmin);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await t.as(admin).get(`/api/v1/audit?from=${encodeURIComponent(future)}`);
    expect(none.json()).toEqual({ items: [], total: 0 });
    const typo = await t.as(admin).get("/api/v1/audit?acton=auth.login");
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.details[0]).toMatchObject({ in: "querystring", property: "acton" });
  });
});
