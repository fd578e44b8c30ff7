/** Words of the 积分超市 pages. */
export const pointsShopZhCN = {
  title: "积分超市",
};
