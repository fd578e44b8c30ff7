import type { pointsRulesZhCN } from "./points-rules.zh-CN.ts";
import type { Same } from "./same.ts";

export const pointsRulesEn: Same<typeof pointsRulesZhCN> = {
  title: "Points rules",
};
