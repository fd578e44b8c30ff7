import type { PromiseStatus } from "../../modules/engagement/walls/tables.ts";
import type { DemoReportIn } from "./engagement.ts";
import { chinaDay, DAY, dayStart, HOUR, type InServiceMember } from "./engagement-calendar.ts";
import type { DemoRecord } from "./engagement-services.ts";
import { CALL_UP, PIONEER_CITATIONS, PROMISES } from "./engagement-wall-texts.ts";
import { rectOf } from "./geometry.ts";
import type { Rng } from "./random.ts";
import type { DemoDistrict, DemoNode } from "./types.ts";

export interface DemoPromise {
  memberKey: string;
  accountPhone?: string;
  homeKey: string;
  year: number;
  text: string;
  status: PromiseStatus;
  keptNote?: string;
  keptAt?: number;
  createdAt: number;
}

export interface DemoPioneer {
  memberKey: string;
  homeKey: string;
  communityKey: string;
  year: number;
  citation: string;
  createdBy?: string;
  createdAt: number;
}

type Point = { lat: number; lng: number };

export interface DemoCallUp {
  template: "flood";
  kind: "squad";
  name: string;
  purpose: string;
  communityKey: string;
  place: string;
  location: Point;
  raisedBy?: string;
  raisedAt: number;
  dissolvedAt: number;
  dissolveNote: string;
  members: Array<{
    memberKey: string;
    leader: "leader" | "member";
    notifiedAt: number;
    reportedAt?: number;
    reportedLocation?: Point;
    reportedNote?: string;
  }>;
}

export interface DemoWalls {
  promises: DemoPromise[];
  pioneers: DemoPioneer[];
  callUps: DemoCallUp[];
}

