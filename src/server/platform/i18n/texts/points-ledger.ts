/** Texts of the points module: my points, statements, the ledger's check, appraisal rounds. zh-CN first (see messages.ts). */
export const POINTS_LEDGER_TEXTS = {
  INSUFFICIENT_POINTS: {
    "zh-CN": "积分不足",
    en: "Not enough points",
  },
  NO_POINTS_HOLDER: {
    "zh-CN": "未找到您的积分账户（居民、党员或商户登记的手机号需与本账号一致）",
    en: "No points holder found for you (the phone registered as resident, member or shop must be this account's)",
  },
  NOT_A_COMMUNITY: {
    "zh-CN": "民主评议须在社区一级组织",
    en: "An appraisal round is held in a community",
  },
  WEIGHTS_NOT_100: {
    "zh-CN": "日常记实、自评、互评、群众测评的权重合计须为 100%",
    en: "The weights of record, self, peer and resident appraisal must add up to 100%",
  },
  ROUND_EXISTS: {
    "zh-CN": "该社区本期已有民主评议",
    en: "This community already has an appraisal round for the period",
  },
  ROUND_CLOSED: {
    "zh-CN": "本次民主评议已结束",
    en: "This appraisal round is closed",
  },
  ALREADY_APPRAISED: {
    "zh-CN": "您（或您家中其他成员）已评议过这位党员",
    en: "You (or someone of your household) have already appraised this member",
  },
  NOT_A_RATER: {
    "zh-CN": "您不是该社区的党员或居民，不能参加本次评议",
    en: "You are not a member or resident of this community",
  },
  MEMBER_NOT_IN_ROUND: {
    "zh-CN": "该党员不属于本次评议的社区",
    en: "This member is not of the round's community",
  },
  // Claims (积分申报/认定) and reversals.
  RULE_NOT_CLAIMABLE: {
    "zh-CN": "该规则不能人工申报（须为管辖此人的现行规则中的人工认定条目）",
    en: "This rule cannot be claimed: it must be a manual rule of the rules now governing the person",
  },
  EVIDENCE_REQUIRED: {
    "zh-CN": "「{rule}」须上传证明材料",
    en: "“{rule}” needs evidence",
  },
  HAPPENED_IN_FUTURE: { "zh-CN": "发生日期不能晚于今天", en: "The date cannot be in the future" },
  HAPPENED_TOO_LONG_AGO: {
    "zh-CN": "只能申报本月和上月发生的事项",
    en: "Only deeds of this month or the month before can be claimed",
  },
  REASON_REQUIRED: { "zh-CN": "请填写不通过的理由", en: "Give the reason for rejecting it" },
  OWN_CLAIM: {
    "zh-CN": "不能审核自己提交的积分申报，须由积分制管理小组其他成员审核",
    en: "You cannot decide a claim you entered: another member of the points panel must",
  },
  NOT_APPROVER: {
    "zh-CN": "该积分事项须由规则指定的审核人员审核",
    en: "This claim is decided by the approver role the rule names",
  },
  ALREADY_REVERSED: { "zh-CN": "这笔积分已经冲正过了", en: "This posting has already been reversed" },
  NOT_REVERSIBLE: {
    "zh-CN": "这笔记录不能冲正（冲正记录本身不能再冲正，兑换须在积分超市取消）",
    en: "This posting cannot be reversed (a reversal cannot be, and a redemption is cancelled in the shop)",
  },
};
