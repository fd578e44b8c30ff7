import type { Rng } from "./random.ts";
import { scaled } from "./size.ts";
import type { Household, Territory } from "./territory.ts";
import type { DemoNode, DemoOrg, DemoUnit, OrgKind } from "./types.ts";
import { UNITS } from "./vocabulary.ts";

const UNIT_ORG_SUFFIX = new Map(UNITS.map(([name, , suffix]) => [name, suffix]));

/** Compounds this large get their own 小区党支部. */
const COMPOUND_BRANCH_HOUSEHOLDS = 100;

/** The party organisations, with lookups from territory nodes to the organisation laid over them. */
export interface PartyTree {
  orgs: DemoOrg[];
  /** Street and community node key → 街道党工委 / 社区党委. */
  committees: Map<string, DemoOrg>;
  /** Grid, compound and building node key → the branch or group there. */
  local: Map<string, DemoOrg>;
}

/** "锦绣花园小区党支部", but "阳光小区党支部" and "税务局宿舍党支部". */
function compoundBranchName(name: string): string {
  return /(小区|宿舍|大院|家属院|家属区)$/.test(name) ? `${name}党支部` : `${name}小区党支部`;
}

/**
 * Street committee → community committee → grid branch → compound branch → building group (three to
 * five levels, depending on the compound), plus one organisation per paired unit outside the tree.
 */
export function buildParty(rng: Rng, territory: Territory, units: readonly DemoUnit[]): PartyTree {
  const tree: PartyTree = { orgs: [], committees: new Map(), local: new Map() };
  const add = (kind: OrgKind, node: DemoNode, name: string, parent?: DemoOrg): DemoOrg => {
    const org: DemoOrg = {
      key: `ORG-${node.code}`,
      ...(parent && { parentKey: parent.key }),
      kind,
      name,
      nodeKey: node.key,
    };
    tree.orgs.push(org);
    return org;
  };
  for (const street of territory.streets) {
    const streetOrg = add("streetCommittee", street.node, `${street.node.name}党工委`);
    tree.committees.set(street.node.key, streetOrg);
    for (const community of street.communities) {
      const communityOrg = add("communityCommittee", community.node, `${community.node.name}党委`, streetOrg);
      tree.committees.set(community.node.key, communityOrg);
      for (const grid of community.grids) {
        const gridOrg = add("gridBranch", grid.node, `${grid.node.name}党支部`, communityOrg);
        tree.local.set(grid.node.key, gridOrg);
        for (const compound of grid.compounds) {
          if (compound.households.length < scaled(territory.size, COMPOUND_BRANCH_HOUSEHOLDS)) continue;
          const name = compoundBranchName(compound.node.name);
          const compoundOrg = add("compoundBranch", compound.node, name, gridOrg);
          tree.local.set(compound.node.key, compoundOrg);
          for (const building of rng.sample(compound.buildings, rng.int(1, 3))) {
            tree.local.set(
              building.node.key,
              add("buildingGroup", building.node, `${building.label}党小组`, compoundOrg),
            );
          }
        }
      }
    }
  }
  for (const unit of units) {
    if (unit.kind !== "unit") continue;
    tree.orgs.push({
      key: `ORG-${unit.key}`,
      kind: "unitBranch",
      name: unit.name + (UNIT_ORG_SUFFIX.get(unit.name) ?? "党支部"),
      nodeKey: unit.nodeKey,
      unitKey: unit.key,
    });
  }
  return tree;
}

/** The organisation a member living in this household belongs to: the grid branch mostly. */
export function homeOrg(rng: Rng, tree: PartyTree, household: Household): DemoOrg {
  const group = tree.local.get(household.building.node.key);
  if (group && rng.chance(0.25)) return group;
  const compoundBranch = household.compound && tree.local.get(household.compound.node.key);
  if (compoundBranch && rng.chance(0.35)) return compoundBranch;
  const branch = tree.local.get(household.grid.node.key);
  if (!branch) throw new Error(`no branch for ${household.grid.node.key}`);
  return branch;
}
