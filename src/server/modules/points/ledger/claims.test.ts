import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate, chinaMonth, halfOf, monthsOfHalf } from "../../../platform/china-time.ts";
import { notifications } from "../../../platform/notify/index.ts";
import { uploadPhoto } from "../../../testing/factories.ts";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { activate, balanceOf, pointsWorld, staffAt } from "../rules/points.fixture.ts";
import { holderAccounts, post, systemAccount } from "./engine.ts";
import { scoresOf } from "./score.ts";

let t: TestApp;
let s: Record<string, Session>;
let w: Awaited<ReturnType<typeof pointsWorld>>;
let colleague: { id: string; headers: Record<string, string> };
let stranger: { id: string; headers: Record<string, string> };
const today = () => chinaDate(new Date());
type RuleRef = { id: string; code: string; name: string };
let rules: Map<string, RuleRef>;

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  w = await pointsWorld(t);
  await activate(t.database.db, w.community, "feixianMember");
  colleague = await staffAt(t.database.db, "13900001201", "communityStaff", w.community.id);
  stranger = await staffAt(t.database.db, "13900001202", "communityStaff", w.other.id);
  const res = await t
    .as("communityStaff")
    .get(`/api/v1/points/claim-rules?audience=member&holderId=${w.member.id}`);
  rules = new Map(res.json().items.map((r: RuleRef) => [r.code, r]));
}, 180_000);
afterAll(() => t?.close());

const claim = (body: Record<string, unknown>, who: "communityStaff" | "streetStaff" = "communityStaff") =>
  t.as(who).post("/api/v1/points/claims", {
    audience: "member",
    holderId: w.member.id,
    happenedOn: today(),
    ...body,
  });
const ruleId = (code: string) => rules.get(code)?.id as string;

