import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ownGridCentre,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";

/** 吹哨报到: the street whistles too; a case waits for every whistle, or its withdrawal, to resolve. */
let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
let urban: { id: string; name: string };
let environment: { id: string; name: string };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
  const departments = (await t.as("streetStaff").get("/api/v1/cases/departments")).json();
  urban = departments.find((d: { code: string }) => d.code === "urban");
  environment = departments.find((d: { code: string }) => d.code === "environment");
});
afterAll(() => t.close());

const submit = async (description: string) =>
  (
    await t.as("resident").post("/api/v1/cases", { categoryCode: "sanitation", description, location: point })
  ).json() as { id: string; code: string };
const act = (who: RoleName, id: string, body: Record<string, unknown>) =>
  t.as(who).post(`/api/v1/cases/${id}/transitions`, body);
const detail = async (who: RoleName, id: string) => (await t.as(who).get(`/api/v1/cases/${id}`)).json();
const deadline = () => new Date(Date.now() + 48 * 3_600_000).toISOString();
type Whistle = { id: string; department: { id: string }; status: string; allowedActions: string[] };
const whistleOf = async (who: RoleName, caseId: string, departmentId: string) =>
  ((await detail(who, caseId)).whistles as Whistle[]).find(
    (w) => w.department.id === departmentId,
  ) as Whistle;

describe("the street whistles", () => {
  it("summons departments from street review, and resolves once each reported or was withdrawn", async () => {
    const c = await submit("河道垃圾漂浮，多部门职责不清");
    await act("gridWorker", c.id, { action: "escalate", note: "网格无法处理" });
    await act("communityStaff", c.id, { action: "escalate", note: "需街道协调" });
    expect((await detail("streetStaff", c.id)).allowedActions).toContain("whistle");

    const whistled = await act("streetStaff", c.id, {
      action: "whistle",
      note: "请城管、环保两部门到场",
      departmentIds: [urban.id, environment.id],
      deadline: deadline(),
    });
    expect(whistled.json().status).toBe("whistled");
    const told = (await t.as("departmentStaff").get("/api/v1/notifications?pageSize=50")).json().items;
    expect(told.find((n: { entityId: string }) => n.entityId === c.id)?.title).toBe("街道吹哨");

    // Nobody has reported: resolving is refused, naming both departments.
    const early = await act("streetStaff", c.id, { action: "resolve", note: "已处理" });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe("WHISTLES_OPEN");
    expect(early.json().error.details.departments).toEqual(
      expect.arrayContaining([urban.name, environment.name]),
    );
    expect(early.json().error.message).toContain(urban.name);
    expect((await detail("communityStaff", c.id)).status).toBe("whistled");

    // 城管 reports back; the street rates it.
    const mine = await whistleOf("departmentStaff", c.id, urban.id);
    expect(mine.allowedActions).toEqual([]);
    await t.as("departmentStaff").post(`/api/v1/whistles/${mine.id}/accept`, {});
    await t.as("departmentStaff").post(`/api/v1/whistles/${mine.id}/report`, { note: "已清理河道" });
    expect(
      (await t.as("streetStaff").post(`/api/v1/whistles/${mine.id}/rate`, { score: 5 })).json().status,
    ).toBe("rated");

    const still = await act("streetStaff", c.id, { action: "resolve", note: "已处理" });
    expect(still.statusCode).toBe(422);
    expect(still.json().error.details.departments).toEqual([environment.name]);

    // 环保 never came: the street withdraws its whistle, on the timeline, and may resolve.
    const env = await whistleOf("streetStaff", c.id, environment.id);
    expect(env.allowedActions).toEqual(["withdraw"]);
    expect((await whistleOf("gridWorker", c.id, environment.id)).allowedActions).toEqual([]);
    const withdrawn = await t
      .as("streetStaff")
      .post(`/api/v1/whistles/${env.id}/withdraw`, { note: "已由城管一并处理" });
    expect(withdrawn.json()).toEqual({ id: env.id, status: "withdrawn" });
    const after = await detail("streetStaff", c.id);
    expect(after.events.at(-1)).toMatchObject({
      action: "whistle",
      note: "已由城管一并处理",
      data: { step: "withdraw", departmentId: environment.id },
    });
    expect(after.whistles.find((w: Whistle) => w.id === env.id)).toMatchObject({
      status: "withdrawn",
      overdue: false,
      allowedActions: [],
    });
    expect((await act("streetStaff", c.id, { action: "resolve", note: "河道已清理" })).json().status).toBe(
      "resolved",
    );
  });
});

describe("withdrawing a whistle (撤回吹哨)", () => {
  it("is the community's or the caller's; the department is told; only while not reported", async () => {
    const c = await submit("沿街摊点占道经营");
    await act("gridWorker", c.id, { action: "escalate", note: "需社区协调" });
    await act("communityStaff", c.id, {
      action: "whistle",
      note: "请城管报到",
      departmentIds: [urban.id],
      deadline: deadline(),
    });
    const w = await whistleOf("communityStaff", c.id, urban.id);
    expect(w.allowedActions).toEqual(["withdraw"]);

    // The department cannot call off its own summons; a grid worker does not see the whistle at all.
    expect((await t.as("departmentStaff").post(`/api/v1/whistles/${w.id}/withdraw`, {})).statusCode).toBe(
      403,
    );
    expect((await t.as("gridWorker").post(`/api/v1/whistles/${w.id}/withdraw`, {})).statusCode).toBe(404);

    expect((await t.as("communityStaff").post(`/api/v1/whistles/${w.id}/withdraw`, {})).statusCode).toBe(200);
    const again = await t.as("communityStaff").post(`/api/v1/whistles/${w.id}/withdraw`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.status).toBe("withdrawn");

    const told = (await t.as("departmentStaff").get("/api/v1/notifications?pageSize=50")).json().items;
    expect(
      told.find(
        (n: { kind: string; entityId: string }) => n.kind === "whistle.withdraw" && n.entityId === c.id,
      ),
    ).toMatchObject({ title: `吹哨已撤回：${c.code}`, link: `/admin/cases/${c.code}` });
    // Withdrawn, it no longer waits for a report.
    expect((await t.as("departmentStaff").post(`/api/v1/whistles/${w.id}/accept`, {})).statusCode).toBe(409);
    const audit = await t
      .as("districtAdmin")
      .get(`/api/v1/audit?action=cases.whistle.withdraw&entityId=${w.id}`);
    expect(audit.json().items).toHaveLength(1);
    expect(
      (await act("communityStaff", c.id, { action: "resolve", note: "社区协调解决" })).json().status,
    ).toBe("resolved");
  });

  it("cannot be done to a whistle already reported on", async () => {
    const c = await submit("公园健身器材损坏");
    await act("gridWorker", c.id, { action: "escalate", note: "需社区协调" });
    await act("communityStaff", c.id, {
      action: "whistle",
      note: "请城管报到",
      departmentIds: [urban.id],
      deadline: deadline(),
    });
    const w = await whistleOf("communityStaff", c.id, urban.id);
    await t.as("departmentStaff").post(`/api/v1/whistles/${w.id}/accept`, {});
    await t.as("departmentStaff").post(`/api/v1/whistles/${w.id}/report`, { note: "已更换" });
    expect((await whistleOf("communityStaff", c.id, urban.id)).allowedActions).toEqual([]);
    const late = await t.as("communityStaff").post(`/api/v1/whistles/${w.id}/withdraw`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.status).toBe("reported");
  });
});
