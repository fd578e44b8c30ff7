/** Texts of the signature, promise and pioneer walls and the units' yearly assessment. zh-CN first (see messages.ts). */
export const ENGAGEMENT_WALLS_TEXTS = {
  PROMISE_EXISTS: {
    "zh-CN": "您今年已经写过承诺了，一年只能写一份；如被社区退回，可以修改后重新提交",
    en: "You have already written this year's promise: one a year, written again only once the community returns it",
  },
  PROMISE_ALREADY_KEPT: {
    "zh-CN": "这份承诺的践诺情况已经记录过了",
    en: "How this promise was kept has already been recorded",
  },
  PIONEER_EXISTS: {
    "zh-CN": "这位党员已经是今年的先锋了",
    en: "This member is already a pioneer of the year",
  },
} as const;
