import { pointIn } from "./geometry.ts";
import type { Identifiers } from "./identifiers.ts";
import type { Rng } from "./random.ts";
import { scaled } from "./size.ts";
import type { Community, Grid, Territory } from "./territory.ts";
import type { DemoMerchant, DemoNode, DemoVenue, GridType } from "./types.ts";
import { SHOP_PREFIXES, SHOPS, words } from "./vocabulary.ts";

type VenueKind = DemoVenue["kind"];

// What the seeds list for such places (驿站 "十有", 邻里 "三室一厅" …), in the order a notice board would.
const FACILITIES: Record<VenueKind, readonly string[]> = {
  serviceCentre: words(
    "便民服务窗口 党员活动室 会议室 图书角 报刊阅览 饮水机 急救箱 休息座椅 卫生间 无线网络 母婴室 法律咨询",
  ),
  restStation: words(
    "休息座椅 饮水机 纸杯茶水 充电宝 快速充电 微波炉 冰箱 空调 急救箱 雨衣雨伞 针线包 打气筒 图书角 卫生间",
  ),
  gridPost: words("便民服务窗口 休息座椅 饮水机 急救箱 老花镜 血压计 雨衣雨伞 针线包"),
  neighbourhoodCentre: words(
    "邻里服务室 邻里议事室 邻里互助室 邻里休闲厅 图书角 四点半课堂 健身器材 饮水机 急救箱 休息座椅",
  ),
};
const HOURS: Record<VenueKind, readonly string[]> = {
  serviceCentre: ["周一至周日 8:30-20:30", "周一至周五 8:30-17:30，周六日 9:00-17:00"],
  restStation: ["周一至周日 8:00-20:00", "周一至周日 7:30-21:00", "全天24小时开放"],
  gridPost: ["周一至周五 8:30-17:30", "周一至周六 8:30-18:00"],
  neighbourhoodCentre: ["周一至周日 8:30-20:30", "周一至周日 9:00-21:00"],
};
/** Street-front shops cluster in the old streets. */
const SHOP_GRID_WEIGHT: Record<GridType, number> = { area: 3, compound: 2, courtyard: 1.5, unit: 1 };

/** House numbers on the grid's road, never the same address twice. */
function addresser(rng: Rng) {
  const used = new Set<string>();
  return (grid: Grid): string => {
    for (;;) {
      const address = `${grid.community.address}${grid.road}${rng.int(1, 300)}号`;
      if (!used.has(address)) {
        used.add(address);
        return address;
      }
    }
  };
}

export function buildPlaces(rng: Rng, ids: Identifiers, territory: Territory) {
  const address = addresser(rng);
  return {
    venues: buildVenues(rng, territory, address),
    merchants: buildMerchants(rng, ids, territory, address),
  };
}

/** A service centre per street, four rest stations, two grid posts and a neighbourhood centre. */
function buildVenues(rng: Rng, territory: Territory, address: (grid: Grid) => string): DemoVenue[] {
  const [lianjiang, wenchang, changgang] = territory.streets;
  const hongqi = territory.communities[0];
  const firstGrid = territory.grids[0];
  if (!lianjiang || !wenchang || !changgang || !hongqi || !firstGrid) throw new Error("territory too small");
  const anyCommunity = (communities: readonly Community[]) => rng.pick(communities);
  const plan: Array<[VenueKind, string, DemoNode, Grid]> = [];
  for (const street of territory.streets) {
    const grid = rng.pick(rng.pick(street.communities).grids);
    plan.push(["serviceCentre", `${street.node.name}党群服务中心`, street.node, grid]);
  }
  const stations: Array<[string, Community]> = [
    ["红色驿站", hongqi],
    ["小哥驿站", anyCommunity(lianjiang.communities.slice(1))],
    ["暖心驿站", anyCommunity(wenchang.communities)],
    ["红色驿站", anyCommunity(changgang.communities)],
  ];
  for (const [label, community] of stations) {
    plan.push(["restStation", community.node.name + label, community.node, rng.pick(community.grids)]);
  }
  const otherGrid = rng.pick(territory.grids.slice(1));
  for (const grid of [firstGrid, otherGrid])
    plan.push(["gridPost", `${grid.node.name}服务站`, grid.node, grid]);
  const centre = anyCommunity([...wenchang.communities, ...changgang.communities]);
  plan.push(["neighbourhoodCentre", `${centre.node.name}邻里中心`, centre.node, rng.pick(centre.grids)]);

  return plan.map(([kind, name, node, grid], i) => {
    const all = FACILITIES[kind];
    const chosen = new Set(rng.sample(all, rng.int(5, Math.min(9, all.length))));
    return {
      key: `V${String(i + 1).padStart(2, "0")}`,
      kind,
      name,
      nodeKey: node.key,
      address: address(grid),
      ...pointIn(rng, grid.rect),
      hours: rng.pick(HOURS[kind]),
      facilities: all.filter((f) => chosen.has(f)),
    };
  });
}

/** 200 shops of the 15-minute circle (fewer in a small district), each a registered business with its own phone. */
function buildMerchants(
  rng: Rng,
  ids: Identifiers,
  territory: Territory,
  address: (grid: Grid) => string,
): DemoMerchant[] {
  const grids = territory.grids.map((g) => [g, SHOP_GRID_WEIGHT[g.gridType]] as const);
  const shops = SHOPS.map((s) => [s, s[3]] as const);
  const names = new Set<string>();
  const merchants: DemoMerchant[] = [];
  const count = scaled(territory.size, 200, 20);
  while (merchants.length < count) {
    const [category, endings, type] = rng.weighted(shops);
    const name = rng.pick(SHOP_PREFIXES) + rng.pick(endings);
    if (names.has(name)) continue;
    names.add(name);
    const grid = rng.weighted(grids);
    merchants.push({
      key: `M${String(merchants.length + 1).padStart(3, "0")}`,
      name,
      category,
      uscc: ids.uscc(type),
      nodeKey: grid.node.key,
      address: address(grid),
      ...pointIn(rng, grid.rect),
      phone: ids.phone(),
    });
  }
  return merchants;
}
