import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
let hongqi: { id: string; name: string };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  hongqi = (await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&q=红旗社区")).json()
    .items[0];
});
afterAll(() => t.close());

const importJson = (who: string, records: unknown[]) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/cases/import",
    payload: { records },
    headers: s[who]?.headers,
  });
const upload = (who: string, bytes: Buffer, filename: string, type: string) => {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), filename);
  return t.app.inject({
    method: "POST",
    url: "/api/v1/cases/import/file",
    payload: form,
    headers: s[who]?.headers,
  });
};
const caseTotal = async () =>
  (await t.as("districtAdmin").get("/api/v1/cases?pageSize=1")).json().total as number;

const order = (recordId: string, fields: Record<string, unknown> = {}) => ({
  recordId,
  calledAt: "2026-11-20 09:30",
  callerName: "王先生",
  callerPhone: "139 1234 5678",
  requestType: "投诉",
  category: "城市管理",
  content: "文化广场东侧流动摊贩占道经营，影响通行",
  address: "红旗社区文化广场东侧",
  handlingUnit: "潋江街道红旗社区居委会",
  deadline: "3个工作日",
  urgency: "一般",
  followUp: "是",
  ...fields,
});

describe("12345 work orders as JSON", () => {
  const batch = [
    order("GD202611200001"),
    order("GD202611200002", { category: "宠物美容" }),
    // A number that is neither a mobile nor a landline cannot be called back: the row is refused.
    order("GD202611200003", { callerPhone: "12345abc" }),
  ];

  it("creates a case per good record and reports each bad one on its row", async () => {
    const before = await caseTotal();
    const res = await importJson("communityStaff", batch);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 3, created: 1, unchanged: 0, errors: 2 });
    expect(report.rows[0]).toMatchObject({ row: 1, recordId: "GD202611200001", status: "created" });
    expect(report.rows[0].code).toMatch(/^XG-\d{8}-\d{4}$/);
    expect(report.rows[1]).toMatchObject({
      row: 2,
      status: "error",
      error: { code: "UNKNOWN_CATEGORY", field: "category" },
    });
    expect(report.rows[2]).toMatchObject({
      row: 3,
      status: "error",
      error: { code: "INVALID_PHONE", field: "callerPhone" },
    });
    expect(await caseTotal()).toBe(before + 1);

    const detail = (await t.as("communityStaff").get(`/api/v1/cases/${report.rows[0].code}`)).json();
    expect(detail).toMatchObject({
      channel: "hotline",
      categoryCode: "cityManagement",
      requestType: "complaint",
      urgency: "normal",
      community: { id: hongqi.id },
      reporterPhone: expect.stringContaining("****"),
      extra: {
        recordId: "GD202611200001",
        calledAt: "2026-11-20T01:30:00.000Z",
        handlingUnit: "潋江街道红旗社区居委会",
        followUp: true,
      },
    });
    expect(JSON.stringify(detail.extra)).not.toContain("13912345678");
  });

  it("answers a second import of the same orders with 'unchanged' and writes nothing", async () => {
    const before = await caseTotal();
    const first = (await importJson("districtAdmin", [batch[0]])).json();
    expect(first).toMatchObject({ total: 1, created: 0, unchanged: 1, errors: 0 });
    const again = (await importJson("communityStaff", batch)).json();
    expect(again.rows.map((r: { status: string }) => r.status)).toEqual(["unchanged", "error", "error"]);
    expect(again.rows[0].code).toBe(first.rows[0].code);
    expect(await caseTotal()).toBe(before);
  });

  it("routes an order whose address is a household's to that household's grid", async () => {
    const [household] = (await t.as("gridWorker").get("/api/v1/people/households?pageSize=1")).json().items;
    const address = household.address.replace(/^江西省赣州市/, "");
    const report = (
      await importJson("communityStaff", [order("GD202611200010", { address, handlingUnit: "" })])
    ).json();
    expect(report.rows[0].status).toBe("created");
    const detail = (await t.as("gridWorker").get(`/api/v1/cases/${report.rows[0].code}`)).json();
    expect(detail.grid.id).toBe(s.gridWorker?.user.roles[0]?.nodeId);
  });

  it("fails a row whose place is unknown or outside the caller's scope, and refuses residents", async () => {
    const report = (
      await importJson("communityStaff", [
        order("GD202611200020", { address: "火星基地", handlingUnit: "外星办" }),
      ])
    ).json();
    expect(report.rows[0].error).toMatchObject({ code: "UNKNOWN_PLACE", field: "address" });
    expect((await importJson("resident", [order("GD202611200021")])).statusCode).toBe(403);
  });
});

