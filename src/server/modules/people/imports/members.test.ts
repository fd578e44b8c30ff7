import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { checked, confirmed, idNumber, workbook } from "../../../testing/imports.ts";

let t: TestApp;
let s: Record<string, Session>;
/** A grid of the community staff's community, and one of another community. */
let mine: { code: string; name: string; id: string };
let foreign: { code: string; id: string };

const total = async (url: string) => (await t.as("districtAdmin").get(url)).json().total as number;

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions({ queue: true }));
  const grids = (await t.as("communityStaff").get("/api/v1/territory/nodes?level=grid&pageSize=50")).json()
    .items;
  [mine] = grids;
  const all = (await t.as("districtAdmin").get("/api/v1/territory/nodes?level=grid&pageSize=200")).json()
    .items;
  foreign = all.find((g: { id: string }) => !grids.some((m: { id: string }) => m.id === g.id));
}, 180_000);
afterAll(() => t?.close());

describe("party members import", () => {
  let known: { id: string; idNumber: string; name: string };
  let org: string;
  let unit: string;
  beforeAll(async () => {
    const staff = s.communityStaff as Session;
    const [someone] = (await t.as(staff).get(`/api/v1/people/residents?underId=${mine.id}&pageSize=1`)).json()
      .items;
    const revealed = await t.as(staff).post(`/api/v1/people/residents/${someone.id}/reveal`, {
      purpose: "导入党员测试",
    });
    known = { id: someone.id, name: someone.name, idNumber: revealed.json().idNumber };
    org = (await t.as(staff).get("/api/v1/org/orgs?pageSize=1")).json().items[0].name;
    unit = (await t.as(staff).get("/api/v1/org/units?pageSize=1")).json().items[0].name;
  });

  const newcomer = idNumber("36073119561111011");
  const sheet = (rows: unknown[][]) =>
    workbook([
      ["党员名册"],
      ["入党日期", "身份证号码", "姓名", "党员类别", "所属党组织", "工作单位", "所属网格", "楼栋", "门牌号"],
      ...rows,
    ]);
  const good = () => [
    // An Excel date serial: 38534 is 2005-07-01.
    [38534, known.idNumber, "", "在职", org, unit, "", "", ""],
    ["2023年1月5日", newcomer, "周老党", "退休", org, "", mine.code, "9", "901"],
  ];

  it("reports unknown residents, organisations and unreadable dates, and writes nothing", async () => {
    const before = await total("/api/v1/people/party-members?pageSize=1");
    const job = await checked(
      t,
      s.communityStaff,
      "partyMembers",
      await sheet([
        ...good(),
        ["2020-01-01", idNumber("36073119650101012"), "", "居民", org, "", "", "", ""],
        [
          "2020-01-01",
          idNumber("36073119650101013"),
          "王某",
          "居民",
          "不存在的支部",
          "",
          mine.code,
          "9",
          "902",
        ],
        ["2023-13-45", idNumber("36073119650101014"), "李某", "居民", org, "", mine.code, "9", "903"],
        [
          "2020-01-01",
          known.idNumber.replace(/.$/, (c) => (c === "1" ? "2" : "1")),
          "",
          "党员",
          org,
          "",
          "",
          "",
          "",
        ],
      ]),
    );
    expect(job.status).toBe("rejected");
    const at = (row: number) => job.problems.filter((p) => p.row === row).map((p) => [p.column, p.reason]);
    expect(at(5)).toEqual([["身份证号码", expect.stringContaining("尚未登记为居民")]]);
    expect(at(6)).toEqual([["所属党组织", expect.stringContaining("找不到党组织“不存在的支部”")]]);
    expect(at(7)).toEqual([["入党日期", expect.stringContaining("无法识别的日期“2023-13-45”")]]);
    expect(at(8)).toEqual([["身份证号码", expect.stringContaining("校验码")]]);
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual([]);
    expect(await total("/api/v1/people/party-members?pageSize=1")).toBe(before);
  });

  it("imports members, registering the one not yet a resident, and leaves a re-import unchanged", async () => {
    const bytes = await sheet(good());
    const job = await checked(t, s.communityStaff, "partyMembers", bytes);
    expect(job.status).toBe("checked");
    const done = await confirmed(t, s.communityStaff, job.id);
    expect(done.summary).toMatchObject({ residentsCreated: 1 });
    expect((done.summary.created ?? 0) + (done.summary.updated ?? 0)).toBe(2);
    const [member] = (await t.as("communityStaff").get(`/api/v1/people/party-members?q=${newcomer}`)).json()
      .items;
    expect(member).toMatchObject({ name: "周老党", category: "retired", joinedOn: "2023-01-05" });
    const [old] = (
      await t.as("communityStaff").get(`/api/v1/people/party-members?q=${known.idNumber}`)
    ).json().items;
    expect(old).toMatchObject({ residentId: known.id, category: "inService", joinedOn: "2005-07-01" });
    expect(old.workUnitId).toBeTruthy();

    const again = await confirmed(
      t,
      s.communityStaff,
      (await checked(t, s.communityStaff, "partyMembers", bytes)).id,
    );
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, residentsCreated: 0 });
  });
});

