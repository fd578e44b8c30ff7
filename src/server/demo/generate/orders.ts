import type { Audience, OrderAction, OrderStatus } from "../../modules/orders/index.ts";
import { DEMO_ACCOUNTS } from "../accounts.ts";
import { personName } from "./names.ts";
import { CANCEL_REASONS, ORDER_CATEGORY_WEIGHTS, ORDER_TEXTS, RATING_WORDS } from "./order-texts.ts";
import { Rng } from "./random.ts";
import type { DemoDistrict, DemoNode, DemoResident } from "./types.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ON_SITE_MINUTES = 30;
/** Its own stream of draws: orders leave every other part of the demo unchanged. */
const ORDERS_SEED = 20261125 + 5;

export interface DemoOrderActor {
  name: string;
  accountPhone?: string;
}

export interface DemoOrderEvent {
  at: number;
  action: OrderAction;
  actor: DemoOrderActor | null;
  from: OrderStatus | null;
  to: OrderStatus;
  note?: string;
  data: Record<string, unknown>;
}

/** An order of the demo district as plain data; the loader resolves its keys and accounts. */
export interface DemoOrder {
  categoryCode: string;
  title: string;
  description: string;
  /** The household it serves; the order lives in that household's grid. */
  householdKey: string;
  gridKey: string;
  /** The community: who may grab. */
  audienceKey: string;
  audience: Audience;
  maxDistanceMeters: number | null;
  lat: number;
  lng: number;
  address: string;
  requester: DemoOrderActor & { phone: string | null };
  publisher: DemoOrderActor;
  status: OrderStatus;
  taker?: DemoOrderActor;
  createdAt: number;
  grabbedAt?: number;
  onSiteDueAt?: number;
  arrivedAt?: number;
  completedAt?: number;
  completionNote?: string;
  score?: number;
  ratingComment?: string;
  ratedAt?: number;
  missed: Array<{ accountPhone: string; grabbedAt: number; dueAt: number; missedAt: number }>;
  events: DemoOrderEvent[];
}

const account = (phone: string): DemoOrderActor => {
  const a = DEMO_ACCOUNTS.find((x) => x.phone === phone);
  if (!a) throw new Error(`no demo account ${phone}`);
  return { name: a.name, accountPhone: a.phone };
};
const MEMBER = "13800000006";
const RESIDENT = "13800000007";
const COMMUNITY_STAFF = "13800000003";

/** What each order of a community becomes; [status, taken by the demo member]. */
type Plan = readonly [OrderStatus, boolean?];
const FIRST_COMMUNITY: readonly Plan[] = [
  ["open"],
  ["open"],
  ["open"],
  ["open"],
  ["open"],
  ["open"],
  ["grabbed"],
  ["onSite"],
  ["completed", true],
  ["completed"],
  ["rated", true],
  ["rated", true],
  ["rated", true],
  ["rated"],
  ["rated"],
  ["rated"],
  ["rated"],
  ["rated"],
  ["cancelled"],
  ["cancelled"],
];
const ELSEWHERE: readonly OrderStatus[] = [
  "open",
  "open",
  "open",
  "grabbed",
  "onSite",
  "completed",
  "completed",
  "rated",
  "rated",
  "rated",
  "rated",
  "rated",
  "rated",
  "rated",
  "rated",
  "rated",
  "rated",
  "rated",
  "cancelled",
  "cancelled",
];

/**
 * About forty orders over the last months in every status (CONTRACT.md), half of them in the
 * first community so that the demo party member 赵明亮 finds open ones in his hall and has served
 * a few himself (one of them for the demo resident 孙秀英, waiting for her rating; one deadline
 * he missed). Deterministic for a given `now`: its own seeded generator.
 */
