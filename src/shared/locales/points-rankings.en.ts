import type { pointsRankingsZhCN } from "./points-rankings.zh-CN.ts";
import type { Same } from "./same.ts";

export const pointsRankingsEn: Same<typeof pointsRankingsZhCN> = {
  title: "Rankings",
};
