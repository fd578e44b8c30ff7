import type { SixFix } from "../../modules/engagement/tables.ts";

/** The words of the demo's 双报到: 六定 sentences, service titles, visit notes, feedback, suggestions. */

/** 六定 of a pairing agreement; `{n}` takes a small number, `{unit}` the unit's name. */
export const SIX_FIX_TEXTS: Record<SixFix, readonly string[]> = {
  post: [
    "定岗位：在社区设立“在职党员先锋岗”{n}个，{unit}党员轮流上岗。",
    "定岗位：在社区党群服务中心设立在职党员服务岗{n}个，亮身份、亮承诺。",
    "定岗位：认领社区楼栋党员责任区{n}个，每个责任区明确一名联系党员。",
  ],
  duty: [
    "定职责：协助社区做好政策宣传、矛盾调解和环境整治等工作。",
    "定职责：参与社区疫情防控、防汛值守和文明创建等中心工作。",
    "定职责：结合单位专业特长，为社区居民提供咨询和志愿服务。",
  ],
  time: [
    "定时间：每周六上午到社区报到服务，每季度集中开展活动不少于{n}次。",
    "定时间：按社区排班每月至少报到一次，重大活动和应急任务随叫随到。",
  ],
  task: [
    "定任务：每年为社区办好{n}件实事，认领并实现微心愿不少于{n}个。",
    "定任务：每名在职党员每年至少结对一户居民，参加一次志愿服务。",
    "定任务：帮助社区解决{n}项群众反映强烈的难点问题。",
  ],
  assessment: [
    "定考核：社区每季度填写反馈卡报送单位，作为党员年度考核的重要依据。",
    "定考核：服务情况记入《在职党员进社区全程纪实手册》，年底由社区党委和单位党组织共同评议。",
  ],
  reward: [
    "定奖惩：年度评选“优秀在职党员”{n}名，服务不到位的由单位党组织约谈提醒。",
    "定奖惩：表现突出的在评先评优中优先推荐，长期不报到的在单位内通报。",
  ],
};

/** What a member does at a party activity of his community (参加一次党组织活动). */
export const PARTY_ACTIVITIES: readonly string[] = [
  "参加社区党委主题党日活动，重温入党誓词",
  "参加社区“三会一课”党课学习",
  "参加社区党员冬训集中学习",
  "参加网格党支部组织生活会",
  "参加社区“七一”党员志愿服务活动",
  "参加社区党委召开的共驻共建联席会议",
];

/** Volunteering of in-service members in their community, with its usual hours. */
export const VOLUNTEERING: ReadonlyArray<readonly [string, number]> = [
  ["参加“周六报到”小区环境整治志愿服务", 3],
  ["在社区党群服务中心值守“先锋岗”", 4],
  ["参加防汛值守志愿服务", 4],
  ["为社区老人义务理发、量血压", 2],
  ["参加文明城市创建交通劝导志愿服务", 2.5],
  ["协助社区开展反诈宣传进小区活动", 2],
  ["参加小区楼道杂物清理行动", 3],
  ["为辖区学生开展暑期课业辅导", 2],
];

/** Manual records waiting for the community's approval. */
export const MANUAL_RECORDS: readonly string[] = [
  "协助社区开展消防安全入户宣传",
  "帮助独居老人预约医院门诊",
  "参与小区加装电梯协商议事会",
  "协助网格员开展人口信息核查",
];

/** What a member writes after visiting a household he is paired with (民情日记). */
export const VISIT_NOTES: readonly string[] = [
  "上门看望，老人身体还好，叮嘱天冷注意保暖。",
  "了解家中近况，孩子上学和家里用水用电都正常。",
  "陪老人聊了家常，帮忙把药按早中晚分装好。",
  "宣传了防诈骗知识，留下联系电话，有事随时找我。",
  "帮忙检查了燃气灶和热水器，提醒用完关阀门。",
  "询问了医保缴费情况，已帮忙在手机上查好。",
];

/** Problems found on visits, in the residents' words as the member wrote them down. */
export const VISIT_PROBLEMS: readonly string[] = [
  "楼道灯坏了好几天，老人晚上上下楼不方便",
  "家门口的下水道堵了，一下雨就积水",
  "老人想申请居家养老服务，不知道怎么办",
  "楼上空调外机滴水，影响楼下晾衣服",
  "小区门口电动车乱停，轮椅过不去",
];

/** The community's word on a member, by grade (反馈卡: 优秀/良好/一般/较差). */
export const FEEDBACK_COMMENTS: Record<"excellent" | "good" | "fair" | "poor", readonly string[]> = {
  excellent: [
    "按时到社区报到，积极参加志愿服务，主动认领微心愿，群众评价很好。",
    "结对帮扶用心用情，经常上门走访，帮居民解决了不少实际困难。",
    "带头参加周六报到和环境整治，发挥了在职党员的先锋模范作用。",
  ],
  good: [
    "能按要求到社区报到，参加了党组织活动和志愿服务，表现较好。",
    "服务态度认真，参加活动比较积极，希望今后多走访结对户。",
  ],
  fair: [
    "本季度到社区报到次数偏少，希望合理安排时间，多参与社区活动。",
    "参加了党组织活动，但志愿服务参与较少，还需加强。",
  ],
  poor: ["本季度基本未到社区报到，也未参加社区活动，请单位党组织督促。"],
};

/** Members' suggestions to their community and, when adopted or declined, the community's answer. */
export const SUGGESTIONS: ReadonlyArray<readonly [text: string, adopted: string, declined: string]> = [
  [
    "建议在小区门口增设非机动车停车棚，减少电动车乱停乱放",
    "已采纳，社区已联系物业选址，年内建成投用。",
    "小区门口场地属于市政道路，暂不具备建棚条件，社区将加强劝导。",
  ],
  [
    "建议社区每月组织一次老年人智能手机使用培训",
    "已采纳，每月第二个周三下午在党群服务中心开课。",
    "社区已与老年大学合作开设此类课程，请引导老人报名参加。",
  ],
  [
    "建议在健身广场加装夜间照明，方便居民晚上锻炼",
    "已采纳，已报请街道列入今年民生微实事项目。",
    "广场照明已列入明年老旧小区改造计划，届时一并解决。",
  ],
  [
    "建议楼道张贴网格员和楼栋长的联系方式",
    "已采纳，社区已统一制作“三亮”公示牌张贴到每个单元。",
    "各单元已张贴联系卡，社区将检查补齐缺失的。",
  ],
  [
    "建议设立“周六党员服务日”，集中为居民提供义诊、维修等服务",
    "已采纳，结合周六报到制度，每月最后一个周六集中开展。",
    "社区已有周六报到安排，将在现有活动中增加服务项目。",
  ],
];
