import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
/** A household in the grid worker's grid, and one in another community. */
let home: { id: string; address: string };
let elsewhere: { id: string };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  [home] = (await t.as("gridWorker").get("/api/v1/people/households?pageSize=1")).json().items;
  const communities = (
    await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&pageSize=2")
  ).json();
  const other = communities.items.find((c: { name: string }) => c.name !== "红旗社区");
  [elsewhere] = (
    await t.as("districtAdmin").get(`/api/v1/people/households?underId=${other.id}&pageSize=1`)
  ).json().items;
});
afterAll(() => t.close());

const register = (who: string, body: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/v1/devices", payload: body, headers: s[who]?.headers });
/** A device call: no session, only the device's own secret. */
const call = (deviceId: string, headers: Record<string, string>, body?: Record<string, unknown>) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/devices/${deviceId}/calls`,
    headers,
    ...(body ? { payload: body } : {}),
  });

describe("one-key call devices", () => {
  let secret: string;

  it("registers a device to a household in scope and shows its secret once", async () => {
    const res = await register("gridWorker", {
      deviceId: "yjt-2026-0001",
      householdId: home.id,
      label: "张奶奶家",
    });
    expect(res.statusCode).toBe(201);
    ({ secret } = res.json());
    expect(res.json()).toMatchObject({ deviceId: "YJT-2026-0001", householdId: home.id });
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const list = await t.as("gridWorker").get(`/api/v1/devices?householdId=${home.id}`);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ deviceId: "YJT-2026-0001", label: "张奶奶家", lastCallAt: null }],
    });
    expect(list.body).not.toContain(secret);
    expect((await t.as("merchant").get("/api/v1/devices")).statusCode).toBe(403);

    const again = await register("communityStaff", {
      deviceId: "YJT-2026-0001",
      householdId: home.id,
      label: "重复",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("DEVICE_EXISTS");
    const outside = await register("gridWorker", {
      deviceId: "YJT-2026-0002",
      householdId: elsewhere.id,
      label: "别处",
    });
    expect(outside.statusCode).toBe(404);
  });

  it("turns a call into an urgent case in the household's grid, seen by its grid worker", async () => {
    const res = await call("YJT-2026-0001", { "x-device-secret": secret });
    expect(res.statusCode).toBe(201);
    const { code, status } = res.json();
    expect(status).toBe("new");
    const detail = await t.as("gridWorker").get(`/api/v1/cases/${code}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      channel: "device",
      categoryCode: "elderlyHelp",
      urgency: "urgent",
      description: expect.stringContaining("张奶奶家"),
      grid: { id: s.gridWorker?.user.roles[0]?.nodeId },
    });
    const [device] = (await t.as("gridWorker").get(`/api/v1/devices?householdId=${home.id}`)).json().items;
    expect(device.lastCallAt).not.toBeNull();
  });

  it("refuses a wrong secret and an unknown device alike", async () => {
    for (const [id, headers] of [
      ["YJT-2026-0001", { "x-device-secret": "wrong" }],
      ["YJT-2026-0001", {}],
      ["NO-SUCH-DEVICE", { "x-device-secret": secret }],
    ] as const) {
      const res = await call(id, headers);
      expect(res.statusCode, id).toBe(401);
      expect(res.json().error.code).toBe("DEVICE_UNAUTHORIZED");
    }
  });

  it("makes one case of a call retried with the same call id", async () => {
    const before = (await t.as("gridWorker").get("/api/v1/cases?channel=device&pageSize=1")).json().total;
    const first = await call(
      "YJT-2026-0001",
      { "x-device-secret": secret },
      { kind: "service", callId: "c-42" },
    );
    const retry = await call(
      "YJT-2026-0001",
      { "x-device-secret": secret },
      { kind: "service", callId: "c-42" },
    );
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
    expect(retry.json().code).toBe(first.json().code);
    expect((await t.as("gridWorker").get("/api/v1/cases?channel=device&pageSize=1")).json().total).toBe(
      before + 1,
    );
    expect((await t.as("gridWorker").get(`/api/v1/cases/${first.json().code}`)).json().urgency).toBe(
      "normal",
    );
  });

  it("accepts `Authorization: Device <secret>` as well as the X-Device-Secret header", async () => {
    const res = await call("YJT-2026-0001", { authorization: `Device ${secret}` }, { kind: "help" });
    expect(res.statusCode).toBe(201);
    expect(res.json().code).toMatch(/^XG-\d{8}-\d{4}$/);
    expect((await call("YJT-2026-0001", { authorization: "Device wrong" })).statusCode).toBe(401);
  });

  it("lets no resident register a device", async () => {
    const res = await register("resident", {
      deviceId: "YJT-2026-0003",
      householdId: home.id,
      label: "我家",
    });
    expect(res.statusCode).toBe(403);
  });
});
