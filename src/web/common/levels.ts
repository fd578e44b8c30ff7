import type { TFunction } from "i18next";
import { zhCN } from "../../shared/locales/zh-CN.ts";

type Level = keyof typeof zhCN.levels;

function isLevel(level: string): level is Level {
  return Object.hasOwn(zhCN.levels, level);
}

/** 社区, 网格…; a level the web does not know yet shows as its identifier. */
export function levelLabel(t: TFunction, level: string): string {
  return isLevel(level) ? t(`levels.${level}`) : level;
}
