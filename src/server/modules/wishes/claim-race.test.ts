import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWish } from "../../testing/factories.ts";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { userWithToken } from "../../testing/users.ts";
import { wishEvents, wishes } from "./tables.ts";

const MEMBERS = 100;

let t: TestApp;
let s: Record<string, Session>;
let members: Array<{ id: string; headers: Record<string, string> }>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  const nodeId = s.partyMember?.user.roles[0]?.nodeId as string;
  members = [];
  for (let i = 0; i < MEMBERS; i++)
    members.push(
      await userWithToken(t.database.db, {
        // 134 is a prefix the demo never draws, so these are new users.
        phone: `1340000${String(i).padStart(4, "0")}`,
        name: `党员${i}`,
        roles: [{ role: "partyMember", nodeId }],
      }),
    );
});
afterAll(() => t.close());

describe("many members claiming one wish at once", () => {
  it("gives it to exactly one of 100 and tells the other 99 it is taken", async () => {
    const { id } = await createWish(t.as("resident"), { title: "想要一盏护眼台灯" });
    await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, { approve: true });

    const answers = await Promise.all(
      members.map((m) => t.as(m).post(`/api/v1/wishes/${id}/claim`, {}, { "accept-language": "zh-CN" })),
    );
    const won = answers.flatMap((r, i) => (r.statusCode === 200 ? [members[i]] : []));
    const lost = answers.filter((r) => r.statusCode !== 200);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(MEMBERS - 1);
    for (const r of lost) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toEqual({
        code: "WISH_TAKEN",
        message: "该心愿已被认领",
        details: { status: "claimed" },
      });
    }

    const [row] = await t.database.db.select().from(wishes).where(eq(wishes.id, id));
    expect(row).toMatchObject({ status: "claimed", claimerUserId: won[0]?.id });
    const claims = await t.database.db
      .select()
      .from(wishEvents)
      .where(and(eq(wishEvents.wishId, id), eq(wishEvents.action, "claim")));
    expect(claims).toHaveLength(1);
    expect(claims[0]?.actorId).toBe(won[0]?.id);
  });
});
