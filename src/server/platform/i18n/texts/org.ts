/** Texts of the party organisation tree, units and household pairing. zh-CN first (see messages.ts). */
export const ORG_TEXTS = {
  ORG_KIND_UNKNOWN: {
    "zh-CN": "组织类型不存在或已停用，请从列表中选择",
    en: "That kind of organisation does not exist or is no longer in use: pick one from the list",
  },
  ORG_KIND_EXISTS: {
    "zh-CN": "已有名为“{name}”的组织类型",
    en: "There is already a kind of organisation named “{name}”",
  },
  ORG_NAME_TAKEN: {
    "zh-CN": "同一上级下已有名为“{name}”的党组织",
    en: "The same parent already has an organisation named “{name}”",
  },
  ORG_MOVE_INTO_OWN_SUBTREE: {
    "zh-CN": "不能把党组织移到它自己或它的下级组织“{name}”之下",
    en: "An organisation cannot be moved under itself or under its own sub-organisation “{name}”",
  },
  ORG_NOT_EMPTY: {
    "zh-CN":
      "该党组织还有 {children} 个下级组织、{members} 名党员、{partTimeMembers} 名兼职委员，请先转移或移除后再撤销",
    en: "This organisation still has {children} sub-organisations, {members} party members and {partTimeMembers} part-time members: move or remove them first",
  },
  INVALID_USCC: {
    "zh-CN": "统一社会信用代码“{uscc}”不正确：应为 18 位，且校验位须正确",
    en: "“{uscc}” is not a valid unified social credit code (18 characters with a correct check character)",
  },
  USCC_REQUIRED: {
    "zh-CN": "驻区单位和物业企业须填写统一社会信用代码",
    en: "Units and property companies need their unified social credit code",
  },
  DUPLICATE_USCC: {
    "zh-CN": "统一社会信用代码“{uscc}”已登记为“{name}”",
    en: "The unified social credit code “{uscc}” is already registered to “{name}”",
  },
  NOT_A_LIAISON: {
    "zh-CN": "只有联户长可以结对联系住户",
    en: "Only household liaisons are paired with households this way",
  },
};
