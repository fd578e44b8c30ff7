import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithSessions, type TestApp } from "../../../testing/harness.ts";

let t: TestApp;
let home: { id: string; address: string };
beforeAll(async () => {
  ({ t } = await startWithSessions());
  [home] = (await t.as("gridWorker").get("/api/v1/people/households?pageSize=1")).json().items;
});
afterAll(() => t.close());

const call = (deviceId: string, secret: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/devices/${deviceId}/calls`,
    headers: { "x-device-secret": secret },
  });

describe("one-key call devices managed from the page", () => {
  it("registers, renames and retires a device; a retired one's calls are refused", async () => {
    const registered = await t
      .as("communityStaff")
      .post("/api/v1/devices", { deviceId: "YJT-MANAGE-01", householdId: home.id, label: "李爷爷家" });
    expect(registered.statusCode).toBe(201);
    const { secret } = registered.json();

    const list = (await t.as("gridWorker").get(`/api/v1/devices?householdId=${home.id}`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ deviceId: "YJT-MANAGE-01", label: "李爷爷家", address: home.address }),
    ]);

    const renamed = await t
      .as("gridWorker")
      .patch("/api/v1/devices/yjt-manage-01", { label: "李爷爷家（卧室）" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual({ deviceId: "YJT-MANAGE-01", label: "李爷爷家（卧室）" });
    expect((await call("YJT-MANAGE-01", secret)).statusCode).toBe(201);

    // Outside the scope: not found, as for a device that does not exist.
    expect((await t.as("merchant").delete("/api/v1/devices/YJT-MANAGE-01")).statusCode).toBe(403);
    const retired = await t.as("communityStaff").delete("/api/v1/devices/YJT-MANAGE-01");
    expect(retired.statusCode).toBe(204);
    expect((await call("YJT-MANAGE-01", secret)).statusCode).toBe(401);
    const after = (await t.as("gridWorker").get(`/api/v1/devices?householdId=${home.id}`)).json();
    expect(after.total).toBe(0);
    expect((await t.as("communityStaff").delete("/api/v1/devices/YJT-MANAGE-01")).statusCode).toBe(404);

    const audit = (
      await t.as("districtAdmin").get("/api/v1/audit?entity=device&entityId=YJT-MANAGE-01")
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      "devices.register",
      "devices.rename",
      "devices.retire",
    ]);
  });
});
