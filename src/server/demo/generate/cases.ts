import { DEFAULT_CATEGORIES } from "../../modules/cases/defaults.ts";
import type { CaseStatus } from "../../modules/cases/flow.ts";
import type { RequestType } from "../../modules/cases/tables.ts";
import { maskName } from "../../platform/pii/index.ts";
import { DEMO_ACCOUNTS } from "../accounts.ts";
import { duplicates } from "./case-duplicates.ts";
import { type Draft, MINUTE, planPath, type Sla, type Step, type Who } from "./case-flow.ts";
import { materialize } from "./case-state.ts";
import { CASE_TEXTS } from "./case-texts.ts";
import { pointIn } from "./geometry.ts";
import { personName } from "./names.ts";
import type { Person } from "./people.ts";
import type { Rng } from "./random.ts";
import { scaled } from "./size.ts";
import type { Community, Grid, Household, Street, Territory } from "./territory.ts";
import type { DemoActor, DemoCase, DemoStaff, GridType } from "./types.ts";

const DAY = 24 * 60 * MINUTE;
const HOUR = 60 * MINUTE;
const NATURAL_CASES = 3000;
const DAYS = 120;
/** Requests by hour of the day (China time): few at night, peaks mid-morning and afternoon. */
const HOURLY = [1, 0.5, 0.3, 0.3, 0.3, 0.6, 1.5, 4, 7, 9, 9, 8, 6, 6, 8, 8, 8, 7, 6, 6, 5, 4, 3, 2];
const CATEGORIES: Record<string, number> = {
  sanitation: 22,
  safety: 11,
  dispute: 12,
  property: 14,
  facilities: 9,
  cityManagement: 9,
  elderlyHelp: 6,
  errand: 6,
  consultation: 7,
  other: 4,
};
/** Estates complain about their property company, old streets about stalls and roads. */
const BY_GRID_TYPE: Record<GridType, Record<string, number>> = {
  compound: { property: 1.6, cityManagement: 0.5 },
  area: { cityManagement: 1.8, facilities: 1.4, property: 0.4 },
  courtyard: { facilities: 1.2, elderlyHelp: 1.5, property: 0.7 },
  unit: { property: 0.5 },
};
export type Channel = DemoCase["channel"];
const CHANNELS: Record<string, Partial<Record<Channel, number>>> = {
  default: { selfService: 38, patrol: 24, hotline: 14, courier: 8, walkIn: 12 },
  elderlyHelp: { device: 75, selfService: 10, hotline: 10, walkIn: 5 },
  consultation: { selfService: 30, hotline: 35, walkIn: 35 },
  errand: { selfService: 40, walkIn: 40, hotline: 20 },
};
/** Problems out on the road are placed on the road; the others at the reporter's home. */
const ON_THE_ROAD = new Set(["facilities", "cityManagement"]);
const account = (role: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) throw new Error(`no demo account ${role}`);
  return { name: a.name, accountPhone: a.phone };
};

interface Place {
  grid: Grid;
  adults: Person[];
  elderly: Person[];
  workers: DemoStaff[];
  couriers: DemoStaff[];
}

/**
 * A few months of cases (CONTRACT.md) before `now`: about 3,000 over 120 days in every grid, each
 * taken along the flow and cut at now; plus scripted ones so the demo accounts' pages have content.
 */
