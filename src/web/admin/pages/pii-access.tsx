import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, DatePicker, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../common/api.ts";
import { piiFieldLabel } from "../../common/labels.ts";
import { roleLabel } from "../../common/roles.ts";
import { ExportButton } from "../components/export-button.tsx";
import { useListParams } from "./list-params.ts";
import { SearchBox } from "./people/filters.tsx";
import { LoadFailed } from "./status.tsx";

type Read = ResponseOf<"/api/v1/audit/pii-access", "get">["items"][number];

/** A day in the address (YYYY-MM-DD) as the instant it starts, here; `after` moves to the next day. */
const dayStart = (day: string | undefined, after = false) =>
  day
    ? dayjs(day)
        .add(after ? 1 : 0, "day")
        .startOf("day")
        .toISOString()
    : undefined;

/**
 * 个人信息查看记录: who read residents' whole ID numbers and phones (reveals, exports with whole
 * numbers), of the residents in the reader's area; by person, by reader and by day, and to Excel.
 */
export function PiiAccessPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams(["q", "actorId", "actorName", "residentId", "residentName", "from", "to"]);
  const { page, pageSize, filters: f } = list;
  const query = {
    page,
    pageSize,
    q: f.q,
    actorId: f.actorId,
    residentId: f.residentId,
    from: dayStart(f.from),
    to: dayStart(f.to, true),
  };
  const result = useQuery({
    queryKey: ["audit", "pii-access", query],
    queryFn: ({ signal }) => api.get("/api/v1/audit/pii-access", { query, signal }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Read> = [
    {
      title: t("piiAccess.time"),
      dataIndex: "at",
      width: 180,
      render: (at: string) => new Date(at).toLocaleString(i18n.language, { hour12: false }),
    },
    {
      title: t("piiAccess.reader"),
      dataIndex: "actorName",
      width: 200,
      render: (_, e) =>
        e.actorId ? (
          <>
            <Tooltip title={t("piiAccess.readerOnly")}>
              <Typography.Link
                onClick={() =>
                  list.setFilters({ actorId: e.actorId ?? undefined, actorName: e.actorName ?? "" })
                }
              >
                {e.actorName}
              </Typography.Link>
            </Tooltip>
            {e.actorRoles.map((r) => (
              <div key={`${r.role}-${r.nodeName}`}>
                <Typography.Text type="secondary">
                  {t("user.roleAt", { role: roleLabel(t, r.role), node: r.nodeName })}
                </Typography.Text>
              </div>
            ))}
          </>
        ) : (
          <Typography.Text type="secondary">{t("piiAccess.system")}</Typography.Text>
        ),
    },
    {
      title: t("piiAccess.person"),
      dataIndex: "residentName",
      width: 110,
      render: (name: string, e) => (
        <Typography.Link
          onClick={() => list.setFilters({ residentId: e.residentId, residentName: name, q: undefined })}
        >
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t("piiAccess.field"),
      dataIndex: "field",
      width: 120,
      render: (field: string) => <Tag>{piiFieldLabel(t, field)}</Tag>,
    },
    { title: t("piiAccess.purpose"), dataIndex: "purpose", ellipsis: { showTitle: true } },
    { title: t("piiAccess.ip"), dataIndex: "ip", width: 140 },
  ];

  return (
    <Card title={t("nav.piiAccess")}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("piiAccess.hint")}</Typography.Text>
        <Space wrap>
          <SearchBox
            value={f.q}
            placeholder={t("piiAccess.searchPerson")}
            onSearch={(q) => list.setFilters({ q, residentId: undefined, residentName: undefined })}
            width={320}
          />
          <DatePicker.RangePicker
            aria-label={t("piiAccess.time")}
            value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              list.setFilters({
                from: range?.[0]?.format("YYYY-MM-DD"),
                to: range?.[1]?.format("YYYY-MM-DD"),
              })
            }
          />
          {f.actorId && (
            <Tag closable onClose={() => list.setFilters({ actorId: undefined, actorName: undefined })}>
              {t("piiAccess.reader")}：{f.actorName}
            </Tag>
          )}
          {f.residentId && (
            <Tag closable onClose={() => list.setFilters({ residentId: undefined, residentName: undefined })}>
              {t("piiAccess.person")}：{f.residentName}
            </Tag>
          )}
          <ExportButton path="/api/v1/audit/pii-access" query={query} />
        </Space>
        {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
        <Table<Read>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={result.data?.items}
          loading={result.isFetching}
          locale={{ emptyText: t("piiAccess.empty") }}
          pagination={list.pagination(result.data?.total, (count) => t("piiAccess.total", { count }))}
        />
      </Space>
    </Card>
  );
}
