import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Input, Rate, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { ShopDrawer } from "./shop-drawer.tsx";

type Shop = ResponseOf<"/api/v1/points/merchants", "get">["items"][number];
const C = "pointsEvaluation.columns";

/** Titles as tags: 美德商铺 2026 上半年 … */
export function Titles({ titles }: { titles: Shop["titles"] }) {
  const { t } = useTranslation();
  return (
    <>
      {titles.map((x) => (
        <Tag key={`${x.kind}-${x.period}`} color="gold">
          {t(`pointsEvaluation.titleKinds.${x.kind}`, { defaultValue: x.kind })} {x.period}
        </Tag>
      ))}
    </>
  );
}

export const dateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—";

/** The shops of the caller's area by name, with this year's score, stars, titles; one opens in a drawer. */
export function ShopsTab() {
  const { t } = useTranslation();
  const list = useListParams(["q", "underId"] as const);
  const [open, setOpen] = useState<string>();
  const f = list.filters;
  const query = { q: f.q, underId: f.underId, page: list.page, pageSize: list.pageSize };
  const result = useQuery({
    queryKey: ["points", "merchants", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/merchants", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Shop> = [
    {
      title: t(`${C}.name`),
      dataIndex: "name",
      render: (v: string, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t(`${C}.category`), dataIndex: "category", width: 100 },
    { title: t(`${C}.score`), dataIndex: "score", width: 80, align: "right" },
    {
      title: t(`${C}.stars`),
      key: "stars",
      width: 190,
      render: (_: unknown, r) =>
        r.stars.count === 0 ? (
          "—"
        ) : (
          <span>
            <Rate disabled allowHalf value={r.stars.average ?? 0} style={{ fontSize: 14 }} />{" "}
            {r.stars.average}（{r.stars.count}）
          </span>
        ),
    },
    { title: t(`${C}.titles`), key: "titles", render: (_: unknown, r) => <Titles titles={r.titles} /> },
    {
      title: t(`${C}.lastInspectedAt`),
      dataIndex: "lastInspectedAt",
      width: 170,
      render: (v: string | null) => dateTime(v),
    },
    {
      title: "",
      key: "view",
      width: 80,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setOpen(r.id)}>
          {t("pointsEvaluation.admin.detail")}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <Input.Search
          allowClear
          defaultValue={f.q}
          placeholder={t("pointsEvaluation.admin.search")}
          style={{ width: 260 }}
          onSearch={(v) => list.setFilter("q", v.trim() || undefined)}
        />
        <TerritoryPicker value={f.underId} onChange={(v) => list.setFilter("underId", v)} />
        <ExportButton path="/api/v1/points/merchants" query={query} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Shop>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={list.pagination(result.data?.total, (count) =>
          t("pointsEvaluation.admin.totalShops", { count }),
        )}
      />
      {open && <ShopDrawer merchantId={open} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}
