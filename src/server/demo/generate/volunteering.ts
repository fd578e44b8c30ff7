import { Rng } from "./random.ts";
import type { DemoDistrict, DemoNode } from "./types.ts";
import { FIRST_TEAMS, OTHER_TEAMS, type TeamPlan } from "./volunteering-teams.ts";

/**
 * The demo's volunteering (W2), as plain data: volunteers drawn from the demo's members and adult
 * residents (only users can sign up, so each becomes a user without a password), 666-style teams,
 * about four months of finished activities with attendance and hours, and upcoming ones of every
 * scheduling mode in the first community. Its own seed, so the rest of the demo is unchanged.
 */
export const VOLUNTEERING_SEED = 20261126;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;
const PARTY_MEMBER_PHONE = "13800000006";
const RESIDENT_PHONE = "13800000007";

export interface DemoVolunteer {
  key: string;
  name: string;
  phone: string;
  /** partyMember: bound to his community, like the demo member; resident: to his household. */
  role: "partyMember" | "resident";
  nodeKey: string;
  skills: string[];
  createdAt: number;
  /** One of the demo accounts (already a user). */
  account: boolean;
}

export interface DemoTeam {
  key: string;
  name: string;
  speciality: string;
  description: string;
  nodeKey: string;
  leaderKey: string;
  memberKeys: string[];
  createdAt: number;
}

export interface DemoSignup {
  volunteerKey: string;
  slotStartsAt?: number;
  status: "confirmed" | "waiting" | "cancelled";
  position?: number;
  signedUpAt: number;
  checkedInAt?: number;
  checkedOutAt?: number;
}

export interface DemoActivity {
  title: string;
  description: string;
  teamKey?: string;
  mode: "fixedTime" | "afterHours" | "byAppointment";
  place: string;
  nodeKey: string;
  startsAt: number;
  endsAt: number;
  capacity: number;
  slotMinutes?: number;
  status: "open" | "cancelled" | "finished";
  createdAt: number;
  signups: DemoSignup[];
}

export interface DemoVolunteering {
  volunteers: DemoVolunteer[];
  teams: DemoTeam[];
  activities: DemoActivity[];
}

/** 9:00 China time `days` after (or before) today's China date. */
function chinaTime(now: number, days: number, hour: number): number {
  const today = Math.floor((now + CHINA) / DAY) * DAY - CHINA;
  return today + days * DAY + hour * HOUR;
}

const weekday = (t: number) => new Date(t + CHINA).getUTCDay();
const isWeekend = (t: number) => weekday(t) === 0 || weekday(t) === 6;

/** The start: after-hours ones in the evening of a weekday, or at the weekend; others on weekdays. */
function startOn(now: number, days: number, mode: DemoActivity["mode"], hour: number): number {
  let d = days;
  const fits = (t: number) => (mode === "afterHours" ? isWeekend(t) || hour >= 18 : !isWeekend(t));
  while (!fits(chinaTime(now, d, hour))) d += days < 0 ? -1 : 1;
  return chinaTime(now, d, hour);
}

