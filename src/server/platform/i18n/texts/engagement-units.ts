/** Texts of 双报到: units, pairings, letters, report-ins and the rota. zh-CN first (see messages.ts). */
export const ENGAGEMENT_UNITS_TEXTS = {
  NOT_A_PARTY_MEMBER: {
    "zh-CN": "您的手机号没有登记为党员，请联系社区核对党员信息",
    en: "Your mobile number is not registered as a party member's: ask the community to check your record",
  },
  UNKNOWN_UNIT: {
    "zh-CN": "所选的单位不存在，请在共建单位名单中选择",
    en: "The chosen unit does not exist: pick one from the list of units",
  },
  NOT_A_WORK_UNIT: {
    "zh-CN": "只有机关、企事业单位可以结对共建，物业企业和业委会不能",
    en: "Only public bodies and enterprises can pair with a community, not property companies or owners' committees",
  },
  UNIT_USCC_INVALID: {
    "zh-CN": "该单位的统一社会信用代码缺失或有误，请先在共建单位名单中改正",
    en: "The unit's unified social credit code is missing or wrong: correct it in the list of units first",
  },
  NOT_A_COMMUNITY: {
    "zh-CN": "结对的对象须是社区",
    en: "A unit pairs with a community",
  },
  PAIRING_DATES: {
    "zh-CN": "协议的结束日期须晚于开始日期",
    en: "The agreement must end after it starts",
  },
  PAIRING_EXISTS: {
    "zh-CN": "该单位已与这个社区结对，请编辑原协议，或先终止再重新结对",
    en: "This unit is already paired with this community: edit the agreement, or end it before pairing again",
  },
  PAIRING_ENDED: {
    "zh-CN": "该结对协议已终止，不能再修改",
    en: "This pairing has ended and can no longer be changed",
  },
  UNIT_REQUIRED: {
    "zh-CN": "共建单位联络员须选择所在单位",
    en: "Unit staff need the unit they act for",
  },
  NO_UNIT: {
    "zh-CN": "您的账号还没有关联单位，请联系社区或街道设置",
    en: "Your account is not linked to a unit yet: ask the community or street office",
  },
  NOT_IN_SERVICE: {
    "zh-CN": "党员信息中没有登记工作单位，在职党员才需要到社区报到",
    en: "No work unit is registered for this member: only in-service members report in",
  },
  NO_HOME_COMMUNITY: {
    "zh-CN": "党员信息中的住址不在任何社区，请联系社区核对",
    en: "The member's home lies in no community: ask the community to check the record",
  },
  UNIT_NOT_PAIRED: {
    "zh-CN": "所在单位还没有与居住地社区结对共建，暂不能报到，请联系单位党组织",
    en: "The member's unit is not paired with the community he lives in yet: ask the unit's party organisation",
  },
  REPORT_IN_EXISTS: {
    "zh-CN": "今年已经报到过了，不能重复报到",
    en: "There is already a report-in for this year",
  },
  LETTER_REQUIRED: {
    "zh-CN": "请上传单位开具的介绍信照片",
    en: "Upload a photo of the letter of introduction from your unit",
  },
  NOT_YOUR_MEMBER: {
    "zh-CN": "该党员不是本单位的在职党员",
    en: "This member does not work for your unit",
  },
  RETURN_REASON_REQUIRED: {
    "zh-CN": "请填写退回的原因，方便党员改正后重新提交",
    en: "Say why it is returned, so the member can put it right and submit again",
  },
  NO_PAIRED_UNITS: {
    "zh-CN": "本社区还没有正在结对的共建单位，无法排周六轮值",
    en: "No unit is paired with this community now: there is nobody to put on the Saturday rota",
  },
} as const;
