import type { ClaimerKind, WishCategory, WisherKind, WishStatus } from "../../modules/wishes/index.ts";
import { DEMO_ACCOUNTS } from "../accounts.ts";
import { Rng } from "./random.ts";
import type { DemoDistrict, DemoResident } from "./types.ts";
import { FULFIL_NOTES, REJECT_REASONS, THANKS, WISH_TEXTS } from "./wish-texts.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Adults are those born before this day (18 on the demo's reference day, 2026-11-25). */
const ADULT_BORN_BEFORE = "2008-11-25";

export interface DemoWishActor {
  name: string;
  accountPhone?: string;
}

export interface DemoWishEvent {
  at: number;
  action: "post" | "approve" | "reject" | "claim" | "fulfil" | "confirm" | "withdraw";
  actor: DemoWishActor;
  from: WishStatus | null;
  to: WishStatus;
  note?: string;
}

/** A wish of the demo district as plain data; the loader resolves its keys and accounts. */
export interface DemoWish {
  /** The wisher's household node. */
  nodeKey: string;
  wisher: DemoWishActor & { phone: string | null };
  wisherKind: WisherKind;
  category: WishCategory;
  title: string;
  description: string;
  status: WishStatus;
  createdAt: number;
  publishedAt?: number;
  claimedAt?: number;
  fulfilledAt?: number;
  confirmedAt?: number;
  reviewer: DemoWishActor;
  reviewNote?: string;
  claimer?: DemoWishActor & { kind: ClaimerKind; unitKey?: string; unitName?: string };
  fulfilNote?: string;
  thanks?: string;
  events: DemoWishEvent[];
}

/** How long a wish waits in each step (days, min–max), and how long it has sat in its status. */
const STEP_DAYS = { review: [0.1, 1.5], claim: [0.3, 8], fulfil: [1, 10], confirm: [0.2, 3] } as const;
const IDLE_DAYS: Record<WishStatus, readonly [number, number]> = {
  pending: [0.1, 2],
  published: [0.5, 20],
  claimed: [0.5, 6],
  fulfilled: [0.2, 2],
  confirmed: [1, 90],
  rejected: [1, 60],
  withdrawn: [1, 60],
};
/** The wishes besides the scripted ones, by status. */
const RANDOM_STATUSES: ReadonlyArray<readonly [WishStatus, number]> = [
  ["confirmed", 22],
  ["fulfilled", 4],
  ["claimed", 6],
  ["published", 8],
  ["pending", 4],
  ["rejected", 3],
  ["withdrawn", 2],
];

const account = (phone: string): DemoWishActor => {
  const a = DEMO_ACCOUNTS.find((x) => x.phone === phone);
  if (!a) throw new Error(`no demo account ${phone}`);
  return { name: a.name, accountPhone: a.phone };
};

/**
 * About sixty wishes over the last months in every status (CONTRACT.md): most from residents, some
 * from new-economy workers (floating residents of working age), claimed by demo party members and
 * paired units. Scripted for the demo accounts: the resident 13800000007 has a fulfilled wish
 * awaiting her confirmation and one awaiting review; the in-service member 13800000006 has claims
 * of his own; the wall of the first community has several open wishes. Its own random stream, so
 * that the rest of the district is the same with or without it.
 */
