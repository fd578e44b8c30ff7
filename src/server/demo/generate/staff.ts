import type { Identifiers } from "./identifiers.ts";
import { personName } from "./names.ts";
import type { Person } from "./people.ts";
import type { Rng } from "./random.ts";
import type { Grid, Household, Territory } from "./territory.ts";
import type { DemoPartyMember, DemoStaff } from "./types.ts";

/** The demo grid worker account (CONTRACT.md): the first worker of the first grid. */
export interface AccountGridWorker {
  name: string;
  phone: string;
}

const PART_TIME_KINDS = { courier: 40, rider: 35, property: 25 } as const;

/**
 * Grid leaders and workers (community employees, not residents), part-time grid workers, and the
 * residents who volunteer as building heads, entrance heads and household liaisons (1+1带N).
 */
export function buildStaff(
  rng: Rng,
  ids: Identifiers,
  territory: Territory,
  people: readonly Person[],
  members: readonly DemoPartyMember[],
  account: AccountGridWorker,
): DemoStaff[] {
  const staff: DemoStaff[] = [];
  const add = (s: Omit<DemoStaff, "key" | "duties">) =>
    staff.push({ key: `S${String(staff.length + 1).padStart(5, "0")}`, ...s, duties: dutiesOf(s) });
  const employee = () => ({
    name: personName(rng, rng.chance(0.5) ? "male" : "female", rng.int(1970, 1998)),
    phone: ids.phone(),
  });
  const volunteers = volunteerPicker(rng, people, members);

  for (const grid of territory.grids) {
    const nodeKey = grid.node.key;
    add({ role: "gridLeader", nodeKey, ...employee(), employment: "fullTime" });
    const first = grid === territory.grids[0];
    // One or two full-time workers, at least one on B duty out in the grid (the demo account among them).
    const duties: Array<"A" | "B"> = rng.chance(0.5) ? ["B"] : first ? ["B", "A"] : rng.shuffle(["A", "B"]);
    duties.forEach((duty, i) => {
      const who = first && i === 0 ? account : employee();
      add({ role: "gridWorker", nodeKey, ...who, duty, employment: "fullTime" });
    });
    if (rng.chance(0.35)) {
      const partTimeKind = rng.weightedKey(PART_TIME_KINDS);
      add({ role: "gridWorker", nodeKey, ...employee(), employment: "partTime", partTimeKind });
    }
    for (const building of grid.buildings) {
      const head = volunteers(building.entrances.flatMap((e) => e.households));
      if (head) add({ role: "buildingHead", nodeKey: building.node.key, ...head, employment: "partTime" });
      if (building.entrances.length < 2) continue;
      for (const entrance of building.entrances) {
        const entranceHead = rng.chance(0.4) && volunteers(entrance.households);
        if (entranceHead)
          add({ role: "entranceHead", nodeKey: entrance.node.key, ...entranceHead, employment: "partTime" });
      }
    }
    if (first || rng.chance(0.45)) {
      for (const households of liaisonGroups(rng, grid)) {
        const liaison = volunteers(households);
        if (!liaison) continue;
        const householdKeys = households.map((h) => h.node.key);
        add({ role: "liaison", nodeKey, ...liaison, employment: "partTime", householdKeys });
      }
    }
  }
  return staff;
}

/** 亮职责: what the contact card says each one does (the building head's six duties are the seeds'). */
function dutiesOf(s: Omit<DemoStaff, "key" | "duties">): string {
  switch (s.role) {
    case "gridLeader":
      return "统筹本网格党建和治理工作，组织走访入户、收集民情、化解矛盾，督办群众诉求按时办结。";
    case "gridWorker":
      if (s.employment === "partTime")
        return s.partTimeKind === "property"
          ? "协助排查小区设施隐患，及时上报和处理居民反映的物业问题。"
          : "配送途中随手发现、随手上报环境卫生、安全隐患等问题。";
      return s.duty === "A"
        ? "在网格服务站坐班，受理群众诉求和代办事项，更新网格人、地、事、物信息。"
        : "每天巡查网格，走访重点人群，发现并上报安全隐患和矛盾纠纷，跟进诉求办理。";
    case "buildingHead":
      return "抓好楼栋党建，收集民情信息，代办服务，调处矛盾，监督物业，弘扬新风。";
    case "entranceHead":
      return "熟悉本单元住户，传达社区通知，反映邻里诉求，协助安全巡查。";
    default:
      return "定期走访所联系的住户，传达政策，收集诉求，帮扶困难家庭。";
  }
}

/**
 * Picks an adult from the given households to serve, party members first (党员中心户), each resident
 * at most once across all roles; only `people` are asked.
 */
function volunteerPicker(rng: Rng, people: readonly Person[], members: readonly DemoPartyMember[]) {
  const ages = new Map(people.map((p) => [p.resident.key, p.age]));
  const isMember = new Set(members.map((m) => m.residentKey));
  const taken = new Set<string>();
  return (households: readonly Household[]) => {
    const candidates = households
      .flatMap((h) => h.residents)
      .filter((r) => {
        const age = ages.get(r.key) ?? -1;
        return r.phone && !taken.has(r.key) && age >= 25 && age <= 75;
      });
    const partyCandidates = candidates.filter((r) => isMember.has(r.key));
    const pool = partyCandidates.length > 0 ? partyCandidates : candidates;
    if (pool.length === 0) return undefined;
    const r = rng.pick(pool);
    taken.add(r.key);
    return { name: r.name, phone: r.phone ?? "", residentKey: r.key };
  };
}

/** All households of the grid in neighbouring runs of 5–10 (about 1 liaison per 8 households). */
function liaisonGroups(rng: Rng, grid: Grid): Household[][] {
  const groups: Household[][] = [];
  let at = 0;
  while (grid.households.length - at >= 5) {
    const left = grid.households.length - at;
    let size = Math.min(rng.int(5, 10), left);
    // Never leave fewer than 5 behind, so that every household of the grid has a liaison.
    if (left - size < 5) size = left <= 10 ? left : left - 5;
    groups.push(grid.households.slice(at, at + size));
    at += size;
  }
  return groups;
}
