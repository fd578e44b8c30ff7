import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrder, ORDER } from "../../testing/factories.ts";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

describe("order categories (服务类别) edited from the settings page", () => {
  it("adds, edits and removes a kind of service; one in use stays", async () => {
    const added = await t.as("districtAdmin").post("/api/v1/orders/categories", {
      code: "tutoring",
      name: "课业辅导",
      nameEn: "Tutoring",
      onSiteMinutes: 60,
      skill: "教育",
    });
    expect(added.statusCode).toBe(201);
    const listed = (await t.as("partyMember").get("/api/v1/orders/categories")).json();
    expect(listed.find((c: { code: string }) => c.code === "tutoring")).toMatchObject({
      name: "课业辅导",
      onSiteMinutes: 60,
      skill: "教育",
    });

    const badSkill = await t
      .as("districtAdmin")
      .patch("/api/v1/orders/categories/tutoring", { skill: "飞行" });
    expect(badSkill.statusCode).toBe(422);
    expect(badSkill.json().error.code).toBe("UNKNOWN_SKILL");
    const edited = await t
      .as("districtAdmin")
      .patch("/api/v1/orders/categories/tutoring", { name: "四点半课堂", onSiteMinutes: 45 });
    expect(edited.json()).toMatchObject({ name: "四点半课堂", onSiteMinutes: 45 });
    expect(
      (await t.as("gridWorker").patch("/api/v1/orders/categories/tutoring", { name: "x" })).statusCode,
    ).toBe(403);

    const nodeId = s.communityStaff?.user.roles[0]?.nodeId;
    await createOrder(t.as("communityStaff"), { ...ORDER, categoryCode: "tutoring", nodeId });
    const inUse = await t.as("districtAdmin").delete("/api/v1/orders/categories/tutoring");
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe("ORDER_CATEGORY_IN_USE");

    await t.as("districtAdmin").post("/api/v1/orders/categories", {
      code: "mistake",
      name: "误建类别",
      nameEn: "",
      onSiteMinutes: 30,
    });
    expect((await t.as("districtAdmin").delete("/api/v1/orders/categories/mistake")).statusCode).toBe(204);
    const after = (await t.as("partyMember").get("/api/v1/orders/categories")).json();
    expect(after.map((c: { code: string }) => c.code)).not.toContain("mistake");
  });
});
