import type { Rng } from "./random.ts";
import { words } from "./vocabulary.ts";

type Gender = "male" | "female";

// Common surnames with rough weights (per mille); 罗谢曾钟赖廖 are weighted up as they are in Ganzhou.
const SURNAMES = words(`
  王71 李70 张67 刘54 陈55 杨31 黄26 赵23 吴20 周19 徐15 孙15 马14 朱13 胡14 郭11 何12 高10 林10
  罗16 郑8 梁7 谢14 宋6 唐6 许6 韩5 冯5 邓7 曹5 彭7 曾12 肖8 田4 董4 袁4 潘4 蒋4 蔡4 余5 杜3 叶5
  程4 魏3 吕3 丁3 沈3 姚3 卢4 钟9 赖8 廖8 温4 邱4 欧阳1 司马0.2 上官0.2 诸葛0.1
`).map((w) => [w.replace(/[\d.]+$/, ""), Number(w.replace(/^\D+/, ""))] as const);

interface Pool {
  /** First characters of two-character given names. */
  first: string;
  /** Second characters, also used alone as one-character names. */
  second: string;
}

// Given names follow fashions; three generations keep grandparents from being called 梓轩.
const POOLS: Record<"old" | "middle" | "young", Record<Gender, Pool>> = {
  old: {
    male: {
      first: "建国志永德金福荣春家学玉长根明文光庆开顺",
      second: "国华明平军忠德福荣贵生发林强成东民根水和祥",
    },
    female: { first: "秀桂玉淑春凤金美丽素冬翠月爱", second: "英兰芳珍凤华梅琴霞花莲娟云香菊萍秀" },
  },
  middle: {
    male: { first: "志建俊文海永晓家振国伟小明立宏", second: "强伟明华军杰涛峰斌辉勇刚鹏亮波龙磊超飞浩" },
    female: { first: "丽晓美雪佳静慧海春小玉红秀燕", second: "丽静敏燕艳娟霞婷雪慧琳颖晶倩芳玲丹萍蓉红" },
  },
  young: {
    male: { first: "子梓浩宇一俊博睿泽铭思家嘉", second: "轩涵宇辰睿泽航铭阳杰豪博然哲昊煜皓逸" },
    female: { first: "子梓欣诗雨语思可一佳若依紫", second: "涵萱怡彤琪妍悦然菲瑶馨汐琳晴" },
  },
};

// The pools hold only BMP characters, so string indexing is character indexing.
const char = (rng: Rng, chars: string) => chars[rng.int(0, chars.length - 1)] ?? "";

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A given name of one or two characters that fits the gender and the generation of the birth year. */
export function givenName(rng: Rng, gender: Gender, birthYear: number): string {
  const era = birthYear < 1970 ? "old" : birthYear < 2000 ? "middle" : "young";
  const pool = POOLS[era][gender];
  const second = char(rng, pool.second);
  if (rng.chance(era === "young" ? 0.06 : 0.15)) return second;
  let first = char(rng, pool.first);
  while (first === second) first = char(rng, pool.first);
  return first + second;
}

/** A full name for someone with no family in the generated data (staff, contacts). */
export function personName(rng: Rng, gender: Gender, birthYear: number): string {
  return surname(rng) + givenName(rng, gender, birthYear);
}
