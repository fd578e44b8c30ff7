import { buildCases } from "./cases.ts";
import { buildDwellings } from "./dwellings.ts";
import { Identifiers } from "./identifiers.ts";
import { claimMemberAccount, enrolMembers } from "./members.ts";
import { buildPartTimeMembers, buildUnits } from "./organisations.ts";
import { buildParty } from "./party.ts";
import { populate } from "./people.ts";
import { buildPlaces } from "./places.ts";
import { Rng } from "./random.ts";
import { DEMO_SIZES, type DemoSize } from "./size.ts";
import { buildStaff } from "./staff.ts";
import { buildTerritory, type Community } from "./territory.ts";
import type { DemoDistrict, DemoMerchant } from "./types.ts";
import { DISTRICT } from "./vocabulary.ts";

export { DEMO_SIZES, type DemoSize, type DemoSizeName } from "./size.ts";
export type * from "./types.ts";

export const DEFAULT_DEMO_SEED = 20261125;

/**
 * The demo district of CONTRACT.md as plain data. Deterministic: the same seed gives byte-identical
 * output, since every random choice comes from one seeded generator and every date from a fixed day;
 * only the cases are placed relative to `now`, so that the recent ones are recent when loaded.
 */
export function generateDemo(
  seed = DEFAULT_DEMO_SEED,
  now = Date.now(),
  size: DemoSize = DEMO_SIZES.full,
): DemoDistrict {
  const rng = new Rng(seed);
  const ids = new Identifiers(rng, DISTRICT.code);
  const territory = buildTerritory(rng, size);
  buildDwellings(rng, territory);

  // The demo accounts sit in the first street, its first community (红旗社区), its first grid …
  const [street] = territory.streets;
  const [community] = territory.communities;
  const [grid] = territory.grids;
  const [compound] = grid?.compounds ?? [];
  const [household] = compound?.households ?? [];
  if (!street || !community || !grid || !compound || !household)
    throw new Error("demo account nodes missing");

  const people = populate(rng, ids, territory, { household, phone: ids.accountPhone("13800000007") });
  const units = buildUnits(rng, ids, territory);
  const party = buildParty(rng, territory, units);
  // The demo resident account stays a plain resident: no party membership, no volunteer role.
  const others = people.filter((p) => p.household !== household);
  const partyMembers = enrolMembers(rng, others, party, units, size);
  const partTimeMembers = buildPartTimeMembers(rng, ids, territory, units, party);
  const staff = buildStaff(rng, ids, territory, others, partyMembers, {
    name: "刘志强",
    phone: ids.accountPhone("13800000004"),
  });
  claimMemberAccount(people, partyMembers, units, staff, {
    community: community.node.key,
    name: "赵明亮",
    phone: ids.accountPhone("13800000006"),
  });
  const { venues, merchants } = buildPlaces(rng, ids, territory);
  claimMerchantAccount(merchants, community, ids.accountPhone("13800000009"));
  // Last, so that the cases' draws leave everything above unchanged.
  const cases = buildCases(rng, territory, people, staff, now);

  return {
    nodes: territory.nodes,
    residents: people.map((p) => p.resident),
    partyMembers,
    orgs: party.orgs,
    units,
    partTimeMembers,
    staff,
    venues,
    merchants,
    cases,
    accountNodes: {
      district: territory.district.key,
      street: street.node.key,
      community: community.node.key,
      grid: grid.node.key,
      compound: compound.node.key,
      household: household.node.key,
    },
  };
}

/**
 * The demo merchant account (吴美玲) keeps a barber's in the demo community: a 五小便民服务店 whose
 * haircuts residents redeem with points. Accounts and shops meet by phone.
 */
function claimMerchantAccount(merchants: DemoMerchant[], community: Community, phone: string): void {
  const grids = new Set(community.grids.map((g) => g.node.key));
  const shop = merchants.find((m) => grids.has(m.nodeKey));
  if (!shop) throw new Error("no demo shop in the demo community");
  Object.assign(shop, { name: "美玲便民理发店", category: "理发店", phone });
}
