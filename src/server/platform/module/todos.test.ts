import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureUser } from "../../modules/accounts/index.ts";
import { householdBindings } from "../../modules/accounts/tables.ts";
import { cases } from "../../modules/cases/tables.ts";
import { createCase } from "../../testing/factories.ts";
import {
  type Caller,
  loginAs,
  ORIGIN,
  ownGridCentre,
  PHONES,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";

interface Item {
  kind: string;
  label: string;
  count: number;
  link: string;
}

let t: TestApp;
let sessions: Record<RoleName, Session>;
beforeAll(async () => {
  ({ t, sessions } = await startWithSessions());
});
afterAll(() => t?.close());

const todosOf = async (who: Caller, headers: Record<string, string> = {}): Promise<Item[]> => {
  const res = await who.get("/api/v1/me/todos", headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const countOf = (items: Item[], kind: string) => items.find((i) => i.kind === kind)?.count;

/** What the page behind a to-do's link lists: the API list it reads, with the link's filter. */
async function listedBehind(who: Caller, item: Item): Promise<number> {
  const url = new URL(item.link, ORIGIN);
  const q = url.searchParams;
  if (q.get("dueSoon") === "1") q.set("dueSoon", "true");
  const api: Record<string, string> = {
    "/admin/cases": "/api/v1/cases",
    "/admin/whistles": "/api/v1/whistles",
    "/admin/orders": "/api/v1/orders",
    "/admin/wishes": "/api/v1/wishes",
    "/mobile/cases/mine": "/api/v1/cases/mine",
    "/mobile/wishes/mine": "/api/v1/wishes/mine",
    "/mobile/orders/hall": "/api/v1/orders/hall",
    "/admin/accounts/bindings": "/api/v1/accounts/bindings",
    "/admin/engagement/units": "/api/v1/engagement/report-ins",
    "/admin/engagement/walls": "/api/v1/engagement/promises",
    "/admin/points/approvals": "/api/v1/points/claims",
    "/admin/points/rankings": "/api/v1/points/rankings",
    "/mobile/points/scan": "/api/v1/points/redemptions",
  };
  if (url.pathname === "/admin/engagement/records")
    api[url.pathname] =
      q.get("tab") === "suggestions" ? "/api/v1/engagement/suggestions" : "/api/v1/engagement/records";
  const counted = await countedOnPhone(who, url.pathname);
  if (counted !== undefined) return counted;
  const path = api[url.pathname];
  if (!path) throw new Error(`no list behind ${item.link}`);
  // The 双报到 pages open on a tab whose list is filtered by status (and the promises by year).
  const tab = q.get("tab");
  q.delete("tab");
  if (tab === "review" || tab === "pending" || tab === "suggestions" || url.pathname.endsWith("/walls"))
    q.set("status", "pending");
  if (url.pathname.endsWith("/walls"))
    q.set("year", String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()));
  if (path === "/api/v1/points/redemptions") q.set("status", "reserved");
  if (path === "/api/v1/orders/hall") {
    const hall = (await who.get(path)).json();
    return item.kind === "orders.grab" ? hall.open.length : hall.taken.length;
  }
  q.set("pageSize", "1");
  const res = await who.get(`${path}?${q}`);
  expect(res.statusCode, `${item.link}: ${res.body}`).toBe(200);
  return res.json().total;
}

/** The phone pages that show a whole short list, with what is still to do marked on it. */
async function countedOnPhone(who: Caller, page: string): Promise<number | undefined> {
  if (page === "/mobile/engagement/households") {
    const list = (await who.get("/api/v1/engagement/my-households")).json();
    return list.items.filter((h: { visitedThisQuarter: boolean }) => !h.visitedThisQuarter).length;
  }
  if (page === "/mobile/engagement/call-ups") {
    const list = (await who.get("/api/v1/engagement/mobilisations/mine?active=true&pageSize=200")).json();
    return list.items.filter((m: { allowedActions: string[] }) => m.allowedActions.includes("report")).length;
  }
  if (page === "/mobile/points/appraise") {
    const { items } = (await who.get("/api/v1/points/appraisal-rounds/mine")).json();
    return items.filter((r: { members: Array<{ score: number | null }> }) =>
      r.members.some((m) => m.score === null),
    ).length;
  }
  if (page === "/mobile/points/redemptions") {
    const { items } = (await who.get("/api/v1/points/redemptions/mine?pageSize=200")).json();
    return items.filter((r: { status: string }) => r.status === "reserved").length;
  }
  return undefined;
}

/** The community's 双报到 queues: report-ins, manual records, suggestions, promises. */
const ENGAGEMENT_QUEUES = [
  "engagement.reportIns",
  "engagement.records",
  "engagement.suggestions",
  "engagement.promises",
];

/** Points' approvals: claims others entered, rankings others drew. */
const POINTS_QUEUES = ["points.claims", "points.rankings"];

const EXPECTED: Record<RoleName, string[]> = {
  districtAdmin: ["cases.review", "cases.dueSoon", "wishes.review", ...ENGAGEMENT_QUEUES, ...POINTS_QUEUES],
  streetStaff: [
    "cases.review",
    "cases.dueSoon",
    "whistles.pending",
    "wishes.review",
    ...ENGAGEMENT_QUEUES,
    ...POINTS_QUEUES,
  ],
  communityStaff: [
    "cases.receive",
    "cases.dispatch",
    "cases.dueSoon",
    "cases.followUp",
    "whistles.pending",
    "orders.followUp",
    "wishes.review",
    "bindings.confirm",
    ...ENGAGEMENT_QUEUES,
    ...POINTS_QUEUES,
  ],
  gridWorker: ["cases.receive", "cases.dueSoon"],
  departmentStaff: ["cases.claim", "cases.dueSoon", "whistles.pending"],
  partyMember: [
    "orders.grab",
    "wishes.fulfil",
    "cases.rateMine",
    "wishes.confirm",
    "engagement.visitsDue",
    "engagement.callUps",
    "points.appraisals",
    "points.redemptions",
  ],
  resident: ["orders.grab", "cases.rateMine", "wishes.confirm", "points.appraisals", "points.redemptions"],
  propertyStaff: ["cases.rateMine", "wishes.confirm"],
  merchant: ["cases.rateMine", "wishes.confirm", "points.deliveries"],
};

describe("GET /me/todos", () => {
  it("gives each demo role its kinds of work, each count what its link's list shows", async () => {
    for (const role of Object.keys(PHONES) as RoleName[]) {
      const items = await todosOf(t.as(role));
      // orders.taken shows only while he holds an order.
      expect(
        items.map((i) => i.kind).filter((k) => k !== "orders.taken"),
        role,
      ).toEqual(EXPECTED[role]);
      for (const item of items) {
        expect(item.label, `${role} ${item.kind}`).toMatch(/[\u4e00-\u9fa5]/);
        expect(item.count, `${role} ${item.kind} (${item.link})`).toBe(await listedBehind(t.as(role), item));
      }
    }
  });

  it("labels in Chinese by default and in English when asked", async () => {
    const zh = await todosOf(t.as("gridWorker"));
    expect(zh.find((i) => i.kind === "cases.receive")?.label).toBe("待收单");
    expect(zh.find((i) => i.kind === "cases.dueSoon")?.label).toBe("即将超时");
    const en = await todosOf(t.as("gridWorker"), { "accept-language": "en" });
    expect(en.find((i) => i.kind === "cases.receive")?.label).toBe("To receive");
    const department = await todosOf(t.as("departmentStaff"));
    expect(department.find((i) => i.kind === "whistles.pending")?.label).toBe("吹哨待报到");
    const member = await todosOf(t.as("partyMember"));
    expect(member.find((i) => i.kind === "orders.grab")?.label).toBe("待领单");
    const community = await todosOf(t.as("communityStaff"));
    expect(community.find((i) => i.kind === "cases.dispatch")?.label).toBe("待分单");
    expect(community.find((i) => i.kind === "wishes.review")?.label).toBe("待审核心愿");
    expect(community.find((i) => i.kind === "bindings.confirm")?.label).toBe("待确认绑定");
  });

  it("counts a case reported in the grid worker's grid as one more to receive, and a wish as one more to review", async () => {
    const grid = await todosOf(t.as("gridWorker"));
    const community = await todosOf(t.as("communityStaff"));
    await createCase(t.as("resident"), { location: await ownGridCentre(t.app, sessions.gridWorker) });
    await t.as("resident").post("/api/v1/wishes", {
      title: "想要一套初中数学辅导书",
      description: "孩子上初二，数学跟不上。",
      category: "study",
    });
    const gridAfter = await todosOf(t.as("gridWorker"));
    expect(countOf(gridAfter, "cases.receive")).toBe((countOf(grid, "cases.receive") ?? 0) + 1);
    const communityAfter = await todosOf(t.as("communityStaff"));
    expect(countOf(communityAfter, "cases.receive")).toBe((countOf(community, "cases.receive") ?? 0) + 1);
    expect(countOf(communityAfter, "wishes.review")).toBe((countOf(community, "wishes.review") ?? 0) + 1);
    for (const item of gridAfter) expect(item.count).toBe(await listedBehind(t.as("gridWorker"), item));
  });

  it("counts a case as due soon within its category's reminder time, and no longer once it is late", async () => {
    const before = countOf(await todosOf(t.as("gridWorker")), "cases.dueSoon") ?? 0;
    const filed = await createCase(t.as("resident"), {
      location: await ownGridCentre(t.app, sessions.gridWorker),
    });
    // Sanitation reminds 10 minutes ahead: a response due in 5 minutes is due soon.
    const dueIn = async (minutes: number) =>
      t.database.db
        .update(cases)
        .set({ responseDueAt: new Date(Date.now() + minutes * 60_000) })
        .where(eq(cases.code, filed.code));
    await dueIn(5);
    const soon = await todosOf(t.as("gridWorker"));
    expect(countOf(soon, "cases.dueSoon")).toBe(before + 1);
    const listed = (await t.as("gridWorker").get("/api/v1/cases?dueSoon=true&pageSize=200")).json();
    expect(listed.items.map((c: { code: string }) => c.code)).toContain(filed.code);
    await dueIn(-5);
    expect(countOf(await todosOf(t.as("gridWorker")), "cases.dueSoon")).toBe(before);
  });

  it("counts residents' household binding requests waiting in the community", async () => {
    const before = countOf(await todosOf(t.as("communityStaff")), "bindings.confirm") ?? 0;
    const community = sessions.communityStaff.user.roles[0]?.nodeId as string;
    const node = (await t.as("communityStaff").get(`/api/v1/territory/nodes/${community}`)).json();
    const user = await ensureUser(t.database.db, { phone: "13700000101", name: "申请人", roles: [] });
    await t.database.db.insert(householdBindings).values([
      { userId: user.id, territoryPath: `${node.path}`, name: "申请人", address: "1栋2单元301" },
      // Another street's request is not his to confirm.
      { userId: user.id, territoryPath: "/elsewhere/", name: "申请人", address: "" },
    ]);
    const after = await todosOf(t.as("communityStaff"));
    expect(countOf(after, "bindings.confirm")).toBe(before + 1);
    const bindings = after.find((i) => i.kind === "bindings.confirm") as Item;
    expect(bindings.link).toBe("/admin/accounts/bindings");
    expect(bindings.count).toBe(await listedBehind(t.as("communityStaff"), bindings));
    expect(countOf(await todosOf(t.as("gridWorker")), "bindings.confirm")).toBeUndefined();
  });

  it("answers a user with no roles at all (signed in, not yet bound to a household) with his own requests", async () => {
    await ensureUser(t.database.db, {
      phone: "13700000102",
      name: "新居民",
      password: "secret-12345",
      roles: [],
    });
    const session = await loginAs(t.app, "13700000102", "secret-12345");
    const who = t.as(session.headers);
    const items = await todosOf(who);
    expect(items.map((i) => i.kind)).toEqual(["cases.rateMine", "wishes.confirm"]);
    for (const item of items) expect(item.count).toBe(await listedBehind(who, item));
    // His phone home works: the wish wall, activities, his requests and wishes, and reporting by location.
    for (const url of [
      "/api/v1/auth/me",
      "/api/v1/public/wishes",
      "/api/v1/activities",
      "/api/v1/cases/mine",
      "/api/v1/wishes/mine",
    ])
      expect((await who.get(url)).statusCode, url).toBe(200);
    const place = await ownGridCentre(t.app, sessions.gridWorker);
    const located = await who.get(`/api/v1/territory/locate?lat=${place.lat}&lng=${place.lng}`);
    expect(located.statusCode, located.body).toBe(200);
    const submitted = await createCase(who, { location: place });
    const mine = (await who.get("/api/v1/cases/mine")).json();
    expect(mine.items.map((c: { code: string }) => c.code)).toContain(submitted.code);
  });

  it("gives a household liaison (联户长) the orders he may take", async () => {
    const community = sessions.communityStaff.user.roles[0]?.nodeId as string;
    await ensureUser(t.database.db, {
      phone: "13700000103",
      name: "联户长",
      password: "secret-12345",
      roles: [{ role: "liaison", nodeId: community }],
    });
    const who = t.as((await loginAs(t.app, "13700000103", "secret-12345")).headers);
    const items = await todosOf(who);
    expect(items.map((i) => i.kind)).toContain("orders.grab");
    for (const item of items) expect(item.count).toBe(await listedBehind(who, item));
  });

  it("refuses a caller who is not signed in", async () => {
    expect((await t.as(undefined).get("/api/v1/me/todos")).statusCode).toBe(401);
  });
});
