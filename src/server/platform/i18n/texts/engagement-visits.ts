/** Texts of household visits (民情日记) and their coverage. zh-CN first (see messages.ts). */
export const ENGAGEMENT_VISITS_TEXTS = {
  HOUSEHOLD_NOT_ASSIGNED: {
    "zh-CN": "这户不是您包联的住户，不能记走访；如需调整请联系社区",
    en: "This household is not paired with you, so you cannot log a visit to it; ask the community",
  },
  VISIT_IN_FUTURE: {
    "zh-CN": "走访时间不能晚于现在，请重新选择",
    en: "The visit cannot be in the future",
  },
  VISIT_TOO_EARLY: {
    "zh-CN": "走访时间太早了，只能补记 {earliest} 以后的走访",
    en: "That is too long ago: visits can be logged from {earliest} on",
  },
  VISIT_KEY_TAKEN: {
    "zh-CN": "这条走访记录编号已被使用，请重新提交",
    en: "This visit's key is already in use; send it again",
  },
  PROBLEM_ALREADY_CASE: {
    "zh-CN": "这个问题已转为事件（编号 {caseCode}），不用重复提交",
    en: "This problem is already a case ({caseCode})",
  },
} as const;
