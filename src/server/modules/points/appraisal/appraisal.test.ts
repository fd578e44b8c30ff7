import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaMonth, halfOf, monthsOfHalf } from "../../../platform/china-time.ts";
import { rowsOf } from "../../../platform/db/index.ts";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";
import { type MemberRecord, memberByPhone, membersLivingUnder } from "../../people/index.ts";
import { holderAccounts } from "../ledger/engine.ts";
import { pointClaims, pointPostings } from "../ledger/tables.ts";
import { VETO_REASON } from "./close.ts";
import { rewardOf } from "./combine.ts";
import { roundResults } from "./results.ts";

/** 民主评议: a community's round, appraised by its members and residents, closed into results and points. */
let t: TestApp;
let me: MemberRecord;
let communityId: string;
let communityPath: string;
let peer: { id: string; headers: Record<string, string> };
let vetoed: { id: string; territoryPath: string };
let residentA: Record<string, string>;
let residentB: Record<string, string>;
let otherStaff: Record<string, string>;
let foreignMemberId: string;
let roundId: string;
const db = () => t.database.db;
const current = halfOf(chinaMonth(new Date()));
/** The half-year before this one: the demo holds this half's round already. */
const period = current.endsWith("2") ? `${current.slice(0, 4)}H1` : `${Number(current.slice(0, 4)) - 1}H2`;
const url = "/api/v1/points/appraisal-rounds";

/** A resident of the community given a phone and an account (the demo gives few of them phones). */
async function withAccount(residentId: string, phone: string, role: "resident" | "partyMember") {
  await db().execute(sql`update residents set phone = ${phone} where id = ${residentId}`);
  return userWithToken(db(), {
    phone,
    name: `评议${phone.slice(-4)}`,
    roles: [{ role, nodeId: communityId }],
  });
}

beforeAll(async () => {
  ({ t } = await startWithSessions());
  me = (await memberByPhone(db(), PHONES.partyMember)) as MemberRecord;
  communityId = me.territoryPath.split("/").filter(Boolean)[2] as string;
  communityPath = `/${me.territoryPath.split("/").filter(Boolean).slice(0, 3).join("/")}/`;
  const members = await membersLivingUnder(db(), communityPath, { limit: 50 });
  const others = members.filter((m) => m.id !== me.id);
  const peerMember = others[0] as (typeof others)[number];
  vetoed = others[1] as (typeof others)[number];
  const [peerResident] = rowsOf<{ resident_id: string }>(
    await db().execute(sql`select resident_id from party_members where id = ${peerMember.id}`),
  );
  peer = await withAccount(peerResident?.resident_id as string, "13900008801", "partyMember");
  // Two people of one household who are not party members: one voice between them.
  const [household] = rowsOf<{ a: string; b: string }>(
    await db().execute(sql`select min(r.id::text) as a, max(r.id::text) as b from residents r
      where r.territory_path like ${`${communityPath}%`} and r.phone is null
        and not exists (select 1 from party_members p where p.resident_id = r.id)
      group by r.household_id having count(*) >= 2 limit 1`),
  );
  residentA = (await withAccount(household?.a as string, "13900008802", "resident")).headers;
  residentB = (await withAccount(household?.b as string, "13900008803", "resident")).headers;
  const [other] = rowsOf<{ id: string; path: string }>(
    await db().execute(sql`select id, path from territory_nodes where level = 'community' and id <> ${communityId}
      order by code limit 1`),
  );
  otherStaff = (
    await userWithToken(db(), {
      phone: "13900008804",
      name: "别社区",
      roles: [{ role: "communityStaff", nodeId: other?.id as string }],
    })
  ).headers;
  const [foreign] = await membersLivingUnder(db(), other?.path as string, { limit: 1 });
  foreignMemberId = foreign?.id as string;
  // An approved veto (一票否决) this half-year for the second member.
  const [rule] = rowsOf<{ id: string }>(
    await db().execute(sql`select r.id from point_rules r join point_rule_sets s on s.id = r.rule_set_id
      where s.audience = 'member' and s.status = 'active' and r.kind = 'veto' limit 1`),
  );
  const accounts = await holderAccounts(db(), [
    { audience: "member", holderId: vetoed.id, territoryPath: vetoed.territoryPath },
  ]);
  await db()
    .insert(pointClaims)
    .values({
      accountId: accounts.get(`member:${vetoed.id}`) as string,
      ruleId: rule?.id as string,
      points: 0,
      status: "approved",
      territoryPath: vetoed.territoryPath,
      happenedOn: `${monthsOfHalf(period).from}-15`,
      submittedBy: peer.id,
    });
}, 180_000);
afterAll(() => t?.close());

