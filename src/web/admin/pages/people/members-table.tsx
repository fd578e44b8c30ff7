import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Empty, Space, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import {
  CATEGORY_COLOURS,
  categoryLabel,
  type Gender,
  genderLabel,
  MEMBER_CATEGORIES,
  type MemberCategory,
} from "../../../common/labels.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { CodeSelect, SearchBox } from "./filters.tsx";
import { Masked } from "./residents-table.tsx";

type Member = ResponseOf<"/api/v1/people/party-members", "get">["items"][number];

interface Props {
  underId?: string;
  orgId?: string;
  /** Without the search box (a short list inside another page). */
  compact?: boolean;
  /** What an empty list says, when "no one matches" is not the right words. */
  emptyText?: string;
}

/** 居民党员 / 在职党员 / 离退休党员 / 流动党员 in scope, under a node or of one organisation. */
export function PartyMembersTable({ underId, orgId, compact, emptyText }: Props) {
  const { t } = useTranslation();
  const list = useListParams(["q", "category"]);
  const { page, pageSize, filters } = list;
  const query = {
    page,
    pageSize,
    underId,
    orgId,
    q: compact ? undefined : filters.q,
    category: MEMBER_CATEGORIES.find((c) => c === filters.category),
  };
  const result = useQuery({
    queryKey: ["people", "party-members", query],
    queryFn: ({ signal }) => api.get("/api/v1/people/party-members", { query, signal }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Member> = [
    { title: t("people.name"), dataIndex: "name", render: (name: string) => <strong>{name}</strong> },
    { title: t("people.gender"), dataIndex: "gender", width: 80, render: (g: Gender) => genderLabel(t, g) },
    { title: t("people.age"), dataIndex: "age", width: 80 },
    {
      title: t("people.category"),
      dataIndex: "category",
      width: 140,
      render: (c: MemberCategory) => <Tag color={CATEGORY_COLOURS[c]}>{categoryLabel(t, c)}</Tag>,
    },
    {
      title: t("people.phone"),
      dataIndex: "phone",
      width: 140,
      render: (v: string | null) => <Masked value={v} />,
    },
    {
      title: t("people.joinedOn"),
      dataIndex: "joinedOn",
      width: 120,
      render: (d: string | null) => d ?? "—",
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        {!compact && (
          <SearchBox
            value={filters.q}
            placeholder={t("people.searchHint")}
            onSearch={(q) => list.setFilter("q", q)}
          />
        )}
        <CodeSelect
          value={filters.category}
          codes={MEMBER_CATEGORIES}
          label={t("people.category")}
          allLabel={t("people.allCategories")}
          optionLabel={(c) => categoryLabel(t, c)}
          onChange={(v) => list.setFilter("category", v)}
        />
        <ExportButton path="/api/v1/people/party-members" query={query} />
      </Space>
      {result.error && <Alert type="error" showIcon title={result.error.message} />}
      <Table<Member>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 640 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t("people.empty")} />
          ),
        }}
        pagination={list.pagination(result.data?.total, (count) => t("people.total", { count }))}
      />
    </Space>
  );
}
