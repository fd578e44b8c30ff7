import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { apiUrl, type PathOf, type QueryOf } from "../../common/api.ts";
import { currentLanguage } from "../../common/i18n.ts";

/** The lists whose GET answers format=xlsx. */
export type ExportPath = {
  [P in PathOf<"get">]: NonNullable<QueryOf<P, "get">> extends { format?: infer F }
    ? "xlsx" extends F
      ? P
      : never
    : never;
}[PathOf<"get">];

/**
 * The download of a list: the page's own query with every page (no paging) as .xlsx, in the
 * reader's language. A plain link: the session cookie goes with it, and the browser saves the
 * file as it streams in.
 */
export function exportUrl<P extends ExportPath>(
  path: P,
  query: QueryOf<P, "get">,
  extra: Record<string, string> = {},
): string {
  const paged = query as Record<string, unknown>;
  const all = { ...paged, page: undefined, pageSize: undefined, format: "xlsx", lang: currentLanguage() };
  return apiUrl(path, { ...all, ...extra } as QueryOf<P, "get">);
}

/** "导出 Excel" next to a list's filters: downloads what the filters find, every page of it. */
export function ExportButton<P extends ExportPath>({ path, query }: { path: P; query: QueryOf<P, "get"> }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={exportUrl(path, query)} download>
      {t("export.excel")}
    </Button>
  );
}
