import { Card, Space, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../components/export-button.tsx";
import { TerritoryPicker } from "../cases/territory-picker.tsx";
import { useListParams } from "../list-params.ts";
import { CodeSelect, SearchBox } from "../people/filters.tsx";
import {
  WISH_CATEGORIES,
  WISH_STATUSES,
  type WishCategory,
  type WishQuery,
  type WishStatus,
} from "./labels.tsx";
import { WishStats } from "./stats.tsx";
import { WishesTable } from "./table.tsx";

const FILTERS = ["tab", "status", "category", "underId", "q", "by"] as const;
const TABS = ["review", "list", "stats"] as const;
type Tab = (typeof TABS)[number];

/** 微心愿: the review queue first (what waits for the community), then every wish, then the figures. */
export function WishesPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const f = list.filters;
  const tab: Tab = TABS.find((x) => x === f.tab) ?? "review";
  const status = WISH_STATUSES.find((s) => s === f.status);
  const category = WISH_CATEGORIES.find((c) => c === f.category);
  const paging = { page: list.page, pageSize: list.pageSize };
  const query: WishQuery = {
    ...paging,
    status: tab === "review" ? ["pending"] : status ? [status] : undefined,
    category,
    underId: f.underId,
    q: f.q,
  };
  const pagination = (total: number | undefined) =>
    list.pagination(total, (count) => t("wishesAdmin.list.total", { count }));
  const filters = (
    <Space wrap size={12}>
      <TerritoryPicker value={f.underId} onChange={(id) => list.setFilter("underId", id)} />
      {tab === "list" && (
        <CodeSelect<WishStatus>
          value={f.status}
          codes={WISH_STATUSES}
          label={t("wishesAdmin.columns.status")}
          allLabel={t("wishesAdmin.list.allStatuses")}
          optionLabel={(s) => t(`wishes.status.${s}`)}
          onChange={(s) => list.setFilter("status", s)}
        />
      )}
      <CodeSelect<WishCategory>
        value={f.category}
        codes={WISH_CATEGORIES}
        label={t("wishesAdmin.columns.category")}
        allLabel={t("wishesAdmin.list.allCategories")}
        optionLabel={(c) => t(`wishes.category.${c}`)}
        onChange={(c) => list.setFilter("category", c)}
      />
      <SearchBox
        value={f.q}
        placeholder={t("wishesAdmin.list.search")}
        onSearch={(q) => list.setFilter("q", q)}
      />
    </Space>
  );
  return (
    <Card
      title={t("nav.wishes")}
      extra={tab === "list" ? <ExportButton path="/api/v1/wishes" query={query} /> : undefined}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => list.setFilters({ tab: key === "review" ? undefined : key, status: undefined })}
        destroyOnHidden
        items={[
          {
            key: "review",
            label: t("wishesAdmin.tabs.review"),
            children: (
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                {filters}
                <WishesTable query={query} review pagination={pagination} />
              </Space>
            ),
          },
          {
            key: "list",
            label: t("wishesAdmin.tabs.list"),
            children: (
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                {filters}
                <WishesTable query={query} pagination={pagination} />
              </Space>
            ),
          },
          {
            key: "stats",
            label: t("wishesAdmin.tabs.stats"),
            children: (
              <WishStats
                by={f.by === "category" ? "category" : "community"}
                onBy={(by) => list.setFilter("by", by === "community" ? undefined : by)}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
