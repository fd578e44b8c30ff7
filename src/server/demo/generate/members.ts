import { dateAtAge } from "./dates.ts";
import { homeOrg, type PartyTree } from "./party.ts";
import type { Person } from "./people.ts";
import type { Rng } from "./random.ts";
import { type DemoSize, scaled } from "./size.ts";
import type { DemoPartyMember, DemoStaff, DemoUnit, PartyMemberCategory } from "./types.ts";

const notFloating = (p: Person) => p.resident.residenceType !== "floating";

/**
 * 2,500 members: quota, who qualifies and the age range they joined the party at. Scarcer kinds
 * are chosen first so that the broad "resident" category cannot use up their candidates.
 */
const QUOTAS: ReadonlyArray<readonly [PartyMemberCategory, number, (p: Person) => boolean, number, number]> =
  [
    // 流动党员: their membership is elsewhere, so they are the floating residents.
    ["mobile", 125, (p) => !notFloating(p) && p.age >= 20 && p.age <= 55, 18, 35],
    ["retired", 750, (p) => notFloating(p) && p.age >= 60, 20, 45],
    ["inService", 750, (p) => notFloating(p) && p.age >= 22 && p.age <= 59, 20, 45],
    ["resident", 875, (p) => p.age >= 20, 18, 55],
  ];

export function enrolMembers(
  rng: Rng,
  people: readonly Person[],
  party: PartyTree,
  units: readonly DemoUnit[],
  size: DemoSize,
): DemoPartyMember[] {
  const order = rng.shuffle(people.slice());
  const chosen = new Map<Person, (typeof QUOTAS)[number]>();
  for (const quota of QUOTAS) {
    const [category, full, eligible] = quota;
    const count = scaled(size, full);
    let n = 0;
    for (const p of order) {
      if (n === count) break;
      if (chosen.has(p) || !eligible(p)) continue;
      chosen.set(p, quota);
      n += 1;
    }
    if (n < count) throw new Error(`not enough residents for ${count} ${category} party members`);
  }
  const workUnits = units.filter((u) => u.kind === "unit");
  // Listed in household order, as a register would be.
  const members: DemoPartyMember[] = [];
  for (const p of people) {
    const quota = chosen.get(p);
    if (!quota) continue;
    const [category, , , joinedFrom, joinedTo] = quota;
    const joinedAge = rng.int(joinedFrom, Math.max(joinedFrom, Math.min(joinedTo, p.age - 1)));
    members.push({
      key: `PM${String(members.length + 1).padStart(5, "0")}`,
      residentKey: p.resident.key,
      category,
      orgKey: homeOrg(rng, party, p.household).key,
      ...(category === "inService" && { workUnitKey: rng.pick(workUnits).key }),
      joinedOn: dateAtAge(rng, p.resident.birthDate, joinedAge),
    });
  }
  return members;
}

/**
 * The in-service member account (CONTRACT.md): a man among the party members of the account
 * community takes the account's name and phone and works for a unit paired with that community,
 * so that 双报到 has a live pairing for him. An in-service member without a staff post if there is
 * one; in the small district members mostly serve as 党员中心户, so then his staff record follows.
 * No draws, so the rest of the district is the same.
 */
export function claimMemberAccount(
  people: readonly Person[],
  members: DemoPartyMember[],
  units: readonly DemoUnit[],
  staff: DemoStaff[],
  account: { community: string; name: string; phone: string },
): DemoPartyMember {
  const person = new Map(people.map((p) => [p.resident.key, p]));
  const posted = new Set(staff.flatMap((s) => s.residentKey ?? []));
  const [working] = QUOTAS.filter(([c]) => c === "inService").map(([, , ok]) => ok);
  const man = (m: DemoPartyMember) => {
    const p = person.get(m.residentKey);
    const here = p?.household.grid.community.node.key === account.community;
    return here && p.resident.gender === "male" && p.resident.phone !== null && working?.(p) === true;
  };
  const candidates = members.filter((m) => m.category !== "mobile" && man(m));
  const rank = (m: DemoPartyMember) =>
    (m.category === "inService" ? 0 : 2) + (posted.has(m.residentKey) ? 1 : 0);
  const [member] = candidates.sort((a, b) => rank(a) - rank(b));
  const unit = units.find((u) => u.kind === "unit" && u.nodeKey === account.community);
  const resident = member && person.get(member.residentKey)?.resident;
  if (!member || !unit || !resident) throw new Error("no party member for the member account");
  resident.name = account.name;
  resident.phone = account.phone;
  for (const s of staff)
    if (s.residentKey === resident.key) Object.assign(s, { name: account.name, phone: account.phone });
  member.category = "inService";
  member.workUnitKey = unit.key;
  return member;
}
