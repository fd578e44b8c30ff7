import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ownGridCentre,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
});
afterAll(() => t.close());

const submit = (who: RoleName, body: Record<string, unknown>) =>
  t.as(who).post("/api/v1/cases", {
    categoryCode: "sanitation",
    description: "楼下垃圾堆放三天无人清理",
    ...body,
  });
const act = (who: RoleName, id: string, body: Record<string, unknown>) =>
  t.as(who).post(`/api/v1/cases/${id}/transitions`, body);

describe("intake and the short path", () => {
  it("takes a resident's request into his grid with a human code, and the grid solves it", async () => {
    const res = await submit("resident", { location: point });
    expect(res.statusCode).toBe(201);
    const { id, code, status } = res.json();
    expect(code).toMatch(/^XG-\d{8}-\d{4}$/);
    expect(status).toBe("new");

    const byCode = await t.as("gridWorker").get(`/api/v1/cases/${code}`);
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json()).toMatchObject({
      id,
      gridCode: "XG-LJ-001",
      allowedActions: expect.arrayContaining(["receive"]),
    });
    expect((await t.as("resident").get(`/api/v1/cases/${id}`)).json().allowedActions).toEqual(["withdraw"]);

    expect((await act("gridWorker", id, { action: "receive" })).json().status).toBe("gridHandling");
    const illegal = await act("gridWorker", id, { action: "claim" });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.details.status).toBe("gridHandling");
    expect((await act("resident", id, { action: "resolve", note: "自己解决" })).statusCode).toBe(403);
    expect((await act("gridWorker", id, { action: "resolve", note: "已联系保洁清运" })).json().status).toBe(
      "resolved",
    );
    expect((await act("resident", id, { action: "rate", score: 5, comment: "很及时" })).json().status).toBe(
      "closed",
    );

    const detail = (await t.as("resident").get(`/api/v1/cases/${code}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      "submit",
      "receive",
      "resolve",
      "rate",
    ]);
    expect(detail.rating).toBe(5);
    const mine = (await t.as("resident").get("/api/v1/cases/mine")).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it("reopens a case rated 2 or less and flags it for review", async () => {
    const { id } = (
      await submit("resident", { location: point, categoryCode: "dispute", description: "楼上深夜噪音" })
    ).json();
    await act("gridWorker", id, { action: "receive" });
    await act("gridWorker", id, { action: "resolve", note: "已调解" });
    const rated = await act("resident", id, { action: "rate", score: 1, comment: "没有解决" });
    expect(rated.json().status).toBe("communityDispatch");
    expect((await t.as("communityStaff").get(`/api/v1/cases/${id}`)).json()).toMatchObject({
      needsReview: true,
      rating: 1,
    });
  });
});

describe("bad input", () => {
  it("answers each with a clear error and writes nothing", async () => {
    const before = (await t.as("districtAdmin").get("/api/v1/cases?pageSize=1")).json().total;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{}, 422, "LOCATION_REQUIRED"],
      [{ location: { lat: 39.9, lng: 116.4 } }, 422, "OUTSIDE_DISTRICT"],
      [{ location: point, categoryCode: "nosuch" }, 422, "UNKNOWN_CATEGORY"],
      [{ location: point, photos: ["a".repeat(64)] }, 422, "UNKNOWN_FILE"],
    ];
    for (const [body, status, code] of cases) {
      const res = await submit("resident", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect((await t.as("districtAdmin").get("/api/v1/cases?pageSize=1")).json().total).toBe(before);
  });

  it("keeps cases out of sight of other residents and outside the scope", async () => {
    const { id } = (await submit("resident", { location: point })).json();
    expect((await t.as("merchant").get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await t.as("departmentStaff").get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
  });
});

describe("up the levels, whistle and departments", () => {
  it("goes grid → community → street → department and back to the resident", async () => {
    const { id } = (await submit("resident", { location: point, description: "小区门口路面塌陷" })).json();
    await act("gridWorker", id, { action: "escalate", note: "需社区协调" });
    expect((await act("communityStaff", id, { action: "escalate", note: "需街道协调" })).json().status).toBe(
      "streetReview",
    );
    const departments = (await t.as("streetStaff").get("/api/v1/cases/departments")).json();
    const urban = departments.find((d: { code: string }) => d.code === "urban");
    expect((await act("streetStaff", id, { action: "assign", departmentId: urban.id })).json().status).toBe(
      "departmentClaim",
    );
    expect((await t.as("departmentStaff").get(`/api/v1/cases/${id}`)).json().allowedActions).toEqual(
      expect.arrayContaining(["claim", "return"]),
    );
    await act("departmentStaff", id, { action: "claim" });
    expect((await act("departmentStaff", id, { action: "resolve", note: "已修复" })).json().status).toBe(
      "resolved",
    );
  });

  it("whistles two departments, each reports back and is rated; figures per department", async () => {
    const { id } = (await submit("resident", { location: point, description: "沿街商铺油烟扰民" })).json();
    await act("gridWorker", id, { action: "escalate", note: "网格无法处理" });
    const departments = (await t.as("communityStaff").get("/api/v1/cases/departments")).json();
    const ids = departments
      .filter((d: { code: string }) => ["urban", "environment"].includes(d.code))
      .map((d: { id: string }) => d.id);
    const deadline = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const missing = await act("communityStaff", id, { action: "whistle", note: "请报到" });
    expect(missing.statusCode).toBe(422);
    expect(
      (
        await act("communityStaff", id, {
          action: "whistle",
          note: "请两部门报到",
          departmentIds: ids,
          deadline,
        })
      ).json().status,
    ).toBe("whistled");
    const inbox = (await t.as("departmentStaff").get("/api/v1/whistles?status=pending")).json();
    const mine = inbox.items.find((w: { caseId: string }) => w.caseId === id);
    expect(mine.departmentName).toBe("区城市管理局");
    // The whole inbox is a to-do list: what waits for the department comes before the demo's rated ones.
    const all = (await t.as("departmentStaff").get("/api/v1/whistles?pageSize=100")).json();
    const awaiting = (w: { status: string }) => ["pending", "accepted"].includes(w.status);
    // Awaiting the department (pending or accepted) first, whatever the demo's clock cut left open.
    const firstDone = all.items.findIndex((w: { status: string }) => !awaiting(w));
    expect(all.items.slice(firstDone === -1 ? all.items.length : firstDone).some(awaiting)).toBe(false);
    expect(all.items.map((w: { id: string }) => w.id)).toContain(mine.id);
    expect(
      (await t.as("departmentStaff").post(`/api/v1/whistles/${mine.id}/report`, { note: "x" })).statusCode,
    ).toBe(409);
    expect((await t.as("departmentStaff").post(`/api/v1/whistles/${mine.id}/accept`, {})).json().status).toBe(
      "accepted",
    );
    expect(
      (
        await t.as("departmentStaff").post(`/api/v1/whistles/${mine.id}/report`, { note: "已约谈商户整改" })
      ).json().status,
    ).toBe("reported");
    expect(
      (await t.as("departmentStaff").post(`/api/v1/whistles/${mine.id}/rate`, { score: 5 })).statusCode,
    ).toBe(403);
    expect(
      (await t.as("communityStaff").post(`/api/v1/whistles/${mine.id}/rate`, { score: 4 })).json().status,
    ).toBe("rated");
    const figures = (await t.as("communityStaff").get("/api/v1/whistles/figures")).json().items;
    expect(figures.find((f: { code: string }) => f.code === "urban")).toMatchObject({
      total: 1,
      reported: 1,
      onTime: 1,
      meanScore: 4,
    });
    // The environment bureau has not reported: the case waits for it, or for its whistle's withdrawal.
    const waiting = await act("communityStaff", id, { action: "resolve", note: "部门已整改" });
    expect(waiting.statusCode).toBe(422);
    expect(waiting.json().error.code).toBe("WHISTLES_OPEN");
    const other = (await t.as("communityStaff").get(`/api/v1/cases/${id}`)).json();
    const open = other.whistles.find((w: { status: string }) => w.status === "pending");
    await t.as("communityStaff").post(`/api/v1/whistles/${open.id}/withdraw`, { note: "城管已一并整改" });
    expect((await act("communityStaff", id, { action: "resolve", note: "部门已整改" })).json().status).toBe(
      "resolved",
    );
  });
});

describe("duplicates", () => {
  it("proposes the earlier case nearby, and a merged case follows its master", async () => {
    const first = (
      await submit("resident", { location: point, categoryCode: "safety", description: "消防通道被车辆堵塞" })
    ).json();
    const second = (
      await submit("gridWorker", {
        channel: "patrol",
        location: { lat: point.lat + 0.0001, lng: point.lng },
        categoryCode: "safety",
        description: "消防通道堵塞",
      })
    ).json();
    expect(second.suggestedMasterId).toBe(first.id);
    expect((await act("gridWorker", second.id, { action: "merge", masterId: first.id })).json().status).toBe(
      "merged",
    );
    await act("gridWorker", first.id, { action: "receive" });
    await act("gridWorker", first.id, { action: "resolve", note: "已挪车" });
    const merged = (await t.as("gridWorker").get(`/api/v1/cases/${second.id}`)).json();
    expect(merged.master).toMatchObject({ id: first.id, status: "resolved" });
    expect(merged.events.at(-1).action).toBe("follow");
  });
});

describe("walk-in at the service hall", () => {
  it("is entered by staff for a visitor, masked in lists, revealed for a callback with a logged purpose", async () => {
    const res = await submit("communityStaff", {
      channel: "walkIn",
      location: point,
      reporterName: "周桂兰",
      reporterPhone: "13912345678",
      description: "咨询高龄补贴申请",
      categoryCode: "consultation",
    });
    expect(res.statusCode).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe("communityDispatch");
    const shown = (await t.as("communityStaff").get(`/api/v1/cases/${id}`)).json();
    expect(shown).toMatchObject({ channel: "walkIn", reporterName: "周**", reporterPhone: "139****5678" });
    const reveal = await t.as("communityStaff").post(`/api/v1/cases/${id}/reveal-reporter`, {
      purpose: "电话回访",
    });
    expect(reveal.json()).toEqual({ name: "周桂兰", phone: "13912345678" });
    // The reveal is in the audit log, with its purpose.
    const audit = await t
      .as("districtAdmin")
      .get(`/api/v1/audit?action=cases.reporter.reveal&entityId=${id}`);
    expect(audit.json().items).toEqual([
      expect.objectContaining({ actorId: s.communityStaff?.user.id, after: { purpose: "电话回访" } }),
    ]);
    expect(
      (await t.as("resident").post(`/api/v1/cases/${id}/reveal-reporter`, { purpose: "看看" })).statusCode,
    ).toBe(404);
    const missingPhone = await submit("communityStaff", {
      channel: "walkIn",
      location: point,
      reporterName: "周桂兰",
    });
    expect(missingPhone.json().error.code).toBe("INVALID_PHONE");
    expect((await submit("resident", { channel: "walkIn", location: point })).statusCode).toBe(403);
  });
});
