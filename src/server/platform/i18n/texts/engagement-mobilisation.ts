/** Texts of emergency call-ups, the talent pool and job seekers. zh-CN first (see messages.ts). */
export const ENGAGEMENT_MOBILISATION_TEXTS = {
  MOBILISATION_NODE_LEVEL: {
    "zh-CN": "动员范围请选择街道、社区或网格",
    en: "Raise a call-up at a street, a community or a grid",
  },
  MOBILISATION_DISSOLVED: {
    "zh-CN": "这次动员已于 {dissolvedAt} 解散，记录只能查看",
    en: "This call-up was dissolved at {dissolvedAt}; its record can only be read",
  },
  MEMBERS_NOT_UNDER: {
    "zh-CN": "有 {count} 名党员不住在动员范围内，不能召集",
    en: "{count} of these members do not live in the call-up's area",
  },
  LEADER_NOT_CALLED: {
    "zh-CN": "负责人要从本次召集的党员中选",
    en: "The leader must be one of the members called",
  },
  NOT_CALLED: {
    "zh-CN": "您没有被召集参加这次动员",
    en: "You were not called up for this",
  },
  ALREADY_REPORTED: {
    "zh-CN": "您已于 {reportedAt} 到岗，不用重复报到",
    en: "You reported at {reportedAt} already",
  },
  SKILLS_REQUIRED: {
    "zh-CN": "请至少填写一项特长",
    en: "Give at least one skill",
  },
  TALENT_MEMBER_UNKNOWN: {
    "zh-CN": "没有找到这名党员",
    en: "No such party member",
  },
} as const;
