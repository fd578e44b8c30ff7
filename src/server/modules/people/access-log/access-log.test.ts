import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
  type Who,
} from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";

let t: TestApp;
let s: Record<string, Session>;
/** 孙秀英, the demo resident 13800000007: her record, in the first community. */
let her: { id: string; name: string };
let revealedAt: Date;
const PURPOSE = "核对高龄津贴资格";

const json = async (who: Who, url: string) => {
  const res = await t.as(who).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<Record<string, unknown>>; total: number };
};
const log = (who: RoleName, query: string) => json(who, `/api/v1/audit/pii-access?${query}`);

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  const found = await json("communityStaff", "/api/v1/people/residents?q=13800000007");
  her = found.items.find((r) => r.name === "孙秀英") as typeof her;
  revealedAt = new Date();
  const reveal = await t.as("communityStaff").post(`/api/v1/people/residents/${her.id}/reveal`, {
    purpose: PURPOSE,
  });
  expect(reveal.statusCode, reveal.body).toBe(200);
});
afterAll(() => t.close());

describe("who read a resident's data, for the staff above", () => {
  it("lists a community staffer's reveal for the street, by person, by reader and by date", async () => {
    const reader = s.communityStaff?.user.id;
    const byPerson = await log("streetStaff", `residentId=${her.id}`);
    expect(byPerson.items).toEqual(
      expect.arrayContaining(
        ["idNumber", "phone"].map((field) =>
          expect.objectContaining({
            actorId: reader,
            actorName: "张丽华",
            actorRoles: [expect.objectContaining({ role: "communityStaff" })],
            residentId: her.id,
            residentName: "孙**",
            field,
            purpose: PURPOSE,
          }),
        ),
      ),
    );
    expect(byPerson.total).toBe(2);
    // The person found as in the residents list (her name, her phone), and the reader.
    expect(
      (await log("streetStaff", `q=${encodeURIComponent("孙秀英")}`)).items.map((e) => e.residentId),
    ).toContain(her.id);
    expect((await log("districtAdmin", "q=13800000007")).total).toBe(2);
    expect((await log("districtAdmin", `actorId=${reader}`)).items.map((e) => e.residentId)).toContain(
      her.id,
    );
    const otherReader = s.districtAdmin?.user.id;
    expect((await log("districtAdmin", `actorId=${otherReader}&residentId=${her.id}`)).total).toBe(0);
    const since = encodeURIComponent(new Date(revealedAt.getTime() - 60_000).toISOString());
    const later = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect((await log("streetStaff", `residentId=${her.id}&from=${since}`)).total).toBe(2);
    expect((await log("streetStaff", `residentId=${her.id}&from=${later}`)).total).toBe(0);
    expect((await log("streetStaff", `residentId=${her.id}&to=${since}`)).total).toBe(0);
  });

  it("writes the reveal to the audit log in words a person reads: who, whom and why, never the number", async () => {
    const audit = await json(
      "districtAdmin",
      `/api/v1/audit?action=people.resident.reveal&entityId=${her.id}`,
    );
    expect(audit.items).toEqual([
      expect.objectContaining({
        actorId: s.communityStaff?.user.id,
        entity: "resident",
        after: { purpose: PURPOSE, fields: ["idNumber", "phone"] },
      }),
    ]);
  });

  it("is not shown to another street's staff, nor to those without the permission", async () => {
    const streets = await json(
      "districtAdmin",
      `/api/v1/territory/nodes?parentId=${s.districtAdmin?.user.roles[0]?.nodeId}`,
    );
    const firstStreet = s.streetStaff?.user.roles[0]?.nodeId;
    const other = streets.items.find((n) => n.id !== firstStreet)?.id as string;
    const stranger = await userWithToken(t.database.db, {
      phone: "13900001401",
      name: "外街道干部",
      roles: [{ role: "streetStaff", nodeId: other }],
    });
    // Her record is not found for him, as by its id elsewhere; nor are her reads in his whole list.
    expect((await t.as(stranger).get(`/api/v1/audit/pii-access?residentId=${her.id}`)).statusCode).toBe(404);
    const everything = await json(stranger, "/api/v1/audit/pii-access?pageSize=200");
    expect(everything.items.map((e) => e.residentId)).not.toContain(her.id);
    expect((await t.as(stranger).get(`/api/v1/audit/pii-access?underId=${firstStreet}`)).statusCode).toBe(
      404,
    );
    for (const who of ["communityStaff", "gridWorker", "resident"] as const)
      expect((await t.as(who).get("/api/v1/audit/pii-access")).statusCode, who).toBe(403);
  });

  it("exports to xlsx with the same filters", async () => {
    const res = await t.as("streetStaff").get(`/api/v1/audit/pii-access?residentId=${her.id}&format=xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''%E4%B8%AA%E4%BA%BA");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows = (sheet?.getSheetValues() ?? []).slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual(["查看时间", "查看人", "职务", "被查看人", "查看内容", "用途", "IP 地址"]);
    expect(rows.slice(1)).toHaveLength(2);
    const contents = rows.slice(1).map((r) => r.slice(1, 6));
    expect(contents).toEqual(
      expect.arrayContaining([
        ["张丽华", expect.stringContaining("社区工作者 · "), "孙**", "身份证号码", PURPOSE],
        ["张丽华", expect.stringContaining("社区工作者 · "), "孙**", "手机号码", PURPOSE],
      ]),
    );
  });
});

describe("who read my data, for the resident himself", () => {
  it("shows 孙秀英 who read her whole number and phone, his post and why, without his phone or address", async () => {
    const res = await t.as("resident").get("/api/v1/me/pii-access");
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json() as { items: Array<Record<string, unknown>>; total: number };
    expect(mine.total).toBe(2);
    expect(mine.items.map((e) => e.field).sort()).toEqual(["idNumber", "phone"]);
    expect(mine.items[0]).toMatchObject({
      purpose: PURPOSE,
      reader: { name: "张丽华", roles: [expect.objectContaining({ role: "communityStaff" })] },
    });
    expect(res.body).not.toContain("13800000003");
    expect(mine.items[0]).not.toHaveProperty("ip");
  });

  it("shows nobody else's reads: another user's list has none of hers", async () => {
    const theirs = await json("partyMember", "/api/v1/me/pii-access");
    expect(theirs.items.map((e) => e.purpose)).not.toContain(PURPOSE);
    expect((await t.as(undefined).get("/api/v1/me/pii-access")).statusCode).toBe(401);
  });
});
