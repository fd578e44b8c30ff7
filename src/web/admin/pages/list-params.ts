import { useSearchParams } from "react-router-dom";

const MAX_PAGE_SIZE = 200;

function positive(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Paging and filters of a list page kept in the address, so a reload or a shared link shows the same rows. */
export function useListParams<F extends string>(filterNames: readonly F[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    filterNames.map((name) => [name, params.get(name) || undefined]),
  ) as Record<F, string | undefined>;

  const update = (changes: Record<string, string | number | undefined>) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      return next;
    });
  };

  const page = positive(params.get("page"), 1);
  const pageSize = positive(params.get("pageSize"), 20, MAX_PAGE_SIZE);
  return {
    page,
    pageSize,
    filters,
    setPage: (page: number, pageSize: number) => update({ page, pageSize }),
    // A new filter starts again at the first page.
    setFilter: (name: F, value: string | undefined) => update({ [name]: value, page: undefined }),
    /** Several filters at once (a date range, clearing them all): one new address, not one each. */
    setFilters: (changes: Partial<Record<F, string | undefined>>) => update({ ...changes, page: undefined }),
    /** A Table's pagination for a list of `total` rows, "共 n 条" in the reader's words. */
    pagination: (total: number | undefined, showTotal: (count: number) => string) => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      showTotal,
      onChange: (p: number, size: number) => update({ page: p, pageSize: size }),
    }),
  };
}
