import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../../platform/auth/index.ts";
import {
  DEMO_PASSWORD,
  loginAs,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../../testing/harness.ts";
import { checked, confirmed, idNumber, settle, uploadImport, workbook } from "../../../testing/imports.ts";
import { ensureUser } from "../../accounts/index.ts";

let t: TestApp;
let s: Record<string, Session>;
/** Two grids of the community staff's community, and one of another community. */
let mine: { code: string; name: string; id: string };
let second: { code: string; id: string };
let foreign: { code: string; id: string };
let otherCommunityStaff: Session;

const total = async (url: string) => (await t.as("districtAdmin").get(url)).json().total as number;

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions({ queue: true }));
  const staff = s.communityStaff as Session;
  const grids = (await t.as(staff).get("/api/v1/territory/nodes?level=grid&pageSize=50")).json().items;
  // The lodger's row names a building by number alone: in a grid of one courtyard or none that is unique.
  [mine] = grids;
  second = grids.find((g: { gridType: string }, i: number) => i > 0 && g.gridType !== "compound");
  const all = (await t.as("districtAdmin").get("/api/v1/territory/nodes?level=grid&pageSize=200")).json()
    .items;
  foreign = all.find((g: { id: string }) => !grids.some((m: { id: string }) => m.id === g.id));
  const communities = (
    await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&pageSize=50")
  ).json().items;
  const home = staff.user.roles[0]?.nodeId;
  const other = communities.find((c: { id: string }) => c.id !== home);
  await ensureUser(t.database.db, {
    phone: "13700000031",
    name: "另一社区工作者",
    passwordHash: await hashPassword(DEMO_PASSWORD),
    roles: [{ role: "communityStaff", nodeId: other.id }],
  });
  otherCommunityStaff = await loginAs(t.app, "13700000031");
}, 180_000);
afterAll(() => t?.close());

const ID = {
  head: idNumber("36073119800101001"),
  spouse: idNumber("36073119820202002"),
  child: idNumber("36073120100303003"),
  lodger: idNumber("36073119900404004"),
};