export function generateVolunteering(demo: DemoDistrict, now: number): DemoVolunteering {
  const rng = new Rng(VOLUNTEERING_SEED);
  const parent = new Map(demo.nodes.map((n) => [n.key, n]));
  const communityOf = (key: string): string | undefined => {
    let n: DemoNode | undefined = parent.get(key);
    while (n && n.level !== "community") n = n.parentKey ? parent.get(n.parentKey) : undefined;
    return n?.key;
  };
  const first = demo.accountNodes.community;
  const communities = demo.nodes.filter((n) => n.level === "community");
  const others = communities.filter((c) => c.key !== first).slice(0, 3);
  const placeOf = (community: string) =>
    demo.venues.find((v) => v.nodeKey === community && v.kind === "serviceCentre")?.name ??
    `${parent.get(community)?.name ?? ""}党群服务中心`;

  // Volunteers: the two demo accounts, then members and adult residents with a phone.
  const members = new Set(demo.partyMembers.map((m) => m.residentKey));
  const volunteers: DemoVolunteer[] = [];
  const skillWords = [
    "维修",
    "陪护",
    "理发",
    "保洁",
    "跑腿",
    "法律",
    "医疗",
    "教育",
    "心理疏导",
    "治安巡逻",
    "文明劝导",
    "文艺",
  ];
  const since = now - 200 * DAY;
  const add = (v: Omit<DemoVolunteer, "key" | "skills" | "createdAt">, skills?: string[]) =>
    volunteers.push({
      ...v,
      key: `V${String(volunteers.length + 1).padStart(4, "0")}`,
      skills: skills ?? rng.sample(skillWords, rng.int(1, 3)),
      createdAt: since + rng.int(0, 40) * DAY,
    });
  add({ name: "赵明亮", phone: PARTY_MEMBER_PHONE, role: "partyMember", nodeKey: first, account: true }, [
    "维修",
    "治安巡逻",
  ]);
  const resident = demo.residents.find((r) => r.phone === RESIDENT_PHONE);
  if (resident)
    add(
      {
        name: resident.name,
        phone: RESIDENT_PHONE,
        role: "resident",
        nodeKey: resident.householdKey,
        account: true,
      },
      ["保洁", "陪护"],
    );
  const quota = new Map<string, number>([[first, 150], ...others.map((c) => [c.key, 17] as const)]);
  for (const r of demo.residents) {
    if (!r.phone || r.phone.startsWith("1380000000") || r.birthDate > "2006-01-01") continue;
    const community = communityOf(r.householdKey);
    const left = community ? (quota.get(community) ?? 0) : 0;
    if (!community || left === 0 || !rng.chance(members.has(r.key) ? 0.6 : 0.08)) continue;
    quota.set(community, left - 1);
    const member = members.has(r.key);
    add({
      name: r.name,
      phone: r.phone,
      role: member ? "partyMember" : "resident",
      nodeKey: member ? community : r.householdKey,
      account: false,
    });
  }
  const homeOf = (v: DemoVolunteer) =>
    v.role === "partyMember" ? v.nodeKey : (communityOf(v.nodeKey) ?? "");

  // Teams: members from the team's community, those with its speciality first.
  const teams: DemoTeam[] = [];
  const plans: Array<[TeamPlan, string]> = [
    ...FIRST_TEAMS.map((p) => [p, first] as [TeamPlan, string]),
    ...others.map((c, i) => [OTHER_TEAMS[i % OTHER_TEAMS.length] as TeamPlan, c.key] as [TeamPlan, string]),
  ];
  for (const [plan, community] of plans) {
    const local = volunteers.filter((v) => homeOf(v) === community && !v.account);
    const skilled = local.filter((v) => v.skills.includes(plan.speciality));
    const rest = local.filter((v) => !v.skills.includes(plan.speciality));
    const chosen = [...rng.sample(skilled, 8), ...rng.sample(rest, rng.int(4, 10))];
    const key = `T${teams.length + 1}`;
    const memberKeys = chosen.map((v) => v.key);
    teams.push({
      key,
      name: community === first ? plan.name : `${parent.get(community)?.name ?? ""}${plan.name}`,
      speciality: plan.speciality,
      description: plan.description,
      nodeKey: community,
      leaderKey: memberKeys[0] ?? "",
      memberKeys,
      createdAt: since + 45 * DAY + teams.length * DAY,
    });
  }
  // The demo member serves in two teams of his community, the demo resident in one.
  const [watch, elders, , , cleaning] = teams;
  for (const [team, key] of [
    [watch, "V0001"],
    [elders, "V0001"],
    [cleaning, "V0002"],
  ] as const)
    if (team && volunteers.some((v) => v.key === key)) team.memberKeys.push(key);

  // Activities: each team's services over the past four months, then the coming week.
  const activities: DemoActivity[] = [];
  const pool = (team: DemoTeam) => {
    const local = volunteers.filter((v) => homeOf(v) === team.nodeKey && !team.memberKeys.includes(v.key));
    return [...team.memberKeys, ...rng.sample(local, 6).map((v) => v.key)];
  };
  plans.forEach(([plan, community], t) => {
    const team = teams[t] as DemoTeam;
    const runs = community === first ? 5 : 3;
    for (let i = 0; i < runs; i++) {
      const [title, mode, hour, length, capacity] = rng.pick(plan.services);
      const startsAt = startOn(now, -rng.int(3, 120), mode, hour);
      activities.push(
        past(
          rng,
          { title, mode, team, place: placeOf(community), startsAt, length, capacity },
          pool(team),
          now,
        ),
      );
    }
  });

  // Coming up in the first community: one of each mode, one full with a waiting list.
  const upcoming: Array<[number, TeamPlan]> = [
    [2, FIRST_TEAMS[1] as TeamPlan],
    [3, FIRST_TEAMS[0] as TeamPlan],
    [4, FIRST_TEAMS[5] as TeamPlan],
    [6, FIRST_TEAMS[3] as TeamPlan],
  ];
  for (const [days, plan] of upcoming) {
    const team = teams.find((x) => x.name === plan.name) as DemoTeam;
    const [title, mode, hour, length, capacity] = plan.services[0] as TeamPlan["services"][number];
    const startsAt = startOn(now, days, mode, hour);
    const candidates = pool(team).filter((k) => k !== "V0001" && k !== "V0002");
    // The after-hours patrol is full, with two on its waiting list.
    const taking = mode === "afterHours" ? capacity + 2 : Math.floor(capacity * 0.6);
    activities.push(
      open(
        rng,
        { title, mode, team, place: placeOf(first), startsAt, length, capacity },
        candidates,
        taking,
        now,
      ),
    );
  }
  activities.sort((a, b) => a.startsAt - b.startsAt);
  return { volunteers, teams, activities };
}

