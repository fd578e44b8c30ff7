import { words } from "./vocabulary.ts";

/**
 * What demo cases say, per category: a place, a problem and a tail combine into a description;
 * `{b}` is a building of the grid, `{r}` its road. Notes are what each level writes when it solves one.
 */
export interface CaseTexts {
  places: string[];
  problems: string[];
  tails: string[];
  /** Resolution notes by whoever solves it: the grid, the community, a department. */
  solved: string[];
}

const NO_TAIL = [""];

export const CASE_TEXTS: Record<string, CaseTexts> = {
  sanitation: {
    places: words("{b}楼下 {b}单元门口 小区垃圾站旁 {r}路边 {r}公厕附近 菜市场后巷 小区绿化带"),
    problems: words(`
      生活垃圾堆放两天无人清运 垃圾桶满溢，周边异味很大 有人乱倒建筑垃圾 污水井冒水，路面都是污水
      堆满了白色垃圾和烟头 大件旧家具乱堆乱放 化粪池堵塞外溢
    `),
    tails: [
      "",
      "，影响居民出行",
      "，夏天蚊蝇很多",
      "，希望尽快处理",
      "，已经好几天了",
      "，老人小孩经过很不方便",
    ],
    solved: words(`
      已联系保洁员清运完毕，现场已清理干净 已协调环卫车辆清运 已通知物业清理并加派保洁巡查
      已疏通污水井，路面冲洗干净
    `),
  },
  safety: {
    places: words("{b}楼道 {b}一楼架空层 小区消防通道 {r}沿街店铺 小区地下车库 {b}楼顶"),
    problems: words(`
      有电动车在楼道内充电，私拉电线 消防通道被私家车长期占用 消防栓没有水，灭火器已过期
      燃气管道有异味，疑似漏气 电线老化裸露 堆放大量纸箱杂物，存在火灾隐患
    `),
    tails: ["", "，很危险", "，请尽快处理", "，晚上尤其明显", "，多次劝说无效"],
    solved: words(`
      已现场劝离并清理飞线充电，张贴安全提示 已联系车主挪车并设置禁停标识
      已通知物业更换灭火器、检修消防栓 已联系燃气公司上门检测，隐患已排除 已清理杂物，通道恢复畅通
    `),
  },
  dispute: {
    places: words("{b} {b}楼上楼下 {b}隔壁 小区"),
    problems: words(`
      楼上深夜噪音扰民 楼上卫生间漏水到我家天花板 邻居在公共楼道堆放杂物 邻居养狗不拴绳，狗叫扰民
      邻居长期占用公共车位 邻居装修不守时间，中午也在施工
    `),
    tails: ["", "，沟通多次无果", "，希望网格员帮忙协调", "，影响休息", "，双方已经有争执"],
    solved: words(`
      已上门调解，双方达成一致 已约双方当面沟通，邻居承诺整改 已协调物业和双方，问题已解决
      已现场调解，邻居已清理杂物
    `),
  },
  property: {
    places: words("{b} 小区 {b}电梯 小区东门 小区地下车库"),
    problems: words(`
      电梯经常停运，老人上下楼困难 门禁系统坏了一周没人修 报修后物业迟迟不来处理
      绿化长期无人修剪 地下车库照明灯坏了大半 二次供水水压不足
    `),
    tails: ["", "，物业一直推诿", "，希望社区督促物业", "，业主意见很大"],
    solved: words(`
      已约谈物业公司，限期整改完毕 已督促物业完成维修，社区回访确认
      已召集物业和业主代表协调，问题已解决
    `),
  },
  facilities: {
    places: words("{r} {r}人行道 {r}公交站旁 小区门口{r}"),
    problems: words(`
      路灯不亮，晚上出行不安全 井盖缺失，存在安全隐患 路面塌陷出现大坑 雨水篦子堵塞，下雨积水严重
      人行道地砖松动破损
    `),
    tails: ["", "，已有人摔倒", "，请尽快维修", "，持续一周了"],
    solved: words("已安排维修队修复 已更换井盖并设置警示 已完成路面修补 已疏通排水管道 已更换路灯灯具"),
  },
  cityManagement: {
    places: words("{r} {r}人行道 {r}菜市场门口 {r}学校门口"),
    problems: words(`
      流动摊贩占道经营 店铺门前乱搭遮阳棚 电线杆上乱贴小广告 夜宵摊油烟扰民 车辆乱停堵塞人行道
      建筑工地夜间施工噪音
    `),
    tails: ["", "，影响通行", "，多次反映未解决", "，晚上尤其严重"],
    solved: words(`
      已现场执法，责令整改 已清理小广告并加强巡查 已劝离摊贩并规范经营区域 已约谈工地负责人，夜间停止施工
    `),
  },
  elderlyHelp: {
    places: words("{b}"),
    problems: words(`
      独居老人一键呼叫，称身体不适需要帮助 老人一键呼叫，摔倒后无法起身 老人呼叫，家中停电不会处理
      老人呼叫，需要帮忙买药 老人一键呼叫，家中水管爆裂
    `),
    tails: NO_TAIL,
    solved: words(`
      网格员已上门，陪同老人就医 已上门扶起老人并联系家属 已上门处理，恢复供电 已代购药品送到老人家中
      已上门关闭总阀并联系维修
    `),
  },
  errand: {
    places: [""],
    problems: words(`
      行动不便，需要代缴水电费 申请代办老年优待证 需要代办医保异地备案 需要代购常用药品 申请代办残疾人证年审
    `),
    tails: ["", "，家里只有老人", "，子女在外地"],
    solved: words("已代为办理完毕并送达 已协助办理，材料已提交 社区工作人员已代购送达"),
  },
  consultation: {
    places: [""],
    problems: words(`
      咨询城乡居民医保缴费时间和标准 咨询低保申请条件和所需材料 咨询灵活就业人员社保补贴政策
      咨询高龄津贴发放标准 咨询孩子入学的户籍要求 咨询公租房申请流程
    `),
    tails: NO_TAIL,
    solved: words("已电话详细解答，并告知办理地点 已当面解答并提供材料清单 已解答，居民表示清楚了"),
  },
  other: {
    places: words("{r} 小区 {b}"),
    problems: words(`
      公交站牌损坏 流浪猫较多 希望增设健身器材 施工围挡占用盲道 建议增设快递柜
    `),
    tails: NO_TAIL,
    solved: words("已记录并反映到相关单位 已协调处理 已联系相关单位处理完毕"),
  },
};