describe("grid staff import", () => {
  let building: { compound: string; name: string };
  beforeAll(async () => {
    const staff = s.communityStaff as Session;
    const children = (await t.as(staff).get(`/api/v1/territory/nodes?parentId=${mine.id}&pageSize=50`)).json()
      .items;
    const compound = children.find((c: { level: string }) => c.level === "compound");
    const inside = (
      await t.as(staff).get(`/api/v1/territory/nodes?parentId=${compound.id}&pageSize=50`)
    ).json().items;
    const b = inside.find((c: { level: string }) => c.level === "building");
    building = { compound: compound.name, name: b.name };
  });

  const rows = (duties = "负责巡查") => [
    ["网格力量花名册"],
    ["姓名", "手机号", "职务", "所属网格", "小区", "楼栋", "A/B岗", "专兼职", "兼职类型", "职责"],
    ["赵巡格", "13600000001", "网格员", mine.code, "", "", "B岗", "专职", "", duties],
    ["钱快递", "13600000002", "兼职网格员", mine.code, "", "", "", "", "快递员", ""],
    ["孙楼长", "13600000003", "楼栋长", mine.code, building.compound, building.name, "", "", "", ""],
  ];

  it("reports bad roles, phones, duties and places", async () => {
    const job = await checked(
      t,
      s.communityStaff,
      "staff",
      await workbook([
        ...rows(),
        ["李某", "1360000", "网格员", mine.code, "", "", "", "", "", ""],
        ["周某", "13600000005", "网格大王", mine.code, "", "", "", "", "", ""],
        ["吴某", "13600000006", "楼栋长", mine.code, building.compound, "999栋", "", "", "", ""],
        ["郑某", "13600000007", "楼栋长", mine.code, building.compound, building.name, "A岗", "", "", ""],
        ["王某", "13600000008", "网格长", foreign.code, "", "", "", "", "", ""],
      ]),
    );
    expect(job.status).toBe("rejected");
    const at = (row: number) => job.problems.filter((p) => p.row === row).map((p) => [p.column, p.reason]);
    expect(at(6)).toEqual([["手机号", expect.stringContaining("手机号码无效")]]);
    expect(at(7)).toEqual([["职务", expect.stringContaining("网格大王")]]);
    expect(at(8)).toEqual([["楼栋", expect.stringContaining("找不到")]]);
    expect(at(9)).toEqual([["A/B岗", "只有网格员分 A/B 岗"]]);
    expect(at(10)).toEqual([["所属网格", `网格“${foreign.code}”不在您的管辖范围内`]]);
    expect(job.problems.filter((p) => p.row < 6)).toEqual([]);
  });

  it("imports staff, then updates by phone, role and place instead of adding", async () => {
    const before = await total("/api/v1/people/staff?pageSize=1");
    const done = await confirmed(
      t,
      s.communityStaff,
      (await checked(t, s.communityStaff, "staff", await workbook(rows()))).id,
    );
    expect(done.summary).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const [courier] = (await t.as("communityStaff").get("/api/v1/people/staff?q=钱快递")).json().items;
    expect(courier).toMatchObject({ role: "gridWorker", employment: "partTime", partTimeKind: "courier" });
    const [worker] = (await t.as("communityStaff").get("/api/v1/people/staff?q=赵巡格")).json().items;
    expect(worker).toMatchObject({ duty: "B", employment: "fullTime", duties: "负责巡查" });

    const again = await confirmed(
      t,
      s.communityStaff,
      (await checked(t, s.communityStaff, "staff", await workbook(rows("负责巡查和走访")))).id,
    );
    expect(again.summary).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(await total("/api/v1/people/staff?pageSize=1")).toBe(before + 3);
  });
});