export function buildOrders(demo: DemoDistrict, now: number): DemoOrder[] {
  const rng = new Rng(ORDERS_SEED);
  const byKey = new Map(demo.nodes.map((n) => [n.key, n]));
  const above = (n: DemoNode, level: DemoNode["level"]): DemoNode | undefined => {
    for (
      let p = n.parentKey ? byKey.get(n.parentKey) : undefined;
      p;
      p = p.parentKey ? byKey.get(p.parentKey) : undefined
    )
      if (p.level === level) return p;
    return undefined;
  };
  const residentsOf = new Map<string, DemoResident[]>();
  for (const r of demo.residents)
    residentsOf.set(r.householdKey, [...(residentsOf.get(r.householdKey) ?? []), r]);
  const households = demo.nodes.filter((n) => n.level === "household" && n.lat !== undefined);
  const inCommunity = (key: string) => households.filter((h) => above(h, "community")?.key === key);
  const communities = demo.nodes.filter((n) => n.level === "community");
  const first = demo.accountNodes.community;
  const other = communities.filter((c) => c.key !== first);

  // Takers: the community's own party members (the demo member is one of the first community's).
  const residentByKey = new Map(demo.residents.map((r) => [r.key, r]));
  const membersOf = new Map<string, string[]>();
  for (const m of demo.partyMembers) {
    const r = residentByKey.get(m.residentKey);
    const h = r && byKey.get(r.householdKey);
    const c = h && above(h, "community");
    if (r && c) membersOf.set(c.key, [...(membersOf.get(c.key) ?? []), r.name]);
  }

  const orders: DemoOrder[] = [];
  const make = (communityKey: string, status: OrderStatus, byMember: boolean, forResident: boolean) => {
    const pool = inCommunity(communityKey);
    const household = forResident
      ? (byKey.get(demo.accountNodes.household) as DemoNode)
      : rng.pick(pool.length > 0 ? pool : households);
    const grid = above(household, "grid") as DemoNode;
    const people = residentsOf.get(household.key) ?? [];
    const person = forResident ? people.find((p) => p.phone === RESIDENT) : rng.pick(people);
    const requester = forResident
      ? { ...account(RESIDENT), phone: RESIDENT }
      : { name: person?.name ?? "居民", phone: person?.phone ?? null };
    const publisher =
      communityKey === first
        ? account(COMMUNITY_STAFF)
        : { name: personName(rng, rng.chance(0.6) ? "female" : "male", rng.int(1975, 1996)) };
    const members = membersOf.get(communityKey) ?? [];
    const taker = byMember
      ? account(MEMBER)
      : { name: members.length > 0 ? rng.pick(members) : personName(rng, "male", rng.int(1960, 1995)) };
    const categoryCode = rng.weighted(ORDER_CATEGORY_WEIGHTS);
    const [title, need, done] = rng.pick(ORDER_TEXTS[categoryCode] ?? []);
    orders.push(
      timeline(rng, now, status, {
        categoryCode,
        title,
        description: need,
        householdKey: household.key,
        gridKey: grid.key,
        audienceKey: communityKey,
        audience: rng.weighted([
          ["both", 6],
          ["members", 3],
          ["volunteers", 1],
        ] as const),
        // A few open orders are for people nearby only (the demo member has no such limit on most).
        maxDistanceMeters: status === "open" && rng.chance(0.2) ? 2000 : null,
        lat: household.lat ?? 0,
        lng: household.lng ?? 0,
        address: household.address ?? household.name,
        requester,
        publisher,
        taker,
        completionNote: done,
      }),
    );
  };
  // The resident's own order: completed by the demo member, waiting for her rating.
  for (const [status, byMember = false] of FIRST_COMMUNITY)
    make(first, status, byMember, status === "completed" && byMember);
  ELSEWHERE.forEach((status, i) => {
    make((other[i % other.length] as DemoNode).key, status, false, false);
  });
  // The demo member once let a deadline pass: the order went back to the pool and another took it.
  const missedOne = orders.find((o) => o.status === "rated" && o.taker?.accountPhone !== MEMBER);
  if (missedOne?.grabbedAt) missAt(missedOne);
  return orders;
}

