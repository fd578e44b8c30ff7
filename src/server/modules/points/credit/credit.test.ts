import { and, desc, eq, not, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../platform/audit/tables.ts";
import { uploadPhoto } from "../../../testing/factories.ts";
import { PHONES, startWithSessions, type TestApp, tokenFor } from "../../../testing/harness.ts";
import { type ResidentRecord, residentByPhone } from "../../people/index.ts";
import { residents } from "../../people/tables.ts";

let t: TestApp;
let me: ResidentRecord;
let communityPath: string;
const staff = () => t.as("communityStaff");
const admin = () => t.as("districtAdmin");
const EXPORT = "/api/v1/points/credit/export";
const BANK = "兴安农商银行";

type Row = {
  holderId: string;
  name: string;
  idMasked: string | null;
  uscc: string | null;
  consentId: string;
};
const exported = async (query = "audience=resident") => {
  const res = await admin().get(`${EXPORT}?${query}&pageSize=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number };
};

async function sheetOf(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return book.worksheets[0] as ExcelJS.Worksheet;
}

beforeAll(async () => {
  ({ t } = await startWithSessions());
  const found = await residentByPhone(t.database.db, PHONES.resident);
  if (!found) throw new Error("the demo's resident is missing");
  me = found;
  communityPath = `${me.territoryPath.split("/").slice(0, 4).join("/")}/`;
}, 180_000);
afterAll(() => t?.close());

describe("the bank's credit export", () => {
  it("holds the consenting residents with a masked 身份证, never the whole number", async () => {
    const { items, total } = await exported();
    expect(total).toBe(items.length);
    const mine = items.find((r) => r.holderId === me.id);
    expect(mine).toMatchObject({ name: me.name, audience: "resident", bank: BANK, uscc: null });
    expect(mine?.idMasked).toMatch(/\*/);
    const [whole] = await t.database.db
      .select({ cipher: residents.idCipher, masked: residents.idMasked })
      .from(residents)
      .where(eq(residents.id, me.id));
    expect(mine?.idMasked).toBe(whole?.masked);
    // The export carries no 18-digit identity number anywhere.
    const res = await admin().get(`${EXPORT}?audience=resident&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["content-disposition"])).toContain("attachment");
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.rowCount - 1).toBe(total);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["身份证号（脱敏）", "积分余额", "本年得分", "获得称号"]));
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).not.toMatch(/\d{17}[\dX]/);
  });

  it("holds the consenting shops with their 统一社会信用代码 and rating", async () => {
    const res = await admin().get(`${EXPORT}?audience=merchant&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["统一社会信用代码", "顾客平均评分", "获得称号"]));
    expect(sheet.rowCount).toBeGreaterThanOrEqual(2);
    const { items } = await exported("audience=merchant");
    expect(items.every((r) => r.idMasked === null)).toBe(true);
  });

  it("is an empty sheet, not an error, when nobody consented", async () => {
    const json = await admin().get(`${EXPORT}?audience=merchant&bank=无此银行`);
    expect(json.json()).toEqual({ items: [], total: 0 });
    const res = await admin().get(`${EXPORT}?audience=merchant&bank=无此银行&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect((await sheetOf(res.rawPayload)).rowCount).toBe(1);
  });

  it("is on record with the number of rows taken", async () => {
    await admin().get(`${EXPORT}?audience=resident`);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "points.credit.export"))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(1);
    const { total } = await exported();
    expect(row?.after).toMatchObject({ audience: "resident", rows: total, format: "json" });
  });

  it("is read by a token made with the credit scope, which reads nothing else", async () => {
    const credit = { authorization: `Bearer ${await tokenFor(t.app, PHONES.districtAdmin, ["credit"])}` };
    const read = { authorization: `Bearer ${await tokenFor(t.app, PHONES.districtAdmin, ["read"])}` };
    const ok = await t.as(credit).get(`${EXPORT}?audience=resident`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.some((r: Row) => r.holderId === me.id)).toBe(true);
    for (const url of ["/api/v1/points/credit/consents", "/api/v1/people/residents", "/api/v1/auth/me"]) {
      const res = await t.as(credit).get(url);
      expect(res.statusCode, url).toBe(403);
    }
    const refused = await t.as(read).get(`${EXPORT}?audience=resident`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.missingScopes).toEqual(["credit"]);
    // A read token reads the ordinary lists its owner may read, the consents among them.
    expect((await t.as(read).get("/api/v1/points/credit/consents")).statusCode).toBe(200);
    // Community staff manage consents but do not hand data to the bank.
    expect((await staff().get(EXPORT)).statusCode).toBe(403);
  });
});

