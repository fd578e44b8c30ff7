import ExcelJS from "exceljs";
import type { Polygon } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { checked, confirmed, uploadImport, workbook } from "../../testing/imports.ts";

let t: TestApp;
let s: Record<string, Session>;
interface Node {
  id: string;
  code: string;
  name: string;
  unitCode: string | null;
  gridType: string;
  geometry: Polygon;
}
let community: Node;
let other: Node;
let grids: Node[];

const node = async (id: string): Promise<Node> =>
  (await t.as("districtAdmin").get(`/api/v1/territory/nodes/${id}`)).json();

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions({ queue: true }));
  const staff = s.communityStaff as Session;
  community = await node(staff.user.roles[0]?.nodeId ?? "");
  const list = (
    await t.as(staff).get(`/api/v1/territory/nodes?parentId=${community.id}&level=grid&pageSize=50`)
  ).json().items;
  grids = await Promise.all(list.map((g: Node) => node(g.id)));
  const communities = (
    await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&pageSize=50")
  ).json().items;
  other = communities.find((c: Node) => c.id !== community.id);
}, 180_000);
afterAll(() => t?.close());

describe("grids import", () => {
  const fresh = () => ({ code: "XG-IMP-901", unitCode: `${community.code}901`, name: "导入新网格" });

  it("reports every bad row with its column and reason, and writes nothing", async () => {
    const [first] = grids as [Node];
    const job = await checked(
      t,
      s.communityStaff,
      "grids",
      await workbook(
        [
          ["网格台账（2026）"],
          ["所属社区", " 网格　名称 ", "网格编码", "网格类型", "单元网格码"],
          [community.name, fresh().name, fresh().code, "小区", fresh().unitCode],
          [community.code, "改个名字", first.code, "小区网格", ""],
          [community.name, "位数不对", "XG-IMP-902", "片区", "3607310010019"],
          [community.name, "前缀不对", "XG-IMP-903", "片区", "999999999999903"],
          ["火星社区", "无此社区", "XG-IMP-904", "片区", ""],
          [other.name, "外社区", "XG-IMP-905", "片区", ""],
          [community.name, "重复一", "XG-IMP-906", "楼院", ""],
          [community.name, "重复二", "XG-IMP-906", "楼院", ""],
          [community.name, "怪类型", "XG-IMP-907", "星型", ""],
          [community.name, "非法编码", "XG IMP 908", "单位", ""],
        ],
        (sheet) => sheet.mergeCells("A1:E1"),
      ),
    );
    expect(job).toMatchObject({ status: "rejected", rowsTotal: 10, rowsChecked: 10 });
    const at = (row: number) => job.problems.filter((p) => p.row === row).map((p) => [p.column, p.reason]);
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual([]);
    expect(at(5)).toEqual([["单元网格码", expect.stringContaining("15 位数字")]]);
    expect(at(6)).toEqual([["单元网格码", expect.stringContaining(`编码 ${community.code}`)]]);
    expect(at(7)).toEqual([["所属社区", "找不到社区“火星社区”"]]);
    expect(at(8)).toEqual([["所属社区", `社区“${other.name}”不在您的管辖范围内`]]);
    expect(at(9)).toEqual([["网格编码", "与第 10 行的网格编码重复"]]);
    expect(at(10)).toEqual([["网格编码", "与第 9 行的网格编码重复"]]);
    expect(at(11)).toEqual([["网格类型", expect.stringContaining("星型")]]);
    expect(at(12)).toEqual([["网格编码", expect.stringContaining("字母、数字")]]);
    expect((await t.as("districtAdmin").get(`/api/v1/territory/nodes?q=${fresh().code}`)).json().total).toBe(
      0,
    );
    expect((await node(first.id)).name).toBe(first.name);
  });

  it("adds new grids and updates known ones by code; the same file again changes nothing", async () => {
    const [first] = grids as [Node];
    const bytes = await workbook([
      ["网格编码", "单元网格码", "网格名称", "网格类型", "所属社区"],
      [fresh().code, fresh().unitCode, fresh().name, "小区型", community.name],
      [first.code, first.unitCode ?? "", "改过名的网格", "单位", community.code],
    ]);
    const done = await confirmed(
      t,
      s.communityStaff,
      (await checked(t, s.communityStaff, "grids", bytes)).id,
    );
    expect(done).toMatchObject({
      status: "done",
      rowsWritten: 2,
      summary: { created: 1, updated: 1, unchanged: 0 },
    });
    const [added] = (await t.as("communityStaff").get(`/api/v1/territory/nodes?q=${fresh().code}`)).json()
      .items;
    expect(added).toMatchObject({
      level: "grid",
      parentId: community.id,
      unitCode: fresh().unitCode,
      gridType: "compound",
    });
    expect(await node(first.id)).toMatchObject({ name: "改过名的网格", gridType: "unit" });

    const again = await confirmed(
      t,
      s.communityStaff,
      (await checked(t, s.communityStaff, "grids", bytes)).id,
    );
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it("serves a template the importer reads back, example row and all", async () => {
    const res = await t.as("communityStaff").get("/api/v1/imports/templates/grids.xlsx");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "*网格编码",
      "单元网格码",
      "*网格名称",
      "*网格类型",
      "*所属社区",
    ]);
    expect(sheet.getCell("D2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"片区网格,小区网格,楼院网格,单位网格"'],
    });
    // The untouched template: its example row is not data, so there is nothing to import.
    const job = await checked(t, s.communityStaff, "grids", res.rawPayload);
    expect(job).toMatchObject({ status: "rejected", rowsTotal: 0 });
    expect(job.problems[0]?.reason).toContain("没有可导入的数据行");
  });
});