export function buildWishes(demo: DemoDistrict, now: number, seed = 20261125): DemoWish[] {
  const rng = new Rng(seed ^ 0x77697368);
  const parentOf = new Map(demo.nodes.map((n) => [n.key, n.parentKey]));
  const levelOf = new Map(demo.nodes.map((n) => [n.key, n.level]));
  const nameOf = new Map(demo.nodes.map((n) => [n.key, n.name]));
  const communityOf = (key: string): string => {
    let k: string | undefined = key;
    while (k && levelOf.get(k) !== "community") k = parentOf.get(k);
    if (!k) throw new Error(`no community above ${key}`);
    return k;
  };
  const communities = demo.nodes.filter((n) => n.level === "community").map((n) => n.key);
  const first = demo.accountNodes.community;
  const residentHome = demo.accountNodes.household;

  // Who wishes: adults with a phone, outside the demo resident's own household.
  const wishers = new Map<string, DemoResident[]>();
  const workers = new Map<string, DemoResident[]>();
  for (const r of demo.residents) {
    if (!r.phone || r.birthDate >= ADULT_BORN_BEFORE || r.householdKey === residentHome) continue;
    const c = communityOf(r.householdKey);
    const young = r.birthDate >= "1981-01-01" && r.birthDate < "2006-01-01";
    const list = r.residenceType === "floating" && young ? workers : wishers;
    list.set(c, [...(list.get(c) ?? []), r]);
  }
  const residentName = new Map(demo.residents.map((r) => [r.key, r.name]));
  const members = demo.partyMembers.map((m) => ({
    name: residentName.get(m.residentKey) ?? "",
    workUnitKey: m.workUnitKey,
  }));
  const units = demo.units.filter((u) => u.kind === "unit");
  const reviewerOf = (community: string): DemoWishActor =>
    community === first ? account("13800000003") : { name: `${nameOf.get(community)}居委会` };

  const wishes: DemoWish[] = [];
  const add = (w: {
    status: WishStatus;
    community: string;
    category?: WishCategory;
    kind?: WisherKind;
    wisher?: DemoWish["wisher"] & { nodeKey: string };
    claimer?: DemoWish["claimer"];
    idle?: readonly [number, number];
  }) => {
    const kind =
      w.kind ?? (w.category === "work" || (!w.category && rng.chance(0.2)) ? "newEconomyWorker" : "resident");
    const category = w.category ?? (kind === "newEconomyWorker" ? "work" : pickCategory(rng));
    const pool = (kind === "newEconomyWorker" ? workers : wishers).get(w.community) ?? [];
    const person = pool.length > 0 ? rng.pick(pool) : rng.pick([...wishers.values()].flat());
    const wisher = w.wisher ?? { name: person.name, phone: person.phone, nodeKey: person.householdKey };
    const [title, description] = rng.pick(WISH_TEXTS[category]);
    wishes.push(
      lifeOf(rng, now, {
        nodeKey: wisher.nodeKey,
        wisher: { name: wisher.name, phone: wisher.phone, accountPhone: wisher.accountPhone },
        wisherKind: kind,
        category,
        title,
        description,
        status: w.status,
        reviewer: reviewerOf(w.community),
        claimer: w.claimer ?? claimerFor(w.community),
        idle: w.idle,
      }),
    );
  };
  const claimerFor = (community: string): DemoWish["claimer"] => {
    if (rng.chance(0.6)) return { kind: "member", name: rng.pick(members).name };
    const local = units.filter((u) => u.nodeKey === community);
    const unit = rng.pick(local.length > 0 ? local : units);
    const staff = members.filter((m) => m.workUnitKey === unit.key);
    const name = staff.length > 0 ? rng.pick(staff).name : unit.contactName;
    return { kind: "unit", name, unitKey: unit.key, unitName: unit.name };
  };

  // The demo accounts' own wishes and claims.
  const resident = account("13800000007");
  const member = { kind: "member" as const, ...account("13800000006") };
  const her = { ...resident, phone: "13800000007", nodeKey: residentHome };
  add({
    status: "fulfilled",
    community: first,
    category: "health",
    kind: "resident",
    wisher: her,
    claimer: member,
    idle: [0.5, 1],
  });
  add({
    status: "pending",
    community: first,
    category: "elderly",
    kind: "resident",
    wisher: her,
    idle: [0.1, 0.3],
  });
  add({ status: "claimed", community: first, claimer: member, idle: [0.5, 2] });
  for (let i = 0; i < 2; i++) add({ status: "confirmed", community: first, claimer: member });
  // The first community's wall: several wishes waiting for a claimer, one from a courier.
  add({ status: "published", community: first, category: "work", kind: "newEconomyWorker" });
  for (let i = 0; i < 5; i++) add({ status: "published", community: first, idle: [0.3, 12] });
  for (const [status, n] of RANDOM_STATUSES)
    for (let i = 0; i < n; i++) add({ status, community: rng.pick(communities) });
  return wishes.sort((a, b) => a.createdAt - b.createdAt);
}