describe("consents (信用授权)", () => {
  it("lets the resident withdraw his own consent and give it again; the export follows", async () => {
    const mine = (await t.as("resident").get("/api/v1/points/credit/consents/mine")).json();
    const consent = mine.items.find((i: { audience: string }) => i.audience === "resident").consents[0];
    expect(consent.bank).toBe(BANK);
    const out = await t.as("resident").post(`/api/v1/points/credit/consents/${consent.id}/withdraw`);
    expect(out.statusCode, out.body).toBe(200);
    expect((await exported()).items.some((r) => r.holderId === me.id)).toBe(false);
    const twice = await t.as("resident").post(`/api/v1/points/credit/consents/${consent.id}/withdraw`);
    expect(twice.json().error.code).toBe("CONSENT_WITHDRAWN");

    const back = await t.as("resident").post("/api/v1/points/credit/consents/mine", {
      audience: "resident",
      bank: BANK,
    });
    expect(back.statusCode, back.body).toBe(201);
    expect((await exported()).items.some((r) => r.holderId === me.id)).toBe(true);
    const again = await t.as("resident").post("/api/v1/points/credit/consents/mine", {
      audience: "resident",
      bank: BANK,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "CONSENT_EXISTS", details: { id: back.json().id } });
    // A resident is no shop: he cannot consent as one.
    const asShop = await t.as("resident").post("/api/v1/points/credit/consents/mine", {
      audience: "merchant",
      bank: BANK,
    });
    expect(asShop.statusCode).toBe(403);
  });

  it("lets staff record a paper form for a resident of their area, and withdraw it", async () => {
    const [other] = await t.database.db
      .select({ id: residents.id, name: residents.name })
      .from(residents)
      .where(and(sql`${residents.territoryPath} like ${`${communityPath}%`}`, not(eq(residents.id, me.id))))
      .limit(1);
    const [foreign] = await t.database.db
      .select({ id: residents.id })
      .from(residents)
      .where(sql`${residents.territoryPath} not like ${`${communityPath}%`}`)
      .limit(1);
    const form = await uploadPhoto(staff(), 77);
    const body = { audience: "resident", holderId: other?.id, bank: BANK, formFileId: form };
    const res = await staff().post("/api/v1/points/credit/consents", body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const row = (await exported()).items.find((r) => r.holderId === other?.id);
    expect(row).toMatchObject({ name: other?.name, consentId: id });
    expect(
      (await staff().post("/api/v1/points/credit/consents", { ...body, holderId: foreign?.id })).statusCode,
    ).toBe(404);
    expect((await t.as("resident").post("/api/v1/points/credit/consents", body)).statusCode).toBe(403);

    const list = (await staff().get("/api/v1/points/credit/consents?live=true&audience=resident")).json();
    expect(list.items.find((c: { id: string }) => c.id === id)).toMatchObject({
      holder: { id: other?.id, name: other?.name },
      formFileId: form,
      bank: BANK,
      withdrawnAt: null,
    });
    // Another resident may not withdraw it; staff may.
    expect((await t.as("partyMember").post(`/api/v1/points/credit/consents/${id}/withdraw`)).statusCode).toBe(
      404,
    );
    expect((await staff().post(`/api/v1/points/credit/consents/${id}/withdraw`)).statusCode).toBe(200);
    expect((await exported()).items.some((r) => r.holderId === other?.id)).toBe(false);
    const file = await staff().get("/api/v1/points/credit/consents?format=xlsx");
    expect(file.statusCode).toBe(200);
  });
});
