/** Texts of the points module: shop scores. zh-CN first (see messages.ts). */
export const POINTS_EVALUATION_TEXTS = {
  ALREADY_RATED_TODAY: {
    "zh-CN": "您今天已经评价过这家店铺，明天再来吧",
    en: "You have rated this shop today: come back tomorrow",
  },
};
