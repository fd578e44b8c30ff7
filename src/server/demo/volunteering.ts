import { ensureUser } from "../modules/accounts/index.ts";
import type { InsertedNode } from "../modules/territory/index.ts";
import { bulkInsertVolunteering } from "../modules/volunteering/index.ts";
import type { Tx } from "../platform/db/index.ts";
import type { DemoDistrict } from "./generate/types.ts";
import { generateVolunteering } from "./generate/volunteering.ts";

/**
 * The demo's volunteers, teams and activities. Only users sign up (volunteers.user_id), so each
 * volunteer who is not a demo account becomes a user without a password (he cannot log in) with
 * the party member or resident role his profile is bound to. Returns how many of each were written.
 */
export async function writeVolunteering(
  tx: Tx,
  demo: DemoDistrict,
  nodes: Map<string, InsertedNode>,
  accounts: Map<string, string>,
  now = Date.now(),
) {
  const data = generateVolunteering(demo, now);
  const node = (key: string) => {
    const n = nodes.get(key);
    if (!n) throw new Error(`demo volunteering node ${key} missing`);
    return { nodeId: n.id, territoryPath: n.path };
  };
  const volunteers = [];
  for (const v of data.volunteers) {
    const { nodeId, territoryPath } = node(v.nodeKey);
    const userId =
      (v.account ? accounts.get(v.phone) : undefined) ??
      (await ensureUser(tx, { phone: v.phone, name: v.name, roles: [{ role: v.role, nodeId }] })).id;
    volunteers.push({
      key: v.key,
      userId,
      name: v.name,
      phone: v.phone,
      skills: v.skills,
      nodeId,
      territoryPath,
      createdAt: new Date(v.createdAt),
    });
  }
  const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));
  await bulkInsertVolunteering(tx, {
    volunteers,
    teams: data.teams.map((t) => ({ ...t, ...node(t.nodeKey), createdAt: new Date(t.createdAt) })),
    activities: data.activities.map(({ nodeKey, signups, ...a }) => ({
      ...a,
      ...node(nodeKey),
      startsAt: new Date(a.startsAt),
      endsAt: new Date(a.endsAt),
      createdAt: new Date(a.createdAt),
      signups: signups.map((s) => ({
        ...s,
        slotStartsAt: date(s.slotStartsAt),
        signedUpAt: new Date(s.signedUpAt),
        checkedInAt: date(s.checkedInAt),
        checkedOutAt: date(s.checkedOutAt),
      })),
    })),
  });
  return { volunteers: volunteers.length, teams: data.teams.length, activities: data.activities.length };
}
