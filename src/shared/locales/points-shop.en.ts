import type { pointsShopZhCN } from "./points-shop.zh-CN.ts";
import type { Same } from "./same.ts";

export const pointsShopEn: Same<typeof pointsShopZhCN> = {
  title: "Points shop",
};
