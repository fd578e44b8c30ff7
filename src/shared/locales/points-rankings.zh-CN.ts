/** Words of the 积分榜单 pages. */
export const pointsRankingsZhCN = {
  title: "积分榜单",
};
