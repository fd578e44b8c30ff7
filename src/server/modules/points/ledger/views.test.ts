import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaMonth } from "../../../platform/china-time.ts";
import { rowsOf } from "../../../platform/db/index.ts";
import { notifications } from "../../../platform/notify/index.ts";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";
import { residentByPhone } from "../../people/index.ts";
import { holderAccounts, post, systemAccount, type Transfer } from "./engine.ts";
import { MONTHLY_NOTICE_KIND, previousMonth, tellMonthlyStatements } from "./monthly-notice.ts";
import { pointAccounts } from "./tables.ts";

/** My points, statements, the staff's lists in scope, the ledger's check and the monthly notice. */
let t: TestApp;
let account: string;
let holderId: string;
let residentName: string;
let otherStaff: Record<string, string>;
const db = () => t.database.db;
const now = new Date();
const thisMonth = chinaMonth(now);
const lastMonth = previousMonth(thisMonth);
/** The 10th of last month, noon China time. */
const inLastMonth = new Date(`${lastMonth}-10T04:00:00Z`);

beforeAll(async () => {
  ({ t } = await startWithSessions());
  const resident = await residentByPhone(db(), PHONES.resident);
  if (!resident) throw new Error("demo resident missing");
  holderId = resident.id;
  residentName = resident.name;
  const path = resident.territoryPath;
  account = (await holderAccounts(db(), [{ audience: "resident", holderId, territoryPath: path }])).get(
    `resident:${holderId}`,
  ) as string;
  const issuer = await systemAccount(db(), "issuer", "resident", path);
  const spent = await systemAccount(db(), "spent", "resident", path);
  const move = (kind: "award" | "redeem", amount: number, at: Date, memo: string): Transfer => ({
    businessKey: `views-test:${randomUUID()}`,
    kind,
    debitAccountId: kind === "award" ? issuer : account,
    creditAccountId: kind === "award" ? account : spent,
    holderAccountId: account,
    amount,
    memo,
    territoryPath: path,
    at,
  });
  await post(db(), [move("award", 30, inLastMonth, "垃圾分类"), move("award", 5, inLastMonth, "志愿服务")]);
  await post(db(), [move("redeem", 5, inLastMonth, "兑换洗衣液")]);
  await post(db(), [move("award", 12, now, "邻里互助")]);
  // Community staff of another community: ours must stay out of his sight.
  const [other] = rowsOf<{ id: string }>(
    await db().execute(sql`select id from territory_nodes where level = 'community'
      and ${path} not like path || '%' order by code limit 1`),
  );
  otherStaff = (
    await userWithToken(db(), {
      phone: "13900007701",
      name: "别社区",
      roles: [{ role: "communityStaff", nodeId: other?.id as string }],
    })
  ).headers;
}, 180_000);
afterAll(() => t?.close());

