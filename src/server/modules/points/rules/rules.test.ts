import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEvents, domainEvents } from "../../../platform/events/index.ts";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { pointsConsumers } from "../ledger/consumers.ts";
import { pointPostings } from "../ledger/tables.ts";
import { balanceOf, pointsWorld, skipPastEvents, staffAt } from "./points.fixture.ts";

let t: TestApp;
let s: Record<string, Session>;
let w: Awaited<ReturnType<typeof pointsWorld>>;
const url = "/api/v1/points/rule-sets";
const staff = () => t.as("communityStaff");

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  w = await pointsWorld(t);
}, 180_000);
afterAll(() => t?.close());

describe("rule sets (积分规则)", () => {
  it("offers the four templates, the shops' with 8 indicators and 37 rules", async () => {
    const res = await staff().get("/api/v1/points/rule-templates");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((x: { key: string }) => x.key)).toEqual([
      "feixianMember",
      "feixianResident",
      "feixianMerchant",
      "xihuMember",
    ]);
    const shop = await staff().post(url, { nodeId: w.community.id, template: "feixianMerchant" });
    expect(shop.statusCode, shop.body).toBe(201);
    const detail = (await staff().get(`${url}/${shop.json().id}`)).json();
    expect(detail).toMatchObject({
      status: "draft",
      version: 1,
      baseScore: 100,
      audience: "merchant",
      editable: true,
    });
    expect(detail.rules).toHaveLength(37);
    expect(detail.indicators).toHaveLength(8);
    expect(detail.indicators[0]).toMatchObject({ name: "弘扬美德" });
  });

  it("edits a draft only, checks its rules, and keeps past points when a new version changes them", async () => {
    await skipPastEvents(t.database.db);
    const created = await staff().post(url, { nodeId: w.community.id, template: "xihuMember" });
    const id = created.json().id as string;
    const v1 = (await staff().get(`${url}/${id}`)).json();
    const rules = v1.rules.map(({ id: _, ...r }: { id: string }) => r);

    const dup = await staff().put(`${url}/${id}`, {
      name: "先锋积分",
      baseScore: 0,
      rules: [...rules, rules[0]],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error).toMatchObject({ code: "INVALID_RULE" });
    expect(dup.json().error.message).toContain("编号与另一条规则重复");
    const halfCap = await staff().put(`${url}/${id}`, {
      name: "先锋积分",
      baseScore: 0,
      rules: [{ ...rules[0], capPoints: 10, capPeriod: null }],
    });
    expect(halfCap.json().error.code).toBe("INVALID_RULE");
    const unknown = await staff().put(`${url}/${id}`, {
      name: "先锋积分",
      baseScore: 0,
      rules: [{ ...rules[0], trigger: "orders.created" }],
    });
    expect(unknown.statusCode).toBe(400);

    const ok = await staff().put(`${url}/${id}`, { name: "社区先锋积分", baseScore: 0, note: "试行", rules });
    expect(ok.statusCode, ok.body).toBe(200);
    const act = await staff().post(`${url}/${id}/activate`);
    expect(act.statusCode, act.body).toBe(200);
    expect((await staff().post(`${url}/${id}/activate`)).json().error).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      details: { status: "active" },
    });
    const locked = await staff().put(`${url}/${id}`, { name: "x", baseScore: 0, rules });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe("RULE_SET_NOT_DRAFT");

    // An order under version 1 is worth 10.
    const memberUser = s.partyMember?.user.id as string;
    await event("orders.completed", "rules-v1-order", memberUser);
    await deliverEvents(t.database.db, pointsConsumers);
    const [first] = await t.database.db
      .select()
      .from(pointPostings)
      .where(eq(pointPostings.businessKey, "orders.completed:rules-v1-order:member:order-completed"));
    expect(first?.amount).toBe(10);

    const next = await staff().post(`${url}/${id}/versions`);
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().version).toBe(2);
    expect((await staff().post(`${url}/${id}/versions`)).json().error.code).toBe("RULE_SET_DRAFT_EXISTS");
    const v2id = next.json().id as string;
    const v2rules = rules.map((r: { code: string; points: number }) =>
      r.code === "order-completed" ? { ...r, points: 30 } : r,
    );
    expect(
      (await staff().put(`${url}/${v2id}`, { name: "社区先锋积分", baseScore: 0, rules: v2rules }))
        .statusCode,
    ).toBe(200);
    expect((await staff().post(`${url}/${v2id}/activate`)).statusCode).toBe(200);

    const history = (await staff().get(`${url}/${v2id}`)).json().versions;
    expect(history.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, "active"],
      [1, "retired"],
    ]);
    await event("orders.completed", "rules-v2-order", memberUser);
    await deliverEvents(t.database.db, pointsConsumers);
    const after = await t.database.db
      .select()
      .from(pointPostings)
      .where(eq(pointPostings.ruleCode, "order-completed"));
    const byKey = new Map(after.map((p) => [p.businessKey, p]));
    // The past stays as it was; the new order is worth the new version's 30.
    expect(byKey.get("orders.completed:rules-v1-order:member:order-completed")?.amount).toBe(10);
    expect(byKey.get("orders.completed:rules-v2-order:member:order-completed")?.amount).toBe(30);
    expect(byKey.get("orders.completed:rules-v1-order:member:order-completed")?.ruleId).toBe(
      (await staff().get(`${url}/${id}`))
        .json()
        .rules.find((r: { code: string }) => r.code === "order-completed").id,
    );
    expect(await balanceOf(t.database.db, "member", w.member.id)).toBeGreaterThanOrEqual(40);
  });

  it("keeps another community's staff out, and shows a district's rules read only", async () => {
    const created = await staff().post(url, { nodeId: w.community.id, template: "feixianResident" });
    const id = created.json().id as string;
    const stranger = await staffAt(t.database.db, "13900001101", "communityStaff", w.other.id);
    const as = t.as(stranger);
    expect((await as.get(`${url}/${id}`)).statusCode).toBe(404);
    expect((await as.put(`${url}/${id}`, { name: "x", baseScore: 0, rules: [] })).statusCode).toBe(404);
    expect((await as.post(`${url}/${id}/activate`)).statusCode).toBe(404);
    expect((await as.post(`${url}/${id}/versions`)).statusCode).toBe(404);
    expect((await as.get(url)).json().items.some((s: { id: string }) => s.id === id)).toBe(false);
    // Out of scope for a new set too.
    expect((await as.post(url, { nodeId: w.community.id, template: "feixianResident" })).statusCode).toBe(
      422,
    );
    // The resident's own is not staff: no rules at all.
    expect((await t.as("resident").get(url)).statusCode).toBe(403);

    const district = await t
      .as("districtAdmin")
      .post(url, { nodeId: w.member.territoryPath.split("/")[1], template: "feixianMember" });
    expect(district.statusCode, district.body).toBe(201);
    const seen = (await staff().get(`${url}/${district.json().id}`)).json();
    expect(seen.editable).toBe(false);
    expect(
      (await staff().put(`${url}/${district.json().id}`, { name: "x", baseScore: 0, rules: [] })).statusCode,
    ).toBe(404);
  });
});

async function event(type: string, entityId: string, userId: string, data: Record<string, unknown> = {}) {
  await t.database.db.insert(domainEvents).values({
    type,
    entity: "order",
    entityId,
    userId,
    territoryPath: w.member.territoryPath,
    data,
    at: new Date(Date.now() - 60_000),
  });
}
