import type { Role } from "../../../../shared/roles.ts";
import type { Audience, CapPeriod, RuleKind } from "./tables.ts";

/**
 * The outbox events a rule may be triggered by. A rule with any other trigger than these or
 * `manual` would never fire, so the editor refuses it.
 */
export const EVENT_TRIGGERS = ["orders.completed", "wishes.confirmed", "volunteering.hours"] as const;
export type EventTrigger = (typeof EVENT_TRIGGERS)[number];
export const TRIGGERS = ["manual", ...EVENT_TRIGGERS] as const;

/** One rule as a template (and the editor) writes it; `code` is the key caps count by. */
export interface RuleTemplate {
  code: string;
  name: string;
  indicator?: string | null;
  kind: RuleKind;
  trigger: string;
  points: number;
  perHour?: boolean;
  capPoints?: number | null;
  capPeriod?: CapPeriod | null;
  evidenceRequired?: boolean;
  approverRole?: Role | null;
}

export interface RuleSetTemplate {
  audience: Audience;
  name: string;
  baseScore: number;
  note: string;
  rules: RuleTemplate[];
}

/** Entered by staff, approved by the community's 积分制管理小组. */
const manual = (
  code: string,
  name: string,
  kind: RuleKind,
  points: number,
  more: Partial<RuleTemplate> = {},
): RuleTemplate => ({ code, name, kind, trigger: "manual", points, ...more });

const byCommunity = { approverRole: "communityStaff" as const, evidenceRequired: true };

/**
 * 费县《城市社区党员美德信用积分管理办法》 "1+1−1": 基础分 60 from its three parts, additions that
 * add up, deductions, and the 一票否决.
 */
const feixianMember: RuleSetTemplate = {
  audience: "member",
  name: "党员美德信用积分",
  baseScore: 60,
  note: "基础分、加分项、扣分项“1+1-1”，受到群众举报属实、违法乱纪、虚报瞒报致使积分失真的一票否决。",
  rules: [
    manual("base-politics", "思想政治", "base", 20),
    manual("base-discipline", "纪律规矩", "base", 20),
    manual("base-morals", "道德品行", "base", 20),
    {
      code: "volunteer-hours",
      name: "参加志愿服务",
      kind: "add",
      trigger: "volunteering.hours",
      points: 2,
      perHour: true,
      capPoints: 40,
      capPeriod: "month",
    },
    {
      code: "order-completed",
      name: "完成服务订单",
      kind: "add",
      trigger: "orders.completed",
      points: 5,
      capPoints: 50,
      capPeriod: "month",
    },
    { code: "wish-fulfilled", name: "点亮微心愿", kind: "add", trigger: "wishes.confirmed", points: 5 },
    manual("brave-deed", "见义勇为", "add", 20, byCommunity),
    manual("lead-prosperity", "创业带富", "add", 10, { ...byCommunity, capPoints: 20, capPeriod: "year" }),
    manual("community-advice", "社区发展建言", "add", 3, {
      ...byCommunity,
      capPoints: 15,
      capPeriod: "quarter",
    }),
    manual("contact-masses", "联系服务群众", "add", 2, {
      approverRole: "communityStaff",
      capPoints: 10,
      capPeriod: "month",
    }),
    manual("promise-broken", "亮诺不践诺", "deduct", 5, byCommunity),
    manual("shirk-duty", "关键时刻不担责任、畏缩不前", "deduct", 10, byCommunity),
    manual("like-ordinary", "混同于一般群众", "deduct", 5, byCommunity),
    manual("veto-lawbreaking", "违法乱纪", "veto", 1, byCommunity),
    manual("veto-false-report", "虚报瞒报致使积分失真", "veto", 1, byCommunity),
  ],
};

/** 费县 睦邻积分: no base, points for neighbourly deeds, redeemable at the 便民服务店. */
const feixianResident: RuleSetTemplate = {
  audience: "resident",
  name: "睦邻积分",
  baseScore: 0,
  note: "居民参与社区治理的行为量化为积分，凭积分兑换物品或服务，可作为个人信用贷款的参考。",
  rules: [
    {
      code: "volunteer-hours",
      name: "志愿服务",
      kind: "add",
      trigger: "volunteering.hours",
      points: 2,
      perHour: true,
      capPoints: 40,
      capPeriod: "month",
    },
    { code: "wish-fulfilled", name: "点亮微心愿", kind: "add", trigger: "wishes.confirmed", points: 5 },
    manual("advice-adopted", "建议被社区采纳", "add", 5, {
      approverRole: "communityStaff",
      capPoints: 20,
      capPeriod: "month",
    }),
    manual("repair-help", "维修互助", "add", 3, {
      approverRole: "communityStaff",
      capPoints: 15,
      capPeriod: "month",
    }),
    manual("environment", "环境卫生", "add", 2, {
      approverRole: "communityStaff",
      capPoints: 10,
      capPeriod: "month",
    }),
    manual("neighbour-help", "邻里互助", "add", 3, {
      approverRole: "communityStaff",
      capPoints: 15,
      capPeriod: "month",
    }),
    manual("dispute-mediation", "协助化解矛盾纠纷", "add", 5, byCommunity),
    manual("policy-advice", "政策咨询志愿服务", "add", 2, { approverRole: "communityStaff" }),
    manual("uncivil-dog", "不文明养犬", "deduct", 5, byCommunity),
    manual("litter", "乱扔垃圾、乱堆乱放", "deduct", 3, byCommunity),
  ],
};

