import { createHash } from "node:crypto";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_STATUSES, OPEN_STATUSES, transitionFor } from "../../modules/cases/flow.ts";
import { isValidIdNumber, isValidMobile, isValidUscc } from "../../platform/pii/index.ts";
import {
  DEFAULT_DEMO_SEED,
  type DemoDistrict,
  type DemoLevel,
  type DemoNode,
  generateDemo,
} from "./index.ts";

const hash = (d: DemoDistrict) => createHash("sha256").update(JSON.stringify(d)).digest("hex");

function rectArea(polygon: Polygon | undefined): number {
  const ring = polygon?.coordinates[0] ?? [];
  const xs = ring.map((p) => p[0] ?? 0);
  const ys = ring.map((p) => p[1] ?? 0);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function expectUnique(values: readonly string[]) {
  const seen = new Set<string>();
  expect(values.filter((v) => seen.size === seen.add(v).size)).toEqual([]);
}

const inside = (lng: number | undefined, lat: number | undefined, area: DemoNode | undefined) =>
  booleanPointInPolygon([lng ?? 0, lat ?? 0], area?.geometry as Polygon, { ignoreBoundary: true });

// Cases are placed relative to the load time; a fixed one here (10:30 China time).
const HOUR = 3_600_000;
const ANCHOR = Date.UTC(2026, 10, 25, 2, 30);
let demo: DemoDistrict;
let nodes: Map<string, DemoNode>;
const ofLevel = (level: DemoLevel) => demo.nodes.filter((n) => n.level === level);
const ancestor = (key: string, level: DemoLevel): DemoNode | undefined => {
  let at = nodes.get(key);
  while (at && at.level !== level) at = nodes.get(at.parentKey ?? "");
  return at;
};

// How fast it generates is measured by `npm run bench` (demo), not asserted here.
beforeAll(() => {
  demo = generateDemo(DEFAULT_DEMO_SEED, ANCHOR);
  nodes = new Map(demo.nodes.map((n) => [n.key, n]));
});

describe("generateDemo", () => {
  it("gives the same district for the same seed and another for another seed", () => {
    expect(hash(generateDemo(DEFAULT_DEMO_SEED, ANCHOR))).toBe(hash(demo));
    expect(hash(generateDemo(7, ANCHOR))).not.toBe(hash(demo));
    // Only the cases move with the load time.
    const later = generateDemo(DEFAULT_DEMO_SEED, ANCHOR + 3 * HOUR);
    expect(hash({ ...later, cases: [] })).toBe(hash({ ...demo, cases: [] }));
    expect(hash(later)).not.toBe(hash(demo));
  });

  it("is sized like CONTRACT.md's demo district", () => {
    const levels = countBy(demo.nodes, (n) => n.level);
    expect([levels.district, levels.street, levels.community]).toEqual([1, 3, 14]);
    expect(levels.grid).toBeGreaterThanOrEqual(110);
    expect(levels.grid).toBeLessThanOrEqual(130);
    expect(levels.household).toBeGreaterThanOrEqual(19_000);
    expect(levels.household).toBeLessThanOrEqual(21_000);
    expect(demo.residents.length).toBeGreaterThanOrEqual(48_000);
    expect(demo.residents.length).toBeLessThanOrEqual(52_000);
    expect(demo.partyMembers).toHaveLength(2500);
    const categories = Object.keys(countBy(demo.partyMembers, (m) => m.category)).sort();
    expect(categories).toEqual(["inService", "mobile", "resident", "retired"]);
    const units = countBy(demo.units, (u) => u.kind);
    expect([units.unit, units.propertyCompany]).toEqual([20, 15]);
    expect([demo.merchants.length, demo.venues.length]).toEqual([200, 10]);
  });

  it("names the territory as the demo accounts expect", () => {
    expect(nodes.get(demo.accountNodes.street)?.name).toBe("潋江街道");
    expect(nodes.get(demo.accountNodes.community)?.name).toBe("红旗社区");
    expect(nodes.get(demo.accountNodes.grid)?.code).toBe("XG-LJ-001");
    expect(ofLevel("street").map((s) => s.code)).toEqual(["360799001", "360799002", "360799003"]);
    const communities = ofLevel("street").map((s) =>
      ofLevel("community").filter((c) => c.parentKey === s.key),
    );
    expect(communities.map((c) => c.length)).toEqual([5, 5, 4]);
  });

  it("gives every resident a valid, unique ID number that matches birth date and gender", () => {
    // The validator takes a fraction of a millisecond a call: call it once per ID, read the rest directly.
    const wrong = demo.residents.filter(
      (r) =>
        !isValidIdNumber(r.idNumber) ||
        r.idNumber.slice(6, 14) !== r.birthDate.replaceAll("-", "") ||
        Number(r.idNumber[16]) % 2 !== (r.gender === "male" ? 1 : 0),
    );
    expect(wrong).toEqual([]);
    expectUnique(demo.residents.map((r) => r.idNumber));
  });

  it("gives every organisation a valid, unique credit code (owners' committees have none)", () => {
    const usccs = [...demo.units.flatMap((u) => u.uscc ?? []), ...demo.merchants.map((m) => m.uscc)];
    expect(demo.units.filter((u) => (u.uscc === undefined) !== (u.kind === "ownersCommittee"))).toEqual([]);
    expect(usccs.filter((code) => !isValidUscc(code))).toEqual([]);
    expectUnique(usccs);
  });

  it("gives adults valid phones, one number per person", () => {
    const residentPhones = new Map(demo.residents.map((r) => [r.key, r.phone]));
    const residentStaff = demo.staff.filter((s) => s.residentKey);
    expect(residentStaff.filter((s) => s.phone !== residentPhones.get(s.residentKey ?? ""))).toEqual([]);
    const phones = [
      ...demo.residents.flatMap((r) => r.phone ?? []),
      ...demo.staff.filter((s) => !s.residentKey).map((s) => s.phone),
      ...demo.units.map((u) => u.contactPhone),
      ...demo.partTimeMembers.map((m) => m.phone),
      ...demo.merchants.map((m) => m.phone),
    ];
    expect(phones.filter((phone) => !isValidMobile(phone))).toEqual([]);
    expectUnique(phones);
  });

  it("codes nodes uniquely, grids with 15-digit unit codes under their community's code", () => {
    expectUnique(demo.nodes.map((n) => n.code));
    expectUnique(demo.nodes.map((n) => n.key));
    for (const grid of ofLevel("grid")) {
      expect(grid.code).toMatch(/^XG-(LJ|WC|CG)-\d{3}$/);
      expect(grid.unitCode).toMatch(/^\d{15}$/);
      expect(grid.unitCode?.startsWith(nodes.get(grid.parentKey ?? "")?.code ?? "?")).toBe(true);
      expect(["area", "compound", "courtyard", "unit"]).toContain(grid.gridType);
    }
  });

  it("tiles district, streets and communities exactly with their children's polygons", () => {
    for (const parent of [...ofLevel("district"), ...ofLevel("street"), ...ofLevel("community")]) {
      const children = demo.nodes.filter((n) => n.parentKey === parent.key && n.geometry);
      expect(children.length).toBeGreaterThan(0);
      const sum = children.reduce((total, child) => total + rectArea(child.geometry), 0);
      expect(Math.abs(sum - rectArea(parent.geometry)) / rectArea(parent.geometry)).toBeLessThan(1e-9);
      const corners = children.flatMap((c) => c.geometry?.coordinates[0] ?? []);
      expect(
        corners.filter(
          ([lng, lat]) => !booleanPointInPolygon([lng ?? 0, lat ?? 0], parent.geometry as Polygon),
        ),
      ).toEqual([]);
    }
  });

  it("places every building, household, venue and merchant inside its grid (or its node)", () => {
    const dwellings = demo.nodes.filter((n) => n.level === "building" || n.level === "household");
    expect(dwellings.filter((n) => !inside(n.lng, n.lat, ancestor(n.key, "grid")))).toEqual([]);
    const places = [...demo.venues, ...demo.merchants];
    expect(places.filter((p) => !inside(p.lng, p.lat, nodes.get(p.nodeKey)))).toEqual([]);
    const addresses = [...dwellings, ...places].map((p) => p.address ?? "");
    expect(addresses.filter((a) => !a.startsWith("江西省赣州市兴安区"))).toEqual([]);
    expect(demo.venues.filter((v) => v.facilities.length === 0 || !v.hours)).toEqual([]);
  });

  it("resolves every key reference", () => {
    const dangling: string[] = [];
    const check = (set: { has(key: string): boolean }, key: string | undefined, what: string) => {
      if (key !== undefined && !set.has(key)) dangling.push(`${what} ${key}`);
    };
    const keys = (items: ReadonlyArray<{ key: string }>) => new Set(items.map((i) => i.key));
    const [residents, orgs, units] = [keys(demo.residents), keys(demo.orgs), keys(demo.units)];
    const households = keys(ofLevel("household"));
    for (const n of demo.nodes) if (n.level !== "district") check(nodes, n.parentKey ?? "", "node parent");
    for (const r of demo.residents) check(households, r.householdKey, "household");
    for (const m of demo.partyMembers) {
      check(residents, m.residentKey, "member resident");
      check(orgs, m.orgKey, "member org");
      check(units, m.workUnitKey, "work unit");
    }
    for (const o of demo.orgs) {
      check(nodes, o.nodeKey, "org node");
      check(orgs, o.parentKey, "org parent");
      check(units, o.unitKey, "org unit");
    }
    for (const u of demo.units) check(nodes, u.nodeKey, "unit node");
    for (const m of demo.partTimeMembers) {
      check(orgs, m.orgKey, "part-time org");
      check(units, m.unitKey, "part-time unit");
    }
    for (const s of demo.staff) {
      check(nodes, s.nodeKey, "staff node");
      check(residents, s.residentKey, "staff resident");
      for (const h of s.householdKeys ?? []) check(households, h, "liaison household");
    }
    for (const p of [...demo.venues, ...demo.merchants]) check(nodes, p.nodeKey, "place node");
    for (const key of Object.values(demo.accountNodes)) check(nodes, key, "account node");
    expect(dangling).toEqual([]);
  });

  it("enrols adult members where they live, retired ones aged 60+, in-service ones with a work unit", () => {
    const residents = new Map(demo.residents.map((r) => [r.key, r]));
    const orgs = new Map(demo.orgs.map((o) => [o.key, o]));
    const workUnits = new Set(demo.units.filter((u) => u.kind === "unit").map((u) => u.key));
    expectUnique(demo.partyMembers.map((m) => m.residentKey));
    const wrong = demo.partyMembers.filter((m) => {
      const r = residents.get(m.residentKey);
      const born = r?.birthDate ?? "";
      const homes = ["grid", "compound", "building"].map(
        (l) => ancestor(r?.householdKey ?? "", l as DemoLevel)?.key,
      );
      return (
        born > (m.category === "retired" ? "1966-11-25" : "2008-11-25") ||
        m.joinedOn < `${Number(born.slice(0, 4)) + 18}${born.slice(4)}` ||
        m.joinedOn >= "2026-11-25" ||
        (m.category === "inService") !== workUnits.has(m.workUnitKey ?? "") ||
        !homes.includes(orgs.get(m.orgKey)?.nodeKey)
      );
    });
    expect(wrong).toEqual([]);
    const depth = (key?: string): number => (key ? 1 + depth(orgs.get(key)?.parentKey) : 0);
    const depths = demo.orgs.filter((o) => o.kind !== "unitBranch").map((o) => depth(o.key));
    expect([Math.min(...depths), Math.max(...depths)]).toEqual([1, 5]);
    const committees = demo.orgs.filter(
      (o) => o.kind === "streetCommittee" || o.kind === "communityCommittee",
    );
    const seats = committees.map((o) => demo.partTimeMembers.filter((m) => m.orgKey === o.key).length);
    expect(seats.filter((n) => n < 2 || n > 4)).toEqual([]);
  });

  it("staffs every grid with a leader and a B-duty worker; liaisons serve 5–10 households of their grid", () => {
    const unstaffed = ofLevel("grid").filter((grid) => {
      const staff = demo.staff.filter((s) => s.nodeKey === grid.key);
      const leaders = staff.filter((s) => s.role === "gridLeader").length;
      return leaders !== 1 || !staff.some((s) => s.role === "gridWorker" && s.duty === "B");
    });
    expect(unstaffed).toEqual([]);
    const worker = demo.staff.find((s) => s.role === "gridWorker" && s.nodeKey === demo.accountNodes.grid);
    expect(worker).toMatchObject({ name: "刘志强", phone: "13800000004", employment: "fullTime" });
    expectUnique(demo.staff.flatMap((s) => s.householdKeys ?? []));
    const liaisons = demo.staff.filter((s) => s.role === "liaison");
    expect(liaisons.length).toBeGreaterThan(0);
    const wrong = liaisons.filter((s) => {
      const keys = s.householdKeys ?? [];
      return keys.length < 5 || keys.length > 10 || keys.some((k) => ancestor(k, "grid")?.key !== s.nodeKey);
    });
    expect(wrong).toEqual([]);
  });

  it("puts the demo resident 孙秀英 at the head of the account household", () => {
    const { household, compound, grid } = demo.accountNodes;
    const head = demo.residents.find((r) => r.householdKey === household && r.relation === "head");
    expect(head).toMatchObject({ name: "孙秀英", gender: "female", phone: "13800000007" });
    expect([ancestor(household, "compound")?.key, ancestor(household, "grid")?.key]).toEqual([
      compound,
      grid,
    ]);
    const roles = [...demo.partyMembers, ...demo.staff].filter((x) => x.residentKey === head?.key);
    expect(roles).toEqual([]);
    const reserved = /^1380000000[1-9]$/;
    // Besides her, only the in-service member account's record carries a demo account's phone.
    const claimed = demo.residents.filter((r) => r.phone && reserved.test(r.phone));
    expect(claimed.map((r) => r.phone).sort()).toEqual(["13800000006", "13800000007"]);
  });

  it("makes the in-service member account 赵明亮 an in-service member of the account community, working for a unit paired with it", () => {
    const resident = demo.residents.find((r) => r.phone === "13800000006");
    expect(resident).toMatchObject({ name: "赵明亮", gender: "male" });
    const member = demo.partyMembers.find((m) => m.residentKey === resident?.key);
    expect(member?.category).toBe("inService");
    expect(ancestor(resident?.householdKey ?? "", "community")?.key).toBe(demo.accountNodes.community);
    const unit = demo.units.find((u) => u.key === member?.workUnitKey);
    expect(unit).toMatchObject({ kind: "unit", nodeKey: demo.accountNodes.community });
  });
});

describe("demo cases", () => {
  const chinaDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10).replaceAll("-", "");

  it("numbers cases XG-YYYYMMDD-NNNN by China day of creation, 1, 2, 3 … in order", () => {
    expect(demo.cases.length).toBeGreaterThanOrEqual(2900);
    expect(demo.cases.length).toBeLessThanOrEqual(3300);
    expectUnique(demo.cases.map((c) => c.code));
    const last = new Map<string, number>();
    const wrong = demo.cases.filter((c) => {
      const m = /^XG-(\d{8})-(\d{4})$/.exec(c.code);
      const n = Number(m?.[2]);
      const ok = m?.[1] === chinaDay(c.createdAt) && n === (last.get(m[1]) ?? 0) + 1;
      last.set(m?.[1] ?? "", n);
      return !ok;
    });
    expect(wrong.map((c) => c.code)).toEqual([]);
    const hotline = demo.cases.filter((c) => c.channel === "hotline");
    expect(hotline.filter((c) => !c.sourceRef)).toEqual([]);
    expectUnique(hotline.map((c) => c.sourceRef ?? ""));
    const oldest = Math.min(...demo.cases.map((c) => c.createdAt));
    expect(ANCHOR - oldest).toBeLessThan(125 * 24 * HOUR);
  });

  it("spreads over every grid, category and channel, with every status represented", () => {
    expect(new Set(demo.cases.map((c) => c.gridKey)).size).toBe(ofLevel("grid").length);
    expect(new Set(demo.cases.map((c) => c.categoryCode)).size).toBe(10);
    expect(Object.keys(countBy(demo.cases, (c) => c.channel)).sort()).toEqual(
      ["courier", "device", "hotline", "patrol", "selfService", "walkIn"].sort(),
    );
    const statuses = countBy(demo.cases, (c) => c.status);
    expect(Object.keys(statuses).sort()).toEqual([...CASE_STATUSES].sort());
    const open = demo.cases.filter((c) => OPEN_STATUSES.includes(c.status));
    const overdue = open.filter(
      (c) => (!c.respondedAt && c.responseDueAt < ANCHOR) || c.resolveDueAt < ANCHOR,
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(open.filter((c) => c.supervisedBy && c.slaDone.length > 0).length).toBeGreaterThan(0);
    expect(demo.cases.filter((c) => !inside(c.lng, c.lat, nodes.get(c.gridKey)))).toEqual([]);
  });

  it("rates closed cases 4–5 about 94 % of the time; a poor rating reopens the case", () => {
    const closed = demo.cases.filter((c) => c.status === "closed");
    expect(closed.filter((c) => !c.rating)).toEqual([]);
    const good = closed.filter((c) => (c.rating ?? 0) >= 4).length / closed.length;
    expect(good).toBeGreaterThanOrEqual(0.92);
    expect(good).toBeLessThanOrEqual(0.96);
    const reopened = demo.cases.filter((c) =>
      c.events.some((e) => e.action === "rate" && (e.data.score as number) <= 2),
    );
    expect(reopened.length).toBeGreaterThan(10);
    expect(reopened.filter((c) => !c.needsReview)).toEqual([]);
    expect(reopened.filter((c) => c.status === "closed").length).toBeGreaterThan(0);
  });

  it("gives each case a timeline that follows the flow, up to now", () => {
    const wrong = demo.cases.filter((c) => {
      const [submit, ...rest] = c.events;
      let status = submit?.to;
      let at = c.createdAt;
      for (const e of rest) {
        if (e.at < at || e.at > ANCHOR) return true;
        at = e.at;
        if (!e.to) continue;
        const rule = status && e.action !== "submit" ? transitionFor(e.action as never, status) : undefined;
        const poorRating =
          e.action === "rate" && (e.data.score as number) <= 2 && e.to === "communityDispatch";
        if (e.from !== status || !rule || (rule.to !== e.to && !poorRating)) return true;
        status = e.to;
      }
      return submit?.action !== "submit" || submit.at !== c.createdAt || status !== c.status;
    });
    expect(wrong.map((c) => c.code)).toEqual([]);
    const whistled = demo.cases.filter((c) => c.events.some((e) => e.action === "whistle" && e.to));
    expect(whistled.filter((c) => c.whistles.length === 0)).toEqual([]);
    const whistles = whistled.flatMap((c) => c.whistles);
    expect(new Set(whistles.map((w) => w.departmentCode)).size).toBeGreaterThanOrEqual(4);
    expect(whistles.filter((w) => w.status === "rated").length).toBeGreaterThan(0);
    expect(whistles.filter((w) => w.overdue).length).toBeGreaterThan(0);
    // flow.test.ts counts the urban bureau's whistles in the first community from zero.
    const first = demo.accountNodes.community;
    const inFirst = (c: (typeof demo.cases)[number]) => nodes.get(c.gridKey)?.parentKey === first;
    expect(
      whistled.filter(inFirst).flatMap((c) => c.whistles.filter((w) => w.departmentCode === "urban")),
    ).toEqual([]);
    const keys = new Map(demo.cases.map((c) => [c.key, c]));
    const merged = demo.cases.filter((c) => c.status === "merged");
    expect(merged.filter((c) => keys.get(c.masterKey ?? "")?.categoryCode !== c.categoryCode)).toEqual([]);
  });

  it("gives the demo resident her own requests and the demo grid worker open work", () => {
    const mine = demo.cases.filter((c) => c.reporter.accountPhone === "13800000007");
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.length).toBeLessThanOrEqual(4);
    expect(mine.map((c) => c.status)).toContain("resolved");
    expect(new Set(mine.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
    const open = demo.cases.filter((c) => c.gridKey === "XG-LJ-001" && OPEN_STATUSES.includes(c.status));
    expect(open.length).toBeGreaterThanOrEqual(5);
  });
});
