import { type TSchema, Type } from "@sinclair/typebox";

export const DEFAULT_PAGE_SIZE = 20;

/** The paging every list takes (ARCHITECTURE: pageSize ≤ 200); both optional. */
export const PageQuery = {
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: "1-based page number" }),
  ),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: DEFAULT_PAGE_SIZE })),
};

export interface Paging {
  page?: number;
  pageSize?: number;
}

/** LIMIT/OFFSET of a page request. */
export function pageWindow({ page = 1, pageSize = DEFAULT_PAGE_SIZE }: Paging): {
  limit: number;
  offset: number;
} {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
