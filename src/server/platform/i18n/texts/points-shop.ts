/** Texts of the points module: points shop. zh-CN first (see messages.ts). */
export const POINTS_SHOP_TEXTS = {
  OUT_OF_STOCK: {
    "zh-CN": "该物品已兑完",
    en: "This item is out of stock",
  },
};
