import { sql } from "drizzle-orm";
import { processCache } from "../../platform/caches.ts";
import { type Db, rowsOf } from "../../platform/db/index.ts";
import { households, liaisonHouseholds, partyMembers, residents } from "./tables.ts";

export interface Coverage {
  households: number;
  /** Households a party member lives in. */
  withMember: number;
  /** Households a 1+1带N liaison serves. */
  linked: number;
  /** Either: the households party members reach (党员联系覆盖). */
  covered: number;
}

// Households and their links change by the day, the command centre asks every few seconds.
const cache = processCache<string, Coverage>({ max: 500, ttl: 60_000 });

/** Party members' reach over the households under a territory path, at most a minute old. */
export async function householdCoverage(db: Db, path: string): Promise<Coverage> {
  const hit = cache.get(path);
  if (hit) return hit;
  const linked = sql`exists (select 1 from ${liaisonHouseholds} l where l.household_id = h.id)`;
  const member = sql`exists (select 1 from ${residents} r join ${partyMembers} m on m.resident_id = r.id where r.household_id = h.id)`;
  const [row] = rowsOf<Coverage>(
    await db.execute(sql`
      select count(*)::int as households,
        (count(*) filter (where ${member}))::int as "withMember",
        (count(*) filter (where ${linked}))::int as linked,
        (count(*) filter (where ${member} or ${linked}))::int as covered
      from ${households} h where h.territory_path like ${`${path}%`}`),
  );
  const coverage = row ?? { households: 0, withMember: 0, linked: 0, covered: 0 };
  cache.set(path, coverage);
  return coverage;
}
