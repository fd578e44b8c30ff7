import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Empty, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import {
  GENDERS,
  type Gender,
  genderLabel,
  RESIDENCE_COLOURS,
  RESIDENCE_TYPES,
  type ResidenceType,
  relationLabel,
  residenceLabel,
} from "../../../common/labels.ts";
import { can } from "../../../common/roles.ts";
import { useListParams } from "../list-params.ts";
import { CodeSelect, SearchBox } from "./filters.tsx";
import { ResidentsExport } from "./residents-export.tsx";
import { RevealButton } from "./reveal.tsx";

export type Resident = ResponseOf<"/api/v1/people/residents", "get">["items"][number];

/** Masked values in a fixed-width face, so the stars line up from row to row. */
export const Masked = ({ value }: { value: string | null }) =>
  value ? (
    <Typography.Text style={{ fontFamily: "monospace", whiteSpace: "nowrap" }}>{value}</Typography.Text>
  ) : (
    "—"
  );

/** The columns every list of residents shares (this page and the household drawer). */
export function useResidentColumns(withAddress: boolean): TableColumnsType<Resident> {
  const { t } = useTranslation();
  const { user } = useAuth();
  const mayReveal = !!user && can(user, "people.reveal");
  return [
    {
      title: t("people.name"),
      dataIndex: "name",
      width: 110,
      render: (name: string) => <strong>{name}</strong>,
    },
    { title: t("people.gender"), dataIndex: "gender", width: 70, render: (g: Gender) => genderLabel(t, g) },
    { title: t("people.age"), dataIndex: "age", width: 70 },
    {
      title: t("people.idNumber"),
      dataIndex: "idNumber",
      width: 200,
      render: (v: string) => <Masked value={v} />,
    },
    {
      title: t("people.phone"),
      dataIndex: "phone",
      width: 130,
      render: (v: string | null) => <Masked value={v} />,
    },
    {
      title: t("people.relation"),
      dataIndex: "relation",
      width: 110,
      render: (r: Resident["relation"]) => relationLabel(t, r),
    },
    {
      title: t("people.residenceType"),
      dataIndex: "residenceType",
      width: 110,
      render: (r: ResidenceType) => <Tag color={RESIDENCE_COLOURS[r]}>{residenceLabel(t, r)}</Tag>,
    },
    ...(withAddress
      ? [{ title: t("people.address"), dataIndex: "address", ellipsis: { showTitle: true } }]
      : []),
    ...(mayReveal
      ? [
          {
            title: t("people.actions"),
            key: "reveal",
            width: 90,
            fixed: "right" as const,
            render: (_: unknown, r: Resident) => <RevealButton residentId={r.id} name={r.name} />,
          },
        ]
      : []),
  ];
}

/** Residents in scope (or under a node), searched by name, phone or whole ID number. */
export function ResidentsTable({ underId }: { underId?: string }) {
  const { t } = useTranslation();
  const list = useListParams(["q", "gender", "residenceType"]);
  const { page, pageSize, filters } = list;
  const query = {
    page,
    pageSize,
    underId,
    q: filters.q,
    gender: GENDERS.find((g) => g === filters.gender),
    residenceType: RESIDENCE_TYPES.find((r) => r === filters.residenceType),
  };
  const result = useQuery({
    queryKey: ["people", "residents", query],
    queryFn: ({ signal }) => api.get("/api/v1/people/residents", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns = useResidentColumns(true);

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <SearchBox
          value={filters.q}
          placeholder={t("people.searchHint")}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <CodeSelect
          value={filters.gender}
          codes={GENDERS}
          label={t("people.gender")}
          allLabel={t("people.allGenders")}
          optionLabel={(g) => genderLabel(t, g)}
          onChange={(v) => list.setFilter("gender", v)}
          width={120}
        />
        <CodeSelect
          value={filters.residenceType}
          codes={RESIDENCE_TYPES}
          label={t("people.residenceType")}
          allLabel={t("people.allResidenceTypes")}
          optionLabel={(r) => residenceLabel(t, r)}
          onChange={(v) => list.setFilter("residenceType", v)}
        />
        <ResidentsExport query={query} />
      </Space>
      {result.error && <Alert type="error" showIcon title={result.error.message} />}
      <Table<Resident>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("people.empty")} /> }}
        pagination={list.pagination(result.data?.total, (count) => t("people.total", { count }))}
      />
    </Space>
  );
}