/** One second-level indicator of the shop scores, scored by inspectors on their rounds. */
const shop = (
  indicator: string,
  code: string,
  name: string,
  kind: "add" | "deduct",
  points: number,
): RuleTemplate => ({
  code,
  name,
  indicator,
  kind,
  trigger: "manual",
  points,
  evidenceRequired: kind === "deduct",
});

/** 费县 商铺积分: 基础分 100; 8 first-level and 37 second-level indicators, positive and negative. */
const feixianMerchant: RuleSetTemplate = {
  audience: "merchant",
  name: "商铺美德信用积分",
  baseScore: 100,
  note: "沿街商铺实行正负向积分管理，一级指标8项、二级指标37项；积分高的评为“美德商铺”。",
  rules: [
    shop("弘扬美德", "virtue-good-deed", "好人好事", "add", 5),
    shop("弘扬美德", "virtue-charity", "参与公益捐助", "add", 5),
    shop("弘扬美德", "virtue-volunteer", "参加社区志愿服务", "add", 3),
    shop("弘扬美德", "virtue-public-sign", "张贴公益宣传", "add", 2),
    shop("弘扬美德", "virtue-uncivil", "不文明言行", "deduct", 5),
    shop("管理评价", "manage-licence", "证照齐全、亮证经营", "add", 2),
    shop("管理评价", "manage-cooperate", "配合执法检查", "add", 2),
    shop("管理评价", "manage-satisfaction", "群众满意度评价好", "add", 3),
    shop("管理评价", "manage-complaint", "被群众投诉属实", "deduct", 5),
    shop("管理评价", "manage-refuse", "拒不整改", "deduct", 10),
    shop("门前五包", "front-clean", "包卫生整洁", "add", 2),
    shop("门前五包", "front-order", "包秩序良好", "add", 2),
    shop("门前五包", "front-green", "包绿化养护", "add", 2),
    shop("门前五包", "front-facility", "包设施完好", "add", 2),
    shop("门前五包", "front-occupy", "占道经营、店外经营", "deduct", 5),
    shop("诚信经营", "honest-price", "明码标价", "add", 2),
    shop("诚信经营", "honest-measure", "计量准确", "add", 2),
    shop("诚信经营", "honest-promise", "签订诚信经营承诺", "add", 3),
    shop("诚信经营", "honest-fake", "销售假冒伪劣商品", "deduct", 10),
    shop("诚信经营", "honest-cheat", "欺诈消费者", "deduct", 10),
    shop("安全生产", "safety-fire", "消防器材完好", "add", 2),
    shop("安全生产", "safety-gas", "燃气使用规范", "add", 2),
    shop("安全生产", "safety-hazard", "存在安全隐患", "deduct", 5),
    shop("安全生产", "safety-wire", "私拉乱接电线", "deduct", 5),
    shop("文明服务", "service-polite", "文明用语、热情服务", "add", 2),
    shop("文明服务", "service-elder", "为老人和残疾人提供便利", "add", 3),
    shop("文明服务", "service-toilet", "开放爱心驿站", "add", 3),
    shop("文明服务", "service-dispute", "与顾客发生争执", "deduct", 3),
    shop("环境保护", "green-sorting", "垃圾分类投放", "add", 2),
    shop("环境保护", "green-fume", "油烟净化达标", "add", 2),
    shop("环境保护", "green-noise", "噪音扰民", "deduct", 3),
    shop("环境保护", "green-sewage", "乱倒污水", "deduct", 5),
    shop("社会责任", "duty-jobs", "吸纳就业", "add", 3),
    shop("社会责任", "duty-points", "接受居民积分兑换", "add", 3),
    shop("社会责任", "duty-event", "参与社区活动", "add", 2),
    shop("社会责任", "duty-fair", "入驻便民大集", "add", 3),
    shop("社会责任", "duty-arrears", "拖欠工资", "deduct", 10),
  ],
};

/** 西湖 先锋积分: the "五单" 一键通 service — a completed order is worth 10. */
const xihuMember: RuleSetTemplate = {
  audience: "member",
  name: "先锋积分",
  baseScore: 0,
  note: "“五单”一键通：按键发单、系统派单、手机抢单、回访评单、积分兑单。",
  rules: [
    { code: "order-completed", name: "一键通上门服务", kind: "add", trigger: "orders.completed", points: 10 },
    { code: "wish-fulfilled", name: "认领微心愿", kind: "add", trigger: "wishes.confirmed", points: 5 },
    {
      code: "volunteer-hours",
      name: "志愿服务",
      kind: "add",
      trigger: "volunteering.hours",
      points: 2,
      perHour: true,
      capPoints: 40,
      capPeriod: "month",
    },
    manual("visit-elderly", "走访慰问老党员", "add", 3, {
      approverRole: "communityStaff",
      capPoints: 15,
      capPeriod: "month",
    }),
    manual("complaint", "服务被投诉属实", "deduct", 5, byCommunity),
  ],
};

export const TEMPLATES = { feixianMember, feixianResident, feixianMerchant, xihuMember } as const;
export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];