/** Departments whistled (吹哨) or assigned for each category, the likeliest first. */
export const CATEGORY_DEPARTMENTS: Record<string, string[]> = {
  sanitation: ["environment", "urban"],
  safety: ["police", "housing", "market"],
  dispute: ["police", "civil"],
  property: ["housing", "market"],
  facilities: ["housing", "urban"],
  cityManagement: ["urban", "market"],
  elderlyHelp: ["civil", "health"],
  errand: ["civil"],
  consultation: ["civil", "health"],
  other: ["urban", "civil"],
};

export const NOTES = {
  escalateGrid: words("网格内无法协调，需社区出面 涉及多户，请社区协调 需要物业和多方配合，提请社区处理"),
  escalateCommunity: words("需街道协调职能部门处理 社区无法解决，提请街道审单 涉及执法事项，请街道派单"),
  dispatch: words("请网格员上门核实处理 请网格员跟进落实"),
  whistle: words("请相关部门到场联合处置 问题反复出现，请部门报到处理"),
  report: words("已到场处置，问题已解决 已联合执法，责令限期整改 已现场核查并落实整改措施"),
  returned: words("不属于本部门职责范围，请重新派单"),
  withdraw: words("问题已自行解决 邻居已经处理了 误报，撤回"),
  reopen: words("居民不满意，重新核实处理 回访发现问题仍存在"),
};

/** Rating comments by score (empty: no comment, the most common). */
export const RATING_COMMENTS: Record<number, string[]> = {
  5: ["", "", "处理及时，非常满意", "网格员态度很好，点赞", "很快就解决了，谢谢"],
  4: ["", "解决了，速度可以再快一点", "基本满意"],
  3: ["", "问题解决了，但等了比较久"],
  2: ["问题没有根本解决", "处理比较敷衍"],
  1: ["没人来处理", "问题依旧，很不满意"],
};
