/** Words of the 商铺积分 pages. */
export const pointsEvaluationZhCN = {
  title: "商铺积分",
};
