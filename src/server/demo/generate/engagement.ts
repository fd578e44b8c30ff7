import {
  MENU_ITEMS,
  type MenuItem,
  type ReportInStatus,
  SIX_FIXES,
  type SixFix,
} from "../../modules/engagement/tables.ts";
import { CHINA, chinaDay, DAY, dayStart, type InServiceMember } from "./engagement-calendar.ts";
import { buildServices, type DemoServices } from "./engagement-services.ts";
import { buildTalentPool, type DemoTalentPool } from "./engagement-talent.ts";
import { SIX_FIX_TEXTS } from "./engagement-texts.ts";
import { buildWalls, type DemoWalls } from "./engagement-walls.ts";
import { Rng } from "./random.ts";
import type { DemoDistrict, DemoNode } from "./types.ts";

const MEMBER_ACCOUNT = "13800000006";
const UNIT_ACCOUNT = "13800000010";
const COMMUNITY_ACCOUNT = "13800000003";

export interface DemoPairing {
  key: string;
  unitKey: string;
  communityKey: string;
  startsOn: string;
  endsOn: string;
  commitments: Record<SixFix, string>;
  createdAt: number;
}

export interface DemoReportIn {
  memberKey: string;
  accountPhone?: string;
  unitKey: string;
  pairingKey: string;
  communityKey: string;
  year: number;
  status: ReportInStatus;
  letterIssuedAt?: number;
  menu: MenuItem[];
  returnReason?: string;
  /** The community's reviewer, when a demo account (the first community's staff). */
  decidedBy?: string;
  decidedAt?: number;
  createdAt: number;
}

export interface DemoRota {
  pairingKey: string;
  unitKey: string;
  communityKey: string;
  day: string;
}

/** 双报到 of the demo district as plain data with demo keys; the loader resolves them to ids. */
export interface DemoEngagement extends DemoServices, DemoWalls, DemoTalentPool {
  pairings: DemoPairing[];
  /** Accounts acting for a unit (unit_staff), by phone. */
  unitStaff: Array<{ accountPhone: string; unitKey: string }>;
  reportIns: DemoReportIn[];
  rota: DemoRota[];
}

const RETURN_REASON = "介绍信上的单位名称与共建单位不一致，请单位党组织重新开具介绍信后再来报到。";
const ACCOUNT_MENU: MenuItem[] = ["partyActivity", "pairing", "volunteering", "wish"];

/**
 * 双报到 of the demo district (P1–P3) relative to `now`: every paired unit with the community it
 * sits in and some with a second one, under agreements covering this year; this year's and last
 * year's report-ins of their in-service members living there (most approved, a few waiting for
 * the community, one returned); then what they did (engagement-services.ts) and the next eight
 * Saturdays' rota. The member account 13800000006 has a full year of it; 13800000010 acts for his
 * unit. Then the walls, a past call-up and the talent pool (engagement-walls.ts, engagement-talent.ts).
 * Its own random stream, so the rest of the district is the same with or without it.
 */
export function buildEngagement(demo: DemoDistrict, now: number, seed = 20261125): DemoEngagement {
  const rng = new Rng(seed ^ 0x32626264);
  const year = Number(chinaDay(now).slice(0, 4));
  const yearStart = dayStart(`${year}-01-01`);
  const nodes = new Map(demo.nodes.map((n) => [n.key, n]));
  const members = inServiceMembers(demo, nodes);
  const account = demo.accountNodes.community;
  const me = members.find((m) => m.accountPhone === MEMBER_ACCOUNT);
  if (!me) throw new Error("the in-service member account has no party member record");

  const pairings = pairUnits(rng, demo, members, account, year, now);
  const pairingOf = new Map(pairings.map((p) => [`${p.unitKey}|${p.communityKey}`, p]));
  const eligible = members.filter((m) => pairingOf.has(`${m.unitKey}|${m.community}`));

  // Who waits for the community and who was sent back: one in the account community waits, so
  // its staff's queue has work; one other was returned.
  const others = eligible.filter((m) => m !== me);
  const waiting = new Set(others.filter((m) => m.community === account).slice(0, 1));
  const returnable = others.filter((m) => !waiting.has(m));
  const returned = returnable.length > 1 ? rng.pick(returnable) : undefined;
  const reportIns: DemoReportIn[] = [];
  for (const m of eligible) {
    const pairing = pairingOf.get(`${m.unitKey}|${m.community}`) as DemoPairing;
    const status: ReportInStatus =
      m === returned ? "returned" : waiting.has(m) || (m !== me && rng.chance(0.12)) ? "pending" : "approved";
    reportIns.push(reportIn(rng, m, pairing, year, status, { yearStart, now, account }));
    if (dayStart(pairing.startsOn) < yearStart && (m === me || rng.chance(0.85))) {
      const last = { yearStart: dayStart(`${year - 1}-01-01`), now: yearStart - DAY, account };
      reportIns.push(reportIn(rng, m, pairing, year - 1, "approved", last));
    }
  }
  const unit = demo.units.find((u) => u.key === me.unitKey);
  if (!unit || unit.nodeKey !== account)
    throw new Error("the member account's unit is not the account community's");
  const ctx = { now, account, reviewer: COMMUNITY_ACCOUNT };
  const services = buildServices(rng, demo, nodes, members, reportIns, ctx);
  return {
    pairings,
    unitStaff: [{ accountPhone: UNIT_ACCOUNT, unitKey: unit.key }],
    reportIns,
    rota: rotaOf(pairings, now),
    ...services,
    // Streams of their own, so adding them moved none of the rows above.
    ...buildWalls(new Rng(seed ^ 0x77616c6c), demo, members, reportIns, services.records, ctx),
    ...buildTalentPool(new Rng(seed ^ 0x74616c65), demo, ctx),
  };
}

/** The district's in-service members with a work unit, in register order. */
function inServiceMembers(demo: DemoDistrict, nodes: Map<string, DemoNode>): InServiceMember[] {
  const above = (key: string, level: string): string => {
    let at = nodes.get(key);
    while (at && at.level !== level) at = nodes.get(at.parentKey ?? "");
    if (!at) throw new Error(`no ${level} above ${key}`);
    return at.key;
  };
  const wanted = new Set(demo.partyMembers.map((m) => (m.category === "inService" ? m.residentKey : "")));
  const residents = new Map(demo.residents.filter((r) => wanted.has(r.key)).map((r) => [r.key, r]));
  return demo.partyMembers.flatMap((m) => {
    const r = residents.get(m.residentKey);
    if (m.category !== "inService" || !m.workUnitKey || !r) return [];
    return {
      key: m.key,
      home: r.householdKey,
      grid: above(r.householdKey, "grid"),
      community: above(r.householdKey, "community"),
      unitKey: m.workUnitKey,
      ...(r.phone === MEMBER_ACCOUNT && { accountPhone: MEMBER_ACCOUNT }),
    };
  });
}

/**
 * Every paired unit with its own community (since last year or before); about a third also with
 * the community where most of its members live (since early this year). If no member of the
 * account community could report in yet, the unit of the first one there pairs with it too.
 */
function pairUnits(
  rng: Rng,
  demo: DemoDistrict,
  members: readonly InServiceMember[],
  account: string,
  year: number,
  now: number,
): DemoPairing[] {
  const units = demo.units.filter((u) => u.kind === "unit");
  const communities = demo.nodes.filter((n) => n.level === "community").map((n) => n.key);
  const second = new Map<string, string>();
  for (const u of units) {
    if (!rng.chance(0.35)) continue;
    const counts = new Map<string, number>();
    for (const m of members)
      if (m.unitKey === u.key && m.community !== u.nodeKey)
        counts.set(m.community, (counts.get(m.community) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    second.set(u.key, top ?? rng.pick(communities.filter((c) => c !== u.nodeKey)));
  }
  const paired = (m: InServiceMember) =>
    units.some(
      (u) => u.key === m.unitKey && (u.nodeKey === m.community || second.get(u.key) === m.community),
    );
  const local = members.filter((m) => m.community === account && !m.accountPhone);
  const first = local[0];
  if (first && !local.some(paired)) second.set(first.unitKey, account);

  const pairings: DemoPairing[] = [];
  const add = (unitKey: string, name: string, communityKey: string, startsOn: string, endsOn: string) =>
    pairings.push({
      key: `UP${String(pairings.length + 1).padStart(3, "0")}`,
      unitKey,
      communityKey,
      startsOn,
      endsOn,
      commitments: commitments(rng, name),
      createdAt: dayStart(startsOn) + rng.int(9, 17) * 3_600_000,
    });
  const pad = (n: number) => String(n).padStart(2, "0");
  for (const u of units) {
    const since = `${year - rng.int(1, 2)}-${pad(rng.int(1, 4))}-${pad(rng.int(1, 28))}`;
    add(u.key, u.name, u.nodeKey, since, `${year + rng.int(0, 2)}-12-31`);
    const other = second.get(u.key);
    if (!other) continue;
    const start = Math.min(dayStart(`${year}-01-01`) + rng.int(1, 60) * DAY, now - DAY);
    add(u.key, u.name, other, chinaDay(start), `${year + 1}-12-31`);
  }
  return pairings;
}

function commitments(rng: Rng, unit: string): Record<SixFix, string> {
  const fill = (text: string) => text.replaceAll("{unit}", unit).replaceAll("{n}", String(rng.int(2, 5)));
  return Object.fromEntries(SIX_FIXES.map((f) => [f, fill(rng.pick(SIX_FIX_TEXTS[f]))])) as Record<
    SixFix,
    string
  >;
}

/** A report-in made within the year up to `now`: pending ones recently, the rest early in the year. */
function reportIn(
  rng: Rng,
  m: InServiceMember,
  pairing: DemoPairing,
  year: number,
  status: ReportInStatus,
  at: { yearStart: number; now: number; account: string },
): DemoReportIn {
  const from = Math.max(at.yearStart, dayStart(pairing.startsOn));
  const room = Math.max(DAY, at.now - from);
  const createdAt =
    status === "pending"
      ? Math.max(from, at.now - rng.int(1, 8) * DAY - rng.int(0, 8) * 3_600_000)
      : Math.round(from + rng.next() * Math.min(room * 0.6, 120 * DAY));
  const decidedAt = Math.min(at.now, createdAt + Math.round((0.2 + 3 * rng.next()) * DAY));
  const menu =
    m.accountPhone === MEMBER_ACCOUNT
      ? ACCOUNT_MENU
      : (["partyActivity", ...rng.sample(MENU_ITEMS.slice(1), rng.int(1, 3))] as MenuItem[]).sort(
          (a, b) => MENU_ITEMS.indexOf(a) - MENU_ITEMS.indexOf(b),
        );
  const letter = m.accountPhone || rng.chance(0.9);
  return {
    memberKey: m.key,
    accountPhone: m.accountPhone,
    unitKey: m.unitKey,
    pairingKey: pairing.key,
    communityKey: pairing.communityKey,
    year,
    status,
    // Issued here by the unit's account when it reported him in; the others' letters are still due.
    letterIssuedAt: letter ? createdAt : undefined,
    menu,
    returnReason: status === "returned" ? RETURN_REASON : undefined,
    decidedBy: status !== "pending" && pairing.communityKey === at.account ? COMMUNITY_ACCOUNT : undefined,
    decidedAt: status === "pending" ? undefined : decidedAt,
    createdAt,
  };
}

/** 周六报到: the next eight Saturdays of each community, its paired units taking turns. */
function rotaOf(pairings: readonly DemoPairing[], now: number): DemoRota[] {
  const byCommunity = new Map<string, DemoPairing[]>();
  for (const p of pairings) byCommunity.set(p.communityKey, [...(byCommunity.get(p.communityKey) ?? []), p]);
  const tomorrow = dayStart(chinaDay(now)) + DAY;
  const toSaturday = (6 - new Date(tomorrow + CHINA).getUTCDay() + 7) % 7;
  const saturdays = Array.from({ length: 8 }, (_, i) => chinaDay(tomorrow + (toSaturday + 7 * i) * DAY));
  return [...byCommunity].flatMap(([communityKey, list]) =>
    saturdays.map((day, i) => {
      const p = list[i % list.length] as DemoPairing;
      return { pairingKey: p.key, unitKey: p.unitKey, communityKey, day };
    }),
  );
}
