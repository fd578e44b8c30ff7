import type { DemoActivity } from "./volunteering.ts";

/** The demo's volunteer teams and what each does (seed passages: 友谊村 "666 服务帮", 西湖 六支服务队). */
export interface TeamPlan {
  name: string;
  speciality: string;
  description: string;
  /** What the team does: title, scheduling, start hour (China time), length in hours, capacity. */
  services: Array<[string, DemoActivity["mode"], number, number, number]>;
}

// 666: six teams in the first community, as 友谊村's "666 服务帮" and 西湖's six service teams.
export const FIRST_TEAMS: TeamPlan[] = [
  {
    name: "邻里守望服务队",
    speciality: "治安巡逻",
    description: "夜间巡逻、隐患排查，守护小区平安",
    services: [
      ["夜间治安巡逻", "afterHours", 19, 2, 8],
      ["节前安全隐患排查", "fixedTime", 9, 3, 10],
    ],
  },
  {
    name: "助老服务队",
    speciality: "陪护",
    description: "探访空巢、独居和高龄老人，陪同就医",
    services: [
      ["关爱空巢老人上门探访", "fixedTime", 9, 2.5, 10],
      ["周末陪伴高龄老人", "afterHours", 14, 2, 8],
    ],
  },
  {
    name: "法律援助服务队",
    speciality: "法律",
    description: "律师和法律工作者提供咨询、调解和普法宣传",
    services: [
      ["法律咨询进社区", "byAppointment", 9, 2, 2],
      ["反诈骗宣传讲座", "afterHours", 19, 1.5, 12],
    ],
  },
  {
    name: "文明劝导服务队",
    speciality: "文明劝导",
    description: "文明养犬、垃圾分类、文明交通劝导",
    services: [
      ["垃圾分类文明劝导", "fixedTime", 8, 2, 12],
      ["路口文明交通劝导", "fixedTime", 17, 1.5, 10],
    ],
  },
  {
    name: "环境清洁服务队",
    speciality: "保洁",
    description: "楼道杂物清理、小区环境大扫除",
    services: [
      ["小区环境大扫除", "fixedTime", 8, 3, 16],
      ["清理楼道堆积杂物", "afterHours", 9, 2.5, 12],
    ],
  },
  {
    name: "医疗义诊服务队",
    speciality: "医疗",
    description: "社区医生和退休医护人员义诊、健康讲座",
    services: [
      ["社区义诊", "byAppointment", 9, 2, 2],
      ["免费测血压血糖", "fixedTime", 15, 2, 8],
    ],
  },
];

export const OTHER_TEAMS: TeamPlan[] = [
  {
    name: "红色邻里便民服务队",
    speciality: "维修",
    description: "家电维修、水电小修，为群众上门服务",
    services: [["家电义务维修", "afterHours", 9, 3, 8]],
  },
  {
    name: "四点半课堂服务队",
    speciality: "教育",
    description: "放学后为双职工家庭的孩子辅导作业",
    services: [["四点半课堂作业辅导", "fixedTime", 16.5, 1.5, 6]],
  },
  {
    name: "文艺宣传队",
    speciality: "文艺",
    description: "送戏进社区，文艺宣传党的政策",
    services: [["送戏进社区文艺演出", "afterHours", 19, 2, 20]],
  },
];
