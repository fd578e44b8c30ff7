/** Texts of 双报到: units, pairings, letters, report-ins and the rota. zh-CN first (see messages.ts). */
export const ENGAGEMENT_UNITS_TEXTS = {
  NOT_A_PARTY_MEMBER: {
    "zh-CN": "您的手机号没有登记为党员，请联系社区核对党员信息",
    en: "Your mobile number is not registered as a party member's: ask the community to check your record",
  },
} as const;
