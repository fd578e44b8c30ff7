/** Words of the 积分规则 pages. */
export const pointsRulesZhCN = {
  title: "积分规则",
};
