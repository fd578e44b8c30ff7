import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../platform/db/index.ts";
import { notifications } from "../../../platform/notify/index.ts";
import { onPostgres } from "../../../testing/database.ts";
import { uploadPhoto } from "../../../testing/factories.ts";
import { PHONES, type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";
import { residentByPhone } from "../../people/index.ts";
import { merchantByPhone } from "../../places/index.ts";
import { award, balanceOf, expectLedgerSound } from "./shop.fixture.ts";

const ITEMS = "/api/v1/points/shop/items";
const REDEEM = "/api/v1/points/redemptions";

let t: TestApp;
let s: Record<string, Session>;
let districtId: string;
let account: string;
let shop: { id: string; nodeId: string; territoryPath: string };
let otherShopOwner: { id: string; headers: Record<string, string> };

const admin = () => t.as("districtAdmin");
const resident = () => t.as("resident");
const merchant = () => t.as("merchant");

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  districtId = s.districtAdmin?.user.roles[0]?.nodeId as string;
  const me = await residentByPhone(t.database.db, PHONES.resident);
  if (!me) throw new Error("the demo resident has no residents row");
  account = await award(
    t.database.db,
    { audience: "resident", holderId: me.id, territoryPath: me.territoryPath },
    200,
  );
  const found = await merchantByPhone(t.database.db, PHONES.merchant);
  if (!found) throw new Error("the demo merchant has no shop");
  shop = found;
  // Another shop's owner, signed in as a merchant of his own shop.
  const [other] = rowsOf<{ phone: string; name: string; node_id: string }>(
    await t.database.db.execute(sql`
      select phone, name, node_id from merchants
      where phone is not null and id <> ${shop.id} and not exists (select 1 from users u where u.phone = merchants.phone)
      order by id limit 1`),
  );
  if (!other) throw new Error("no second shop with a phone");
  otherShopOwner = await userWithToken(t.database.db, {
    phone: other.phone,
    name: other.name,
    roles: [{ role: "merchant", nodeId: other.node_id }],
  });
}, 180_000);
afterAll(() => t?.close());