/** A rectangle as a GeoJSON polygon. */
function rect(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}
const bounds = (p: Polygon) => {
  const xs = (p.coordinates[0] ?? []).map((c) => c[0] as number);
  const ys = (p.coordinates[0] ?? []).map((c) => c[1] as number);
  return { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
};
/** The grid's own rectangle shrunk (or grown) around its middle. */
function scaled(p: Polygon, factor: number): Polygon {
  const b = bounds(p);
  const [cx, cy, hw, hh] = [
    (b.west + b.east) / 2,
    (b.south + b.north) / 2,
    (b.east - b.west) / 2,
    (b.north - b.south) / 2,
  ];
  return rect(cx - hw * factor, cy - hh * factor, cx + hw * factor, cy + hh * factor);
}
const collection = (features: Array<{ code: string; geometry: unknown }>) =>
  Buffer.from(
    JSON.stringify({
      type: "FeatureCollection",
      features: features.map((f) => ({
        type: "Feature",
        properties: { code: f.code },
        geometry: f.geometry,
      })),
    }),
  );

describe("grid polygons import (GeoJSON)", () => {
  it("reports overlapping, self-intersecting and outside-community features with the rule broken", async () => {
    const [a, b, c, d] = grids as [Node, Node, Node, Node];
    const cb = bounds(community.geometry);
    const job = await checked(
      t,
      s.communityStaff,
      "gridPolygons",
      collection([
        { code: a.code, geometry: scaled(a.geometry, 0.9) },
        { code: b.code, geometry: scaled(b.geometry, 1.4) },
        { code: c.code, geometry: { type: "Polygon", coordinates: [bowtie(c.geometry)] } },
        { code: d.code, geometry: rect(cb.east + 0.01, cb.south, cb.east + 0.02, cb.south + 0.01) },
        { code: "XG-NO-SUCH", geometry: scaled(a.geometry, 0.5) },
      ]),
      "grids.geojson",
    );
    expect(job).toMatchObject({ status: "rejected", rowsTotal: 5, rowsChecked: 5, hasReport: true });
    const at = (row: number) => job.problems.filter((p) => p.row === row);
    // The grown neighbour (feature 2) is checked against feature 1's new polygon, and vice versa.
    expect(at(1)).toEqual([
      { row: 1, column: "边界", reason: expect.stringContaining(`与相邻区域 ${b.code} 重叠`) },
    ]);
    expect(
      at(2)
        .map((p) => p.reason)
        .join("\n"),
    ).toMatch(/与相邻网格重叠（overlap）：与相邻区域 \S+ 重叠约 \d+ 平方米/);
    expect(at(3)).toEqual([
      { row: 3, column: "边界", reason: expect.stringMatching(/^边界自相交（self_intersection）：.*\[/) },
    ]);
    expect(at(4).map((p) => p.reason)).toContainEqual(
      expect.stringMatching(/^超出所属社区（outside_parent）：/),
    );
    expect(at(5)).toEqual([{ row: 5, column: "编码", reason: "找不到网格“XG-NO-SUCH”" }]);
    expect((await node(a.id)).geometry).toEqual(a.geometry);

    const report = await t.as("communityStaff").get(`/api/v1/imports/${job.id}/report.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["序号", "位置", "错误说明"]);
    expect(sheet.rowCount).toBe(1 + job.errorCount);
  });

  it("sets good polygons on confirmation, checking neighbours against the file's own polygons", async () => {
    const [a, b] = grids as [Node, Node];
    const next = [
      { code: a.code, geometry: scaled(a.geometry, 0.9) },
      { code: b.code, geometry: scaled(b.geometry, 0.9) },
    ];
    const job = await checked(t, s.communityStaff, "gridPolygons", collection(next), "grids.json");
    expect(job.status).toBe("checked");
    const done = await confirmed(t, s.communityStaff, job.id);
    expect(done).toMatchObject({ status: "done", summary: { created: 0, updated: 2, unchanged: 0 } });
    expect((await node(a.id)).geometry).toEqual(next[0]?.geometry);
    const again = await confirmed(
      t,
      s.communityStaff,
      (await checked(t, s.communityStaff, "gridPolygons", collection(next), "grids.json")).id,
    );
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it("refuses a file that is not a FeatureCollection", async () => {
    const polygon = Buffer.from(JSON.stringify({ type: "Polygon", coordinates: [] }));
    const res = await uploadImport(t, "communityStaff", "gridPolygons", polygon, "x.geojson");
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("INVALID_GEOJSON");
  });
});

/** A bow tie inside the grid: its two diagonals cross, so the ring intersects itself. */
function bowtie(p: Polygon): number[][] {
  const b = bounds(p);
  const [w, s2, e, n] = [b.west, b.south, b.east, b.north].map((v, i) => v + (i < 2 ? 1 : -1) * 0.0001) as [
    number,
    number,
    number,
    number,
  ];
  return [
    [w, s2],
    [e, n],
    [e, s2],
    [w, n],
    [w, s2],
  ];
}
