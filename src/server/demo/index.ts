import { countUsers, ensureUser } from "../modules/accounts/index.ts";
import { addDepartmentStaff, type BulkCase, bulkInsertCases } from "../modules/cases/index.ts";
import { bulkInsertOrders } from "../modules/orders/index.ts";
import { bulkInsertOrgs, bulkInsertPartTimeMembers, bulkInsertUnits } from "../modules/org/index.ts";
import {
  bulkInsertHouseholds,
  bulkInsertPartyMembers,
  bulkInsertResidents,
  bulkInsertStaff,
} from "../modules/people/index.ts";
import { bulkInsertMerchants, bulkInsertVenues } from "../modules/places/index.ts";
import { bulkInsertNodes, type InsertedNode } from "../modules/territory/index.ts";
import { bulkInsertWishes } from "../modules/wishes/index.ts";
import { audited, SYSTEM } from "../platform/audit/index.ts";
import { hashPassword } from "../platform/auth/index.ts";
import type { Db, Tx } from "../platform/db/index.ts";
import type { PiiVault } from "../platform/pii/index.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts.ts";
import { writeEngagement } from "./engagement.ts";
import { DEMO_SIZES, type DemoSizeName, generateDemo } from "./generate/index.ts";
import { buildOrders } from "./generate/orders.ts";
import type { DemoActor, DemoCase, DemoDistrict } from "./generate/types.ts";
import { buildWishes } from "./generate/wishes.ts";
import { ordersOf } from "./orders.ts";
import { writePoints } from "./points.ts";
import { writeVolunteering } from "./volunteering.ts";
import { wishesOf } from "./wishes.ts";

export interface DemoResult {
  created: boolean;
  accounts: typeof DEMO_ACCOUNTS;
  password: string;
}

export type Progress = (message: string) => void;

/** Loads the demo district (CONTRACT.md) into an empty database holding the modules' first data (bootstrap); does nothing when users exist. */
export async function loadDemo(
  db: Db,
  vault: PiiVault,
  progress: Progress = () => {},
  size: DemoSizeName = "full",
): Promise<DemoResult> {
  const result = { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD };
  if ((await countUsers(db)) > 0) return { created: false, ...result };
  const started = Date.now();
  const step = (what: string) => progress(`  [${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);
  step("generating the demo district…");
  const demo = generateDemo(undefined, undefined, DEMO_SIZES[size]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await audited(db, SYSTEM, async (tx, audit) => {
    const { nodes, households, units, members } = await writeDistrict(tx, vault, demo, step);
    step("demo accounts…");
    const users = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const nodeId = nodes.get(demo.accountNodes[a.node as keyof DemoDistrict["accountNodes"]])?.id;
      if (!nodeId) throw new Error(`demo account node ${a.node} missing`);
      const user = await ensureUser(tx, {
        phone: a.phone,
        name: a.name,
        passwordHash,
        roles: [{ role: a.role, nodeId }],
      });
      users.set(a.phone, user.id);
      if (a.department) await addDepartmentStaff(tx, a.department, user.id);
    }
    // After the accounts: cases refer to the demo staff and the resident by user id.
    step(`cases: ${demo.cases.length} with their timelines and whistles…`);
    await bulkInsertCases(tx, casesOf(demo, nodes, households, users));
    const orders = buildOrders(demo, Date.now());
    step(`orders: ${orders.length} with their timelines…`);
    await bulkInsertOrders(tx, ordersOf(orders, { nodes, users }));
    step("volunteering: volunteers (users without passwords), teams, activities…");
    await writeVolunteering(tx, demo, nodes, users);
    const wishes = buildWishes(demo, Date.now());
    step(`wishes: ${wishes.length} with their timelines…`);
    await bulkInsertWishes(tx, wishesOf(wishes, { nodes, users, units }));
    step("双报到: pairings, report-ins, service records, feedback cards, visits, rota…");
    await writeEngagement(tx, demo, { nodes, households, units, members, users });
    step("积分: rules, postings, the points shop, inspections, ratings, rankings…");
    await writePoints(tx, demo, vault, { nodes, members, users });
    await audit({
      action: "demo.load",
      entity: "district",
      entityId: nodes.get(demo.accountNodes.district)?.id,
    });
  });
  step(
    `done: ${demo.nodes.length} territory nodes, ${demo.residents.length} residents, ${demo.partyMembers.length} party members, ${demo.cases.length} cases`,
  );
  return { created: true, ...result };
}

type Households = Map<string, { id: string; territoryPath: string }>;

/** Writes the whole district; returns the territory nodes and households by demo key. */
async function writeDistrict(
  tx: Tx,
  vault: PiiVault,
  demo: DemoDistrict,
  step: Progress,
): Promise<{
  nodes: Map<string, InsertedNode>;
  households: Households;
  units: Map<string, string>;
  members: Map<string, string>;
}> {
  step(`territory: ${demo.nodes.length} nodes…`);
  const nodes = await bulkInsertNodes(tx, demo.nodes);
  const node = (key: string) => {
    const n = nodes.get(key);
    if (!n) throw new Error(`demo node ${key} missing`);
    return { nodeId: n.id, territoryPath: n.path };
  };

  const householdNodes = demo.nodes.filter((n) => n.level === "household");
  step(`households: ${householdNodes.length}…`);
  const households = await bulkInsertHouseholds(
    tx,
    householdNodes.map((n) => ({ key: n.key, ...node(n.key), address: n.address ?? n.name })),
  );
  const household = (key: string) => {
    const h = households.get(key);
    if (!h) throw new Error(`demo household ${key} missing`);
    return h;
  };

  step(`residents: ${demo.residents.length} (身份证 encrypted)…`);
  const residents = await bulkInsertResidents(
    tx,
    vault,
    demo.residents.map((r) => {
      const h = household(r.householdKey);
      return { ...r, householdId: h.id, territoryPath: h.territoryPath };
    }),
  );
  const residentHome = new Map(demo.residents.map((r) => [r.key, household(r.householdKey).territoryPath]));

  step(`units, party organisations (${demo.orgs.length}), part-time members…`);
  const units = await bulkInsertUnits(
    tx,
    demo.units.map((u) => ({ ...u, ...node(u.nodeKey) })),
  );
  const depth = new Map<string, number>();
  const parentOf = new Map(demo.orgs.map((o) => [o.key, o.parentKey]));
  const depthOf = (key: string): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    const p = parentOf.get(key);
    const d = p ? depthOf(p) + 1 : 0;
    depth.set(key, d);
    return d;
  };
  const orgs = await bulkInsertOrgs(
    tx,
    [...demo.orgs]
      .sort((a, b) => depthOf(a.key) - depthOf(b.key))
      .map((o) => ({ ...o, ...node(o.nodeKey), unitId: o.unitKey ? units.get(o.unitKey) : undefined })),
  );
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo reference ${key} missing`);
    return id;
  };
  await bulkInsertPartTimeMembers(
    tx,
    demo.partTimeMembers.map((m) => ({ ...m, orgId: idOf(orgs, m.orgKey), unitId: idOf(units, m.unitKey) })),
  );

  step(`party members: ${demo.partyMembers.length}…`);
  const members = await bulkInsertPartyMembers(
    tx,
    demo.partyMembers.map((m) => ({
      key: m.key,
      residentId: idOf(residents, m.residentKey),
      territoryPath: residentHome.get(m.residentKey) ?? "",
      category: m.category,
      orgId: idOf(orgs, m.orgKey),
      workUnitId: m.workUnitKey ? idOf(units, m.workUnitKey) : undefined,
      joinedOn: m.joinedOn,
    })),
  );

  step(`grid staff: ${demo.staff.length}…`);
  await bulkInsertStaff(
    tx,
    demo.staff.map((s) => ({
      ...s,
      ...node(s.nodeKey),
      residentId: s.residentKey ? residents.get(s.residentKey) : undefined,
      householdIds: s.householdKeys?.map((k) => household(k).id),
    })),
  );

  step(`venues (${demo.venues.length}) and merchants (${demo.merchants.length})…`);
  await bulkInsertVenues(
    tx,
    demo.venues.map((v) => ({ ...v, ...node(v.nodeKey) })),
  );
  await bulkInsertMerchants(
    tx,
    demo.merchants.map((m) => ({ ...m, ...node(m.nodeKey) })),
  );
  return { nodes, households, units, members };
}

