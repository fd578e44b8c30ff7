import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RoleName, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

const nodeOf = (who: RoleName) => s[who]?.user.roles[0]?.nodeId as string;

async function roots(who: RoleName): Promise<string[]> {
  const res = await t.as(who).get("/api/v1/territory/nodes");
  expect(res.statusCode).toBe(200);
  return res.json().items.map((n: { name: string }) => n.name);
}

describe("territory scope", () => {
  it("starts each staff member at the root of his own subtree", async () => {
    expect(await roots("districtAdmin")).toEqual(["兴安区"]);
    expect(await roots("streetStaff")).toEqual(["潋江街道"]);
    expect(await roots("communityStaff")).toEqual(["红旗社区"]);
    expect(await roots("gridWorker")).toEqual(["红旗社区第1网格"]);
  });

  it("lists children sorted by pinyin, within scope only", async () => {
    const district = nodeOf("districtAdmin");
    const res = await t.as("districtAdmin").get(`/api/v1/territory/nodes?parentId=${district}`);
    // 长冈 changgang < 潋江 lianjiang < 文昌 wenchang
    expect(res.json().items.map((n: { name: string }) => n.name)).toEqual([
      "长冈街道",
      "潋江街道",
      "文昌街道",
    ]);
    expect(res.json().total).toBe(3);
    // The district itself lies outside a street's scope: not found, as by its id.
    expect((await t.as("streetStaff").get(`/api/v1/territory/nodes?parentId=${district}`)).statusCode).toBe(
      404,
    );
  });

  it("answers 404 for a node outside the caller's subtree, and the node itself inside it", async () => {
    const district = await t
      .as("districtAdmin")
      .get(`/api/v1/territory/nodes?parentId=${nodeOf("districtAdmin")}`);
    const otherStreet = district.json().items.find((n: { name: string }) => n.name === "文昌街道").id;
    const out = await t.as("streetStaff").get(`/api/v1/territory/nodes/${otherStreet}`);
    expect(out.statusCode).toBe(404);
    expect(out.json().error.code).toBe("NOT_FOUND");
    expect(
      (await t.as("gridWorker").get(`/api/v1/territory/nodes/${nodeOf("communityStaff")}`)).statusCode,
    ).toBe(404);
    const own = await t.as("gridWorker").get(`/api/v1/territory/nodes/${nodeOf("gridWorker")}`);
    expect(own.json()).toMatchObject({
      name: "红旗社区第1网格",
      level: "grid",
      code: "XG-LJ-001",
      unitCode: "360799001001001",
    });
  });

  it("answers 404 for a list filtered by a node outside the scope, in every format, instead of ignoring it", async () => {
    const district = await t
      .as("districtAdmin")
      .get(`/api/v1/territory/nodes?parentId=${nodeOf("districtAdmin")}`);
    const otherStreet = district.json().items.find((n: { name: string }) => n.name === "文昌街道").id;
    for (const format of ["json", "xlsx", "geojson"]) {
      const grids = await t
        .as("streetStaff")
        .get(`/api/v1/territory/grids?underId=${otherStreet}&format=${format}`);
      expect(grids.statusCode).toBe(404);
      expect(grids.json().error.code).toBe("NOT_FOUND");
    }
    expect(
      (await t.as("streetStaff").get(`/api/v1/territory/nodes?parentId=${otherStreet}`)).statusCode,
    ).toBe(404);
    // Within the scope the filter narrows: the first community's grids only, on the list and the map.
    const community = nodeOf("communityStaff");
    const own = (
      await t.as("streetStaff").get(`/api/v1/territory/grids?underId=${community}&pageSize=200`)
    ).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((g: { path: string }) => g.path.includes(community))).toBe(true);
    // A resident's map is his community's: another street is not found there either.
    const map = await t.as("resident").get(`/api/v1/territory/grids?underId=${community}&format=geojson`);
    expect(map.json().features.length).toBe(own.total);
    const away = await t.as("resident").get(`/api/v1/territory/grids?underId=${otherStreet}&format=geojson`);
    expect(away.statusCode).toBe(404);
  });

  it("refuses territory reads to residents and merchants (403)", async () => {
    expect((await t.as("resident").get("/api/v1/territory/nodes")).statusCode).toBe(403);
    expect((await t.as("merchant").get(`/api/v1/territory/nodes/${nodeOf("merchant")}`)).statusCode).toBe(
      403,
    );
  });
});

describe("territory writes", () => {
  const create = (who: RoleName, body: object) => t.as(who).post("/api/v1/territory/nodes", body);

  it("lets street staff add a community in his street, audited with the new state", async () => {
    const res = await create("streetStaff", {
      parentId: nodeOf("streetStaff"),
      level: "community",
      code: "360799001099",
      name: "和平社区",
    });
    expect(res.statusCode).toBe(201);
    const node = res.json();
    const audit = await t.as("districtAdmin").get(`/api/v1/audit?entity=territory_node&entityId=${node.id}`);
    expect(audit.json().items).toEqual([
      expect.objectContaining({
        action: "territory.create",
        actorName: "李晓燕",
        after: expect.objectContaining({ name: "和平社区" }),
      }),
    ]);
  });

  it("hides parents outside the scope (404) and refuses grid workers (403)", async () => {
    const district = nodeOf("districtAdmin");
    expect(
      (
        await create("streetStaff", {
          parentId: district,
          level: "street",
          code: "360799099",
          name: "新街道",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await create("gridWorker", {
          parentId: nodeOf("gridWorker"),
          level: "building",
          code: "B-1",
          name: "1栋",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("keeps the tree's shape and codes unique", async () => {
    const wrong = await create("communityStaff", {
      parentId: nodeOf("communityStaff"),
      level: "street",
      code: "X-1",
      name: "错层",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("LEVEL_NOT_ALLOWED");
    const dup = await create("communityStaff", {
      parentId: nodeOf("communityStaff"),
      level: "grid",
      code: "XG-LJ-001",
      name: "重复",
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "CODE_TAKEN", details: { code: "XG-LJ-001" } });
  });

  it("renames with before and after in the audit log", async () => {
    const id = nodeOf("gridWorker");
    const res = await t.as("communityStaff").patch(`/api/v1/territory/nodes/${id}`, { name: "红旗一网格" });
    expect(res.json().name).toBe("红旗一网格");
    const audit = await t.as("districtAdmin").get(`/api/v1/audit?action=territory.update&entityId=${id}`);
    expect(audit.json().items[0]).toMatchObject({
      before: { name: "红旗社区第1网格" },
      after: { name: "红旗一网格" },
    });
  });
});
