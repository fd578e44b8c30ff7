import type { Identifiers } from "./identifiers.ts";
import { personName } from "./names.ts";
import type { PartyTree } from "./party.ts";
import type { Rng } from "./random.ts";
import { scaled } from "./size.ts";
import type { Community, Territory } from "./territory.ts";
import type { DemoPartTimeMember, DemoUnit, UnitKind } from "./types.ts";
import { PROPERTY_COMPANIES, UNITS } from "./vocabulary.ts";

/** Compounds this large have an owners' committee. */
const OWNERS_COMMITTEE_HOUSEHOLDS = 150;

const POSITIONS: Record<UnitKind, readonly string[]> = {
  unit: ["党组书记", "党委副书记", "党支部书记", "办公室主任"],
  propertyCompany: ["党支部书记", "项目经理", "总经理"],
  ownersCommittee: ["业委会主任", "业委会副主任"],
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A contact or representative: a working-age adult with a phone of their own. */
function person(rng: Rng, ids: Identifiers) {
  const name = personName(rng, rng.chance(0.6) ? "male" : "female", rng.int(1965, 1992));
  return { name, phone: ids.phone() };
}

/** Every community first, then random ones, so that each community gets at least one. */
function spread(rng: Rng, communities: readonly Community[], n: number): Community[] {
  const order = rng.shuffle(communities.slice());
  return Array.from({ length: n }, (_, i) => order[i] ?? rng.pick(communities));
}

/** 20 paired units, 15 property companies and the owners' committees of the larger compounds. */
export function buildUnits(rng: Rng, ids: Identifiers, territory: Territory): DemoUnit[] {
  const units: DemoUnit[] = [];
  const add = (unit: Omit<DemoUnit, "contactName" | "contactPhone">) => {
    const contact = person(rng, ids);
    units.push({ ...unit, contactName: contact.name, contactPhone: contact.phone });
  };
  const paired = spread(rng, territory.communities, UNITS.length);
  UNITS.forEach(([name, type], i) => {
    const nodeKey = paired[i]?.node.key ?? territory.district.key;
    add({ key: `U${pad(i + 1, 2)}`, kind: "unit", name, uscc: ids.uscc(type), nodeKey });
  });
  const served = spread(rng, territory.communities, PROPERTY_COMPANIES.length);
  PROPERTY_COMPANIES.forEach((name, i) => {
    const nodeKey = served[i]?.node.key ?? territory.district.key;
    add({ key: `P${pad(i + 1, 2)}`, kind: "propertyCompany", name, uscc: ids.uscc("91"), nodeKey });
  });
  let committees = 0;
  for (const grid of territory.grids) {
    for (const compound of grid.compounds) {
      if (compound.households.length < scaled(territory.size, OWNERS_COMMITTEE_HOUSEHOLDS)) continue;
      committees += 1;
      const name = `${compound.node.name}业主委员会`;
      add({ key: `O${pad(committees, 3)}`, kind: "ownersCommittee", name, nodeKey: compound.node.key });
    }
  }
  return units;
}

/** 兼职委员: 2–4 representatives of the bodies linked to each community committee and street committee. */
export function buildPartTimeMembers(
  rng: Rng,
  ids: Identifiers,
  territory: Territory,
  units: readonly DemoUnit[],
  party: PartyTree,
): DemoPartTimeMember[] {
  // Owners' committees sit on a compound; everything else names its community.
  const communityOf = new Map<string, string>();
  for (const grid of territory.grids) {
    for (const compound of grid.compounds) communityOf.set(compound.node.key, grid.community.node.key);
  }
  const linkedTo = (communityKeys: readonly string[]) =>
    units.filter((u) => communityKeys.includes(communityOf.get(u.nodeKey) ?? u.nodeKey));
  const members: DemoPartTimeMember[] = [];
  const seat = (nodeKey: string, linked: DemoUnit[]) => {
    const org = party.committees.get(nodeKey);
    if (!org) throw new Error(`no committee for ${nodeKey}`);
    for (const unit of rng.sample(linked, rng.int(2, 4))) {
      const { name, phone } = person(rng, ids);
      members.push({
        orgKey: org.key,
        unitKey: unit.key,
        name,
        phone,
        position: rng.pick(POSITIONS[unit.kind]),
      });
    }
  };
  for (const street of territory.streets) {
    seat(street.node.key, linkedTo(street.communities.map((c) => c.node.key)));
    for (const community of street.communities) seat(community.node.key, linkedTo([community.node.key]));
  }
  return members;
}
