/** Texts of the points module: rankings and credit consents. zh-CN first (see messages.ts). */
export const POINTS_RANKINGS_TEXTS = {
  NO_CREDIT_CONSENT: {
    "zh-CN": "该居民或商户尚未授权共享信用积分",
    en: "This resident or merchant has not consented to sharing credit scores",
  },
  RANKING_DRAFT_EXISTS: {
    "zh-CN": "该区域本期已有一份同类榜单草稿，请先处理它",
    en: "A draft of this ranking for the area and period already exists; finish it first",
  },
  OWN_RANKING: {
    "zh-CN": "榜单须由起草人以外的另一位工作人员审核",
    en: "A ranking is approved by someone other than the person who drew it",
  },
  NOT_A_RANKING_AREA: {
    "zh-CN": "榜单只能按社区、街道或全区评选",
    en: "A ranking is drawn for a community, a street or the district",
  },
  NO_SUCH_ENTRY: {
    "zh-CN": "该榜单上没有这位党员或商户",
    en: "No such member or shop on this ranking",
  },
  UNKNOWN_HOLDER: {
    "zh-CN": "找不到该居民或商户，或不在您的管辖范围内",
    en: "No such resident or shop in your area",
  },
  CONSENT_EXISTS: {
    "zh-CN": "已授权该银行，无需重复授权",
    en: "A consent to this bank is already in force",
  },
  CONSENT_WITHDRAWN: {
    "zh-CN": "该授权已撤回",
    en: "This consent has already been withdrawn",
  },
};
