import { count } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { caseCategories, departments } from "./tables.ts";

type NewCategory = typeof caseCategories.$inferInsert;

const H = 60;
const DAY = 24 * H;

/**
 * What a district starts with; staff change them as data. The one-key call's 5-minute response
 * is 大丰's 一键通, its 30-minute on-site window 务川's; the rest follow common county practice.
 */
export const DEFAULT_CATEGORIES: NewCategory[] = [
  {
    code: "sanitation",
    name: "环境卫生",
    nameEn: "Sanitation",
    description: "垃圾堆放、卫生死角、污水外溢",
    defaultLevel: "grid",
    responseMinutes: 30,
    resolveMinutes: DAY,
    remindMinutes: 10,
    duplicateMeters: 100,
    duplicateHours: 24,
  },
  {
    code: "safety",
    name: "安全隐患",
    nameEn: "Safety hazard",
    description: "消防通道堵塞、电动车违规充电、燃气隐患",
    defaultLevel: "grid",
    responseMinutes: 5,
    resolveMinutes: 4 * H,
    remindMinutes: 2,
    duplicateMeters: 50,
    duplicateHours: 12,
    questions: [
      {
        code: "danger",
        label: "是否有人员受困或受伤",
        labelEn: "Anyone trapped or hurt",
        datatype: "singlevaluelist",
        required: false,
        values: [
          { key: "no", name: "否" },
          { key: "yes", name: "是" },
        ],
      },
    ],
  },
  {
    code: "dispute",
    name: "邻里纠纷",
    nameEn: "Neighbour dispute",
    description: "噪音、漏水、公共空间占用等邻里矛盾",
    defaultLevel: "grid",
    responseMinutes: 60,
    resolveMinutes: 3 * DAY,
    remindMinutes: 15,
    duplicateMeters: 30,
    duplicateHours: 72,
  },
  {
    code: "property",
    name: "物业管理",
    nameEn: "Property management",
    description: "电梯、门禁、绿化、停车等物业服务问题",
    defaultLevel: "community",
    responseMinutes: 60,
    resolveMinutes: 3 * DAY,
    remindMinutes: 15,
    duplicateMeters: 100,
    duplicateHours: 48,
  },
  {
    code: "facilities",
    name: "市政设施",
    nameEn: "Public facilities",
    description: "路灯、道路破损、井盖缺失、排水不畅",
    defaultLevel: "department",
    departmentCode: "housing",
    responseMinutes: 2 * H,
    resolveMinutes: 5 * DAY,
    remindMinutes: 30,
    duplicateMeters: 150,
    duplicateHours: 72,
    questions: [
      {
        code: "facility",
        label: "设施类型",
        labelEn: "Facility",
        datatype: "singlevaluelist",
        required: true,
        values: [
          { key: "streetlight", name: "路灯" },
          { key: "road", name: "道路" },
          { key: "manhole", name: "井盖" },
          { key: "drain", name: "排水" },
        ],
      },
    ],
  },
  {
    code: "cityManagement",
    name: "城市管理",
    nameEn: "City management",
    description: "占道经营、违章搭建、乱贴乱画",
    defaultLevel: "department",
    departmentCode: "urban",
    responseMinutes: 2 * H,
    resolveMinutes: 3 * DAY,
    remindMinutes: 30,
    duplicateMeters: 100,
    duplicateHours: 48,
  },
  {
    code: "elderlyHelp",
    name: "一键通求助",
    nameEn: "One-key call for help",
    description: "老人一键呼叫：5分钟响应、30分钟上门",
    defaultLevel: "grid",
    responseMinutes: 5,
    resolveMinutes: 30,
    remindMinutes: 2,
    duplicateMeters: 0,
    duplicateHours: 0,
  },
  {
    code: "errand",
    name: "帮代办",
    nameEn: "Errand on someone's behalf",
    description: "代缴费用、代办证件、代购药品",
    defaultLevel: "community",
    responseMinutes: 2 * H,
    resolveMinutes: 2 * DAY,
    remindMinutes: 30,
    duplicateMeters: 0,
    duplicateHours: 0,
  },
  {
    code: "consultation",
    name: "政策咨询",
    nameEn: "Policy question",
    description: "社保、医保、低保、就业等政策咨询",
    defaultLevel: "community",
    responseMinutes: 4 * H,
    resolveMinutes: 2 * DAY,
    remindMinutes: 60,
    duplicateMeters: 0,
    duplicateHours: 0,
  },
  {
    code: "other",
    name: "其他",
    nameEn: "Other",
    description: "",
    defaultLevel: "grid",
    responseMinutes: 2 * H,
    resolveMinutes: 3 * DAY,
    remindMinutes: 30,
    duplicateMeters: 0,
    duplicateHours: 0,
  },
].map((c, i) => ({ ...c, sortOrder: i }) as NewCategory);

export const DEFAULT_DEPARTMENTS = [
  { code: "urban", name: "区城市管理局", nameEn: "Urban Management Bureau" },
  { code: "housing", name: "区住房和城乡建设局", nameEn: "Housing and Construction Bureau" },
  { code: "market", name: "区市场监督管理局", nameEn: "Market Regulation Bureau" },
  { code: "environment", name: "区生态环境分局", nameEn: "Ecology and Environment Bureau" },
  { code: "civil", name: "区民政局", nameEn: "Civil Affairs Bureau" },
  { code: "police", name: "区公安分局", nameEn: "Public Security Bureau" },
  { code: "health", name: "区卫生健康局", nameEn: "Health Commission" },
].map((d, i) => ({ ...d, sortOrder: i }));

/** First start (demo or not): the default categories and departments, once. */
export async function ensureCaseDefaults(executor: Executor): Promise<void> {
  const [{ n = 0 } = {}] = await executor.select({ n: count() }).from(caseCategories);
  if (n === 0) await executor.insert(caseCategories).values(DEFAULT_CATEGORIES);
  const [{ d = 0 } = {}] = await executor.select({ d: count() }).from(departments);
  if (d === 0) await executor.insert(departments).values(DEFAULT_DEPARTMENTS);
}