describe("my points and my statement", () => {
  it("shows the resident his balance, this month's moves and score", async () => {
    const res = await t.as("resident").get("/api/v1/points/me");
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().items.find((i: { audience: string }) => i.audience === "resident");
    const [row] = await db().select().from(pointAccounts).where(eq(pointAccounts.id, account));
    expect(mine).toMatchObject({ accountId: account, balance: row?.balance, name: residentName });
    expect(mine.monthAdded).toBeGreaterThanOrEqual(12);
    expect(mine.rank.position).toBeGreaterThanOrEqual(1);
    expect((await t.as("communityStaff").get("/api/v1/points/me")).statusCode).toBe(403);
  });

  it("adds up: opening + the month's postings = closing, month by month", async () => {
    const last = (
      await t.as("resident").get(`/api/v1/points/me/statement?audience=resident&month=${lastMonth}`)
    ).json();
    const sum = (s: { items: Array<{ amount: number }> }) => s.items.reduce((a, i) => a + i.amount, 0);
    expect(last.opening + sum(last)).toBe(last.closing);
    expect(last.items.map((i: { what: string }) => i.what)).toEqual(
      expect.arrayContaining(["垃圾分类", "志愿服务", "兑换洗衣液"]),
    );
    expect(last.items.at(-1).balanceAfter).toBe(last.closing);
    const current = (await t.as("resident").get("/api/v1/points/me/statement?audience=resident")).json();
    expect(current.month).toBe(thisMonth);
    expect(current.opening).toBe(last.closing);
    expect(current.opening + sum(current)).toBe(current.closing);
    expect(current.months).toEqual(expect.arrayContaining([thisMonth, lastMonth]));
    const [row] = await db().select().from(pointAccounts).where(eq(pointAccounts.id, account));
    expect(current.closing).toBe(row?.balance);
    const bad = await t.as("resident").get("/api/v1/points/me/statement?month=2026-13");
    expect(bad.statusCode).toBe(400);
  });

  it("downloads the month as a 月度积分对账单", async () => {
    const res = await t
      .as("resident")
      .get(`/api/v1/points/me/statement.xlsx?audience=resident&month=${lastMonth}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain("月度积分对账单");
  });
});

describe("staff lists in scope", () => {
  it("lists our accounts and postings to our staff, none to another community's", async () => {
    const q = encodeURIComponent(residentName);
    const ours = (
      await t.as("communityStaff").get(`/api/v1/points/accounts?audience=resident&q=${q}`)
    ).json();
    expect(ours.items.map((i: { id: string }) => i.id)).toContain(account);
    const theirs = (await t.as(otherStaff).get(`/api/v1/points/accounts?audience=resident&q=${q}`)).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(account);
    const postings = (
      await t.as("communityStaff").get(`/api/v1/points/postings?accountId=${account}`)
    ).json();
    expect(postings.total).toBeGreaterThanOrEqual(4);
    expect(postings.items[0]).toMatchObject({ holderName: residentName, accountId: account });
    const month = (
      await t
        .as("communityStaff")
        .get(`/api/v1/points/postings?accountId=${account}&month=${lastMonth}&kind=redeem`)
    ).json();
    expect(month.items.map((i: { amount: number }) => i.amount)).toEqual([-5]);
    expect((await t.as(otherStaff).get(`/api/v1/points/postings?accountId=${account}`)).json().total).toBe(0);
    const statement = await t
      .as("communityStaff")
      .get(`/api/v1/points/accounts/${account}/statement?month=${lastMonth}`);
    expect(statement.statusCode).toBe(200);
    expect(statement.json().name).toBe(residentName);
    expect((await t.as(otherStaff).get(`/api/v1/points/accounts/${account}/statement`)).statusCode).toBe(404);
    expect((await t.as("resident").get("/api/v1/points/accounts")).statusCode).toBe(403);
  });
});

describe("the ledger's check", () => {
  it("is ok, and lists a balance tampered with outside the engine", async () => {
    const ok = (await t.as("districtAdmin").get("/api/v1/points/ledger/check")).json();
    expect(ok).toMatchObject({ ok: true, sumOfBalances: 0, mismatched: 0, accountsWrong: [] });
    expect(ok.issued).toBe(ok.held + ok.spent);
    expect(ok.postings).toBeGreaterThanOrEqual(4);
    await db().execute(sql`update point_accounts set balance = balance + 100 where id = ${account}`);
    try {
      const bad = (await t.as("communityStaff").get("/api/v1/points/ledger/check")).json();
      expect(bad.ok).toBe(false);
      expect(bad.sumOfBalances).toBe(100);
      expect(bad.accountsWrong).toEqual([
        expect.objectContaining({ id: account, name: residentName, fromPostings: expect.any(Number) }),
      ]);
      expect(bad.accountsWrong[0].balance - bad.accountsWrong[0].fromPostings).toBe(100);
    } finally {
      await db().execute(sql`update point_accounts set balance = balance - 100 where id = ${account}`);
    }
    expect((await t.as("districtAdmin").get("/api/v1/points/ledger/check")).json().ok).toBe(true);
  });
});

describe("the monthly notice", () => {
  it("tells the resident last month's +/− and balance, once however often it runs", async () => {
    await tellMonthlyStatements(db(), now);
    await tellMonthlyStatements(db(), now);
    const user = t.as("resident");
    const me = (await user.get("/api/v1/auth/me")).json();
    const told = await db()
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, MONTHLY_NOTICE_KIND), eq(notifications.userId, me.user?.id ?? me.id)),
      );
    const about = told.filter((n) => n.entityId === account);
    expect(about).toHaveLength(1);
    const last = (await user.get(`/api/v1/points/me/statement?audience=resident&month=${lastMonth}`)).json();
    expect(last.added).toBeGreaterThanOrEqual(35);
    expect(about[0]?.body).toBe(
      `${Number(lastMonth.slice(5))}月睦邻积分 +${last.added} −${last.deducted}，余额 ${last.closing}`,
    );
  });
});
