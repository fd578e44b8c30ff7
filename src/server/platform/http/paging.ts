import { type TSchema, Type } from "@sinclair/typebox";

/** The paging every list takes (ARCHITECTURE: pageSize ≤ 200). */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: "1-based page number" }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
