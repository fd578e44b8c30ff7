import type { FeatureCollection, Polygon } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centroidOf } from "../../platform/geo/index.ts";
import { type RoleName, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

const gridId = () => s.gridWorker?.user.roles[0]?.nodeId as string;
const geojson = async (who: RoleName, query = "") => {
  const res = await t.as(who).get(`/api/v1/territory/grids?format=geojson${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toContain("application/geo+json");
  return res.json() as FeatureCollection<Polygon>;
};

describe("locate", () => {
  it("finds the grid, community and street of a point with their codes", async () => {
    const grid = (await t.as("gridWorker").get(`/api/v1/territory/nodes/${gridId()}`)).json();
    expect(grid.unitCode).toMatch(/^\d{15}$/);
    const [lng, lat] = centroidOf(grid.geometry);
    const res = await t.as("resident").get(`/api/v1/territory/locate?lat=${lat}&lng=${lng}`);
    expect(res.statusCode).toBe(200);
    const where = res.json();
    expect(where.grid).toMatchObject({ id: grid.id, code: grid.code, unitCode: grid.unitCode });
    expect(where.community.name).toBe("红旗社区");
    expect(grid.unitCode.startsWith(where.community.code)).toBe(true);
    expect(where.street.code).toMatch(/^\d{9}$/);
  });

  it("says clearly when a point is outside the district or malformed", async () => {
    const outside = await t.as("resident").get("/api/v1/territory/locate?lat=39.9&lng=116.4");
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("OUTSIDE_DISTRICT");
    expect((await t.as("resident").get("/api/v1/territory/locate?lat=abc&lng=116")).statusCode).toBe(400);
    expect((await t.as("resident").get("/api/v1/territory/locate?lat=95&lng=116")).statusCode).toBe(400);
  });
});

describe("grids as GeoJSON", () => {
  it("gives each role the grids of its scope", async () => {
    const mine = await geojson("gridWorker");
    expect(mine.features).toHaveLength(1);
    expect(mine.features[0]?.properties).toMatchObject({
      id: gridId(),
      community: "红旗社区",
      type: expect.any(String),
    });
    const community = await geojson("communityStaff");
    expect(community.features.length).toBeGreaterThanOrEqual(4);
    expect(community.features.every((f) => f.properties?.community === "红旗社区")).toBe(true);
    const district = await geojson("districtAdmin");
    expect(district.features.length).toBeGreaterThan(50);
    expect(new Set(district.features.map((f) => f.properties?.code)).size).toBe(district.features.length);
    // A resident pins a place on the map of his own community; he reads no node list.
    const around = await geojson("resident");
    expect(around.features.map((f) => f.properties?.code).sort()).toEqual(
      community.features.map((f) => f.properties?.code).sort(),
    );
    expect((await t.as("resident").get("/api/v1/territory/grids")).json().total).toBe(0);
  });
});

describe("grid polygons", () => {
  const put = (geometry: object | undefined, id = gridId()) =>
    t.as("communityStaff").put(`/api/v1/territory/nodes/${id}/geometry`, geometry);
  const problem = (res: {
    json(): { error: { code: string; details: { problems: Array<{ rule: string; at?: unknown }> } } };
  }) => res.json().error.details.problems[0];

  it("rejects a self-intersecting polygon, saying where", async () => {
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [115.3, 26.3],
          [115.31, 26.31],
          [115.31, 26.3],
          [115.3, 26.31],
          [115.3, 26.3],
        ],
      ],
    };
    const res = await put(bowTie);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("INVALID_GEOMETRY");
    expect(problem(res)).toMatchObject({ rule: "self_intersection", at: expect.any(Array) });
  });

  it("rejects a polygon outside its community and one covering a neighbour grid", async () => {
    const far = {
      type: "Polygon",
      coordinates: [
        [
          [116.0, 27.0],
          [116.01, 27.0],
          [116.01, 27.01],
          [116.0, 27.01],
          [116.0, 27.0],
        ],
      ],
    };
    expect(problem(await put(far))?.rule).toBe("outside_parent");
    const community = await geojson("communityStaff");
    const neighbour = community.features.find((f) => f.properties?.id !== gridId());
    const res = await put(neighbour?.geometry);
    expect(problem(res)).toMatchObject({ rule: "overlap" });
    expect(JSON.stringify(problem(res)?.at)).toContain(String(neighbour?.properties?.code));
  });

  it("accepts the grid's own polygon again and locate still finds it", async () => {
    const grid = (await t.as("communityStaff").get(`/api/v1/territory/nodes/${gridId()}`)).json();
    expect((await put(grid.geometry)).statusCode).toBe(200);
    const [lng, lat] = centroidOf(grid.geometry);
    expect(
      (await t.as("resident").get(`/api/v1/territory/locate?lat=${lat}&lng=${lng}`)).json().grid.id,
    ).toBe(gridId());
  });
});
