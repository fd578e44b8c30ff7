import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../platform/db/index.ts";
import { onPostgres } from "../../../testing/database.ts";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";
import { pointPostings } from "../ledger/tables.ts";
import { award, balanceOf, expectLedgerSound } from "./shop.fixture.ts";
import { shopItems } from "./tables.ts";

const HOLDERS = 100;

let t: TestApp;
let s: Record<string, Session>;
let districtId: string;
let holders: Array<{ id: string; headers: Record<string, string>; accountId: string }>;

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  districtId = s.districtAdmin?.user.roles[0]?.nodeId as string;
  // A hundred demo residents with a phone of their own and no account yet: each gets an account
  // that meets him by phone (a token, not a scrypt login) and 100 points.
  const residents = rowsOf<{ id: string; phone: string; name: string; territory_path: string }>(
    await t.database.db.execute(sql`
      select r.id, r.phone, r.name, r.territory_path from residents r
      where r.phone is not null
        and not exists (select 1 from users u where u.phone = r.phone)
        and (select count(*) from residents o where o.phone = r.phone) = 1
      order by r.id limit ${HOLDERS}`),
  );
  expect(residents).toHaveLength(HOLDERS);
  holders = [];
  for (const r of residents) {
    const community = r.territory_path.split("/").filter(Boolean)[2] as string;
    const user = await userWithToken(t.database.db, {
      phone: r.phone,
      name: r.name,
      roles: [{ role: "resident", nodeId: community }],
    });
    const accountId = await award(
      t.database.db,
      { audience: "resident", holderId: r.id, territoryPath: r.territory_path },
      100,
    );
    holders.push({ ...user, accountId });
  }
}, 300_000);
afterAll(() => t?.close());

async function newItem(stock: number, price: number) {
  const res = await t.as("districtAdmin").post("/api/v1/points/shop/items", {
    nodeId: districtId,
    kind: "goods",
    name: `抢兑测试${stock}-${price}`,
    price,
    stock,
    audiences: ["resident"],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const stockOf = async (id: string) =>
  (await t.database.db.select({ stock: shopItems.stock }).from(shopItems).where(eq(shopItems.id, id)))[0]
    ?.stock;

describe(`redemptions racing for stock and points (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("100 holders at once for the last one: exactly one gets it, 99 are told it is gone", async () => {
    const itemId = await newItem(1, 30);
    const before = await Promise.all(holders.map((h) => balanceOf(t.database.db, h.accountId)));
    const answers = await Promise.all(
      holders.map((h) =>
        t.as(h).post("/api/v1/points/redemptions", { itemId }, { "accept-language": "zh-CN" }),
      ),
    );
    const won = answers.filter((a) => a.statusCode === 201);
    const lost = answers.filter((a) => a.statusCode !== 201);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(HOLDERS - 1);
    for (const a of lost) {
      expect(a.statusCode, a.body).toBe(409);
      expect(a.json().error).toMatchObject({ code: "OUT_OF_STOCK", message: "该物品已兑完" });
    }
    expect(await stockOf(itemId)).toBe(0);
    const redeemed = await t.database.db
      .select()
      .from(pointPostings)
      .where(sql`${pointPostings.kind} = 'redeem' and ${pointPostings.memo} = ${"抢兑测试1-30"}`);
    expect(redeemed).toHaveLength(1);
    const after = await Promise.all(holders.map((h) => balanceOf(t.database.db, h.accountId)));
    const paid = after.map((b, i) => (before[i] as number) - b);
    expect(paid.filter((p) => p === 30)).toHaveLength(1);
    expect(paid.filter((p) => p === 0)).toHaveLength(HOLDERS - 1);
    await expectLedgerSound(t.database.db);
  }, 120_000);

  it("one holder with 50 points asking 20 times at once for a 10-point item gets exactly 5", async () => {
    const itemId = await newItem(100, 10);
    const balances = await Promise.all(holders.map((h) => balanceOf(t.database.db, h.accountId)));
    const me = holders[balances.findIndex((b) => b > 50)] as (typeof holders)[number];
    // Spend down to 50 first.
    const big = await newItem(1, (balances.find((b) => b > 50) as number) - 50);
    expect((await t.as(me).post("/api/v1/points/redemptions", { itemId: big })).statusCode).toBe(201);
    expect(await balanceOf(t.database.db, me.accountId)).toBe(50);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.as(me).post("/api/v1/points/redemptions", { itemId })),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(5);
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(refused).toHaveLength(15);
    for (const a of refused) expect(a.json().error.code, a.body).toBe("INSUFFICIENT_POINTS");
    expect(await balanceOf(t.database.db, me.accountId)).toBe(0);
    expect(await stockOf(itemId)).toBe(95);
    await expectLedgerSound(t.database.db);
  }, 120_000);
});