interface Plan {
  title: string;
  mode: DemoActivity["mode"];
  team: DemoTeam;
  place: string;
  startsAt: number;
  length: number;
  capacity: number;
}

const SLOT_MINUTES = 30;

function base(p: Plan, rng: Rng): Omit<DemoActivity, "status" | "signups"> {
  return {
    title: p.title,
    description: `${p.team.name}组织开展“${p.title}”志愿服务活动，欢迎党员和居民志愿者报名参加。`,
    teamKey: p.team.key,
    mode: p.mode,
    place: p.place,
    nodeKey: p.team.nodeKey,
    startsAt: p.startsAt,
    endsAt: p.startsAt + p.length * HOUR,
    capacity: p.capacity,
    ...(p.mode === "byAppointment" ? { slotMinutes: SLOT_MINUTES } : {}),
    createdAt: p.startsAt - rng.int(3, 10) * DAY,
  };
}

/** Slot starts of an activity by appointment (none otherwise). */
const slotStarts = (a: Omit<DemoActivity, "status" | "signups">) =>
  a.slotMinutes
    ? Array.from(
        { length: (a.endsAt - a.startsAt) / (a.slotMinutes * MINUTE) },
        (_, i) => a.startsAt + i * SLOT_MINUTES * MINUTE,
      )
    : [undefined];

/**
 * Sign-ups in order: places first, then the waiting list, per slot. `attend` decides, for a
 * confirmed place, when the volunteer checked in and out (or not at all).
 */
function signups(
  rng: Rng,
  a: Omit<DemoActivity, "status" | "signups">,
  keys: string[],
  taking: number,
  latest: number,
  attend: (slot: number, slotEnd: number) => Pick<DemoSignup, "checkedInAt" | "checkedOutAt">,
): DemoSignup[] {
  const out: DemoSignup[] = [];
  const slots = slotStarts(a);
  const taken = new Map<number | undefined, number>();
  const chosen = rng.sample(keys, Math.min(keys.length, taking));
  let at = a.createdAt + HOUR;
  for (const volunteerKey of chosen) {
    const slot = slots[rng.int(0, slots.length - 1)];
    const n = (taken.get(slot) ?? 0) + 1;
    taken.set(slot, n);
    at += rng.int(5, 600) * MINUTE;
    const start = slot ?? a.startsAt;
    const end = slot !== undefined ? slot + SLOT_MINUTES * MINUTE : a.endsAt;
    const signedUpAt = Math.min(at, start - HOUR, latest);
    if (n <= a.capacity)
      out.push({ volunteerKey, slotStartsAt: slot, status: "confirmed", signedUpAt, ...attend(start, end) });
    else
      out.push({ volunteerKey, slotStartsAt: slot, status: "waiting", position: n - a.capacity, signedUpAt });
  }
  return out;
}

function past(rng: Rng, p: Plan, keys: string[], now: number): DemoActivity {
  const a = base(p, rng);
  const taking = Math.round(a.capacity * slotStarts(a).length * (0.7 + rng.next() * 0.45));
  const cancelled = rng.chance(0.04);
  const list = signups(rng, a, keys, taking, now, (start, end) => {
    if (cancelled || rng.chance(0.1)) return {}; // called off, or did not come
    const checkedInAt = start - rng.int(0, 20) * MINUTE;
    const checkedOutAt = Math.min(end + rng.int(-20, 25) * MINUTE, now - HOUR);
    return { checkedInAt, checkedOutAt };
  });
  return { ...a, status: cancelled ? "cancelled" : "finished", signups: list };
}

function open(rng: Rng, p: Plan, keys: string[], taking: number, now: number): DemoActivity {
  const a = { ...base(p, rng), createdAt: now - rng.int(1, 3) * DAY };
  // By appointment every slot has its own places: take about half of them.
  const want = a.slotMinutes ? Math.ceil((a.capacity * slotStarts(a).length) / 2) : taking;
  return { ...a, status: "open", signups: signups(rng, a, keys, want, now - 10 * MINUTE, () => ({})) };
}
