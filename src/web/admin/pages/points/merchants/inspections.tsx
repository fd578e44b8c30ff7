import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Checkbox, DatePicker, Image, Space, Table, type TableColumnsType, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { dateTime } from "./shops.tsx";

type Inspection = ResponseOf<"/api/v1/points/inspections", "get">["items"][number];
const C = "pointsEvaluation.columns";

/** Every inspection of the caller's area, newest first; by month, or only his own; exported as shown. */
export function InspectionsTab() {
  const { t } = useTranslation();
  const list = useListParams(["month", "mine", "underId"] as const);
  const f = list.filters;
  const query = {
    month: f.month,
    mine: f.mine === "1" ? true : undefined,
    underId: f.underId,
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: ["points", "inspections", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/inspections", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Inspection> = [
    { title: t(`${C}.at`), dataIndex: "at", width: 170, render: (v: string) => dateTime(v) },
    { title: t(`${C}.name`), key: "shop", render: (_: unknown, r) => r.merchant.name },
    { title: t(`${C}.inspector`), dataIndex: "inspector", width: 100 },
    {
      title: t(`${C}.items`),
      key: "items",
      render: (_: unknown, r) =>
        r.items.map((x) => (
          <Tag key={x.ruleId} color={x.kind === "add" ? "green" : "red"}>
            {x.name} {x.kind === "add" ? "+" : "−"}
            {x.applied}
          </Tag>
        )),
    },
    { title: t(`${C}.note`), dataIndex: "note", ellipsis: true },
    {
      title: t(`${C}.photos`),
      key: "photos",
      width: 120,
      render: (_: unknown, r) => (
        <Image.PreviewGroup>
          {r.photos.slice(0, 2).map((p) => (
            <Image key={p.id} src={p.url} width={40} height={40} style={{ objectFit: "cover" }} />
          ))}
        </Image.PreviewGroup>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <DatePicker
          picker="month"
          placeholder={t("pointsEvaluation.admin.month")}
          value={f.month ? dayjs(`${f.month}-01`) : null}
          onChange={(v) => list.setFilter("month", v ? v.format("YYYY-MM") : undefined)}
        />
        <TerritoryPicker value={f.underId} onChange={(v) => list.setFilter("underId", v)} />
        <Checkbox
          checked={f.mine === "1"}
          onChange={(e) => list.setFilter("mine", e.target.checked ? "1" : undefined)}
        >
          {t("pointsEvaluation.admin.mine")}
        </Checkbox>
        <ExportButton path="/api/v1/points/inspections" query={query} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Inspection>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={list.pagination(result.data?.total, (count) =>
          t("pointsEvaluation.admin.totalInspections", { count }),
        )}
      />
    </Space>
  );
}
