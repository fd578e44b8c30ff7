import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../platform/china-time.ts";
import { rowsOf } from "../../../platform/db/index.ts";
import { uploadPhoto } from "../../../testing/factories.ts";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { holderAccounts } from "../ledger/engine.ts";
import { installRuleSet } from "../rules/install.ts";
import { pointRules } from "../rules/tables.ts";
import { MAX_RATINGS_PER_IP_HOUR } from "./ratings.ts";
import { consumerRatings } from "./tables.ts";

let t: TestApp;
/** A shop of the first community (communityStaff's), and one outside it. */
let shop: { id: string; name: string; territoryPath: string };
let foreign: { id: string; name: string };
let rules: Array<typeof pointRules.$inferSelect>;
let memberRuleId: string;
/** What the first inspection took from the shop: all it had. */
let lost: number;
const staff = () => t.as("communityStaff");
const rule = (code: string) => rules.find((r) => r.code === code) as (typeof rules)[number];
const inspect = (body: Record<string, unknown>) => staff().post("/api/v1/points/inspections", body);
const shopUrl = (id: string) => `/api/v1/public/points/shops/${id}`;

beforeAll(async () => {
  ({ t } = await startWithSessions());
  const db = t.database.db;
  const mine = (await staff().get("/api/v1/points/merchants?pageSize=200")).json();
  expect(mine.total).toBeGreaterThan(0);
  const all = rowsOf<{ id: string; name: string; territory_path: string }>(
    await db.execute(sql`select id, name, territory_path from merchants order by id`),
  );
  const inScope = new Set(mine.items.map((m: { id: string }) => m.id));
  const first = all.find((m) => inScope.has(m.id)) as (typeof all)[number];
  shop = { id: first.id, name: first.name, territoryPath: first.territory_path };
  const other = all.find((m) => !inScope.has(m.id)) as (typeof all)[number];
  foreign = { id: other.id, name: other.name };
  // The 费县 shop rules, active at the shop's community (the nearest set governs it).
  const communityId = shop.territoryPath.split("/")[3] as string;
  const communityPath = `${shop.territoryPath.split("/").slice(0, 4).join("/")}/`;
  const set = await db.transaction((tx) =>
    installRuleSet(tx, {
      nodeId: communityId,
      territoryPath: communityPath,
      template: "feixianMerchant",
      actorId: null,
      activate: true,
    }),
  );
  rules = await db.select().from(pointRules).where(eq(pointRules.ruleSetId, set.id));
  const members = await db.transaction((tx) =>
    installRuleSet(tx, {
      nodeId: communityId,
      territoryPath: communityPath,
      template: "xihuMember",
      actorId: null,
      activate: false,
    }),
  );
  const [m] = await db.select().from(pointRules).where(eq(pointRules.ruleSetId, members.id)).limit(1);
  memberRuleId = m?.id as string;
  // The demo merchant account's phone names this shop.
  await db.execute(sql`update merchants set phone = null where phone = ${PHONES.merchant}`);
}, 180_000);
afterAll(() => t?.close());

