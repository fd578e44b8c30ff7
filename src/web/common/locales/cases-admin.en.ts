import type { casesAdminZhCN } from "./cases-admin.zh-CN.ts";

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export const casesAdminEn: Same<typeof casesAdminZhCN> = {};