type Fields = Omit<DemoOrder, "status" | "createdAt" | "missed" | "events" | "taker" | "completionNote"> & {
  taker: DemoOrderActor;
  completionNote: string;
};

/** The order's steps from publishing to `status`, at plausible times, the last of them before now. */
function timeline(rng: Rng, now: number, status: OrderStatus, f: Fields): DemoOrder {
  const recent = status === "open" || status === "grabbed" || status === "onSite";
  const createdAt = recent
    ? now - rng.int(status === "open" ? 10 : 45, status === "open" ? 2 * 24 * 60 : 90) * MINUTE
    : now - rng.int(2, 110) * DAY - rng.int(0, 10 * 60) * MINUTE;
  const { taker, completionNote, ...rest } = f;
  const o: DemoOrder = { ...rest, status, createdAt, missed: [], events: [] };
  const step = (
    at: number,
    action: OrderAction,
    actor: DemoOrderActor | null,
    from: OrderStatus | null,
    to: OrderStatus,
    note?: string,
    data: Record<string, unknown> = {},
  ) => o.events.push({ at, action, actor, from, to, ...(note ? { note } : {}), data });
  step(createdAt, "publish", f.publisher, null, "open", undefined, { audience: f.audience });
  if (status === "open") return o;
  if (status === "cancelled") {
    step(
      createdAt + rng.int(20, 300) * MINUTE,
      "cancel",
      f.publisher,
      "open",
      "cancelled",
      rng.pick(CANCEL_REASONS),
    );
    return o;
  }
  // Held now: grabbed a few minutes ago, so the deadline is still ahead when the demo is loaded.
  const grabbedAt = status === "grabbed" ? now - rng.int(2, 6) * MINUTE : createdAt + rng.int(2, 40) * MINUTE;
  Object.assign(o, { taker, grabbedAt, onSiteDueAt: grabbedAt + ON_SITE_MINUTES * MINUTE });
  step(grabbedAt, "grab", taker, "open", "grabbed");
  if (status === "grabbed") return o;
  const arrivedAt = Math.min(grabbedAt + rng.int(8, 28) * MINUTE, now - MINUTE);
  o.arrivedAt = arrivedAt;
  step(arrivedAt, "arrive", taker, "grabbed", "onSite");
  if (status === "onSite") return o;
  const completedAt = arrivedAt + rng.int(20, 120) * MINUTE;
  Object.assign(o, { completedAt, completionNote });
  step(completedAt, "complete", taker, "onSite", "completed", completionNote);
  if (status === "completed") return o;
  const score = rng.weighted([
    [5, 14],
    [4, 5],
    [3, 1],
  ] as const);
  const ratedAt = completedAt + rng.int(1, 48) * HOUR;
  const comment = rng.pick(RATING_WORDS);
  // Most served people have no account: the community records their rating on a callback (回访).
  Object.assign(o, { score, ratingComment: comment, ratedAt });
  step(ratedAt, "rate", f.publisher, "completed", "rated", comment, { score, by: "callback" });
  return o;
}

/** An earlier grab by the demo member that missed its deadline, before the grab that served it. */
function missAt(o: DemoOrder) {
  const grabbedAt = (o.grabbedAt as number) - 40 * MINUTE;
  const dueAt = grabbedAt + ON_SITE_MINUTES * MINUTE;
  o.createdAt = Math.min(o.createdAt, grabbedAt - 5 * MINUTE);
  o.missed.push({ accountPhone: MEMBER, grabbedAt, dueAt, missedAt: dueAt });
  const [publish, ...rest] = o.events;
  o.events = [
    { ...(publish as DemoOrderEvent), at: o.createdAt },
    { at: grabbedAt, action: "grab", actor: account(MEMBER), from: "open", to: "grabbed", data: {} },
    {
      at: dueAt,
      action: "miss",
      actor: null,
      from: "grabbed",
      to: "open",
      note: `${account(MEMBER).name}未在到场时限内到达，订单退回大厅`,
      data: {},
    },
    ...rest,
  ];
}
