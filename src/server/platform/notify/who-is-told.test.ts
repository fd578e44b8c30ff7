import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity, createCase, createOrder, createWish } from "../../testing/factories.ts";
import {
  ownGridCentre,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";

// Each step of the daily loop tells the person it concerns, with a link to the page to act on.

let t: TestApp;
let s: Record<RoleName, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker);
}, 120_000);
afterAll(async () => {
  await t.close();
});

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

async function noticesOf(who: RoleName): Promise<Notice[]> {
  return (await t.as(who).get("/api/v1/notifications?pageSize=200")).json().items;
}
/** The newest notice of `who` whose body names `about`. */
async function noticeAbout(who: RoleName, about: string): Promise<Notice | undefined> {
  return (await noticesOf(who)).find((n) => n.body.includes(about));
}
const step = (code: string, body: Record<string, unknown>) =>
  t.as(body.who as RoleName).post(`/api/v1/cases/${code}/transitions`, { ...body, who: undefined });

describe("cases", () => {
  it("tells the grid worker of a case in his grid, the community when it is escalated, and the reporter when it is resolved", async () => {
    const c = await createCase(t.as("resident"), { location: point, description: "单元门禁损坏无法关闭" });
    expect(await noticeAbout("gridWorker", c.code)).toMatchObject({
      kind: "case.arrive",
      title: "新诉求待收单",
      body: `${c.code}：单元门禁损坏无法关闭`,
      link: `/admin/cases/${c.code}`,
    });
    // Not the one who filed it.
    expect(await noticeAbout("resident", c.code)).toBeUndefined();

    expect(
      (await step(c.code, { who: "gridWorker", action: "escalate", note: "需社区协调" })).statusCode,
    ).toBe(200);
    expect(await noticeAbout("communityStaff", c.code)).toMatchObject({
      title: "诉求待分单",
      link: `/admin/cases/${c.code}`,
    });

    expect(
      (await step(c.code, { who: "communityStaff", action: "resolve", note: "已更换门禁" })).statusCode,
    ).toBe(200);
    expect(await noticeAbout("resident", c.code)).toMatchObject({
      title: "诉求已办结",
      body: expect.stringContaining("请评价"),
      link: `/mobile/cases/${c.code}`,
    });
  });
});

describe("orders", () => {
  it("tells the party members and volunteers of the area of a new order it is published to", async () => {
    const o = await createOrder(t.as("communityStaff"), { location: point, title: "帮忙取快递" });
    expect(await noticeAbout("partyMember", o.code)).toMatchObject({
      kind: "order.publish",
      body: `${o.code}「帮忙取快递」等您接单`,
      link: `/mobile/orders/${o.code}`,
    });
    // Not the staff member who published it.
    expect(await noticeAbout("communityStaff", o.code)).toBeUndefined();
    // The demo resident volunteers in the community: told of it, but not of one for members only.
    expect(await noticeAbout("resident", o.code)).toMatchObject({ kind: "order.publish" });
    const m = await createOrder(t.as("communityStaff"), { location: point, audience: "members" });
    expect(await noticeAbout("partyMember", m.code)).toMatchObject({ kind: "order.publish" });
    expect(await noticeAbout("resident", m.code)).toBeUndefined();
  });
});

describe("wishes", () => {
  it("tells the wisher when his wish is claimed and when it is fulfilled", async () => {
    const w = await createWish(t.as("resident"), { title: "想要一个台灯" });
    expect(await noticeAbout("communityStaff", w.code)).toMatchObject({ link: `/admin/wishes/${w.code}` });
    await t.as("communityStaff").post(`/api/v1/wishes/${w.id}/review`, { approve: true });
    expect((await t.as("partyMember").post(`/api/v1/wishes/${w.id}/claim`, {})).statusCode).toBe(200);
    expect((await noticesOf("resident"))[0]).toMatchObject({
      kind: "wish.claimed",
      title: "心愿已被认领",
      link: "/mobile/wishes/mine",
    });
    const done = await t.as("partyMember").post(`/api/v1/wishes/${w.id}/fulfil`, { note: "已送到家中" });
    expect(done.statusCode).toBe(200);
    expect((await noticesOf("resident"))[0]).toMatchObject({
      kind: "wish.fulfilled",
      link: "/mobile/wishes/mine",
    });
  });
});

describe("volunteering", () => {
  it("confirms a sign-up with a notice naming the time and place", async () => {
    const communityId = s.communityStaff.user.roles[0]?.nodeId as string;
    const a = await createActivity(t.as("communityStaff"), { nodeId: communityId, title: "敬老院陪伴" });
    // The demo resident is a registered volunteer.
    const signed = await t.as("resident").post(`/api/v1/activities/${a.id}/signups`, {});
    expect(signed.json()).toMatchObject({ status: "confirmed" });
    expect((await noticesOf("resident"))[0]).toMatchObject({
      kind: "volunteering.confirmed",
      title: "志愿活动报名成功",
      body: expect.stringMatching(/“敬老院陪伴”，\d\d-\d\d \d\d:\d\d 在 红旗社区党群服务中心/),
      link: `/mobile/volunteering/activities/${a.id}`,
    });
  });
});
