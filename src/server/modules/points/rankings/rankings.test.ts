import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../../platform/notify/index.ts";
import { maskName } from "../../../platform/pii/index.ts";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { type MemberCandidate, memberByPhone, membersLivingUnder } from "../../people/index.ts";
import { searchMerchants } from "../../places/index.ts";
import { nodesByIds } from "../../territory/index.ts";
import { consumerRatings } from "../evaluation/tables.ts";
import { holderAccounts, post, systemAccount, type Transfer } from "../ledger/engine.ts";
import { pointClaims } from "../ledger/tables.ts";
import { activeRuleSet, rulesOf } from "../rules/active.ts";
import type { Audience } from "../rules/tables.ts";
import { titlesOf } from "./titles.ts";

let t: TestApp;
let staffUserId: string;
let communityId: string;
let communityPath: string;
let members: MemberCandidate[];
const staff = () => t.as("communityStaff");
const street = () => t.as("streetStaff");
// A month of the past the demo's postings do not reach: the scores below are the test's alone.
const PERIOD = "2025-03";
const IN_MARCH = new Date("2025-03-15T04:00:00Z");
let seq = 0;

/** Awards (or deducts, when negative) points to a holder in a month, through the engine. */
async function give(
  audience: Audience,
  holder: { id: string; territoryPath: string },
  amount: number,
  at = IN_MARCH,
) {
  const db = t.database.db;
  await db.transaction(async (tx) => {
    const owners = [{ audience, holderId: holder.id, territoryPath: holder.territoryPath }];
    const accounts = await holderAccounts(tx, owners);
    const account = accounts.get(`${audience}:${holder.id}`) as string;
    const issuer = await systemAccount(tx, "issuer", audience, holder.territoryPath);
    seq += 1;
    const transfer: Transfer = {
      businessKey: `rankings-test:${seq}`,
      kind: amount > 0 ? "award" : "deduct",
      debitAccountId: amount > 0 ? issuer : account,
      creditAccountId: amount > 0 ? account : issuer,
      holderAccountId: account,
      amount: Math.abs(amount),
      territoryPath: holder.territoryPath,
      at,
    };
    await post(tx, [transfer]);
  });
}

/** An approved veto (一票否决) of a holder in the month. */
async function veto(audience: Audience, holder: { id: string; territoryPath: string }) {
  const db = t.database.db;
  const set = await activeRuleSet(db, audience, holder.territoryPath);
  const rule = (await rulesOf(db, set?.id as string)).find((r) => r.kind === "veto");
  if (!rule) throw new Error("no veto rule in the demo's rules");
  const accounts = await holderAccounts(db, [
    { audience, holderId: holder.id, territoryPath: holder.territoryPath },
  ]);
  await db.insert(pointClaims).values({
    accountId: accounts.get(`${audience}:${holder.id}`) as string,
    ruleId: rule.id,
    points: 0,
    status: "approved",
    territoryPath: holder.territoryPath,
    happenedOn: "2025-03-10",
    submittedBy: staffUserId,
  });
}

const draw = (body: Record<string, unknown>) => staff().post("/api/v1/points/rankings", body);

beforeAll(async () => {
  const started = await startWithSessions();
  t = started.t;
  staffUserId = started.sessions.communityStaff.user.id;
  const me = await memberByPhone(t.database.db, PHONES.partyMember);
  if (!me) throw new Error("the demo's party member is missing");
  communityId = me.territoryPath.split("/")[3] as string;
  const [community] = await nodesByIds(t.database.db, [communityId]);
  communityPath = community?.path as string;
  // The demo's own party member first: he has an account, so he can be told of his title.
  const all = await membersLivingUnder(t.database.db, communityPath, { limit: 200 });
  members = [all.find((m) => m.id === me.id) as MemberCandidate, ...all.filter((m) => m.id !== me.id)];
  expect(members.length).toBeGreaterThanOrEqual(4);
}, 180_000);
afterAll(() => t?.close());

