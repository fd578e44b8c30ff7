import type { pointsEvaluationZhCN } from "./points-evaluation.zh-CN.ts";
import type { Same } from "./same.ts";

export const pointsEvaluationEn: Same<typeof pointsEvaluationZhCN> = {
  title: "Shop scores",
};
