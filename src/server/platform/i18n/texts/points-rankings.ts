/** Texts of the points module: rankings. zh-CN first (see messages.ts). */
export const POINTS_RANKINGS_TEXTS = {
  NO_CREDIT_CONSENT: {
    "zh-CN": "该居民或商户尚未授权共享信用积分",
    en: "This resident or merchant has not consented to sharing credit scores",
  },
};
