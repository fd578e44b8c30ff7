import { and, eq, ne, sql } from "drizzle-orm";
import type { Role } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/index.ts";
import { domainEvents } from "../../../platform/events/index.ts";
import { PHONES, type TestApp } from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";
import { memberByPhone, residentByPhone } from "../../people/index.ts";
import { territoryNodes } from "../../territory/tables.ts";
import { accountsOfHolders } from "../ledger/holders.ts";
import { installRuleSet } from "./install.ts";
import type { TemplateKey } from "./templates.ts";

/** The demo party member (also a resident), his community, and another community of the district. */
export async function pointsWorld(t: TestApp) {
  const db = t.database.db;
  const member = await memberByPhone(db, PHONES.partyMember);
  const resident = await residentByPhone(db, PHONES.resident);
  if (!member || !resident) throw new Error("demo member or resident missing");
  const ids = member.territoryPath.split("/").filter(Boolean);
  const communityId = ids[2] as string;
  const [community] = await db.select().from(territoryNodes).where(eq(territoryNodes.id, communityId));
  const [other] = await db
    .select()
    .from(territoryNodes)
    .where(and(eq(territoryNodes.level, "community"), ne(territoryNodes.id, communityId)))
    .limit(1);
  if (!community || !other) throw new Error("demo communities missing");
  return { member, resident, community, other };
}

/** A template made the active rules of a node (nearest node wins, so the demo's district rules step aside). */
export const activate = (db: Db, node: { id: string; path: string }, template: TemplateKey) =>
  db.transaction((tx) =>
    installRuleSet(tx, {
      nodeId: node.id,
      territoryPath: node.path,
      template,
      actorId: null,
      activate: true,
    }),
  );

/** Another user with a role at a node, called by bearer token. */
export const staffAt = (db: Db, phone: string, role: Role, nodeId: string) =>
  userWithToken(db, { phone, name: `测试${role}`, roles: [{ role, nodeId }] });

export async function balanceOf(db: Db, audience: string, holderId: string): Promise<number> {
  return (await accountsOfHolders(db, [holderId])).get(`${audience}:${holderId}`)?.balance ?? 0;
}

/** Moves the points consumer past every event there is, so a test hands it only its own. */
export async function skipPastEvents(db: Db): Promise<number> {
  const [row] = rowsOf<{ seq: string | number | null }>(
    await db.execute(sql`select max(seq) as seq from ${domainEvents}`),
  );
  const seq = Number(row?.seq ?? 0);
  await db.execute(sql`insert into event_cursors (consumer, seq) values ('points.rules', ${seq})
    on conflict (consumer) do update set seq = excluded.seq`);
  return seq;
}