describe("residents import", () => {
  it("reports every bad row of a messy sheet with its row, column and reason, and writes nothing", async () => {
    const before = await total("/api/v1/people/residents?pageSize=1");
    const dup = idNumber("36073119700505005");
    const bytes = await workbook(
      [
        ["红旗社区居民花名册（2026年）"],
        ["所属网格", "身份证　号", " 姓 名 ", "*手机号码", "与户主关系", "人口类型", "楼栋", "门牌号"],
        [
          mine.code,
          `${ID.head.slice(0, 17)}${ID.head.endsWith("0") ? "1" : "0"}`,
          "错校验",
          "13900000001",
          "户主",
          "户籍",
          "7",
          "101",
        ],
        [mine.code, ID.spouse, "坏手机", "1390000", "配偶", "户籍", "7", "101"],
        [],
        ["XG-NO-999", ID.child, "无此网格", "", "子女", "", "7", "102"],
        [foreign.code, ID.lodger, "外社区", "", "其他", "流动", "7", "103"],
        [mine.code, dup, "重复甲", "", "户主", "", "8", "201"],
        [mine.code, dup, "重复乙", "", "配偶", "", "8", "201"],
        // An 18-digit number typed into a General cell: what Excel keeps of it.
        [mine.code, 360731198001010050, "存成数字", "", "户主", "", "8", "202"],
        [mine.code, "3.60731E+17", "科学计数", "", "户主", "", "8", "203"],
        [mine.code, idNumber("36073119600606006"), "未知关系", "", "邻居", "", "8", "204"],
      ],
      (sheet) => sheet.mergeCells("A1:H1"),
    );
    const job = await checked(t, s.communityStaff, "residents", bytes, "花名册.xlsx");
    expect(job).toMatchObject({ status: "rejected", rowsTotal: 9, rowsChecked: 9, hasReport: true });
    const at = (row: number) => job.problems.filter((p) => p.row === row);
    expect(at(3)).toEqual([{ row: 3, column: "身份证　号", reason: expect.stringContaining("校验码") }]);
    expect(at(4)).toEqual([{ row: 4, column: "手机号码", reason: expect.stringContaining("手机号码无效") }]);
    expect(at(6)).toEqual([{ row: 6, column: "所属网格", reason: "找不到网格“XG-NO-999”" }]);
    expect(at(7)).toEqual([
      { row: 7, column: "所属网格", reason: `网格“${foreign.code}”不在您的管辖范围内` },
    ]);
    expect(at(8)).toEqual([{ row: 8, column: "身份证　号", reason: "与第 9 行的身份证号重复" }]);
    expect(at(9)).toEqual([{ row: 9, column: "身份证　号", reason: "与第 8 行的身份证号重复" }]);
    for (const row of [10, 11])
      expect(at(row)).toEqual([
        { row, column: "身份证　号", reason: expect.stringContaining("身份证号被存成了数字") },
      ]);
    expect(at(12)).toEqual([{ row: 12, column: "与户主关系", reason: expect.stringContaining("邻居") }]);
    expect(await total("/api/v1/people/residents?pageSize=1")).toBe(before);

    const confirm = await t.as("communityStaff").post(`/api/v1/imports/${job.id}/confirm`);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.details.status).toBe("rejected");

    const report = await t.as("communityStaff").get(`/api/v1/imports/${job.id}/report.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.at(-1)).toBe("错误说明");
    const errorColumn = header.length;
    const rowOf = (n: number) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(errorColumn - 1).value === n) found = r;
      });
      return found;
    };
    expect(String(rowOf(4)?.getCell(errorColumn).value)).toContain("手机号码无效");
    expect(rowOf(12)).toBeDefined();
  });

  const family = async () =>
    workbook(
      [
        ["红旗社区新增住户"],
        [],
        [
          "姓名",
          "身份证号",
          "手机号",
          "与户主关系",
          "人口类型",
          "所属网格",
          "小区",
          "楼栋",
          "单元",
          "门牌号",
        ],
        [
          "张　建国  ",
          ID.head,
          "１３９００００１１１１",
          "户主",
          "户籍人口",
          mine.code,
          "",
          "新建楼",
          "2",
          "1101",
        ],
        ["刘芳", ID.spouse, "139 0000 2222", "配偶", "常住", mine.code, "", "", "2", "1101"],
        ["张小军", ID.child, "", "子女", "", mine.code, "", "", "2", "1101"],
        [],
        ["陈明", ID.lodger, "", "", "流动人口", second.code, "", "1", "1", "9901"],
      ],
      // The building is merged down over the family's rows, as clerks do.
      (sheet) => sheet.mergeCells("H4:H6"),
    );

  it("imports good rows with new households on confirmation, as one write", async () => {
    const before = {
      residents: await total("/api/v1/people/residents?pageSize=1"),
      households: await total("/api/v1/people/households?pageSize=1"),
    };
    const job = await checked(t, s.communityStaff, "residents", await family());
    expect(job).toMatchObject({
      status: "checked",
      rowsTotal: 4,
      rowsChecked: 4,
      errorCount: 0,
      canConfirm: true,
    });
    expect(await total("/api/v1/people/residents?pageSize=1")).toBe(before.residents);

    const done = await confirmed(t, s.communityStaff, job.id);
    expect(done).toMatchObject({
      status: "done",
      rowsWritten: 4,
      summary: { created: 4, updated: 0, unchanged: 0 },
    });
    expect(await total("/api/v1/people/residents?pageSize=1")).toBe(before.residents + 4);
    expect(await total("/api/v1/people/households?pageSize=1")).toBe(before.households + 2);

    const found = (await t.as("communityStaff").get(`/api/v1/people/residents?q=${ID.spouse}`)).json().items;
    expect(found).toEqual([
      expect.objectContaining({
        name: "刘芳",
        relation: "spouse",
        residenceType: "resident",
        phone: "139****2222",
        address: expect.stringContaining("新建楼2单元1101室"),
      }),
    ]);
    const head = (await t.as("communityStaff").get(`/api/v1/people/residents?q=${ID.head}`)).json().items[0];
    expect(head).toMatchObject({ name: "张建国", phone: "139****1111", householdId: found[0].householdId });
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = {
      residents: await total("/api/v1/people/residents?pageSize=1"),
      households: await total("/api/v1/people/households?pageSize=1"),
      nodes: await total(`/api/v1/territory/nodes?q=${encodeURIComponent("新建楼")}`),
    };
    const job = await checked(t, s.communityStaff, "residents", await family());
    const done = await confirmed(t, s.communityStaff, job.id);
    expect(done.summary).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect({
      residents: await total("/api/v1/people/residents?pageSize=1"),
      households: await total("/api/v1/people/households?pageSize=1"),
      nodes: await total(`/api/v1/territory/nodes?q=${encodeURIComponent("新建楼")}`),
    }).toEqual(before);
  });

  it("updates a registered resident whose row says something new", async () => {
    const bytes = await workbook([
      ["姓名", "身份证号", "手机号", "人口类型", "所属网格", "楼栋", "单元", "门牌号"],
      ["陈明", ID.lodger, "13900003333", "常住人口", second.code, "1", "1", "9901"],
    ]);
    const done = await confirmed(
      t,
      s.communityStaff,
      (await checked(t, s.communityStaff, "residents", bytes)).id,
    );
    expect(done.summary).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [r] = (await t.as("communityStaff").get(`/api/v1/people/residents?q=${ID.lodger}`)).json().items;
    expect(r).toMatchObject({ residenceType: "resident", phone: "139****3333" });
  });

  it("shows a job to its uploader and the staff above him, not to another community's staff", async () => {
    const bytes = await workbook([
      ["姓名", "身份证号", "所属网格", "楼栋", "门牌号"],
      ["范例", idNumber("36073119990909009"), mine.code, "3", "1"],
    ]);
    const res = await uploadImport(t, s.communityStaff, "residents", bytes);
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    await settle(t, s.communityStaff, id);
    expect((await t.as("streetStaff").get(`/api/v1/imports/${id}`)).statusCode).toBe(200);
    expect((await t.as("districtAdmin").get(`/api/v1/imports/${id}`)).statusCode).toBe(200);
    expect((await t.as(otherCommunityStaff).get(`/api/v1/imports/${id}`)).statusCode).toBe(404);
    expect((await t.as(otherCommunityStaff).get(`/api/v1/imports/${id}/report.xlsx`)).statusCode).toBe(404);
    const theirs = (await t.as(otherCommunityStaff).get("/api/v1/imports")).json();
    expect(theirs.items.map((j: { id: string }) => j.id)).not.toContain(id);
    const ours = (await t.as("communityStaff").get("/api/v1/imports?mine=true")).json();
    expect(ours.items.map((j: { id: string }) => j.id)).toContain(id);
    // Only the uploader confirms.
    const other = await t.as("streetStaff").post(`/api/v1/imports/${id}/confirm`);
    expect(other.statusCode).toBe(403);
  });

  it("refuses residents and a sheet without the needed columns", async () => {
    const bytes = await workbook([
      ["姓名", "手机号"],
      ["某人", "13900000000"],
    ]);
    expect((await uploadImport(t, s.resident, "residents", bytes)).statusCode).toBe(403);
    const res = await uploadImport(t, s.communityStaff, "residents", bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("HEADER_NOT_FOUND");
    const partial = await workbook([
      ["姓名", "手机号", "所属网格"],
      ["某人", "13900000000", mine.code],
    ]);
    const missing = await uploadImport(t, s.communityStaff, "residents", partial);
    expect(missing.json().error).toMatchObject({
      code: "MISSING_COLUMNS",
      details: { missing: ["身份证号"] },
    });
  });
});
