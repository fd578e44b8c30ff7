import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

const node = (role: string) => s[role]?.user.roles[0]?.nodeId as string;
const ORIGIN = { origin: "http://localhost", host: "localhost" };

/** The grids of the community staff's community (territory nodes below it). */
async function gridsOfCommunity(): Promise<Array<{ id: string; name: string }>> {
  const res = await t
    .as("communityStaff")
    .get(`/api/v1/territory/nodes?parentId=${node("communityStaff")}&pageSize=50`);
  return (res.json() as { items: Array<{ id: string; name: string; level: string }> }).items.filter(
    (n) => n.level === "grid",
  );
}

describe("accounts administered from the pages", () => {
  it("a community opens a grid worker's account with a temporary password he must change first", async () => {
    const [grid] = await gridsOfCommunity();
    expect(grid).toBeDefined();
    const created = await t.as("communityStaff").post("/api/v1/accounts", {
      phone: "13912340001",
      name: "李网格",
      password: "Temp2026x",
      roles: [{ role: "gridWorker", nodeId: grid?.id }],
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };

    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { phone: "13912340001", password: "Temp2026x" },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const cookie = `sid=${login.cookies.find((c) => c.name === "sid")?.value}`;
    const him = { cookie, ...ORIGIN };
    // Nothing but changing it, seeing who he is, or signing out.
    expect((await t.as(him).get("/api/v1/cases?pageSize=1")).json().error.code).toBe(
      "PASSWORD_CHANGE_REQUIRED",
    );
    expect((await t.as(him).get("/api/v1/auth/me")).statusCode).toBe(200);
    const weak = await t.as(him).post("/api/v1/auth/password", { current: "Temp2026x", next: "12345678" });
    expect(weak.json().error.code).toBe("PASSWORD_TOO_WEAK");
    const changed = await t
      .as(him)
      .post("/api/v1/auth/password", { current: "Temp2026x", next: "Wangge2026" });
    expect(changed.statusCode).toBe(204);
    expect((await t.as(him).get("/api/v1/cases?pageSize=1")).statusCode).toBe(200);
    expect((await t.as(him).get("/api/v1/auth/me")).json().user.mustChangePassword).toBe(false);

    // The account shows in the community's list, phone masked, and the change is audited.
    const list = (await t.as("communityStaff").get("/api/v1/accounts?q=李网格")).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        id,
        name: "李网格",
        phone: "139****0001",
        active: true,
        mustChangePassword: false,
      }),
    ]);
    const audit = (await t.as("districtAdmin").get(`/api/v1/audit?entityId=${id}&pageSize=20`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(["accounts.create", "auth.password_change"]),
    );
  });

  it("refuses roles above the granter's node or with permissions he lacks", async () => {
    // A community cannot make a street official, nor an administrator, nor a grid worker elsewhere.
    const street = await t.as("communityStaff").post("/api/v1/accounts", {
      phone: "13912340002",
      name: "越权",
      roles: [{ role: "streetStaff", nodeId: node("streetStaff") }],
    });
    expect(street.statusCode).toBe(403);
    const admin = await t.as("communityStaff").post("/api/v1/accounts", {
      phone: "13912340002",
      name: "越权",
      roles: [{ role: "districtAdmin", nodeId: node("districtAdmin") }],
    });
    expect(admin.statusCode).toBe(403);
    // A grid worker cannot open accounts at all; a role at the wrong level is named.
    expect(
      (
        await t.as("gridWorker").post("/api/v1/accounts", {
          phone: "13912340002",
          name: "越权",
          roles: [{ role: "resident", nodeId: node("resident") }],
        })
      ).statusCode,
    ).toBe(403);
    const wrongLevel = await t.as("streetStaff").post("/api/v1/accounts", {
      phone: "13912340002",
      name: "层级",
      roles: [{ role: "gridWorker", nodeId: node("communityStaff") }],
    });
    expect(wrongLevel.statusCode).toBe(422);
    expect(wrongLevel.json().error.code).toBe("ROLE_LEVEL_MISMATCH");
    // The street makes a community worker in its community.
    const ok = await t.as("streetStaff").post("/api/v1/accounts", {
      phone: "13912340002",
      name: "王社区",
      roles: [{ role: "communityStaff", nodeId: node("communityStaff") }],
    });
    expect(ok.statusCode).toBe(201);
    const again = await t.as("streetStaff").post("/api/v1/accounts", {
      phone: "13912340002",
      name: "重复",
      roles: [{ role: "communityStaff", nodeId: node("communityStaff") }],
    });
    expect(again.statusCode).toBe(409);
    // A community worker cannot touch the district administrator's account (not in his scope).
    const adminId = s.districtAdmin?.user.id as string;
    expect(
      (await t.as("communityStaff").patch(`/api/v1/accounts/${adminId}`, { active: false })).statusCode,
    ).toBe(404);
  });

  it("deactivation ends the account's sessions and tokens at once; reactivation lets him in again", async () => {
    const created = await t.as("districtAdmin").post("/api/v1/accounts", {
      phone: "13912340003",
      name: "周部门",
      password: "Bumen2026a",
      roles: [{ role: "departmentStaff", nodeId: node("districtAdmin") }],
      departmentId: undefined,
    });
    expect(created.json().error.code).toBe("DEPARTMENT_REQUIRED");
    const departments = (await t.as("districtAdmin").get("/api/v1/cases/departments")).json();
    const dept = (departments.items ?? departments)[0];
    const made = await t.as("districtAdmin").post("/api/v1/accounts", {
      phone: "13912340003",
      name: "周部门",
      password: "Bumen2026a",
      roles: [{ role: "departmentStaff", nodeId: node("districtAdmin") }],
      departmentId: dept.id,
    });
    expect(made.statusCode).toBe(201);
    const { id } = made.json() as { id: string };
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { phone: "13912340003", password: "Bumen2026a" },
    });
    const him = { cookie: `sid=${login.cookies.find((c) => c.name === "sid")?.value}`, ...ORIGIN };
    await t.as(him).post("/api/v1/auth/password", { current: "Bumen2026a", next: "Bumen2027b" });
    const token = (await t.as(him).post("/api/v1/auth/tokens", { name: "脚本" })).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.as(bearer).get("/api/v1/whistles?pageSize=1")).statusCode).toBe(200);

    expect((await t.as("districtAdmin").patch(`/api/v1/accounts/${id}`, { active: false })).statusCode).toBe(
      204,
    );
    expect((await t.as(him).get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await t.as(bearer).get("/api/v1/whistles?pageSize=1")).statusCode).toBe(401);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { phone: "13912340003", password: "Bumen2027b" },
    });
    expect(refused.statusCode).toBe(401);
    // Nobody deactivates himself.
    const self = await t
      .as("districtAdmin")
      .patch(`/api/v1/accounts/${s.districtAdmin?.user.id}`, { active: false });
    expect(self.json().error.code).toBe("NOT_YOURSELF");

    expect((await t.as("districtAdmin").patch(`/api/v1/accounts/${id}`, { active: true })).statusCode).toBe(
      204,
    );
    const back = await loginAs(t.app, "13912340003", "Bumen2027b");
    expect(back.user.id).toBe(id);
    const audit = (await t.as("districtAdmin").get(`/api/v1/audit?entityId=${id}&pageSize=20`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(["accounts.deactivate", "accounts.reactivate"]),
    );
  });
});
