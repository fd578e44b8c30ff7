import type { casesMobileZhCN } from "./cases-mobile.zh-CN.ts";

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export const casesMobileEn: Same<typeof casesMobileZhCN> = {};
