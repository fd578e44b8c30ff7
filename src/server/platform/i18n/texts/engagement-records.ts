/** Texts of the service record (纪实手册), suggestions, ledgers and feedback cards. zh-CN first (see messages.ts). */
export const ENGAGEMENT_RECORDS_TEXTS = {
  RECORD_OUTSIDE_PERIOD: {
    "zh-CN": "只能补录本季度内、今天及以前的服务（{from} 至 {to}）",
    en: "Only services of this quarter up to today can be added ({from} to {to})",
  },
  RECORD_DECIDED: {
    "zh-CN": "这条纪实已经审核过了",
    en: "This record has already been decided",
  },
  SUGGESTION_DECIDED: {
    "zh-CN": "这条建议已经答复过了",
    en: "This suggestion has already been answered",
  },
  SIX_ONE_BY_RECORD: {
    "zh-CN": "这一项由党员的服务纪实自动完成，社区只需登记谈心谈话和走访调研",
    en: "This item is ticked by the member's service records; the community enters only talks and surveys",
  },
  SIX_ONE_BAD_DAY: {
    "zh-CN": "完成日期须在{year}年内，且不能晚于今天",
    en: "The day must lie in {year} and not after today",
  },
  MEMBER_WITHOUT_UNIT: {
    "zh-CN": "这名党员没有登记工作单位，反馈卡无处报送",
    en: "This member has no work unit on record, so there is no unit to send the card to",
  },
  FEEDBACK_CARD_SENT: {
    "zh-CN": "反馈卡已报送单位，不能再修改",
    en: "The card has been sent to the unit and can no longer be changed",
  },
  UNIT_NOT_PAIRED: {
    "zh-CN": "这个单位没有与您所辖的社区结对共建",
    en: "This unit is not paired with a community in your area",
  },
} as const;
