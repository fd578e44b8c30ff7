import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "../../testing/factories.ts";
import {
  ownGridCentre,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";
import { chinaDate, MINUTE_BUCKETS, naiveFigures, refreshCaseFigures } from "../cases/index.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  await refreshCaseFigures(t.database.db);
});
afterAll(() => t.close());

const overviewOf = async (who: RoleName, query = "") => {
  const res = await t.as(who).get(`/api/v1/dashboard/overview${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const DAY = 86_400_000;
const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * DAY));

/** The bucket (lower, upper] an exact number of minutes falls in. */
const bucketAround = (minutes: number) => {
  const upper = MINUTE_BUCKETS.find((b) => minutes < b) ?? Number.POSITIVE_INFINITY;
  const lower = [...MINUTE_BUCKETS].reverse().find((b) => b <= minutes) ?? 0;
  return { lower, upper };
};

describe("figures from the aggregates", () => {
  it("agree with a GROUP BY over the cases, for the district, a community and a grid, across part-months", async () => {
    // 100 days: whole months in the middle, part-months at both ends.
    const from = daysAgo(100);
    const to = daysAgo(0);
    const district = await overviewOf("districtAdmin", `?from=${from}&to=${to}`);
    const community = (
      await t.as("districtAdmin").get(`/api/v1/dashboard/areas?from=${from}&to=${to}`)
    ).json().items[0];
    const grid = (
      await t.as("districtAdmin").get(`/api/v1/dashboard/areas?node=${community.id}&from=${from}&to=${to}`)
    ).json().items[0];
    for (const node of [district.node, community, grid]) {
      const ours =
        node === district.node
          ? district
          : await overviewOf("districtAdmin", `?node=${node.id}&from=${from}&to=${to}`);
      const path = await pathOf(node.id);
      const naive = await naiveFigures(t.database.db, path, {
        from,
        to: chinaDate(new Date(Date.now() + DAY)),
      });
      expect(ours.cases.received).toBeGreaterThan(0);
      expect(ours.cases).toMatchObject({
        received: naive.totals?.cases,
        open: naive.totals?.open,
        rated: naive.totals?.rated,
        satisfied: naive.totals?.satisfied,
        late: naive.totals?.late,
      });
      expect(ours.whistles.total).toBe(naive.whistles);
      const asMap = (items: Array<{ key: string; n: number }>) =>
        Object.fromEntries(items.map((i) => [i.key, i.n]));
      expect(asMap(ours.cases.byStatus)).toEqual(naive.status);
      expect(asMap(ours.cases.byCategory)).toEqual(naive.category);
      expect(asMap(ours.cases.byChannel)).toEqual(naive.channel);
      // Medians come from histograms: each lies in the bucket of the median case (percentile_disc).
      const exact = Number(naive.totals?.resolution_median);
      const { lower, upper } = bucketAround(exact);
      expect(ours.cases.resolutionMinutes.median).toBeGreaterThanOrEqual(lower);
      expect(ours.cases.resolutionMinutes.median).toBeLessThanOrEqual(upper);
    }
  });

  it("follow a new case through its flow after each refresh, counting it once", async () => {
    const before = await overviewOf("communityStaff");
    const point = await ownGridCentre(t.app, s.gridWorker as Session);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: s.resident?.headers,
      payload: { categoryCode: "sanitation", description: "单元门口堆满装修垃圾", location: point },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    await refreshCaseFigures(t.database.db);
    const received = await overviewOf("communityStaff");
    expect(received.cases.received).toBe(before.cases.received + 1);
    expect(received.cases.open).toBe(before.cases.open + 1);
    expect(received.cases.byCategory.find((c: { key: string }) => c.key === "sanitation").n).toBe(
      before.cases.byCategory.find((c: { key: string }) => c.key === "sanitation").n + 1,
    );

    for (const [who, body] of [
      ["gridWorker", { action: "receive" }],
      ["gridWorker", { action: "resolve", note: "已清运" }],
      ["resident", { action: "rate", score: 5 }],
    ] as const) {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/cases/${id}/transitions`,
        headers: s[who]?.headers,
        payload: body,
      });
      expect(res.statusCode).toBe(200);
    }
    await refreshCaseFigures(t.database.db);
    await refreshCaseFigures(t.database.db);
    const rated = await overviewOf("communityStaff");
    expect(rated.cases.received).toBe(before.cases.received + 1);
    expect(rated.cases.open).toBe(before.cases.open);
    expect(rated.cases.rated).toBe(before.cases.rated + 1);
    expect(rated.cases.satisfied).toBe(before.cases.satisfied + 1);
  });
});

async function pathOf(nodeId: string): Promise<string> {
  const res = await t.as("districtAdmin").get(`/api/v1/territory/nodes/${nodeId}`);
  return res.json().path;
}

