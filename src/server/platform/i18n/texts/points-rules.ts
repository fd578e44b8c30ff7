/** Texts of the points module: points rules. zh-CN first (see messages.ts). */
export const POINTS_RULES_TEXTS = {
  RULE_SET_NOT_DRAFT: {
    "zh-CN": "只有草稿状态的规则可以修改，请先修订出新版本",
    en: "Only a draft can be changed: make a new version first",
  },
};
