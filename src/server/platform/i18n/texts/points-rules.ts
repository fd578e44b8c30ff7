/** Texts of the points module: points rules. zh-CN first (see messages.ts). */
export const POINTS_RULES_TEXTS = {
  RULE_SET_NOT_DRAFT: {
    "zh-CN": "只有草稿状态的规则可以修改，请先修订出新版本",
    en: "Only a draft can be changed: make a new version first",
  },
  INVALID_RULE: {
    "zh-CN": "第{position}条规则「{name}」：{problem}",
    en: "Rule {position} “{name}”: {problem}",
  },
  RULE_INDICATOR_REQUIRED: {
    "zh-CN": "商铺积分的每条规则都须填写所属一级指标",
    en: "Every shop rule needs its first-level indicator",
  },
  RULE_SET_AUDIENCE_REQUIRED: {
    "zh-CN": "请选择积分对象（党员、居民或商铺），且须与所选模板一致",
    en: "Choose who the points are for (members, residents or shops), matching the template",
  },
  RULE_SET_NAME_REQUIRED: { "zh-CN": "请填写规则名称", en: "Give the rules a name" },
  RULE_SET_DRAFT_EXISTS: {
    "zh-CN": "这套规则已有一个修订中的草稿，请在草稿上修改",
    en: "These rules already have a draft version: change that one",
  },
  RULE_SET_EMPTY: { "zh-CN": "规则里还没有任何条目，不能启用", en: "The rules have no entries yet" },
};