describe("scope, drill-down and bad input", () => {
  it("shows each role its own territory and nothing above it", async () => {
    const community = await overviewOf("communityStaff");
    expect(community.node.level).toBe("community");
    expect(community.trail).toEqual([]);
    const district = await overviewOf("districtAdmin");
    expect(district.node.level).toBe("district");
    expect(community.cases.received).toBeLessThan(district.cases.received);
    expect(
      (await t.as("communityStaff").get(`/api/v1/dashboard/overview?node=${district.node.id}`)).statusCode,
    ).toBe(404);
    expect((await overviewOf("gridWorker")).node.level).toBe("grid");
    expect((await t.as("resident").get("/api/v1/dashboard/overview")).statusCode).toBe(403);
    expect((await t.as("departmentStaff").get("/api/v1/dashboard/overview")).statusCode).toBe(403);

    // All of the demo's 120 days, and one whistle of the test's own: the small demo district gives a
    // department only a few, and some runs' figures held none of them.
    const filed = await createCase(t.as("resident"), {
      location: await ownGridCentre(t.app, s.gridWorker as Session),
    });
    const move = (who: RoleName, body: Record<string, unknown>) =>
      t.as(who).post(`/api/v1/cases/${filed.id}/transitions`, body);
    expect((await move("gridWorker", { action: "escalate", note: "网格无法处理" })).statusCode).toBe(200);
    const urban = (await t.as("communityStaff").get("/api/v1/cases/departments"))
      .json()
      .find((d: { code: string }) => d.code === "urban");
    const deadline = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const call = await move("communityStaff", {
      action: "whistle",
      note: "请报到",
      departmentIds: [urban.id],
      deadline,
    });
    expect(call.json().status).toBe("whistled");
    await refreshCaseFigures(t.database.db);
    const department = await t.as("departmentStaff").get(`/api/v1/dashboard/department?from=${daysAgo(125)}`);
    expect(department.statusCode).toBe(200);
    expect(department.json().departments).toHaveLength(1);
    expect(department.json().departments[0].whistles).toBeGreaterThan(0);
    expect((await t.as("communityStaff").get("/api/v1/dashboard/department")).statusCode).toBe(403);
  });

  it("drills from the district's communities to a community's grids, the figures adding up", async () => {
    const district = await overviewOf("districtAdmin");
    const areas = (await t.as("districtAdmin").get("/api/v1/dashboard/areas")).json();
    expect(areas.level).toBe("community");
    expect(areas.items).toHaveLength(14);
    expect(areas.items.every((a: { geometry: unknown }) => a.geometry !== null)).toBe(true);
    const sum = (items: Array<{ received: number }>) => items.reduce((a, i) => a + i.received, 0);
    expect(sum(areas.items)).toBe(district.cases.received);
    expect(areas.items.reduce((a: number, i: { overdue: number }) => a + i.overdue, 0)).toBe(
      district.now.overdue,
    );

    const busiest = [...areas.items].sort((a, b) => b.received - a.received)[0];
    const grids = (await t.as("districtAdmin").get(`/api/v1/dashboard/areas?node=${busiest.id}`)).json();
    expect(grids.level).toBe("grid");
    expect(grids.trail.map((n: { level: string }) => n.level)).toEqual(["district", "street"]);
    expect(sum(grids.items)).toBeLessThanOrEqual(busiest.received);

    const trend = (await t.as("districtAdmin").get("/api/v1/dashboard/trend")).json();
    expect(trend.interval).toBe("day");
    expect(trend.points).toHaveLength(30);
    expect(sum(trend.points)).toBe(district.cases.received);
    const yearly = (
      await t.as("districtAdmin").get(`/api/v1/dashboard/trend?from=${daysAgo(365)}&interval=month`)
    ).json();
    expect(yearly.points.length).toBeGreaterThanOrEqual(12);
  });

  it("lists the newest and the overdue cases live", async () => {
    const live = (await t.as("districtAdmin").get("/api/v1/dashboard/live?limit=5")).json();
    expect(live.latest).toHaveLength(5);
    const times = live.latest.map((c: { createdAt: string }) => c.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(live.overdue.length).toBeGreaterThan(0);
    expect(live.overdue.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
  });

  it("refuses a reversed or malformed period and an unknown node with clear errors", async () => {
    const reversed = await t
      .as("districtAdmin")
      .get("/api/v1/dashboard/overview?from=2026-11-30&to=2026-11-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe("INVALID_RANGE");
    expect((await t.as("districtAdmin").get("/api/v1/dashboard/overview?from=2026-13-01")).statusCode).toBe(
      400,
    );
    expect((await t.as("districtAdmin").get("/api/v1/dashboard/overview?from=1900-01-01")).statusCode).toBe(
      400,
    );
    const unknown = await t
      .as("districtAdmin")
      .get("/api/v1/dashboard/overview?node=00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
  });
});
