import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Select, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../common/api.ts";
import { ExportButton } from "../components/export-button.tsx";
import { actionLabel, entityLabel, KNOWN_ACTIONS, KNOWN_ENTITIES } from "./audit-labels.ts";
import { useListParams } from "./list-params.ts";
import { LoadFailed } from "./status.tsx";

type Entry = ResponseOf<"/api/v1/audit", "get">["items"][number];

const hasChange = (e: Entry) => e.before != null || e.after != null;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams(["action", "entity"]);
  const { page, pageSize, filters } = list;
  const query = { page, pageSize, action: filters.action, entity: filters.entity };
  const result = useQuery({
    queryKey: ["audit", query],
    queryFn: ({ signal }) => api.get("/api/v1/audit", { query, signal }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Entry> = [
    {
      title: t("audit.time"),
      dataIndex: "at",
      width: 190,
      render: (at: string) => new Date(at).toLocaleString(i18n.language, { hour12: false }),
    },
    {
      title: t("audit.actor"),
      dataIndex: "actorName",
      width: 140,
      render: (_, entry) => <Actor entry={entry} />,
    },
    {
      title: t("audit.action"),
      dataIndex: "action",
      width: 160,
      render: (action: string) => <Tag>{actionLabel(t, action)}</Tag>,
    },
    {
      title: t("audit.entity"),
      dataIndex: "entity",
      width: 120,
      render: (entity: string) => entityLabel(t, entity),
    },
    {
      title: t("audit.entityName"),
      dataIndex: "entityName",
      ellipsis: true,
      // The entity as people know it (a case's code, an order's title, a masked name); the id, whole
      // and copyable, only for what has no name.
      render: (name: string | null, e) =>
        name ??
        (e.entityId && (
          <Typography.Text type="secondary" copyable={{ text: e.entityId }}>
            {t("audit.unnamed")}
          </Typography.Text>
        )),
    },
    { title: t("audit.ip"), dataIndex: "ip", width: 140 },
  ];

  const options = (values: readonly string[], label: (v: string) => string) =>
    values.map((value) => ({ value, label: label(value) }));

  return (
    <Card
      title={t("nav.audit")}
      extra={
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            style={{ width: 180 }}
            placeholder={t("audit.allActions")}
            aria-label={t("audit.action")}
            value={filters.action}
            onChange={(value?: string) => list.setFilter("action", value)}
            options={options(KNOWN_ACTIONS, (a) => actionLabel(t, a))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t("audit.allEntities")}
            aria-label={t("audit.entity")}
            showSearch={{ optionFilterProp: "label" }}
            value={filters.entity}
            onChange={(value?: string) => list.setFilter("entity", value)}
            options={options(KNOWN_ENTITIES, (e) => entityLabel(t, e))}
          />
          <ExportButton path="/api/v1/audit" query={query} />
        </Space>
      }
    >
      {result.error && (
        <LoadFailed error={result.error} retry={() => void result.refetch()} style={{ marginBottom: 16 }} />
      )}
      <Table<Entry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        expandable={
          // No empty expand column when no row on this page has a change to show.
          result.data?.items.some(hasChange)
            ? { rowExpandable: hasChange, expandedRowRender: (e) => <Change entry={e} /> }
            : undefined
        }
        pagination={{
          current: page,
          pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t("audit.total", { count }),
          onChange: list.setPage,
        }}
      />
    </Card>
  );
}

/** A person by name; the system and anonymous callers (failed log-ins) in the reader's language. */
function Actor({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  if (entry.actorId) return entry.actorName;
  const who = entry.actorName === "system" ? t("audit.system") : t("audit.anonymous");
  return <Typography.Text type="secondary">{who}</Typography.Text>;
}

function Change({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const json = (value: unknown) => (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        ...(entry.before != null
          ? [{ key: "before", label: t("audit.before"), children: json(entry.before) }]
          : []),
        ...(entry.after != null
          ? [{ key: "after", label: t("audit.after"), children: json(entry.after) }]
          : []),
      ]}
    />
  );
}