describe("appraisal rounds (民主评议)", () => {
  it("opens one round per community and half-year, weights summing to 100", async () => {
    const street = communityPath.split("/").filter(Boolean)[1];
    expect((await t.as("communityStaff").post(url, { nodeId: street })).statusCode).toBeGreaterThanOrEqual(
      403,
    );
    const odd = await t.as("communityStaff").post(url, {
      nodeId: communityId,
      weights: { record: 60, self: 10, peer: 10, resident: 10 },
    });
    expect(odd.statusCode).toBe(422);
    expect(odd.json().error.code).toBe("WEIGHTS_NOT_100");
    const res = await t.as("communityStaff").post(url, { nodeId: communityId, period });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      period,
      status: "open",
      weights: { record: 60, self: 10, peer: 15, resident: 15 },
    });
    roundId = res.json().id;
    expect((await t.as("communityStaff").post(url, { nodeId: communityId, period })).json().error.code).toBe(
      "ROUND_EXISTS",
    );
    // This half-year's round, the demo's, is the default period's.
    expect((await t.as("communityStaff").post(url, { nodeId: communityId })).json().error.code).toBe(
      "ROUND_EXISTS",
    );
    const list = (await t.as("communityStaff").get(`${url}?status=open`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(roundId);
    expect((await t.as(otherStaff).get(`${url}/${roundId}`)).statusCode).toBe(404);
    expect((await t.as(otherStaff).get(url)).json().items.map((r: { id: string }) => r.id)).not.toContain(
      roundId,
    );
  });

  it("lets a member appraise himself and his peers, and a household appraise once", async () => {
    const mine = (await t.as("partyMember").get(`${url}/mine`)).json();
    const round = mine.items.find((r: { id: string }) => r.id === roundId);
    expect(round.as).toBe("member");
    expect(round.members[0]).toMatchObject({ memberId: me.id, raterKind: "self", score: null });
    const send = (who: Parameters<TestApp["as"]>[0], memberId: string, score: number) =>
      t.as(who).post(`${url}/${roundId}/appraisals`, { memberId, score });
    const self = await send("partyMember", me.id, 95);
    expect(self.statusCode, self.body).toBe(201);
    expect(self.json().raterKind).toBe("self");
    expect((await send("partyMember", me.id, 50)).json().error.code).toBe("ALREADY_APPRAISED");
    expect((await send("partyMember", vetoed.id, 85)).json().raterKind).toBe("peer");
    expect((await send(peer.headers, me.id, 85)).json().raterKind).toBe("peer");
    const resident = await send(residentA, me.id, 70);
    expect(resident.json().raterKind).toBe("resident");
    const again = await send(residentB, me.id, 95);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_APPRAISED");
    expect((await send(residentB, vetoed.id, 50)).statusCode).toBe(201);
    expect((await send(residentA, foreignMemberId, 95)).statusCode).toBe(422);
    expect((await send("partyMember", me.id, 101)).statusCode).toBe(400);
    const afterMine = (await t.as(residentB).get(`${url}/mine`)).json();
    const view = afterMine.items.find((r: { id: string }) => r.id === roundId);
    expect(view.as).toBe("resident");
    expect(view.members.find((m: { memberId: string }) => m.memberId === me.id).score).toBe(70);
    const detail = (await t.as("communityStaff").get(`${url}/${roundId}`)).json();
    expect(detail.members.find((m: { memberId: string }) => m.memberId === me.id).counts).toEqual({
      self: 1,
      peer: 1,
      resident: 1,
    });
  });

  it("closes into results: parts weighed, a veto scoring 0, points credited once", async () => {
    expect((await t.as(otherStaff).post(`${url}/${roundId}/close`)).statusCode).toBe(404);
    const res = await t.as("communityStaff").post(`${url}/${roundId}/close`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.status).toBe("closed");
    const mine = detail.members.find((m: { memberId: string }) => m.memberId === me.id).result;
    expect(mine).toMatchObject({ self: 95, peer: 85, resident: 70, missing: [], vetoed: null });
    const expected = (mine.record * 60 + 95 * 10 + 85 * 15 + 70 * 15) / 100;
    expect(mine.total).toBeCloseTo(expected, 1);
    expect(mine.points).toBe(rewardOf(mine.total));
    const banned = detail.members.find((m: { memberId: string }) => m.memberId === vetoed.id).result;
    expect(banned).toMatchObject({ total: 0, points: 0, vetoed: VETO_REASON, self: null });
    expect(banned.missing).toContain("self");
    const posted = await db()
      .select()
      .from(pointPostings)
      .where(
        and(
          eq(pointPostings.kind, "appraisal"),
          sql`${pointPostings.businessKey} like ${`appraisal:${roundId}:%`}`,
        ),
      );
    expect(posted.find((p) => p.businessKey === `appraisal:${roundId}:${me.id}`)?.amount).toBe(mine.points);
    expect(posted.some((p) => p.businessKey.endsWith(vetoed.id))).toBe(false);
    const results = await roundResults(db(), { nodePath: communityPath, period });
    expect(results.find((r) => r.memberId === me.id)?.total).toBe(mine.total);
    const late = await t
      .as("partyMember")
      .post(`${url}/${roundId}/appraisals`, { memberId: vetoed.id, score: 80 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("ROUND_CLOSED");
    const twice = await t.as("communityStaff").post(`${url}/${roundId}/close`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: "ILLEGAL_TRANSITION", details: { status: "closed" } });
    const sheet = await t.as("communityStaff").get(`${url}/${roundId}/results.xlsx`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers["content-type"]).toContain("spreadsheetml");
    expect((await t.as("districtAdmin").get("/api/v1/points/ledger/check")).json().ok).toBe(true);
  });
});
