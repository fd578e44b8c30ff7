/** Texts of the points module: shop scores. zh-CN first (see messages.ts). */
export const POINTS_EVALUATION_TEXTS = {
  ALREADY_RATED_TODAY: {
    "zh-CN": "您今天已经评价过这家店铺，明天再来吧",
    en: "You have rated this shop today: come back tomorrow",
  },
  TOO_MANY_RATINGS: {
    "zh-CN": "评价次数太多了，请过一会儿再试",
    en: "Too many ratings from here: please try again later",
  },
  NOT_A_MERCHANT: {
    "zh-CN": "您的手机号没有登记店铺，请联系社区工作人员登记",
    en: "No shop is registered with your mobile number: ask your community's staff to register it",
  },
  NO_MERCHANT_RULES: {
    "zh-CN": "这家店铺所在地区还没有启用商铺积分规则",
    en: "No shop points rules are in force where this shop is",
  },
  INSPECTION_RULE_UNKNOWN: {
    "zh-CN": "所选指标不属于这家店铺适用的积分规则",
    en: "An indicator chosen is not one of the rules that apply to this shop",
  },
  INSPECTION_EVIDENCE_REQUIRED: {
    "zh-CN": "扣分项需要拍照留证，请添加照片",
    en: "A deduction needs a photo as evidence: please add one",
  },
};
