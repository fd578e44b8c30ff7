/** Words of the 我的积分 pages. */
export const pointsLedgerZhCN = {
  title: "我的积分",
};
