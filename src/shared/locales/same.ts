/** The shape of a zh-CN strings object with every string free: what its English twin must fill. */
export type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };
