import type { MatchKind, MatchOutcome, SeekerStatus } from "../../modules/engagement/talent/tables.ts";
import { DAY, dayStart, HOUR } from "./engagement-calendar.ts";
import { AVAILABILITY, SEEKERS, TALENT_SKILLS } from "./engagement-wall-texts.ts";
import type { Rng } from "./random.ts";
import type { DemoDistrict, DemoNode, DemoResident } from "./types.ts";

export interface DemoTalent {
  name: string;
  phone: string;
  memberKey?: string;
  communityKey: string;
  skills: string[];
  availability?: string;
  createdAt: number;
}

export interface DemoSeeker {
  name: string;
  phone: string;
  communityKey: string;
  wanted: string;
  skills: string[];
  status: SeekerStatus;
  createdBy?: string;
  createdAt: number;
  matches: Array<{
    kind: MatchKind;
    title: string;
    provider: string;
    outcome: MatchOutcome;
    createdAt: number;
    decidedAt?: number;
  }>;
}

export interface DemoTalentPool {
  talents: DemoTalent[];
  seekers: DemoSeeker[];
}

// The demo accounts' numbers (138000000xx) stand for those accounts only.
const reserved = (phone: string) => phone.startsWith("138000000");

/**
 * 人才库 and 就业帮扶 (P6): residents of working age with their own phones offering skills, about
 * twenty in the full district and eight in the small one (a party member's marked as his); three
 * job seekers of the account community, one employed, one in training, one just registered.
 */
export function buildTalentPool(
  rng: Rng,
  demo: DemoDistrict,
  ctx: { now: number; account: string; reviewer: string },
): DemoTalentPool {
  const nodes = new Map(demo.nodes.map((n) => [n.key, n]));
  const communityOf = (key: string) => {
    let at: DemoNode | undefined = nodes.get(key);
    while (at && at.level !== "community") at = nodes.get(at.parentKey ?? "");
    return at?.key ?? "";
  };
  const year = Number(new Date(ctx.now + 8 * HOUR).toISOString().slice(0, 4));
  const age = (r: DemoResident) => year - Number(r.birthDate.slice(0, 4));
  const adults = demo.residents.filter((r) => r.phone && !reserved(r.phone) && age(r) >= 23 && age(r) <= 62);
  const memberOf = new Map(demo.partyMembers.map((m) => [m.residentKey, m.key]));
  const size = Math.min(20, Math.max(8, Math.round(demo.residents.length / 2500)));
  const chosen = rng.sample(adults, Math.min(size + SEEKERS.length, adults.length));
  const since = (days: number) => Math.min(ctx.now - DAY, ctx.now - rng.int(days, days * 4) * DAY);

  const talents = chosen.slice(0, size).map((r) => ({
    name: r.name,
    phone: r.phone as string,
    memberKey: memberOf.get(r.key),
    communityKey: communityOf(r.householdKey),
    skills: [...rng.pick(TALENT_SKILLS)],
    availability: rng.chance(0.8) ? rng.pick(AVAILABILITY) : undefined,
    createdAt: since(30),
  }));
  // The seekers live in the account community, whose staff follow them up.
  const local = adults.filter((r) => communityOf(r.householdKey) === ctx.account && !chosen.includes(r));
  const statuses: SeekerStatus[] = ["employed", "training", "registered"];
  const seekers = rng.sample(local, Math.min(SEEKERS.length, local.length)).map((r, i) => {
    const plan = SEEKERS[i] as (typeof SEEKERS)[number];
    const status = statuses[i] as SeekerStatus;
    const createdAt = since(20);
    const step = (n: number) => Math.min(ctx.now - HOUR, createdAt + n * rng.int(3, 6) * DAY);
    const matches: DemoSeeker["matches"] = [];
    if (plan.training)
      matches.push({
        kind: "training",
        title: plan.training[0],
        provider: plan.training[1],
        outcome: status === "employed" ? "attended" : "proposed",
        createdAt: step(1),
        ...(status === "employed" && { decidedAt: step(2) }),
      });
    if (plan.opening && status === "employed")
      matches.push({
        kind: "opening",
        title: plan.opening[0],
        provider: plan.opening[1],
        outcome: "hired",
        createdAt: step(2),
        decidedAt: Math.max(step(3), dayStart(`${year}-01-01`)),
      });
    return {
      name: r.name,
      phone: r.phone as string,
      communityKey: ctx.account,
      wanted: plan.wanted,
      skills: plan.skills,
      status,
      createdBy: ctx.reviewer,
      createdAt,
      matches,
    };
  });
  return { talents, seekers };
}
