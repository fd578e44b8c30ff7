import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let community: { id: string; name: string };
beforeAll(async () => {
  ({ t } = await startWithSessions());
  [community] = (
    await t.as("communityStaff").get("/api/v1/territory/nodes?level=community&pageSize=1")
  ).json().items;
});
afterAll(() => t.close());

describe("grid types as data", () => {
  it("starts with the four built-in types in words", async () => {
    const types = (await t.as("gridWorker").get("/api/v1/territory/grid-types")).json();
    expect(types.map((g: { code: string; name: string }) => [g.code, g.name])).toEqual([
      ["area", "片区网格"],
      ["compound", "小区网格"],
      ["courtyard", "楼院网格"],
      ["unit", "单位网格"],
    ]);
  });

  it("a type the district adds is accepted by the grid form, and by nobody once deactivated", async () => {
    const forbidden = await t
      .as("communityStaff")
      .post("/api/v1/territory/grid-types", { code: "market", name: "商圈网格", nameEn: "Market grid" });
    expect(forbidden.statusCode).toBe(403);
    const added = await t
      .as("districtAdmin")
      .post("/api/v1/territory/grid-types", { code: "market", name: "商圈网格", nameEn: "Market grid" });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ code: "market", active: true, sortOrder: 4 });

    const grid = await t.as("communityStaff").post("/api/v1/territory/nodes", {
      parentId: community.id,
      level: "grid",
      code: "TEST-MARKET-1",
      name: "步行街商圈网格",
      gridType: "market",
    });
    expect(grid.statusCode).toBe(201);
    expect(grid.json()).toMatchObject({ gridType: "market" });

    const unknown = await t.as("communityStaff").post("/api/v1/territory/nodes", {
      parentId: community.id,
      level: "grid",
      code: "TEST-MARKET-2",
      name: "另一个网格",
      gridType: "harbour",
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe("UNKNOWN_GRID_TYPE");

    const renamed = await t
      .as("districtAdmin")
      .patch("/api/v1/territory/grid-types/market", { name: "商业街区网格" });
    expect(renamed.json()).toMatchObject({ name: "商业街区网格" });
    const off = await t.as("districtAdmin").patch("/api/v1/territory/grid-types/market", { active: false });
    expect(off.json().active).toBe(false);
    const listed = (await t.as("gridWorker").get("/api/v1/territory/grid-types")).json();
    expect(listed.map((g: { code: string }) => g.code)).not.toContain("market");
    const all = (await t.as("districtAdmin").get("/api/v1/territory/grid-types?all=true")).json();
    expect(all.find((g: { code: string }) => g.code === "market")).toMatchObject({ active: false });

    const retyped = await t
      .as("communityStaff")
      .patch(`/api/v1/territory/nodes/${grid.json().id}`, { gridType: "market" });
    expect(retyped.statusCode).toBe(200);
    const back = await t
      .as("communityStaff")
      .patch(`/api/v1/territory/nodes/${grid.json().id}`, { gridType: "compound" });
    expect(back.json()).toMatchObject({ gridType: "compound", name: "步行街商圈网格" });
    const notGrid = await t.as("communityStaff").patch(`/api/v1/territory/nodes/${community.id}`, {
      gridType: "compound",
    });
    expect(notGrid.json().error.code).toBe("GRID_TYPE_NOT_FOR_LEVEL");

    const audit = (await t.as("districtAdmin").get("/api/v1/audit?entity=gridType&entityId=market")).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      "territory.gridType.create",
      "territory.gridType.deactivate",
      "territory.gridType.update",
    ]);
  });
});
