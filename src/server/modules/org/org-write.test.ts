import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithSessions, type TestApp } from "../../testing/harness.ts";
import { checked, confirmed, workbook } from "../../testing/imports.ts";
import { partyOrgs } from "./tables.ts";

let t: TestApp;
type Org = { id: string; name: string; kind: string; nodeId: string; parentId: string | null };
/** The community staff's own community committee, and another community's. */
let mine: Org;
let other: Org;

beforeAll(async () => {
  ({ t } = await startWithSessions({ queue: true }));
  mine = (await t.as("communityStaff").get("/api/v1/org/orgs?kind=communityCommittee")).json().items[0];
  other = (await t.as("districtAdmin").get("/api/v1/org/orgs?kind=communityCommittee&pageSize=200"))
    .json()
    .items.find((o: Org) => o.id !== mine.id);
}, 180_000);
afterAll(() => t?.close());

const pathOf = async (id: string) =>
  (await t.database.db.select({ path: partyOrgs.path }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0]?.path;

async function newOrg(
  body: Record<string, unknown>,
  who: "districtAdmin" | "communityStaff" = "districtAdmin",
) {
  const res = await t.as(who).post("/api/v1/org/orgs", { kind: "gridBranch", nodeId: mine.nodeId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Org;
}

/** A valid 统一社会信用代码 from its first 17 characters (GB 32100-2015 check character). */
function uscc(first17: string) {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, c, i) => s + chars.indexOf(c) * (weights[i] ?? 0), 0);
  return first17 + chars[(31 - (sum % 31)) % 31];
}

describe("organisation kinds", () => {
  it("start with the built-in kinds, 行业党委 and 临时党支部", async () => {
    const kinds = (await t.as("communityStaff").get("/api/v1/org/kinds")).json().items;
    const names = kinds.map((k: { name: string }) => k.name);
    expect(names).toEqual(expect.arrayContaining(["街道党工委", "社区党委", "行业党委", "临时党支部"]));
  });

  it("are added by the district, show up in the list and are used by new organisations", async () => {
    const res = await t.as("districtAdmin").post("/api/v1/org/kinds", { name: "新就业群体党委" });
    expect(res.statusCode, res.body).toBe(201);
    const kind = res.json();
    const kinds = (await t.as("communityStaff").get("/api/v1/org/kinds")).json().items;
    expect(kinds.find((k: { code: string }) => k.code === kind.code)).toMatchObject({
      name: "新就业群体党委",
      active: true,
    });
    const org = await newOrg({ parentId: mine.id, kind: kind.code, name: "红旗社区快递小哥党支部" });
    expect(org.kind).toBe(kind.code);
    const listed = (await t.as("communityStaff").get(`/api/v1/org/orgs?kind=${kind.code}`)).json().items;
    expect(listed.map((o: Org) => o.name)).toEqual(["红旗社区快递小哥党支部"]);
    // A deactivated kind is kept by its organisations but offered to no new one.
    const off = await t.as("districtAdmin").patch(`/api/v1/org/kinds/${kind.code}`, { active: false });
    expect(off.json().active).toBe(false);
    const refused = await t
      .as("districtAdmin")
      .post("/api/v1/org/orgs", { kind: kind.code, name: "又一个", nodeId: mine.nodeId });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("ORG_KIND_UNKNOWN");
  });

  it("are edited by the district only", async () => {
    const res = await t.as("communityStaff").post("/api/v1/org/kinds", { name: "社区自设类型" });
    expect(res.statusCode).toBe(403);
    expect((await t.as("streetStaff").patch("/api/v1/org/kinds/gridBranch", { name: "x" })).statusCode).toBe(
      403,
    );
  });
});

describe("editing the tree", () => {
  it("moves an organisation with its whole subtree and rewrites every descendant's path", async () => {
    const a = await newOrg({ parentId: mine.id, name: "临时党支部甲" });
    const b = await newOrg({ parentId: a.id, name: "党小组乙" });
    const c = await newOrg({ parentId: b.id, name: "党小组丙" });
    const res = await t.as("districtAdmin").post(`/api/v1/org/orgs/${a.id}/move`, { parentId: other.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parentId).toBe(other.id);
    const otherPath = await pathOf(other.id);
    expect(await pathOf(a.id)).toBe(`${otherPath}${a.id}/`);
    expect(await pathOf(b.id)).toBe(`${otherPath}${a.id}/${b.id}/`);
    expect(await pathOf(c.id)).toBe(`${otherPath}${a.id}/${b.id}/${c.id}/`);
    const under = (
      await t.as("districtAdmin").get(`/api/v1/org/orgs?parentId=${other.id}&pageSize=200`)
    ).json();
    expect(under.items.map((o: Org) => o.name)).toContain("临时党支部甲");
    // Nothing is left behind under the old parent's path.
    const left = await t.database.db
      .select({ id: partyOrgs.id })
      .from(partyOrgs)
      .where(like(partyOrgs.path, `${await pathOf(mine.id)}${a.id}/%`));
    expect(left).toEqual([]);
  });

  it("refuses to move an organisation under itself or its own descendant", async () => {
    const a = await newOrg({ parentId: mine.id, name: "临时党支部丁" });
    const child = await newOrg({ parentId: a.id, name: "党小组戊" });
    for (const parentId of [child.id, a.id]) {
      const res = await t.as("districtAdmin").post(`/api/v1/org/orgs/${a.id}/move`, { parentId });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe("ORG_MOVE_INTO_OWN_SUBTREE");
    }
    expect(await pathOf(child.id)).toBe(`${await pathOf(mine.id)}${a.id}/${child.id}/`);
  });

  it("renames, and closes only an empty organisation, leaving the record in the audit log", async () => {
    const a = await newOrg({ parentId: mine.id, name: "临时党支部己" }, "communityStaff");
    const b = await newOrg({ parentId: a.id, name: "党小组庚" }, "communityStaff");
    const renamed = await t
      .as("communityStaff")
      .patch(`/api/v1/org/orgs/${a.id}`, { name: "防汛临时党支部" });
    expect(renamed.json().name).toBe("防汛临时党支部");
    const busy = await t.as("communityStaff").delete(`/api/v1/org/orgs/${a.id}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({ code: "ORG_NOT_EMPTY", details: { children: 1 } });
    expect(busy.json().error.message).toContain("1 个下级组织");
    // A committee with party members is refused too.
    const members = await t.as("communityStaff").delete(`/api/v1/org/orgs/${mine.id}`);
    expect(members.statusCode).toBe(409);
    expect((await t.as("communityStaff").delete(`/api/v1/org/orgs/${b.id}`)).statusCode).toBe(204);
    expect((await t.as("communityStaff").delete(`/api/v1/org/orgs/${a.id}`)).statusCode).toBe(204);
    expect((await t.as("communityStaff").get(`/api/v1/org/orgs/${a.id}`)).statusCode).toBe(404);
    const audit = (await t.as("districtAdmin").get(`/api/v1/audit?entityId=${a.id}`)).json().items;
    expect(audit.map((r: { action: string }) => r.action).sort()).toEqual([
      "org.close",
      "org.create",
      "org.update",
    ]);
  });

  it("keeps a community worker to his own community's organisations", async () => {
    const patch = await t.as("communityStaff").patch(`/api/v1/org/orgs/${other.id}`, { name: "改名" });
    expect(patch.statusCode).toBe(404);
    const create = await t
      .as("communityStaff")
      .post("/api/v1/org/orgs", { kind: "gridBranch", name: "越界支部", nodeId: other.nodeId });
    expect(create.statusCode).toBe(404);
    const move = await t
      .as("communityStaff")
      .post(`/api/v1/org/orgs/${mine.id}/move`, { parentId: other.id });
    expect(move.statusCode).toBe(404);
    expect(
      (
        await t
          .as("gridWorker")
          .post("/api/v1/org/orgs", { kind: "gridBranch", name: "x", nodeId: mine.nodeId })
      ).statusCode,
    ).toBe(403);
    expect((await t.as("districtAdmin").get(`/api/v1/org/orgs/${other.id}`)).json().name).toBe(other.name);
  });
});

describe("units and the 大党委", () => {
  it("refuses a bad 统一社会信用代码 and a second unit with the same one", async () => {
    const body = { kind: "unit", name: "县档案馆", nodeId: mine.nodeId };
    const bad = await t
      .as("communityStaff")
      .post("/api/v1/org/units", { ...body, uscc: "12360731MB1234567X" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("INVALID_USCC");
    const missing = await t.as("communityStaff").post("/api/v1/org/units", body);
    expect(missing.json().error.code).toBe("USCC_REQUIRED");
    const code = uscc("12360731MB0000011");
    const ok = await t.as("communityStaff").post("/api/v1/org/units", { ...body, uscc: code.toLowerCase() });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().uscc).toBe(code);
    const again = await t
      .as("communityStaff")
      .post("/api/v1/org/units", { ...body, name: "另一家", uscc: code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("DUPLICATE_USCC");
    const edited = await t
      .as("communityStaff")
      .patch(`/api/v1/org/units/${ok.json().id}`, { contactName: "周敏" });
    expect(edited.json()).toMatchObject({ contactName: "周敏", uscc: code });
  });

  it("adds, edits and removes a part-time member of a 大党委", async () => {
    const unit = (
      await t.as("communityStaff").get("/api/v1/org/units?kind=propertyCompany&pageSize=1")
    ).json().items[0];
    const add = await t.as("communityStaff").post(`/api/v1/org/orgs/${mine.id}/part-time-members`, {
      unitId: unit.id,
      name: "钱立新",
      phone: "13912340077",
      position: "兼职委员",
    });
    expect(add.statusCode, add.body).toBe(201);
    const id = add.json().id;
    await t.as("communityStaff").patch(`/api/v1/org/part-time-members/${id}`, { position: "兼职副书记" });
    const detail = (await t.as("communityStaff").get(`/api/v1/org/orgs/${mine.id}`)).json();
    expect(detail.partTimeMembers.find((m: { id: string }) => m.id === id)).toMatchObject({
      name: "钱立新",
      position: "兼职副书记",
      unitName: unit.name,
    });
    const foreign = await t.as("communityStaff").post(`/api/v1/org/orgs/${other.id}/part-time-members`, {
      unitId: unit.id,
      name: "越界",
      position: "兼职委员",
    });
    expect(foreign.statusCode).toBe(404);
    expect((await t.as("communityStaff").delete(`/api/v1/org/part-time-members/${id}`)).statusCode).toBe(204);
    const after = (await t.as("communityStaff").get(`/api/v1/org/orgs/${mine.id}`)).json();
    expect(after.partTimeMembers.some((m: { id: string }) => m.id === id)).toBe(false);
  });

  it("imports units from a sheet, refusing the file while a code is wrong", async () => {
    const community = (await t.as("communityStaff").get(`/api/v1/territory/nodes/${mine.nodeId}`)).json();
    const header = ["单位名称", "单位类型", "统一社会信用代码", "所在区域", "联系人", "联系电话"];
    const good = ["县供电公司", "驻区单位", uscc("91360731MA0000022"), community.name, "吴刚", "13912340088"];
    const rejected = await checked(
      t,
      "communityStaff",
      "units",
      await workbook([header, good, ["县水务公司", "驻区单位", "91360731MA00000229", community.name]]),
    );
    expect(rejected.status).toBe("rejected");
    expect(rejected.problems[0]).toMatchObject({ row: 3, column: "统一社会信用代码" });
    const job = await checked(
      t,
      "communityStaff",
      "units",
      await workbook([header, good, ["锦绣花园业主委员会", "业委会", "", community.name]]),
    );
    expect(job.status, JSON.stringify(job.problems)).toBe("checked");
    const done = await confirmed(t, "communityStaff", job.id);
    expect(done.summary).toMatchObject({ created: 2 });
    const found = (await t.as("communityStaff").get("/api/v1/org/units?q=县供电公司")).json().items;
    expect(found).toHaveLength(1);
  });
});