export function buildCases(
  rng: Rng,
  territory: Territory,
  people: readonly Person[],
  staff: readonly DemoStaff[],
  now: number,
): DemoCase[] {
  const sla = new Map(DEFAULT_CATEGORIES.map((c) => [c.code, c]));
  const rosters = buildRosters(rng, territory);
  const [firstGrid] = territory.grids;
  const resident = people.find((p) => p.resident.phone === account("resident").accountPhone);
  if (!firstGrid || !resident) throw new Error("demo account grid or resident missing");
  const peopleOf = groupBy(people, (p) => p.household.grid.node.key);
  const staffOf = groupBy(staff, (s) => s.nodeKey);
  const places = new Map<Grid, Place>(
    territory.grids.map((grid) => {
      const inGrid = (peopleOf.get(grid.node.key) ?? []).filter((p) => p !== resident);
      const local = (staffOf.get(grid.node.key) ?? []).filter((s) => s.role === "gridWorker");
      return [
        grid,
        {
          grid,
          adults: inGrid.filter((p) => p.age >= 18 && p.resident.phone),
          elderly: inGrid.filter((p) => p.age >= 70),
          workers: local.filter((s) => s.employment === "fullTime"),
          couriers: local.filter((s) => s.employment === "partTime"),
        },
      ];
    }),
  );
  const gridWeights = territory.grids.map(
    (g) => [g, g.households.length * (0.35 + 2.4 * rng.next() ** 2)] as const,
  );
  const drafts: Array<{ draft: Draft; steps: Step[]; stopAt?: CaseStatus }> = [];

  /** One case: who reports it from where, what it says, and where in the flow it starts. */
  const draftCase = (
    grid: Grid,
    categoryCode: string,
    channel: Channel,
    createdAt: number,
    who?: Person,
  ): Draft => {
    const place = places.get(grid) as Place;
    const category = sla.get(categoryCode);
    if (!category) throw new Error(`unknown category ${categoryCode}`);
    const byStaff = channel === "patrol" || channel === "courier";
    const worker = rng.pick(
      channel === "courier" && place.couriers.length > 0 ? place.couriers : place.workers,
    );
    const person =
      who ??
      (channel === "device" && place.elderly.length > 0 ? rng.pick(place.elderly) : rng.pick(place.adults));
    const household: Household = byStaff ? rng.pick(grid.households) : person.household;
    const onRoad = byStaff || ON_THE_ROAD.has(categoryCode);
    const at = onRoad
      ? pointIn(rng, grid.rect)
      : { lat: household.node.lat ?? 0, lng: household.node.lng ?? 0 };
    const texts = CASE_TEXTS[categoryCode] ?? {
      places: [""],
      problems: ["其他问题"],
      tails: [""],
      solved: [],
    };
    const description = (rng.pick(texts.places) + rng.pick(texts.problems) + rng.pick(texts.tails))
      .replaceAll("{b}", household.building.label)
      .replaceAll("{r}", grid.road);
    const isAccount = !byStaff && person === resident;
    const reporter = byStaff
      ? { name: worker.name, phone: worker.phone, ...accountOf(worker.phone) }
      : {
          name: person.resident.name,
          phone: person.resident.phone ?? household.residents.find((r) => r.phone)?.phone ?? undefined,
          ...(isAccount ? { accountPhone: person.resident.phone ?? undefined } : {}),
        };
    const start: CaseStatus =
      category.defaultLevel === "grid"
        ? "new"
        : category.defaultLevel === "community"
          ? "communityDispatch"
          : "departmentClaim";
    const community = grid.community;
    const pickOf = (list: DemoActor[]) => rng.pick(list);
    const actors: Partial<Record<Who, DemoActor>> = {
      grid:
        grid === firstGrid && rng.chance(0.8)
          ? account("gridWorker")
          : { name: worker.employment === "fullTime" ? worker.name : rng.pick(place.workers).name },
      community: pickOf(rosters.communities.get(community) ?? []),
      street: pickOf(rosters.streets.get(community.street) ?? []),
      // Residents without an account appear masked in the timeline, as their name is on the case.
      reporter:
        byStaff || isAccount
          ? { name: reporter.name, ...(reporter.accountPhone ? { accountPhone: reporter.accountPhone } : {}) }
          : { name: maskName(person.resident.name) ?? "" },
    };
    actors.followUp = actors.community;
    const departments = new Map<string, DemoActor>();
    const urgentHelp = categoryCode === "elderlyHelp" && rng.chance(0.6);
    return {
      key: "",
      channel,
      categoryCode,
      sla: category as Sla,
      start,
      departmentCode: start === "departmentClaim" ? (category.departmentCode ?? undefined) : undefined,
      createdAt,
      // flow.test.ts counts the urban bureau's whistles in the first community from zero.
      avoidDepartments: community === territory.communities[0] ? ["urban"] : [],
      actor: (w, departmentCode) => {
        if (w !== "department") return actors[w];
        const code = departmentCode ?? "civil";
        if (!departments.has(code)) departments.set(code, pickOf(rosters.departments(code)));
        return departments.get(code);
      },
      base: {
        key: "",
        channel,
        categoryCode,
        requestType: requestType(rng, categoryCode, channel),
        urgency: urgentHelp || rng.chance(categoryCode === "safety" ? 0.35 : 0.04) ? "urgent" : "normal",
        description,
        lat: at.lat,
        lng: at.lng,
        address: onRoad
          ? `${community.address}${grid.road}${rng.int(1, 240)}号附近`
          : (household.node.address ?? ""),
        gridKey: grid.node.key,
        householdKey: channel === "selfService" || channel === "device" ? household.node.key : undefined,
        reporter,
        // As cases/hotline and cases/devices keep them; the hotline's record id is added with the code.
        extra:
          channel === "hotline"
            ? {
                source: "12345",
                calledAt: new Date(createdAt - rng.int(5, 90) * MINUTE).toISOString(),
                followUp: true,
              }
            : channel === "device"
              ? { kind: urgentHelp ? "help" : "service" }
              : {},
      },
    };
  };

  for (let i = 0; i < scaled(territory.size, NATURAL_CASES, 300); i++) {
    const createdAt = pastMoment(rng, now);
    const grid = rng.weighted(gridWeights);
    const weights = { ...CATEGORIES };
    for (const [code, f] of Object.entries(BY_GRID_TYPE[grid.gridType]))
      weights[code] = (weights[code] ?? 0) * f;
    const categoryCode = rng.weightedKey(weights);
    let channel = rng.weightedKey((CHANNELS[categoryCode] ?? CHANNELS.default) as Record<Channel, number>);
    if (channel === "courier" && places.get(grid)?.couriers.length === 0) channel = "patrol";
    const draft = draftCase(grid, categoryCode, channel, createdAt);
    drafts.push({ draft, steps: planPath(rng, draft) });
  }

  // The demo accounts' own: 孙秀英's requests in four states, and open work in 刘志强's grid; and one
  // case in each open status elsewhere, whatever the time of day the district is loaded at.
  const scripts: Array<
    [number, number, string, Channel, CaseStatus, Parameters<typeof planPath>[2], Person?]
  > = [
    [0, 75 * 1440, "property", "selfService", "closed", "communitySolve", resident],
    [0, 30 * 1440, "sanitation", "selfService", "closed", "short", resident],
    [0, 1700, "sanitation", "selfService", "resolved", "short", resident],
    [0, 200, "dispute", "selfService", "gridHandling", "short", resident],
    [0, 8, "dispute", "selfService", "new", "short"],
    [0, 2300, "sanitation", "patrol", "gridHandling", "short"],
    [0, 300, "property", "selfService", "communityDispatch", "upDispatch"],
    [0, 1440, "safety", "patrol", "whistled", "whistle"],
    [0, 40, "sanitation", "courier", "gridHandling", "short"],
    [20, 6, "other", "hotline", "new", "short"],
    [33, 120, "sanitation", "selfService", "communityDispatch", "up"],
    [46, 1800, "dispute", "selfService", "whistled", "whistle"],
    [59, 1440, "property", "walkIn", "streetReview", "street"],
    [72, 2 * 1440, "facilities", "hotline", "departmentClaim", "short"],
    [85, 2160, "cityManagement", "patrol", "departmentHandling", "short"],
  ];
  for (const [gridIndex, minutesAgo, categoryCode, channel, stopAt, plan, who] of scripts) {
    const grid = territory.grids[gridIndex % territory.grids.length] as Grid;
    const draft = draftCase(grid, categoryCode, channel, now - minutesAgo * MINUTE, who);
    drafts.push({ draft, steps: planPath(rng, draft, plan), stopAt });
  }

  const cases = drafts.map(({ draft, steps, stopAt }, i) => {
    draft.key = draft.base.key = `C${String(i + 1).padStart(5, "0")}`;
    return materialize(draft, steps, now, stopAt);
  });
  const grids = new Map(territory.grids.map((g) => [g.node.key, g]));
  const redraft = (master: DemoCase, channel: Channel, createdAt: number) =>
    draftCase(grids.get(master.gridKey) as Grid, master.categoryCode, channel, createdAt);
  cases.push(
    ...duplicates(
      rng,
      cases,
      drafts.map((d) => d.draft),
      redraft,
      now,
    ),
  );
  return numbered(cases, firstGrid.node.code.split("-")[0] ?? "XG");
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A moment in the last DAYS days, more likely by day than by night and a little more likely lately. */
function pastMoment(rng: Rng, now: number): number {
  const peak = Math.max(...HOURLY);
  for (;;) {
    const ago = rng.next() * DAYS * DAY;
    const t = now - ago - MINUTE;
    const hour = new Date(t + 8 * HOUR).getUTCHours();
    const weight = ((HOURLY[hour] ?? 1) / peak) * (0.7 + 0.3 * (1 - ago / (DAYS * DAY)));
    if (rng.next() < weight) return Math.round(t / 1000) * 1000;
  }
}

function requestType(rng: Rng, category: string, channel: Channel): RequestType {
  if (channel === "hotline")
    return rng.weightedKey({ complaint: 35, help: 30, report: 15, consultation: 12, suggestion: 8 });
  if (channel === "patrol" || channel === "courier") return "report";
  if (category === "consultation") return "consultation";
  if (category === "errand" || category === "elderlyHelp") return "help";
  if (category === "dispute" || category === "property") return rng.chance(0.5) ? "complaint" : "help";
  if (category === "other") return rng.chance(0.5) ? "suggestion" : "help";
  return rng.chance(0.55) ? "report" : "complaint";
}

function accountOf(phone: string): { accountPhone?: string } {
  return DEMO_ACCOUNTS.some((a) => a.phone === phone) ? { accountPhone: phone } : {};
}

/** Who acts for each community, street and department: the demo accounts first where they work. */
function buildRosters(rng: Rng, territory: Territory) {
  const someone = (): DemoActor => ({
    name: personName(rng, rng.chance(0.6) ? "female" : "male", rng.int(1972, 1998)),
  });
  const communities = new Map<Community, DemoActor[]>(
    territory.communities.map((c, i) => [c, [i === 0 ? account("communityStaff") : someone(), someone()]]),
  );
  const streets = new Map<Street, DemoActor[]>(
    territory.streets.map((s, i) => [s, [i === 0 ? account("streetStaff") : someone(), someone()]]),
  );
  const urban = DEMO_ACCOUNTS.find((a) => a.department === "urban");
  const departments = new Map<string, DemoActor[]>();
  return {
    communities,
    streets,
    departments: (code: string) => {
      let list = departments.get(code);
      if (!list) {
        list = [
          code === "urban" && urban ? { name: urban.name, accountPhone: urban.phone } : someone(),
          someone(),
        ];
        departments.set(code, list);
      }
      return list;
    },
  };
}

/** Codes by China day and running number, oldest first; hotline cases get their 12345 record ids. */
function numbered(cases: DemoCase[], prefix: string): DemoCase[] {
  cases.sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
  const perDay = new Map<string, number>();
  const hotlinePerDay = new Map<string, number>();
  const codes = new Map<string, string>();
  for (const c of cases) {
    const day = new Date(c.createdAt + 8 * HOUR).toISOString().slice(0, 10).replaceAll("-", "");
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    c.code = `${prefix}-${day}-${String(n).padStart(4, "0")}`;
    codes.set(c.key, c.code);
    if (c.channel === "hotline") {
      const h = (hotlinePerDay.get(day) ?? 0) + 1;
      hotlinePerDay.set(day, h);
      c.sourceRef = `GZ12345${day}${String(h).padStart(5, "0")}`;
      c.extra = { ...c.extra, recordId: c.sourceRef };
    }
  }
  for (const c of cases) {
    for (const e of c.events) {
      const masterCode = codes.get(e.data.masterKey as string);
      if (!masterCode) continue;
      e.data.masterCode = masterCode;
      if (e.action === "follow") e.note = `${masterCode}：诉求已办结`;
    }
  }
  return cases;
}