async function newItem(body: Record<string, unknown> = {}) {
  const res = await admin().post(ITEMS, {
    nodeId: districtId,
    kind: "goods",
    name: "环保袋",
    description: "可重复使用的购物袋",
    price: 20,
    stock: 10,
    audiences: ["resident", "member"],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const stockOf = async (id: string) =>
  (await admin().get(`${ITEMS}?pageSize=200`)).json().items.find((i: { id: string }) => i.id === id)?.stock;

describe(`the points shop's items (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("refuses items a holder could not be given, and is staff's to keep", async () => {
    const grid = s.gridWorker?.user.roles[0]?.nodeId as string;
    const base = { kind: "goods", name: "毛巾", price: 10, stock: 1, audiences: ["resident"] };
    const onGrid = await admin().post(ITEMS, { ...base, nodeId: grid });
    expect(onGrid.statusCode).toBe(422);
    expect(onGrid.json().error.code).toBe("SHOP_NODE_LEVEL");
    const service = await admin().post(ITEMS, { ...base, kind: "service", nodeId: districtId });
    expect(service.json().error.code).toBe("SERVICE_NEEDS_SHOP");
    const free = await admin().post(ITEMS, { ...base, price: 0, nodeId: districtId });
    expect(free.statusCode).toBe(400);
    expect((await resident().post(ITEMS, { ...base, nodeId: districtId })).statusCode).toBe(403);
    expect((await t.as("communityStaff").post(ITEMS, { ...base, nodeId: districtId })).statusCode).toBe(422);
  });

  it("lists, edits, takes off the shelves, and exports", async () => {
    const photoId = await uploadPhoto(admin(), 7);
    const id = await newItem({ name: "理发一次", kind: "service", merchantId: shop.id, price: 30, photoId });
    const listed = (await admin().get(`${ITEMS}?kind=service&merchantId=${shop.id}`)).json();
    expect(listed.items).toContainEqual(
      expect.objectContaining({
        id,
        name: "理发一次",
        merchant: expect.objectContaining({ id: shop.id }),
        photo: expect.objectContaining({ id: photoId }),
      }),
    );
    const put = await admin().put(`${ITEMS}/${id}`, {
      nodeId: districtId,
      kind: "service",
      merchantId: shop.id,
      name: "理发一次",
      price: 30,
      stock: 3,
      audiences: ["resident"],
      active: false,
    });
    expect(put.statusCode, put.body).toBe(200);
    const off = (await admin().get(`${ITEMS}?active=false`)).json();
    expect(off.items.find((i: { id: string }) => i.id === id)).toMatchObject({ stock: 3, active: false });
    const offers = (await resident().get("/api/v1/points/shop?pageSize=200")).json();
    expect(offers.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await resident().post(REDEEM, { itemId: id })).statusCode).toBe(404);
    const xlsx = await admin().get(`${ITEMS}?format=xlsx`);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});

describe("redeeming, handing over and cancelling", () => {
  it("shows what he can afford, takes points and stock, and the shop hands it over once", async () => {
    const itemId = await newItem({ name: "洗衣液", merchantId: shop.id, price: 25, stock: 4 });
    const offers = (await resident().get("/api/v1/points/shop?pageSize=200")).json();
    const offer = offers.items.find((i: { id: string }) => i.id === itemId);
    expect(offer).toMatchObject({ payWith: "resident", affordable: true, stock: 4 });
    expect(offer.merchant).toMatchObject({
      id: shop.id,
      name: expect.any(String),
      address: expect.any(String),
    });
    const before = await balanceOf(t.database.db, account);
    expect(offers.balances).toContainEqual({ audience: "resident", balance: before });

    const res = await resident().post(REDEEM, { itemId, quantity: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{8}$/);
    expect(await balanceOf(t.database.db, account)).toBe(before - 50);
    expect(await stockOf(itemId)).toBe(2);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, id), eq(notifications.userId, s.merchant?.user.id as string)));
    expect(told).toHaveLength(1);

    const mine = (await resident().get(`${REDEEM}/mine`)).json();
    expect(mine.items[0]).toMatchObject({ id, code, status: "reserved", quantity: 2, points: 50 });
    const one = (await resident().get(`${REDEEM}/${id}`)).json();
    expect(one.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(one.allowedActions).toEqual(["cancel"]);

    // The shop sees what it is and for whom, masked, without the code.
    const looked = await merchant().get(`${REDEEM}/lookup?code=${code.toLowerCase()}`);
    expect(looked.statusCode, looked.body).toBe(200);
    expect(looked.json()).toMatchObject({ id, code: null, holderName: expect.stringMatching(/\*/) });
    const shopList = (await merchant().get(REDEEM)).json();
    expect(shopList.items.map((r: { id: string }) => r.id)).toContain(id);

    // Another shop is refused, and nothing changes.
    const wrong = await t.as(otherShopOwner).post(`${REDEEM}/deliver`, { code });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe("NOT_YOUR_SHOP");
    expect((await resident().get(`${REDEEM}/${id}`)).json().status).toBe("reserved");
    expect((await t.as(otherShopOwner).get(`${REDEEM}/${id}`)).statusCode).toBe(404);

    const done = await merchant().post(`${REDEEM}/deliver`, { code: `${code.slice(0, 4)}-${code.slice(4)}` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "delivered" });
    const again = await merchant().post(`${REDEEM}/deliver`, { code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({
      status: "delivered",
      deliveredAt: expect.any(String),
    });
    const late = await resident().post(`${REDEEM}/${id}/cancel`, {});
    expect(late.statusCode).toBe(409);
    expect((await merchant().post(`${REDEEM}/deliver`, { code: "AAAA-AAAA" })).statusCode).toBe(404);
    expect((await resident().get(`${REDEEM}/mine`)).json().items[0].status).toBe("delivered");
  });

  it("refuses what is gone or unaffordable without touching stock or points", async () => {
    const gone = await newItem({ name: "已兑完的米", stock: 0 });
    const out = await resident().post(REDEEM, { itemId: gone });
    expect(out.statusCode).toBe(409);
    expect(out.json().error.code).toBe("OUT_OF_STOCK");
    const dear = await newItem({ name: "电饭煲", price: 100_000, stock: 2 });
    const before = await balanceOf(t.database.db, account);
    const poor = await resident().post(REDEEM, { itemId: dear });
    expect(poor.statusCode).toBe(409);
    expect(poor.json().error.code).toBe("INSUFFICIENT_POINTS");
    expect(await stockOf(dear)).toBe(2);
    expect(await balanceOf(t.database.db, account)).toBe(before);
    const members = await newItem({ name: "党员书籍", audiences: ["member"] });
    expect((await resident().post(REDEEM, { itemId: members })).json().error.code).toBe(
      "NOT_FOR_YOUR_POINTS",
    );
    expect((await resident().post(REDEEM, { itemId: dear, quantity: 6 })).statusCode).toBe(400);
  });

  it("cancels: the owner while reserved, staff with a reason; points and stock come back", async () => {
    const itemId = await newItem({ name: "大米一袋", price: 10, stock: 5 });
    const before = await balanceOf(t.database.db, account);
    const a = (await resident().post(REDEEM, { itemId })).json();
    const b = (await resident().post(REDEEM, { itemId })).json();
    expect(await balanceOf(t.database.db, account)).toBe(before - 20);
    expect(await stockOf(itemId)).toBe(3);

    expect((await resident().post(`${REDEEM}/${a.id}/cancel`, {})).statusCode).toBe(200);
    const noReason = await admin().post(`${REDEEM}/${b.id}/cancel`, {});
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe("CANCEL_REASON_REQUIRED");
    expect((await merchant().post(`${REDEEM}/${b.id}/cancel`, { reason: "x" })).statusCode).toBe(404);
    const byStaff = await admin().post(`${REDEEM}/${b.id}/cancel`, { reason: "物品受潮，无法发放" });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    expect((await admin().post(`${REDEEM}/${b.id}/cancel`, { reason: "再来" })).statusCode).toBe(409);
    expect(await balanceOf(t.database.db, account)).toBe(before);
    expect(await stockOf(itemId)).toBe(5);
    const listed = (await admin().get(`${REDEEM}?status=cancelled&itemId=${itemId}`)).json();
    expect(listed.total).toBe(2);
    expect(listed.items.find((r: { id: string }) => r.id === b.id)).toMatchObject({
      cancelReason: "物品受潮，无法发放",
      code: null,
    });
    const xlsx = await admin().get(`${REDEEM}?format=xlsx&status=cancelled`);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    await expectLedgerSound(t.database.db);
  });

  it("lets staff hand over goods the community gives out itself, and not a shop's", async () => {
    const hall = await newItem({ name: "社区纸巾", price: 5 });
    const r = (await resident().post(REDEEM, { itemId: hall })).json();
    expect((await merchant().post(`${REDEEM}/deliver`, { code: r.code })).statusCode).toBe(403);
    const done = await admin().post(`${REDEEM}/deliver`, { code: r.code });
    expect(done.statusCode, done.body).toBe(200);
    const shopItem = await newItem({ name: "店铺纸巾", price: 5, merchantId: shop.id });
    const r2 = (await resident().post(REDEEM, { itemId: shopItem })).json();
    const refused = await admin().post(`${REDEEM}/deliver`, { code: r2.code });
    expect(refused.json().error.code).toBe("NOT_YOUR_SHOP");
    expect((await t.as("resident").get(REDEEM)).statusCode).toBe(403);
  });
});