interface Context {
  now: number;
  /** The account community, whose staff are demo accounts. */
  account: string;
  reviewer: string;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * 承诺墙, 先锋墙 and one past call-up (P4–P5): a promise from most members reported in this year
 * (published, a few waiting for the community, some kept; none from the member account, who writes
 * his own on the phone); two or three pioneers per paired community, those with the most approved services; and
 * last summer's flood squad in the account community, dissolved, so no one's call-up list has work.
 */
export function buildWalls(
  rng: Rng,
  demo: DemoDistrict,
  members: readonly InServiceMember[],
  reportIns: readonly DemoReportIn[],
  records: readonly DemoRecord[],
  ctx: Context,
): DemoWalls {
  const year = Number(chinaDay(ctx.now).slice(0, 4));
  const byKey = new Map(members.map((m) => [m.key, m]));
  const approved = reportIns.filter((r) => r.year === year && r.status === "approved");

  const promises: DemoPromise[] = [];
  let keptOne = false;
  // One waits for the community's staff, the account community's if it can, so their queue has work.
  const others = approved.filter((r) => !r.accountPhone);
  const queued = (others.find((r) => r.communityKey === ctx.account) ?? others[0])?.memberKey;
  for (const r of approved) {
    const m = byKey.get(r.memberKey);
    // The member account writes his own promise (a demo visitor tries it; the walls' browser test does).
    // Beside the waiting one, the wall always has a published promise, and a kept one.
    if (!m || m.accountPhone || (m.key !== queued && keptOne && !rng.chance(0.8))) continue;
    const [text, kept] = rng.pick(PROMISES);
    const createdAt = Math.min(ctx.now - DAY, (r.decidedAt ?? r.createdAt) + rng.int(1, 30) * DAY);
    const status: PromiseStatus =
      m.key !== queued && (!keptOne || !rng.chance(0.1)) ? "published" : "pending";
    const keptAt: number | undefined =
      status === "published" && (!keptOne || rng.chance(0.3))
        ? Math.round(createdAt + (ctx.now - createdAt) * (0.5 + 0.4 * rng.next()))
        : undefined;
    promises.push({
      memberKey: m.key,
      accountPhone: m.accountPhone,
      homeKey: m.home,
      year,
      text,
      status,
      ...(keptAt !== undefined && { keptNote: kept, keptAt }),
      createdAt,
    });
    keptOne ||= keptAt !== undefined;
  }

  const served = new Map<string, number>();
  for (const s of records)
    if (s.status === "approved" && s.servedOn >= `${year}-01-01`)
      served.set(s.memberKey, (served.get(s.memberKey) ?? 0) + 1);
  const pioneers: DemoPioneer[] = [];
  const communities = [...new Set(approved.map((r) => r.communityKey))].sort();
  for (const community of communities) {
    // The member account stays off the wall: the walls' tests name him themselves.
    const best = approved
      .filter((r) => r.communityKey === community && !r.accountPhone)
      .sort((a, b) => (served.get(b.memberKey) ?? 0) - (served.get(a.memberKey) ?? 0))
      .slice(0, rng.int(2, 3));
    for (const r of best) {
      const m = byKey.get(r.memberKey) as InServiceMember;
      pioneers.push({
        memberKey: m.key,
        homeKey: m.home,
        communityKey: community,
        year,
        citation: rng.pick(PIONEER_CITATIONS),
        createdBy: community === ctx.account ? ctx.reviewer : undefined,
        createdAt: Math.max(dayStart(`${year}-01-01`), ctx.now - rng.int(10, 90) * DAY),
      });
    }
  }
  return { promises, pioneers, callUps: [floodSquad(rng, demo, year - 1, ctx)] };
}

/** Last July's flood squad in the account community: eight of its party members (all in the small demo), most reported. */
function floodSquad(rng: Rng, demo: DemoDistrict, lastYear: number, ctx: Context): DemoCallUp {
  const nodes = new Map(demo.nodes.map((n) => [n.key, n]));
  const communityOf = (key: string) => {
    let at: DemoNode | undefined = nodes.get(key);
    while (at && at.level !== "community") at = nodes.get(at.parentKey ?? "");
    return at?.key;
  };
  const homes = new Map(demo.residents.map((r) => [r.key, r]));
  const living = demo.partyMembers.filter((m) => {
    const r = homes.get(m.residentKey);
    return r && communityOf(r.householdKey) === ctx.account;
  });
  const called = rng.sample(living, Math.min(8, living.length));
  const venue = demo.venues.find((v) => v.nodeKey === ctx.account && v.kind === "serviceCentre");
  const geometry = nodes.get(ctx.account)?.geometry;
  const box = geometry ? rectOf(geometry) : undefined;
  const centre: Point = venue
    ? { lat: venue.lat, lng: venue.lng }
    : box
      ? { lat: round6((box.south + box.north) / 2), lng: round6((box.west + box.east) / 2) }
      : { lat: 0, lng: 0 };
  const raisedAt =
    dayStart(`${lastYear}-07-${String(rng.int(10, 20)).padStart(2, "0")}`) + rng.int(6, 20) * HOUR;
  const near = (): Point => ({
    lat: round6(centre.lat + (rng.next() - 0.5) * 0.004),
    lng: round6(centre.lng + (rng.next() - 0.5) * 0.004),
  });
  return {
    template: "flood",
    kind: "squad",
    name: CALL_UP.name,
    purpose: CALL_UP.purpose,
    communityKey: ctx.account,
    place: venue?.name ?? "社区党群服务中心",
    location: centre,
    raisedBy: ctx.reviewer,
    raisedAt,
    dissolvedAt: raisedAt + rng.int(12, 20) * DAY,
    dissolveNote: CALL_UP.dissolveNote,
    members: called.map((m, i) => {
      const notifiedAt = raisedAt + rng.int(2, 10) * 60_000;
      const reported = i === 0 || rng.chance(0.8);
      const reportedAt = notifiedAt + rng.int(10, 90) * 60_000;
      return {
        memberKey: m.key,
        leader: i === 0 ? "leader" : "member",
        notifiedAt,
        ...(reported && {
          reportedAt,
          reportedLocation: near(),
          reportedNote: rng.pick(CALL_UP.notes) || undefined,
        }),
      };
    }),
  };
}