function pickCategory(rng: Rng): WishCategory {
  return rng.weightedKey({ study: 5, daily: 6, health: 4, elderly: 5, children: 4, other: 1 });
}

const between = (rng: Rng, [lo, hi]: readonly [number, number]) => (lo + (hi - lo) * rng.next()) * DAY;

/** The wish's dates and timeline, walked back from now so that every step lies in the past. */
function lifeOf(
  rng: Rng,
  now: number,
  w: Omit<DemoWish, "createdAt" | "events"> & { idle?: readonly [number, number] },
): DemoWish {
  const { idle, ...wish } = w;
  const s = w.status;
  const published = s !== "pending" && s !== "rejected" && !(s === "withdrawn" && rng.chance(0.5));
  const claimed = s === "claimed" || s === "fulfilled" || s === "confirmed";
  const fulfilled = s === "fulfilled" || s === "confirmed";
  const steps = [
    s === "pending" ? 0 : between(rng, STEP_DAYS.review),
    claimed ? between(rng, STEP_DAYS.claim) : 0,
    fulfilled ? between(rng, STEP_DAYS.fulfil) : 0,
    s === "confirmed" ? between(rng, STEP_DAYS.confirm) : 0,
  ];
  const createdAt = Math.round(now - between(rng, idle ?? IDLE_DAYS[s]) - steps.reduce((a, b) => a + b, 0));
  const at = (n: number) => Math.round(createdAt + steps.slice(0, n).reduce((a, b) => a + b, 0));
  const wisher = { name: w.wisher.name, accountPhone: w.wisher.accountPhone };
  const events: DemoWishEvent[] = [
    { at: createdAt, action: "post", actor: wisher, from: null, to: "pending" },
  ];
  const out: DemoWish = { ...wish, claimer: claimed ? w.claimer : undefined, createdAt, events };
  if (s === "rejected") {
    out.reviewNote = rng.pick(REJECT_REASONS);
    events.push({
      at: at(1),
      action: "reject",
      actor: w.reviewer,
      from: "pending",
      to: "rejected",
      note: out.reviewNote,
    });
  }
  if (published) {
    out.publishedAt = at(1);
    events.push({ at: at(1), action: "approve", actor: w.reviewer, from: "pending", to: "published" });
  }
  if (claimed && w.claimer) {
    out.claimedAt = at(2);
    const note = w.claimer.unitName ? `代表${w.claimer.unitName}认领` : undefined;
    const actor = { name: w.claimer.name, accountPhone: w.claimer.accountPhone };
    events.push({ at: at(2), action: "claim", actor, from: "published", to: "claimed", note });
    if (fulfilled) {
      out.fulfilledAt = at(3);
      out.fulfilNote = rng.pick(FULFIL_NOTES[w.category]);
      events.push({
        at: at(3),
        action: "fulfil",
        actor,
        from: "claimed",
        to: "fulfilled",
        note: out.fulfilNote,
      });
    }
  }
  if (s === "confirmed") {
    out.confirmedAt = at(4);
    out.thanks = rng.chance(0.7) ? rng.pick(THANKS) : undefined;
    events.push({
      at: at(4),
      action: "confirm",
      actor: wisher,
      from: "fulfilled",
      to: "confirmed",
      note: out.thanks,
    });
  }
  if (s === "withdrawn") {
    const from = published ? "published" : "pending";
    events.push({
      at: Math.round((at(1) + now) / 2),
      action: "withdraw",
      actor: wisher,
      from,
      to: "withdrawn",
    });
  }
  return out;
}
