import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../../platform/notify/index.ts";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { firstSaturday, remindRota } from "./rota.ts";
import { COMMITMENTS, demoMember, freshPairing, unitStaffOf } from "./units.fixture.ts";

let t: TestApp;
let s: Record<string, Session>;
let home: Awaited<ReturnType<typeof demoMember>>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  home = await demoMember(t);
});
afterAll(() => t.close());

const pairing = (body: Record<string, unknown> = {}) =>
  t.as("communityStaff").post("/api/v1/engagement/pairings", {
    unitId: home.unitId,
    communityId: home.community.id,
    startsOn: "2026-01-01",
    endsOn: "2027-12-31",
    commitments: COMMITMENTS,
    ...body,
  });

async function unitOfKind(kind: string, skip?: string) {
  const list = await t.as("districtAdmin").get(`/api/v1/org/units?kind=${kind}&pageSize=50`);
  return list.json().items.find((u: { id: string }) => u.id !== skip && u.id !== home.unitId) as {
    id: string;
  };
}

describe("结对共建协议", () => {
  it("pairs a work unit with the community under its 六定, once at a time, and ends it", async () => {
    await freshPairing(t, home.unitId, home.community.id);
    const live = await t
      .as("communityStaff")
      .get(`/api/v1/engagement/pairings?unitId=${home.unitId}&active=true`);
    const [first] = live.json().items;
    expect(first).toMatchObject({
      community: { id: home.community.id },
      live: true,
      commitments: COMMITMENTS,
    });
    expect(first.unit.name).not.toBe("");

    // One live pairing of a unit with a community.
    const again = await pairing();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("PAIRING_EXISTS");

    const changed = await t
      .as("communityStaff")
      .patch(`/api/v1/engagement/pairings/${first.id}`, { commitments: { time: "每周六上午九点" } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().commitments).toEqual({ ...COMMITMENTS, time: "每周六上午九点" });

    const sheet = await t.as("communityStaff").get("/api/v1/engagement/pairings?format=xlsx");
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers["content-disposition"]).toContain("pairings");

    const ended = await t.as("communityStaff").post(`/api/v1/engagement/pairings/${first.id}/end`);
    expect(ended.json()).toMatchObject({ live: false });
    const late = await t
      .as("communityStaff")
      .patch(`/api/v1/engagement/pairings/${first.id}`, { endsOn: "2028-01-01" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("PAIRING_ENDED");
    // Ended, the unit may pair again.
    expect((await pairing()).statusCode).toBe(201);
  });

  it("refuses what is not a proper pairing, with a clear reason", async () => {
    const backwards = await pairing({
      unitId: (await unitOfKind("unit")).id,
      startsOn: "2027-01-01",
      endsOn: "2026-06-30",
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.code).toBe("PAIRING_DATES");

    const property = await pairing({ unitId: (await unitOfKind("propertyCompany")).id });
    expect(property.json().error.code).toBe("NOT_A_WORK_UNIT");

    const sloppy = await unitOfKind("unit");
    await t.database.db.execute(sql`update units set uscc = '91110000ABCDEFGHIJ' where id = ${sloppy.id}`);
    const bad = await pairing({ unitId: sloppy.id });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: "UNIT_USCC_INVALID" });
    expect(bad.json().error.message).toContain("统一社会信用代码");

    const blank = await pairing({ commitments: { ...COMMITMENTS, reward: "   " } });
    expect(blank.statusCode).toBe(400);

    expect((await t.as("gridWorker").post("/api/v1/engagement/pairings", {})).statusCode).toBe(403);
    const street = s.streetStaff?.user.roles[0]?.nodeId as string;
    const notCommunity = await t.as("streetStaff").post("/api/v1/engagement/pairings", {
      unitId: home.unitId,
      communityId: street,
      startsOn: "2026-01-01",
      endsOn: "2027-01-01",
      commitments: COMMITMENTS,
    });
    expect(notCommunity.json().error.code).toBe("NOT_A_COMMUNITY");
  });
});

describe("unit staff", () => {
  it("must be given a unit, and then see their own unit's pairings only", async () => {
    const missing = await t.as("districtAdmin").post("/api/v1/accounts", {
      phone: "13700000401",
      name: "缺单位",
      roles: [{ role: "unitStaff", nodeId: home.community.id }],
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe("UNIT_REQUIRED");

    const staff = await unitStaffOf(t, home.unitId, home.community.id, "13700000402");
    await freshPairing(t, home.unitId, home.community.id);
    const mine = await t.as(staff).get("/api/v1/engagement/pairings?pageSize=200");
    expect(mine.statusCode).toBe(200);
    expect(mine.json().total).toBeGreaterThan(0);
    expect(mine.json().items.every((p: { unit: { id: string } }) => p.unit.id === home.unitId)).toBe(true);
    expect((await t.as(staff).post("/api/v1/engagement/pairings", {})).statusCode).toBe(403);

    // Another unit for the same account.
    const other = await unitOfKind("unit");
    expect(
      (await t.as("districtAdmin").patch(`/api/v1/accounts/${staff.id}`, { unitId: other.id })).statusCode,
    ).toBe(204);
    const theirs = await t.as(staff).get("/api/v1/engagement/pairings?pageSize=200");
    expect(theirs.json().items.every((p: { unit: { id: string } }) => p.unit.id === other.id)).toBe(true);
  });
});

describe("周六报到 rota", () => {
  it("gives the Saturdays to the paired units in turn, once, and reminds each day once", async () => {
    await freshPairing(t, home.unitId, home.community.id);
    const staff = await unitStaffOf(t, home.unitId, home.community.id, "13700000403");
    const from = "2027-03-01";
    const generate = () =>
      t
        .as("communityStaff")
        .post("/api/v1/engagement/rota", { communityId: home.community.id, from, weeks: 4 });
    const made = await generate();
    expect(made.statusCode).toBe(200);
    const days = made.json().items.map((d: { day: string }) => d.day);
    expect(days).toEqual(["2027-03-06", "2027-03-13", "2027-03-20", "2027-03-27"]);
    expect(firstSaturday(from)).toBe("2027-03-06");
    expect((await generate()).json().total).toBe(4);
    const listed = await t
      .as("communityStaff")
      .get(`/api/v1/engagement/rota?communityId=${home.community.id}&from=2027-03-01&to=2027-03-31`);
    expect(listed.json().total).toBe(4);

    const theirs = await t.as(staff).get("/api/v1/engagement/rota?from=2027-03-01&to=2027-03-31");
    const ours = theirs.json().items.filter((d: { unit: { id: string } }) => d.unit.id === home.unitId);
    expect(ours.length).toBeGreaterThan(0);

    const firstOurs = ours[0].day as string;
    // 09:00 China time, two days before that Saturday.
    const morning = new Date(Date.parse(`${firstOurs}T01:00:00Z`) - 2 * 86_400_000);
    expect(await remindRota(t.database.db, morning)).toBeGreaterThan(0);
    expect(await remindRota(t.database.db, morning)).toBe(0);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, staff.id), eq(notifications.kind, "engagement.rota")));
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain("周六");

    expect(
      (
        await t
          .as("gridWorker")
          .post("/api/v1/engagement/rota", { communityId: home.community.id, from, weeks: 1 })
      ).statusCode,
    ).toBe(403);
  });
});