describe("a star-member ranking (明星党员)", () => {
  let id: string;
  const [a, b, c, d] = [0, 1, 2, 3];

  it("is drawn from the period's scores: ties share a rank, a vetoed member is left out", async () => {
    const m = (i: number) => members[i] as MemberCandidate;
    await give("member", m(a), 50);
    await give("member", m(b), 50);
    await give("member", m(c), 30);
    await give("member", m(d), 100);
    await veto("member", m(d));
    const res = await draw({ kind: "starMember", period: PERIOD, nodeId: communityId, size: 3 });
    expect(res.statusCode, res.body).toBe(201);
    const ranking = res.json();
    id = ranking.id;
    expect(ranking).toMatchObject({ status: "draft", kind: "starMember", period: PERIOD, size: 3 });
    const rows = ranking.items.map((e: { holderId: string; rank: number }) => [e.holderId, e.rank]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [m(a).id, 1],
        [m(b).id, 1],
        [m(c).id, 3],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(rows.some(([h]: [string]) => h === m(d).id)).toBe(false);
    // Staff see whole names.
    expect(ranking.items.map((e: { name: string }) => e.name)).toContain(m(a).name);
    expect(ranking.allowedActions).toEqual(["editCitation"]);
  });

  it("refuses a second draft of the same list, naming the first", async () => {
    const res = await draw({ kind: "starMember", period: PERIOD, nodeId: communityId, size: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "RANKING_DRAFT_EXISTS", details: { id } });
    const bad = await draw({ kind: "starMember", period: "2025H3", nodeId: communityId });
    expect(bad.statusCode).toBe(400);
  });

  it("takes citations on the draft, and is approved by someone other than its drafter", async () => {
    const holder = members[a]?.id;
    const cite = await staff().put(`/api/v1/points/rankings/${id}/entries/${holder}`, {
      citation: "带头认领微心愿",
    });
    expect(cite.statusCode, cite.body).toBe(200);
    expect(cite.json().items.find((e: { holderId: string }) => e.holderId === holder).citation).toBe(
      "带头认领微心愿",
    );
    expect((await staff().post(`/api/v1/points/rankings/${id}/publish`)).json().error).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      details: { status: "draft" },
    });
    const own = await staff().post(`/api/v1/points/rankings/${id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("OWN_RANKING");
    expect((await t.as("gridWorker").post(`/api/v1/points/rankings/${id}/approve`)).statusCode).toBe(403);
    const ok = await street().post(`/api/v1/points/rankings/${id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", allowedActions: ["publish"] });
    const late = await staff().put(`/api/v1/points/rankings/${id}/entries/${holder}`, { citation: "改" });
    expect(late.statusCode).toBe(409);
  });

  it("published, shows on the community's wall masked and tells the titled member", async () => {
    const res = await staff().post(`/api/v1/points/rankings/${id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("published");
    const wall = await t.as(undefined).get(`/api/v1/public/engagement/walls/${communityId}`);
    expect(wall.statusCode, wall.body).toBe(200);
    const stars = wall.json().stars;
    expect(stars.period).toBe(PERIOD);
    const first = members[a] as MemberCandidate;
    expect(stars.entries).toContainEqual({ rank: 1, name: maskName(first.name), citation: "带头认领微心愿" });
    expect(wall.body).not.toContain(first.name);
    if (first.phone) expect(wall.body).not.toContain(first.phone);
    expect((await titlesOf(t.database.db, [first.id])).get(first.id)).toContainEqual({
      kind: "starMember",
      period: PERIOD,
      rankingId: id,
    });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "points.ranking.published"), eq(notifications.entityId, id)));
    expect(told.some((n) => n.title.includes("明星党员"))).toBe(true);
  });

  it("withdrawn with a reason, its titles end and the wall no longer shows it", async () => {
    expect((await staff().post(`/api/v1/points/rankings/${id}/withdraw`, {})).statusCode).toBe(400);
    const res = await staff().post(`/api/v1/points/rankings/${id}/withdraw`, { reason: "评选有误" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("withdrawn");
    expect(
      (await titlesOf(t.database.db, [members[a]?.id as string])).get(members[a]?.id as string) ?? [],
    ).not.toContainEqual(expect.objectContaining({ rankingId: id }));
    const wall = (await t.as(undefined).get(`/api/v1/public/engagement/walls/${communityId}`)).json();
    expect(wall.stars?.period).not.toBe(PERIOD);
    const again = await staff().post(`/api/v1/points/rankings/${id}/withdraw`, { reason: "再撤" });
    expect(again.json().error).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      details: { status: "withdrawn" },
    });
  });

  it("lists and exports the caller's rankings; others do not see them", async () => {
    const list = (await staff().get(`/api/v1/points/rankings?period=${PERIOD}&kind=starMember`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id, status: "withdrawn", node: { id: communityId } });
    expect((await t.as("gridWorker").get("/api/v1/points/rankings")).statusCode).toBe(403);
    expect((await t.as("resident").get(`/api/v1/points/rankings/${id}`)).statusCode).toBe(403);
    const entries = (await staff().get(`/api/v1/points/rankings/entries?rankingId=${id}`)).json();
    expect(entries.total).toBe(3);
    const file = await staff().get(`/api/v1/points/rankings/entries?rankingId=${id}&format=xlsx`);
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toContain("名次");
  });
});

describe("shop rankings (美德商铺, 社区信得过经营户)", () => {
  it("ranks a community's shops by score; trusted ones lost nothing and are rated 4 or better by 3+", async () => {
    // A community holds a few shops; its street holds enough.
    const streetId = communityPath.split("/")[2] as string;
    const streetPath = `${communityPath.split("/").slice(0, 3).join("/")}/`;
    const { rows } = await searchMerchants(t.database.db, { paths: [streetPath], limit: 50, offset: 0 });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const [x, y, z] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    await give("merchant", x, 40);
    await give("merchant", y, 30);
    await give("merchant", z, 20, new Date("2025-02-15T04:00:00Z"));
    await give("merchant", z, -10);
    const rate = (merchantId: string, stars: number[]) =>
      t.database.db.insert(consumerRatings).values(
        stars.map((s, i) => ({
          merchantId,
          territoryPath: streetPath,
          phoneIndex: `rankings-test-${merchantId}-${i}`,
          day: `2025-03-0${i + 1}`,
          stars: s,
        })),
      );
    await rate(x.id, [5, 5, 4]);
    await rate(y.id, [5, 5]);
    await rate(z.id, [5, 5, 5]);

    const drawAtStreet = (body: Record<string, unknown>) =>
      street().post("/api/v1/points/rankings", { ...body, period: PERIOD, nodeId: streetId });
    const virtue = await drawAtStreet({ kind: "virtueShop", size: 2 });
    expect(virtue.statusCode, virtue.body).toBe(201);
    expect(virtue.json().items.slice(0, 2)).toMatchObject([
      { holderId: x.id, rank: 1, name: x.name },
      { holderId: y.id, rank: 2 },
    ]);

    const trusted = await drawAtStreet({ kind: "trustedMerchant" });
    expect(trusted.statusCode, trusted.body).toBe(201);
    // y has too few ratings, z lost points in the period: only x is trusted.
    expect(trusted.json().items.map((e: { holderId: string }) => e.holderId)).toEqual([x.id]);
  });

  it("is drawn only for a community, street or the district of the caller's scope", async () => {
    // Members live in households under grids: /district/street/community/grid/….
    const gridId = members[0]?.territoryPath.split("/")[4] as string;
    const res = await draw({ kind: "virtueShop", period: "2025-04", nodeId: gridId });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("NOT_A_RANKING_AREA");
    const district = communityPath.split("/")[1];
    expect((await draw({ kind: "virtueShop", period: "2025-04", nodeId: district })).statusCode).toBe(404);
  });
});

describe("the screen's 积分榜", () => {
  it("shows the published star members and virtue shops of the area shown, names masked", async () => {
    const res = await t.as("districtAdmin").get(`/api/v1/dashboard/points?node=${communityId}`);
    expect(res.statusCode, res.body).toBe(200);
    const { stars, shops } = res.json();
    expect(stars.entries.length).toBeGreaterThan(0);
    expect(shops.entries.length).toBeGreaterThan(0);
    const names = new Set(members.map((m) => m.name));
    for (const e of stars.entries) {
      expect(e.name).toMatch(/\*/);
      expect(names.has(e.name)).toBe(false);
    }
    // Over the whole district, the star members drawn in a community below still show.
    const top = (await t.as("districtAdmin").get("/api/v1/dashboard/points")).json();
    expect(top.stars?.entries.length).toBeGreaterThan(0);
    expect((await t.as("resident").get("/api/v1/dashboard/points")).statusCode).toBe(403);
  });
});
