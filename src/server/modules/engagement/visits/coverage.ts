import { and, gte, lt, sql } from "drizzle-orm";
import { can, type Permission, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { forbidden } from "../../../platform/errors.ts";
import { pairingsUnder } from "../../people/index.ts";
import { getNode, nodesByIds } from "../../territory/index.ts";
import type { Quarter } from "../periods.ts";
import { householdVisits } from "../tables.ts";
import { currentQuarter, quarterSpan } from "./visits.ts";

/** Households visited in the quarter, out of the households paired with a member. */
export interface Figures {
  assigned: number;
  visited: number;
}

/** The ids on a household's path: district / street / community / grid / … (territory's tree). */
const communityOf = (path: string) => path.split("/").filter(Boolean)[2] ?? "";
const gridOf = (path: string) => path.split("/").filter(Boolean)[3] ?? "";

/** Who reads coverage: the community's staff (engagement.manage), or anyone reading the figures. */
function readPermission(principal: Principal): Permission {
  if (can(principal, "engagement.manage")) return "engagement.manage";
  if (can(principal, "dashboard.read")) return "dashboard.read";
  throw forbidden();
}

/** The map's value at key, made first when missing. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** A counter of distinct households, assigned and visited. */
class Tally {
  readonly assigned = new Set<string>();
  readonly visited = new Set<string>();
  add(householdId: string, visited: boolean) {
    this.assigned.add(householdId);
    if (visited) this.visited.add(householdId);
  }
  figures(): Figures {
    return { assigned: this.assigned.size, visited: this.visited.size };
  }
}

/**
 * GET /engagement/visit-coverage: under a node (the caller's scope by default), per community,
 * per grid and per member, the paired households visited in the quarter over those assigned. A
 * member's household counts when he visited it; a grid's or community's when any of its members
 * did; a household visited twice, or by two members, counts once.
 */
export async function visitCoverage(
  db: Db,
  principal: Principal,
  f: { underId?: string; year?: number; quarter?: number },
) {
  const permission = readPermission(principal);
  const root = f.underId
    ? (await getNode(db, principal, f.underId, permission)).path
    : // Without a node, the caller's (first) area: a community worker's community.
      (scopePaths(principal, permission)[0] ?? "");
  const q: Quarter = f.year && f.quarter ? { year: f.year, quarter: f.quarter } : currentQuarter();
  const { start, end } = quarterSpan(q);
  const [pairs, visits] = await Promise.all([
    pairingsUnder(db, root),
    db
      .selectDistinct({ memberId: householdVisits.memberId, householdId: householdVisits.householdId })
      .from(householdVisits)
      .where(
        and(
          sql`${householdVisits.territoryPath} like ${`${root}%`}`,
          gte(householdVisits.visitedAt, start),
          lt(householdVisits.visitedAt, end),
        ),
      ),
  ]);
  const seenBy = new Set(visits.map((v) => `${v.memberId}/${v.householdId}`));
  const total = new Tally();
  type Members = Map<string, { name: string; tally: Tally }>;
  const communities = new Map<
    string,
    { tally: Tally; grids: Map<string, { tally: Tally; members: Members }> }
  >();
  for (const p of pairs) {
    const visited = seenBy.has(`${p.memberId}/${p.householdId}`);
    total.add(p.householdId, visited);
    const community = entry(communities, communityOf(p.territoryPath), () => ({
      tally: new Tally(),
      grids: new Map(),
    }));
    community.tally.add(p.householdId, visited);
    const grid = entry(community.grids, gridOf(p.territoryPath), () => ({
      tally: new Tally(),
      members: new Map(),
    }));
    grid.tally.add(p.householdId, visited);
    entry(grid.members, p.memberId, () => ({ name: p.memberName, tally: new Tally() })).tally.add(
      p.householdId,
      visited,
    );
  }
  const gridIds = [...communities.values()].flatMap((c) => [...c.grids.keys()]);
  const nodes = new Map(
    (await nodesByIds(db, [...communities.keys(), ...gridIds].filter(Boolean))).map((n) => [n.id, n]),
  );
  // In code order, as the territory lists them (names would sort by the database's collation).
  const byCode = (a: { code: string }, b: { code: string }) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  const place = (id: string) => ({
    id: id || null,
    code: nodes.get(id)?.code ?? "",
    name: nodes.get(id)?.name ?? "",
  });
  return {
    ...q,
    from: start.toISOString(),
    to: end.toISOString(),
    ...total.figures(),
    communities: [...communities]
      .map(([id, c]) => ({
        ...place(id),
        ...c.tally.figures(),
        grids: [...c.grids]
          .map(([gridId, g]) => ({
            ...place(gridId),
            ...g.tally.figures(),
            members: [...g.members].map(([memberId, m]) => ({
              memberId,
              name: m.name,
              ...m.tally.figures(),
            })),
          }))
          .sort(byCode),
      }))
      .sort(byCode),
  };
}