describe("shop inspections (商铺检查)", () => {
  it("posts each indicator to the shop's account, deductions clamped at its balance, never below zero", async () => {
    const before = (await staff().get(`/api/v1/points/merchants/${shop.id}`)).json();
    expect(before.base).toBe(100);
    const account = (
      await holderAccounts(t.database.db, [
        { audience: "merchant", holderId: shop.id, territoryPath: shop.territoryPath },
      ])
    ).get(`merchant:${shop.id}`);
    const balance = async () =>
      Number(
        rowsOf<{ balance: number }>(
          await t.database.db.execute(sql`select balance from point_accounts where id = ${account}`),
        )[0]?.balance,
      );
    const had = await balance();
    const photo = await uploadPhoto(staff());
    const res = await inspect({
      merchantId: shop.id,
      items: [
        { ruleId: rule("front-clean").id, quantity: 1 },
        { ruleId: rule("front-occupy").id, quantity: 99, note: "门口摆摊" },
      ],
      photos: [photo],
      note: "日常检查",
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    // 2 added, then 99 × 5 = 495 asked but only what was on the account could be lost.
    expect(had + 2).toBeLessThan(495);
    lost = had + 2;
    expect(body).toMatchObject({ added: 2, deducted: lost, net: 2 - lost });
    expect(body.items.find((i: { code: string }) => i.code === "front-occupy")).toMatchObject({
      points: 495,
      applied: lost,
      indicator: "门前五包",
    });
    expect(await balance()).toBe(0);
    const postings = rowsOf<{ business_key: string; memo: string; rule_code: string }>(
      await t.database.db.execute(
        sql`select business_key, memo, rule_code from point_postings where business_key like ${`inspection:${body.id}:%`} order by id`,
      ),
    );
    expect(postings.map((p) => p.business_key)).toEqual([
      `inspection:${body.id}:${rule("front-clean").id}`,
      `inspection:${body.id}:${rule("front-occupy").id}`,
    ]);
    expect(postings[1]?.memo).toBe("门前五包 / 占道经营、店外经营 / 门口摆摊");
    const after = (await staff().get(`/api/v1/points/merchants/${shop.id}`)).json();
    expect(after.score).toBe(before.score + 2 - lost);
    expect(after.indicators.find((i: { indicator: string }) => i.indicator === "门前五包")).toMatchObject({
      added: expect.any(Number),
      deducted: expect.any(Number),
    });
    // The indicators add up to the score's added and deducted: the opening 基础分 is the base, once.
    const net = after.indicators.reduce((n: number, i: { net: number }) => n + i.net, 0);
    expect(net).toBe(after.added - after.deducted);
    expect(after.score).toBe(after.base + after.added - after.deducted);
    expect(after.inspections[0]).toMatchObject({ id: body.id, note: "日常检查" });
    expect(after.inspections[0].photos).toHaveLength(1);
  });

  it("a deduction on the points the shop has lowers its score", async () => {
    const before = (await staff().get(`/api/v1/points/merchants/${shop.id}`)).json();
    await inspect({
      merchantId: shop.id,
      items: [{ ruleId: rule("honest-promise").id, quantity: 2 }],
    });
    const photo = await uploadPhoto(staff(), 1);
    const res = await inspect({
      merchantId: shop.id,
      items: [{ ruleId: rule("green-noise").id, quantity: 1 }],
      photos: [photo],
    });
    expect(res.json()).toMatchObject({ added: 0, deducted: 3 });
    const after = (await staff().get(`/api/v1/points/merchants/${shop.id}`)).json();
    expect(after.score).toBe(before.score + 6 - 3);
  });

  it("keeps an inspection sent twice with one clientKey once, even at once", async () => {
    const body = {
      merchantId: shop.id,
      items: [{ ruleId: rule("service-polite").id, quantity: 1 }],
      clientKey: "phone-retry-0001",
    };
    const [a, b] = await Promise.all([inspect(body), inspect(body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const again = await inspect(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: a.json().id, added: 2, replayed: true });
    const [n] = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from point_postings where business_key like ${`inspection:${a.json().id}:%`}`,
      ),
    );
    expect(n?.n).toBe(1);
  });

  it("refuses a rule not governing the shop (422), a deduction without a photo (422), a shop out of scope (404)", async () => {
    const wrong = await inspect({ merchantId: shop.id, items: [{ ruleId: memberRuleId, quantity: 1 }] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("INSPECTION_RULE_UNKNOWN");
    const bare = await inspect({
      merchantId: shop.id,
      items: [{ ruleId: rule("safety-wire").id, quantity: 1 }],
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe("INSPECTION_EVIDENCE_REQUIRED");
    const zero = await inspect({
      merchantId: shop.id,
      items: [{ ruleId: rule("front-clean").id, quantity: 0 }],
    });
    expect(zero.statusCode).toBe(400);
    const away = await inspect({
      merchantId: foreign.id,
      items: [{ ruleId: rule("front-clean").id, quantity: 1 }],
    });
    expect(away.statusCode).toBe(404);
    expect((await staff().get(`/api/v1/points/merchants/${foreign.id}`)).statusCode).toBe(404);
    expect((await t.as("resident").post("/api/v1/points/inspections", {})).statusCode).toBe(403);
  });

  it("lists inspections and shops in scope; finds a shop by its pinyin initials", async () => {
    const list = (await staff().get(`/api/v1/points/inspections?merchantId=${shop.id}&mine=true`)).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.items[0].merchant).toEqual({ id: shop.id, name: shop.name });
    expect((await staff().get(`/api/v1/points/inspections?merchantId=${foreign.id}`)).statusCode).toBe(404);
    const initials = (await staff().get(`/api/v1/points/merchants/${shop.id}`)).json().name;
    const [key] = rowsOf<{ k: string }>(
      await t.database.db.execute(
        sql`select regexp_replace(split_part(sort_key, ' !', 1), '([a-z0-9])[a-z0-9]* ?', '\\1', 'g') as k from merchants where id = ${shop.id}`,
      ),
    );
    expect(initials).toBe(shop.name);
    const found = (await staff().get(`/api/v1/points/merchants?q=${key?.k}`)).json();
    expect(found.items.map((m: { id: string }) => m.id)).toContain(shop.id);
    const all = (await staff().get("/api/v1/points/merchants?pageSize=200")).json();
    expect(all.items.map((m: { id: string }) => m.id)).not.toContain(foreign.id);
    const xlsx = await staff().get("/api/v1/points/merchants?format=xlsx");
    expect(xlsx.statusCode).toBe(200);
  });
});

describe("consumer ratings by QR (消费者评价)", () => {
  it("shows the public page with nothing personal, and a QR code of it", async () => {
    const res = await t.as(undefined).get(shopUrl(shop.id));
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      ["address", "category", "id", "name", "score", "stars", "titles"].sort(),
    );
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    const qr = await t.as(undefined).get(`${shopUrl(shop.id)}/qr.png`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers["content-type"]).toBe("image/png");
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    expect((await t.as(undefined).get(shopUrl("00000000-0000-4000-8000-000000000000"))).statusCode).toBe(404);
  });

  it("takes one rating per phone per shop per day, decided by the index even at once; keeps no phone", async () => {
    const rate = (phone: string, stars = 5) =>
      t.as(undefined).post(`${shopUrl(shop.id)}/ratings`, { phone, stars, comment: "很好" });
    const before = (await t.as(undefined).get(shopUrl(shop.id))).json().stars.count as number;
    const [a, b] = await Promise.all([rate("13912340001"), rate("139 1234 0001", 4)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = [a, b].find((r) => r.statusCode === 409);
    expect(refused?.json().error).toMatchObject({
      code: "ALREADY_RATED_TODAY",
      message: "您今天已经评价过这家店铺，明天再来吧",
    });
    expect((await rate("10012345678")).statusCode).toBe(422);
    expect((await rate("13912340002", 6)).statusCode).toBe(400);
    // The demo's earlier ratings of the shop are on other days; today's are the test's.
    const rows = await t.database.db
      .select()
      .from(consumerRatings)
      .where(and(eq(consumerRatings.merchantId, shop.id), eq(consumerRatings.day, chinaDate(new Date()))));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("13912340001");
    expect(rows[0]?.phoneIndex).toBe(t.pii.blindIndex("13912340001"));
    const audit = rowsOf<{ after: unknown }>(
      await t.database.db.execute(sql`select after from audit_log where action = 'points.rating.create'`),
    );
    expect(JSON.stringify(audit)).not.toContain("13912340001");
    const page = (await t.as(undefined).get(shopUrl(shop.id))).json();
    expect(page.stars).toEqual({ average: expect.any(Number), count: before + 1 });
  });

  it("refuses a burst of ratings from one address (429) in plain words", async () => {
    const codes: number[] = [];
    for (let i = 0; i < MAX_RATINGS_PER_IP_HOUR + 1; i++) {
      const res = await t.as(undefined).post(`${shopUrl(shop.id)}/ratings`, {
        phone: `1371234${String(1000 + i)}`,
        stars: 3,
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.message).toBe("评价次数太多了，请过一会儿再试");
        break;
      }
    }
    expect(codes.at(-1)).toBe(429);
    // 20 an hour in all, the one of the test before included.
    expect(codes.filter((c) => c === 201)).toHaveLength(MAX_RATINGS_PER_IP_HOUR - 1);
  });
});

describe("the merchant's own page (我的店铺)", () => {
  it("says plainly when his phone names no shop", async () => {
    const res = await t.as("merchant").get("/api/v1/points/merchant/me");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_A_MERCHANT");
    expect((await staff().get("/api/v1/points/merchant/me")).statusCode).toBe(403);
  });

  it("shows his score, the deductions with the inspection's note and photos, his ratings and QR code", async () => {
    await t.database.db.execute(sql`update merchants set phone = ${PHONES.merchant} where id = ${shop.id}`);
    const me = (await t.as("merchant").get("/api/v1/points/merchant/me")).json();
    expect(me).toMatchObject({ id: shop.id, base: 100, qrUrl: `${shopUrl(shop.id)}/qr.png` });
    expect(me.losses.map((l: { what: string }) => l.what)).toContain(
      "门前五包 / 占道经营、店外经营 / 门口摆摊",
    );
    const occupy = me.losses.find((l: { ruleCode: string }) => l.ruleCode === "front-occupy");
    expect(occupy).toMatchObject({ points: lost, note: "日常检查", inspector: expect.any(String) });
    expect(occupy.photos).toHaveLength(1);
    expect(me.ratings.length).toBeGreaterThan(0);
    expect(JSON.stringify(me.ratings)).not.toMatch(/phone/i);
    expect(me.score).toBe(me.base + me.added - me.deducted);
  });
});
