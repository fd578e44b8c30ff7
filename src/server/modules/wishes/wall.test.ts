import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { wishes } from "./tables.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

/** Anyone, with no session or token. */
const visitor = (url: string) => t.as(undefined).get(url);

interface WallWish {
  id: string;
  status: string;
  wisherName: string;
  community: { code: string; name: string } | null;
  claimer: { kind: string; name: string } | null;
}

describe("the public wish wall", () => {
  it("shows the demo's wishes to anyone without a phone number or a full name", async () => {
    const res = await visitor("/api/v1/public/wishes?pageSize=200");
    expect(res.statusCode).toBe(200);
    const wall = res.json() as { items: WallWish[]; total: number };
    expect(wall.total).toBeGreaterThan(30);
    expect(new Set(wall.items.map((w) => w.status))).toEqual(
      new Set(["published", "claimed", "fulfilled", "confirmed"]),
    );
    const body = res.body;
    // Word boundaries: a UUID's 12-digit tail may hold eleven digits in a row.
    expect(body).not.toMatch(/\b1[3-9]\d{9}\b/);
    expect(body).not.toMatch(/phone/i);
    const rows = await t.database.db
      .select()
      .from(wishes)
      .where(
        inArray(
          wishes.id,
          wall.items.map((w) => w.id),
        ),
      );
    expect(rows).toHaveLength(wall.items.length);
    for (const row of rows) {
      expect(body).not.toContain(row.wisherName);
      if (row.claimerName) expect(body).not.toContain(row.claimerName);
      const shown = wall.items.find((w) => w.id === row.id);
      expect(shown?.wisherName).toBe(`${row.wisherName[0]}${"*".repeat(row.wisherName.length - 1)}`);
    }
    // Units claim under their own names; members are masked like wishers.
    expect(wall.items.some((w) => w.claimer?.kind === "unit" && !w.claimer.name.includes("*"))).toBe(true);
    expect(
      wall.items.filter((w) => w.claimer?.kind === "member").every((w) => w.claimer?.name.includes("*")),
    ).toBe(true);
  });

  it("filters by status, community and category, and lists the communities with open wishes", async () => {
    const communities = (await visitor("/api/v1/public/wishes/communities")).json() as Array<{
      code: string;
      name: string;
      open: number;
      total: number;
    }>;
    const firstId = s.communityStaff?.user.roles[0]?.nodeId as string;
    const first = (await t.as("communityStaff").get(`/api/v1/territory/nodes/${firstId}`)).json();
    const ours = communities.find((c) => c.code === first.code);
    // The first community's wall always has several wishes waiting for a claimer.
    expect(ours?.open).toBeGreaterThanOrEqual(5);

    const open = (
      await visitor(`/api/v1/public/wishes?status=published&community=${first.code}&pageSize=200`)
    ).json();
    expect(open.total).toBe(ours?.open);
    expect(
      open.items.every((w: WallWish) => w.status === "published" && w.community?.code === first.code),
    ).toBe(true);
    const done = (
      await visitor("/api/v1/public/wishes?status=fulfilled&status=confirmed&category=study")
    ).json();
    expect(done.total).toBeGreaterThan(0);
    expect(
      done.items.every(
        (w: WallWish & { category: string }) =>
          ["fulfilled", "confirmed"].includes(w.status) && w.category === "study",
      ),
    ).toBe(true);
    // Wishes under review, rejected or withdrawn never reach the wall, whatever is asked for.
    expect((await visitor("/api/v1/public/wishes?status=pending")).statusCode).toBe(400);
    expect((await visitor("/api/v1/public/wishes?community=NO-SUCH")).statusCode).toBe(404);
  });

  it("gives the demo resident a fulfilled wish to confirm and the demo member claims of his own", async () => {
    const mine = (await t.as("resident").get("/api/v1/wishes/mine")).json();
    expect(
      mine.items.filter((w: { allowedActions: string[] }) => w.allowedActions.includes("confirm")),
    ).toHaveLength(1);
    const claimed = (await t.as("partyMember").get("/api/v1/wishes/mine?as=claimer")).json();
    expect(claimed.items.map((w: { status: string }) => w.status)).toEqual(
      expect.arrayContaining(["claimed", "fulfilled", "confirmed"]),
    );
    const queue = (await t.as("communityStaff").get("/api/v1/wishes?status=pending")).json();
    expect(queue.total).toBeGreaterThan(0);
  });
});