describe("claims (积分申报/认定)", () => {
  it("offers the manual rules of the set governing the holder, not the automatic ones or the base", () => {
    expect([...rules.keys()]).toContain("brave-deed");
    expect([...rules.keys()]).toContain("veto-lawbreaking");
    expect([...rules.keys()]).not.toContain("volunteer-hours");
    expect([...rules.keys()]).not.toContain("base-politics");
  });

  it("asks for evidence where the rule does, refuses the future and months long gone", async () => {
    const none = await claim({ ruleId: ruleId("brave-deed") });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: "EVIDENCE_REQUIRED" });
    expect(none.json().error.message).toContain("见义勇为");
    const future = await claim({ ruleId: ruleId("contact-masses"), happenedOn: "2999-01-01" });
    expect(future.json().error.code).toBe("HAPPENED_IN_FUTURE");
    const old = await claim({ ruleId: ruleId("contact-masses"), happenedOn: "2020-01-01" });
    expect(old.json().error.code).toBe("HAPPENED_TOO_LONG_AGO");
    const auto = await claim({ ruleId: "00000000-0000-4000-8000-000000000000" });
    expect(auto.json().error.code).toBe("RULE_NOT_CLAIMABLE");
    const elsewhere = await t.as(stranger).post("/api/v1/points/claims", {
      audience: "member",
      holderId: w.member.id,
      ruleId: ruleId("contact-masses"),
      happenedOn: today(),
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it("is approved by another member of the panel, never its submitter, and tells the holder", async () => {
    const before = await balanceOf(t.database.db, "member", w.member.id);
    const photo = await uploadPhoto(t.as("communityStaff"));
    const made = await claim({ ruleId: ruleId("brave-deed"), note: "河边救起落水儿童", evidence: [photo] });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    expect(made.json()).toMatchObject({ status: "pending", points: 20 });

    const list = (await t.as("communityStaff").get("/api/v1/points/claims?status=pending")).json();
    const mine = list.items.find((c: { id: string }) => c.id === id);
    expect(mine).toMatchObject({
      canDecide: false,
      holder: { name: w.member.name },
      rule: { name: "见义勇为" },
    });
    expect(mine.evidence[0].url).toContain(photo);
    expect((await t.as(colleague).get("/api/v1/points/claims?status=pending")).json().items).toContainEqual(
      expect.objectContaining({ id, canDecide: true }),
    );

    const own = await t.as("communityStaff").post(`/api/v1/points/claims/${id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("OWN_CLAIM");
    // The rule names community staff as approvers: the street's staff may see it, not decide it.
    expect(
      (await t.as("streetStaff").post(`/api/v1/points/claims/${id}/approve`, {})).json().error.code,
    ).toBe("NOT_APPROVER");
    expect((await t.as(stranger).post(`/api/v1/points/claims/${id}/approve`, {})).statusCode).toBe(404);
    expect((await t.as("gridWorker").post(`/api/v1/points/claims/${id}/approve`, {})).statusCode).toBe(403);

    const ok = await t.as(colleague).post(`/api/v1/points/claims/${id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", posted: 20 });
    expect(await balanceOf(t.database.db, "member", w.member.id)).toBe(before + 20);
    const again = await t.as(colleague).post(`/api/v1/points/claims/${id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "ILLEGAL_TRANSITION", details: { status: "approved" } });

    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.partyMember?.user.id as string), eq(notifications.entityId, id)));
    expect(told.map((n) => n.body)).toEqual(["「见义勇为」已通过审核，获得 20 积分。"]);
  });

  it("rejects with a reason the holder reads, and caps what approvals give", async () => {
    const made = await claim({ ruleId: ruleId("contact-masses"), quantity: 4 });
    const id = made.json().id as string;
    expect(made.json().points).toBe(8);
    expect((await t.as(colleague).post(`/api/v1/points/claims/${id}/reject`, {})).statusCode).toBe(400);
    const no = await t.as(colleague).post(`/api/v1/points/claims/${id}/reject`, { reason: "无相关记录" });
    expect(no.json()).toMatchObject({ status: "rejected", posted: 0 });
    const told = await t.database.db.select().from(notifications).where(eq(notifications.entityId, id));
    expect(told[0]?.body).toContain("无相关记录");

    // 联系服务群众: 2 each, at most 10 a month: 8, then 2 of the next 8.
    const a = (await claim({ ruleId: ruleId("contact-masses"), quantity: 4 })).json().id;
    const b = (await claim({ ruleId: ruleId("contact-masses"), quantity: 4 })).json().id;
    expect((await t.as(colleague).post(`/api/v1/points/claims/${a}/approve`, {})).json().posted).toBe(8);
    expect((await t.as(colleague).post(`/api/v1/points/claims/${b}/approve`, {})).json().posted).toBe(2);
    const xlsx = await t.as("communityStaff").get("/api/v1/points/claims?format=xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });

  it("zeroes the score of a member vetoed, and posts nothing for it", async () => {
    const half = monthsOfHalf(halfOf(chinaMonth(new Date())));
    const holder = [{ holderId: w.member.id, territoryPath: w.member.territoryPath }];
    const before = (await scoresOf(t.database.db, "member", holder, half)).get(w.member.id);
    expect(before?.vetoed).toBe(false);
    const balance = await balanceOf(t.database.db, "member", w.member.id);
    const made = await claim({
      ruleId: ruleId("veto-lawbreaking"),
      note: "经调查核实",
      evidence: [await uploadPhoto(t.as("communityStaff"), 7)],
    });
    const ok = await t.as(colleague).post(`/api/v1/points/claims/${made.json().id}/approve`, {});
    expect(ok.json()).toMatchObject({ status: "approved", posted: 0 });
    const after = (await scoresOf(t.database.db, "member", holder, half)).get(w.member.id);
    expect(after).toMatchObject({ vetoed: true, score: 0 });
    expect(await balanceOf(t.database.db, "member", w.member.id)).toBe(balance);
  });
});

describe("reversals (冲正)", () => {
  it("undoes a posting once, not a reversal or a redemption, and not points already spent", async () => {
    const made = await claim({
      ruleId: ruleId("lead-prosperity"),
      evidence: [await uploadPhoto(t.as("communityStaff"), 9)],
    });
    const approved = (
      await t.as(colleague).post(`/api/v1/points/claims/${made.json().id}/approve`, {})
    ).json();
    const postingId = (
      (await t.as("communityStaff").get("/api/v1/points/claims?status=approved&pageSize=200")).json()
        .items as Array<{
        id: string;
        postingId: number | null;
      }>
    ).find((c) => c.id === made.json().id)?.postingId as number;
    expect(approved.posted).toBe(10);
    const before = await balanceOf(t.database.db, "member", w.member.id);

    const url = `/api/v1/points/postings/${postingId}/reverse`;
    expect((await t.as(stranger).post(url, { reason: "录入错误" })).statusCode).toBe(404);
    const undone = await t.as("communityStaff").post(url, { reason: "录入错误" });
    expect(undone.statusCode, undone.body).toBe(201);
    expect(undone.json()).toMatchObject({ reversesId: postingId, amount: 10 });
    expect(await balanceOf(t.database.db, "member", w.member.id)).toBe(before - 10);
    const twice = await t.as("communityStaff").post(url, { reason: "录入错误" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("ALREADY_REVERSED");
    const back = await t
      .as("communityStaff")
      .post(`/api/v1/points/postings/${undone.json().id}/reverse`, { reason: "x" });
    expect(back.json().error.code).toBe("NOT_REVERSIBLE");

    // Points spent in the shop cannot be taken back: the award stands.
    const again = await claim({
      ruleId: ruleId("community-advice"),
      evidence: [await uploadPhoto(t.as("communityStaff"), 11)],
    });
    await t.as(colleague).post(`/api/v1/points/claims/${again.json().id}/approve`, {});
    const award = (
      (await t.as("communityStaff").get("/api/v1/points/claims?status=approved&pageSize=200")).json()
        .items as Array<{
        id: string;
        postingId: number;
      }>
    ).find((c) => c.id === again.json().id)?.postingId as number;
    const spend = await t.database.db.transaction(async (tx) => {
      const holder = (
        await holderAccounts(tx, [
          { audience: "member", holderId: w.member.id, territoryPath: w.member.territoryPath },
        ])
      ).get(`member:${w.member.id}`) as string;
      const spent = await systemAccount(tx, "spent", "member", w.member.territoryPath);
      const balance = await balanceOf(tx as never, "member", w.member.id);
      return post(tx, [
        {
          businessKey: `test-spend:${award}`,
          kind: "redeem",
          debitAccountId: holder,
          creditAccountId: spent,
          holderAccountId: holder,
          amount: balance,
          territoryPath: w.member.territoryPath,
        },
      ]);
    });
    const spentAll = await t
      .as("communityStaff")
      .post(`/api/v1/points/postings/${award}/reverse`, { reason: "录入错误" });
    expect(spentAll.statusCode).toBe(409);
    expect(spentAll.json().error.code).toBe("INSUFFICIENT_POINTS");
    const redemption = await t.as("communityStaff").post(`/api/v1/points/postings/${spend[0]?.id}/reverse`, {
      reason: "x",
    });
    expect(redemption.json().error.code).toBe("NOT_REVERSIBLE");
  });
});