/** The demo cases with ids for their places and for the demo accounts among their people. */
function casesOf(
  demo: DemoDistrict,
  nodes: Map<string, InsertedNode>,
  households: Households,
  users: Map<string, string>,
): BulkCase[] {
  const parentOf = new Map(demo.nodes.map((n) => [n.key, n.parentKey]));
  const idOf = (key: string | undefined) => (key ? (nodes.get(key)?.id ?? null) : null);
  const userOf = (a: DemoActor | undefined) => (a?.accountPhone ? (users.get(a.accountPhone) ?? null) : null);
  const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));
  return demo.cases.map((c: DemoCase) => {
    const grid = nodes.get(c.gridKey);
    const community = parentOf.get(c.gridKey);
    if (!grid) throw new Error(`demo case grid ${c.gridKey} missing`);
    const { gridKey, householdKey, reporter, events, whistles, ...fields } = c;
    return {
      ...fields,
      createdAt: new Date(c.createdAt),
      updatedAt: new Date(c.updatedAt),
      responseDueAt: new Date(c.responseDueAt),
      resolveDueAt: new Date(c.resolveDueAt),
      respondedAt: date(c.respondedAt),
      resolvedAt: date(c.resolvedAt),
      closedAt: date(c.closedAt),
      householdId: householdKey ? (households.get(householdKey)?.id ?? null) : null,
      gridId: grid.id,
      communityId: idOf(community),
      streetId: idOf(parentOf.get(community ?? "")),
      territoryPath: grid.path,
      reporterUserId: userOf(reporter),
      reporterName: reporter.name,
      reporterPhone: reporter.phone ?? null,
      events: events.map(({ at, actor, from, to, ...e }) => ({
        ...e,
        at: new Date(at),
        actorId: userOf(actor),
        actorName: actor?.name ?? null,
        fromStatus: from,
        toStatus: to,
      })),
      whistles: whistles.map((w) => ({
        ...w,
        createdAt: new Date(w.createdAt),
        deadline: new Date(w.deadline),
        acceptedAt: date(w.acceptedAt),
        reportedAt: date(w.reportedAt),
        whistledBy: userOf(w.whistledBy),
      })),
    };
  });
}
