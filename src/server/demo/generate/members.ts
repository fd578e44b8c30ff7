import { dateAtAge } from "./dates.ts";
import { homeOrg, type PartyTree } from "./party.ts";
import type { Person } from "./people.ts";
import type { Rng } from "./random.ts";
import { type DemoSize, scaled } from "./size.ts";
import type { DemoPartyMember, DemoUnit, PartyMemberCategory } from "./types.ts";

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
