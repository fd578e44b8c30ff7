/** Texts of the points module: my points. zh-CN first (see messages.ts). */
export const POINTS_LEDGER_TEXTS = {
  INSUFFICIENT_POINTS: {
    "zh-CN": "积分不足",
    en: "Not enough points",
  },
};
