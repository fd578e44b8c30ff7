import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
});
afterAll(() => t.close());

const HOUR = 60;
const category = {
  code: "greenBelt",
  name: "绿化养护",
  nameEn: "Green belts",
  description: "树木倒伏、草坪破坏",
  defaultLevel: "grid",
  responseMinutes: 2 * HOUR,
  resolveMinutes: 2 * 24 * HOUR,
  remindMinutes: 30,
  duplicateMeters: 80,
  duplicateHours: 24,
  questions: [
    {
      code: "size",
      label: "倒伏树木大小",
      labelEn: "Size of the fallen tree",
      datatype: "singlevaluelist",
      required: true,
      values: [
        { key: "small", name: "小树" },
        { key: "big", name: "大树" },
      ],
    },
  ],
};
const minutesBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 60_000);

describe("case categories edited from the settings page", () => {
  it("adds a category whose deadlines and questions a new case follows, and Open311 lists it", async () => {
    const created = await t.as("districtAdmin").post("/api/v1/cases/categories", category);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: "greenBelt", active: true, departmentCode: null });

    const listed = (await t.as("resident").get("/api/v1/cases/categories")).json();
    expect(listed.map((c: { code: string }) => c.code)).toContain("greenBelt");
    const services = (await t.as(undefined).get("/open311/v2/services.json")).json();
    expect(services.map((c: { service_code: string }) => c.service_code)).toContain("greenBelt");

    const filed = await t.as("resident").post("/api/v1/cases", {
      categoryCode: "greenBelt",
      description: "小区门口大树倒了",
      location: point,
    });
    expect(filed.statusCode).toBe(201);
    const detail = (await t.as("gridWorker").get(`/api/v1/cases/${filed.json().code}`)).json();
    expect(minutesBetween(detail.createdAt, detail.responseDueAt)).toBe(2 * HOUR);
    expect(minutesBetween(detail.createdAt, detail.resolveDueAt)).toBe(2 * 24 * HOUR);
  });

  it("changes a category's deadlines: the next case gets the new ones at once", async () => {
    const res = await t
      .as("districtAdmin")
      .patch("/api/v1/cases/categories/greenBelt", { responseMinutes: 45, resolveMinutes: 6 * HOUR });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ responseMinutes: 45, resolveMinutes: 6 * HOUR, name: "绿化养护" });
    const filed = await t.as("resident").post("/api/v1/cases", {
      categoryCode: "greenBelt",
      description: "绿化带被挖坏了",
      location: { lat: point.lat + 0.0005, lng: point.lng },
    });
    expect(filed.statusCode).toBe(201);
    const detail = (await t.as("gridWorker").get(`/api/v1/cases/${filed.json().code}`)).json();
    expect(minutesBetween(detail.createdAt, detail.responseDueAt)).toBe(45);
    expect(minutesBetween(detail.createdAt, detail.resolveDueAt)).toBe(6 * HOUR);

    const audit = (
      await t.as("districtAdmin").get("/api/v1/audit?entity=caseCategory&entityId=greenBelt")
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(["cases.category.create", "cases.category.update"]),
    );
  });

  it("refuses routing to no department, reminders longer than the deadline and broken questions", async () => {
    const edit = (body: Record<string, unknown>) =>
      t.as("districtAdmin").patch("/api/v1/cases/categories/greenBelt", body);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ defaultLevel: "department", departmentCode: null }, "CATEGORY_DEPARTMENT_REQUIRED"],
      [{ defaultLevel: "department", departmentCode: "noSuchDepartment" }, "UNKNOWN_DEPARTMENT"],
      [{ remindMinutes: 6 * HOUR }, "CATEGORY_REMIND_TOO_LONG"],
      [{ responseMinutes: 7 * HOUR }, "CATEGORY_RESPONSE_TOO_LONG"],
      [
        { questions: [{ ...category.questions[0], values: [{ key: "one", name: "唯一" }] }] },
        "CATEGORY_QUESTION_INVALID",
      ],
    ];
    for (const [body, code] of cases) {
      const res = await edit(body);
      expect(res.statusCode, code).toBe(422);
      expect(res.json().error.code).toBe(code);
    }
    const zh = await edit({ defaultLevel: "department" });
    expect(zh.json().error.message).toBe("由职能部门办理的分类须选择部门");
    // Nothing of the refused changes was kept.
    const all = (await t.as("districtAdmin").get("/api/v1/cases/categories/all")).json();
    expect(all.find((c: { code: string }) => c.code === "greenBelt")).toMatchObject({
      defaultLevel: "grid",
      remindMinutes: 30,
    });
    // Only the district configures.
    expect(
      (await t.as("streetStaff").patch("/api/v1/cases/categories/greenBelt", { name: "x" })).statusCode,
    ).toBe(403);
    const again = await t.as("districtAdmin").post("/api/v1/cases/categories", category);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CATEGORY_EXISTS");
  });

  it("routes a category to a new department, and a deactivated category takes no new cases", async () => {
    const department = await t
      .as("districtAdmin")
      .post("/api/v1/cases/departments", { code: "gardens", name: "园林绿化局", nameEn: "Gardens bureau" });
    expect(department.statusCode).toBe(201);
    const renamed = await t
      .as("districtAdmin")
      .patch(`/api/v1/cases/departments/${department.json().id}`, { name: "区园林绿化局" });
    expect(renamed.json()).toMatchObject({ code: "gardens", name: "区园林绿化局" });
    const names = (await t.as("communityStaff").get("/api/v1/cases/departments")).json();
    expect(names.map((d: { name: string }) => d.name)).toContain("区园林绿化局");

    const routed = await t
      .as("districtAdmin")
      .patch("/api/v1/cases/categories/greenBelt", { defaultLevel: "department", departmentCode: "gardens" });
    expect(routed.statusCode).toBe(200);
    const filed = await t.as("resident").post("/api/v1/cases", {
      categoryCode: "greenBelt",
      description: "行道树需要修剪",
      location: { lat: point.lat, lng: point.lng + 0.0005 },
    });
    expect(filed.json().status).toBe("departmentClaim");

    const off = await t.as("districtAdmin").patch("/api/v1/cases/categories/greenBelt", { active: false });
    expect(off.json().active).toBe(false);
    const refused = await t.as("resident").post("/api/v1/cases", {
      categoryCode: "greenBelt",
      description: "又一棵树倒了",
      location: point,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("UNKNOWN_CATEGORY");
    const listed = (await t.as("resident").get("/api/v1/cases/categories")).json();
    expect(listed.map((c: { code: string }) => c.code)).not.toContain("greenBelt");
    // Its older cases keep its name.
    const older = (await t.as("districtAdmin").get(`/api/v1/cases?categoryCode=greenBelt`)).json();
    expect(older.items[0].categoryName).toBe("绿化养护");

    const device = await t
      .as("districtAdmin")
      .patch("/api/v1/cases/categories/elderlyHelp", { active: false });
    expect(device.json().error.code).toBe("CATEGORY_NEEDED_BY_DEVICES");
  });
});
