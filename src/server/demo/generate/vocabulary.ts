/** Word lists for the demo district. All names are fictional (or generic enough to be). */

/** A list written as whitespace-separated words, which keeps long lists short. */
export const words = (text: string): string[] => text.trim().split(/\s+/);

export const DISTRICT = { code: "360799", name: "兴安区", address: "江西省赣州市兴安区" };

/** Street 1 is the demo accounts' street; 红旗社区 their community. */
export const STREETS = [
  {
    name: "潋江街道",
    initials: "LJ",
    communities: ["红旗社区", "东门社区", "西街社区", "江滨社区", "文峰社区"],
  },
  {
    name: "文昌街道",
    initials: "WC",
    communities: ["文昌社区", "新华社区", "和平社区", "光明社区", "育才社区"],
  },
  { name: "长冈街道", initials: "CG", communities: ["长冈社区", "振兴社区", "龙山社区", "幸福社区"] },
];

export const ROADS = words(`
  建设路 解放路 人民路 中山路 文明路 和平路 长征路 红旗大道 胜利路 新华路 光明路
  振兴大道 滨江路 潋江路 健康路 文化路 东门街 西街 南门路 育才路 环城路 兴安大道
  朝阳路 学府路 站前路 工业路 沿江路 龙泉路
`);

export const COMPOUND_PREFIXES = words(`
  锦绣 阳光 金色 翠苑 幸福 江南 御景 书香 丽都 华府 龙湾 紫荆 枫林 桂花 滨江
  东方 世纪 明珠 和谐 康乐 嘉禾 星河 银湖 盛世 富康 怡景 祥和 春晖 欣悦 金桂
  翠竹 水岸 香樟 学府
`);
export const COMPOUND_SUFFIXES = words("花园 小区 家园 苑 华庭 雅居 新村 公寓 名苑 佳园 新城");

/** Old work-unit courtyards (楼院), the usual 楼院型 grid. */
export const COURTYARDS = words(`
  税务局宿舍 供电局家属院 粮食局大院 纺织厂宿舍 农机厂家属区 电影院宿舍 卫生局宿舍
  邮电大院 供销社宿舍 水电站宿舍 二轻局大院 百货公司宿舍 机械厂宿舍 林业局大院
  交通局宿舍 食品公司宿舍 糖厂宿舍 建筑公司大院
`);

/** Paired units: name, USCC authority+type (11 机关, 12 事业单位, 91 company) and party organisation. */
export const UNITS: ReadonlyArray<readonly [string, string, string]> = [
  ["兴安区税务局", "11", "机关党委"],
  ["兴安区人民医院", "12", "党委"],
  ["国网兴安供电公司", "91", "党委"],
  ["兴安中学", "12", "党总支"],
  ["兴安区实验小学", "12", "党支部"],
  ["兴安区中医院", "12", "党总支"],
  ["兴安区妇幼保健院", "12", "党支部"],
  ["兴安区市场监督管理局", "11", "机关党支部"],
  ["兴安区城市管理局", "11", "机关党支部"],
  ["兴安区住房和城乡建设局", "11", "机关党支部"],
  ["兴安区人力资源和社会保障局", "11", "机关党支部"],
  ["兴安区教育体育局", "11", "机关党支部"],
  ["兴安区人民法院", "11", "机关党支部"],
  ["兴安区文化馆", "12", "党支部"],
  ["兴安区自来水有限公司", "91", "党支部"],
  ["中国移动兴安分公司", "91", "党支部"],
  ["中国邮政兴安区分公司", "91", "党支部"],
  ["中国工商银行兴安支行", "91", "党支部"],
  ["兴安区第二中学", "12", "党支部"],
  ["兴安区公交有限公司", "91", "党支部"],
];

export const PROPERTY_COMPANIES = words(`
  赣州锦程物业服务有限公司 江西恒信物业管理有限公司 赣州安居物业服务有限公司
  兴安区宏远物业管理有限公司 江西嘉和物业服务有限公司 赣州万象物业管理有限公司
  江西康达物业服务有限公司 赣州绿洲物业服务有限公司 兴安区和顺物业管理有限公司
  江西金盾物业服务有限公司 赣州宜居物业管理有限公司 江西华信物业服务有限公司
  赣州福泰物业服务有限公司 兴安区阳光物业管理有限公司 江西润城物业服务有限公司
`);

/** Shop category, name endings, USCC authority+type (92 个体工商户, 91 company) and weight. */
export const SHOPS: ReadonlyArray<readonly [string, readonly string[], string, number]> = [
  ["便利店", ["便利店", "便民超市"], "92", 22],
  ["超市", ["超市", "生活超市"], "91", 8],
  ["药店", ["大药房", "药店"], "91", 12],
  ["理发店", ["理发店", "美发店", "发型工作室"], "92", 14],
  ["早餐店", ["早餐店", "米粉店", "包子铺"], "92", 18],
  ["餐馆", ["小炒", "饭店", "土菜馆"], "92", 16],
  ["五金店", ["五金店", "五金建材"], "92", 8],
  ["快递驿站", ["快递驿站", "快递代收点"], "92", 10],
  ["水果店", ["水果店", "鲜果铺"], "92", 10],
  ["生鲜店", ["生鲜店", "蔬菜店"], "92", 8],
  ["家电维修", ["家电维修部", "维修店"], "92", 5],
  ["洗衣店", ["洗衣店", "干洗店"], "92", 5],
  ["文具店", ["文具店"], "92", 4],
  ["母婴店", ["母婴店"], "92", 4],
  ["粮油店", ["粮油店"], "92", 5],
  ["手机维修", ["手机维修"], "92", 4],
  ["眼镜店", ["眼镜店"], "92", 3],
  ["茶叶店", ["茶行", "茶叶店"], "92", 3],
];
export const SHOP_PREFIXES = words(`
  惠民 百姓 佳佳 顺发 鑫源 万家 乐购 邻里 康泰 福顺 兴隆 和美 老李 阿强 红梅
  小芳 金鑫 平安 嘉禾 同心 众鑫 旺旺 家家乐 润民 益康 老街 客家 赣南 潋江 好邻居
  开心 德顺 天天 便民 老王 阿芬
`);

/** ID-number regions: other Jiangxi counties (resident newcomers) and other provinces (floating). */
export const JIANGXI_REGIONS = words(`
  360702 360703 360704 360722 360723 360724
  360726 360728 360730 360731 360732 360781
  360102 360502 360802 361002
`);
export const OTHER_REGIONS = words(`
  440106 441302 440304 430102 431002 350102
  350802 421102 450103 510104 330106 520102
`);