describe("12345 work orders as a spreadsheet", () => {
  it("reads an .xlsx with a title row above spaced and full-width headers and Excel dates", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("导出");
    sheet.addRow(["兴安区12345热线工单（2026年11月）"]);
    sheet.mergeCells("A1:H1");
    sheet.addRow([
      "工单　编号",
      " 来电 时间 ",
      "诉求人",
      "来电号码",
      "诉求类型",
      "诉求分类（必填）",
      "*诉求内容",
      "事发地址",
      "承办单位",
      "紧急程度",
    ]);
    sheet.addRow([
      "ＧＤ202611200030",
      new Date(Date.UTC(2026, 10, 21, 14, 5)),
      "李女士",
      13800138000,
      "求助",
      "城乡建设/市政设施/路灯",
      "红旗社区幸福路路灯不亮已一周",
      "红旗社区幸福路",
      "红旗社区",
      "紧急",
    ]);
    const res = await upload(
      "communityStaff",
      Buffer.from(await wb.xlsx.writeBuffer()),
      "工单.xlsx",
      "application/octet-stream",
    );
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 1, created: 1 });
    expect(report.rows[0]).toMatchObject({ row: 3, recordId: "GD202611200030", status: "created" });
    const detail = (await t.as("communityStaff").get(`/api/v1/cases/${report.rows[0].code}`)).json();
    expect(detail).toMatchObject({
      categoryCode: "facilities",
      requestType: "help",
      urgency: "urgent",
      extra: { calledAt: "2026-11-21T06:05:00.000Z" },
    });
  });

  it("reads a .csv with header synonyms, and leaves a replayed row unchanged", async () => {
    const csv = [
      "工单号,来电时间,姓名,电话,诉求类型,诉求分类,内容,地址,承办单位",
      'GD202611200040,2026/11/22 8:15,赵先生,0797-8123456,建议,物业,"小区电梯经常故障，建议物业加强维保",红旗社区,潋江街道红旗社区',
      "GD202611200001,2026/11/20 9:30,王先生,13912345678,投诉,城市管理,重复的工单,红旗社区,红旗社区",
    ].join("\r\n");
    const res = await upload("communityStaff", Buffer.from(`\uFEFF${csv}`), "orders.csv", "text/csv");
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, "created"],
      [3, "unchanged"],
    ]);
  });

  it("refuses a file that is not a spreadsheet with 415", async () => {
    const res = await upload("communityStaff", Buffer.from("这不是表格\n"), "notes.txt", "text/plain");
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("UNSUPPORTED_SPREADSHEET");
  });

  it("serves a template whose headers the import reads back", async () => {
    const res = await t.as("communityStaff").get("/api/v1/cases/import/template.xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet] = wb.worksheets;
    if (!sheet) throw new Error("the template has no sheet");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      expect.arrayContaining([
        "工单编号",
        "来电时间",
        "来电人",
        "联系电话",
        "诉求类型",
        "诉求分类",
        "诉求内容",
      ]),
    );
    expect(sheet.rowCount).toBe(2);
    // Its example row names no real place: read, then refused on its row.
    const report = (
      await upload("communityStaff", res.rawPayload, "template.xlsx", "application/octet-stream")
    ).json();
    expect(report.rows).toEqual([
      expect.objectContaining({
        row: 2,
        status: "error",
        error: expect.objectContaining({ code: "UNKNOWN_PLACE" }),
      }),
    ]);
  });
});
