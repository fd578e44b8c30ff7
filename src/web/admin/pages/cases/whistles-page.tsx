import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, Space, Table, type TableColumnsType, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, type ResponseOf } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import type { Role } from "../../../common/roles.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { CodeSelect } from "../people/filters.tsx";
import { WHISTLE_STATUSES, WhistleStatusTag, whistleStatusLabel } from "./case-labels.tsx";
import { useFormatTime, WhistleDeadline } from "./time.tsx";
import { AcceptButton, WhistleStepButton } from "./whistle-steps.tsx";

type Whistle = ResponseOf<"/api/v1/whistles", "get">["items"][number];
type Figures = ResponseOf<"/api/v1/whistles/figures", "get">["items"][number];
type Mode = "inbox" | "scope";

/** The staff who see the whistles of an area (and the departments' figures). */
const AREA_ROLES: readonly Role[] = ["districtAdmin", "streetStaff", "communityStaff"];

/**
 * 吹哨报到: department staff see their inbox (报到, then report back); community, street and
 * district staff see the whistles of their area and how each department answers them.
 */
export function WhistlesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const inbox = !!user?.roles.some((r) => r.role === "departmentStaff");
  const scope = !!user?.roles.some((r) => AREA_ROLES.includes(r.role));
  if (inbox && !scope)
    return (
      <Card title={t("casesAdmin.whistles.inbox")}>
        <WhistleList mode="inbox" />
      </Card>
    );
  return (
    <Card title={t("nav.whistles")}>
      <Tabs
        destroyOnHidden
        items={[
          { key: "list", label: t("casesAdmin.whistles.scope"), children: <WhistleList mode="scope" /> },
          { key: "figures", label: t("casesAdmin.whistles.figures"), children: <FiguresTable /> },
        ]}
      />
    </Card>
  );
}

function WhistleList({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const _format = useFormatTime();
  const list = useListParams(["status"]);
  const { page, pageSize, filters } = list;
  const query = { page, pageSize, status: WHISTLE_STATUSES.find((s) => s === filters.status) };
  const result = useQuery({
    queryKey: ["whistles", "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/whistles", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const mayRate = !!user?.roles.some((r) => r.role === "communityStaff");

  const columns: TableColumnsType<Whistle> = [
    {
      title: t("casesAdmin.columns.code"),
      dataIndex: "caseCode",
      width: 170,
      render: (code: string) => <Link to={`/cases/${code}`}>{code}</Link>,
    },
    {
      title: t("casesAdmin.whistles.status"),
      dataIndex: "status",
      width: 100,
      render: (s: Whistle["status"]) => <WhistleStatusTag status={s} />,
    },
    {
      title: t("casesAdmin.columns.description"),
      dataIndex: "description",
      width: 220,
      ellipsis: { showTitle: true },
    },
    ...(mode === "scope"
      ? [{ title: t("casesAdmin.whistles.department"), dataIndex: "departmentName", width: 160 }]
      : [
          {
            title: t("casesAdmin.fields.address"),
            dataIndex: "address",
            width: 180,
            ellipsis: { showTitle: true },
            render: (a: string | null) => a ?? t("common.none"),
          },
        ]),
    {
      title: t("casesAdmin.whistles.request"),
      dataIndex: "request",
      width: 200,
      ellipsis: { showTitle: true },
    },
    {
      title: t("casesAdmin.whistles.deadline"),
      dataIndex: "deadline",
      width: 170,
      render: (at: string, w) => <WhistleDeadline at={at} overdue={w.overdue} />,
    },
    {
      title: t("casesAdmin.whistles.actions"),
      key: "actions",
      width: 150,
      fixed: "right",
      render: (_, w) => {
        if (mode === "inbox" && w.status === "pending") return <AcceptButton id={w.id} />;
        if (mode === "inbox" && w.status === "accepted")
          return (
            <WhistleStepButton
              id={w.id}
              step="report"
              title={t("casesAdmin.whistles.reportTitle", { code: w.caseCode })}
            />
          );
        if (mode === "scope" && w.status === "reported" && mayRate)
          return (
            <WhistleStepButton
              id={w.id}
              step="rate"
              title={t("casesAdmin.whistles.rateTitle", { name: w.departmentName })}
            />
          );
        return w.score !== null ? t("casesAdmin.detail.stars", { score: w.score }) : t("common.none");
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <CodeSelect
          value={filters.status}
          codes={WHISTLE_STATUSES}
          label={t("casesAdmin.whistles.status")}
          allLabel={t("casesAdmin.list.allStatuses")}
          optionLabel={(s) => whistleStatusLabel(t, s)}
          onChange={(v) => list.setFilter("status", v)}
        />
        <ExportButton path="/api/v1/whistles" query={query} />
      </Space>
      {result.error && <Alert type="error" showIcon title={result.error.message} />}
      <Table<Whistle>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(
                mode === "inbox" ? "casesAdmin.whistles.inboxEmpty" : "casesAdmin.whistles.empty",
              )}
            />
          ),
        }}
        pagination={list.pagination(result.data?.total, (count) => t("casesAdmin.whistles.total", { count }))}
      />
    </Space>
  );
}

/** Per department: how many whistles, how many answered, on time, how fast, how well rated. */
function FiguresTable() {
  const { t, i18n } = useTranslation();
  const result = useQuery({
    queryKey: ["whistles", "figures"],
    queryFn: ({ signal }) => api.get("/api/v1/whistles/figures", { signal }),
  });
  const none = t("common.none");
  const columns: TableColumnsType<Figures> = [
    {
      title: t("casesAdmin.whistles.department"),
      key: "name",
      render: (_, d) => (
        <Typography.Text strong>{i18n.language === "en" && d.nameEn ? d.nameEn : d.name}</Typography.Text>
      ),
    },
    { title: t("casesAdmin.figures.total"), dataIndex: "total", align: "right", width: 110 },
    { title: t("casesAdmin.figures.reported"), dataIndex: "reported", align: "right", width: 110 },
    {
      title: t("casesAdmin.figures.onTime"),
      dataIndex: "onTime",
      align: "right",
      width: 140,
      render: (n: number, d) =>
        d.reported > 0 ? t("casesAdmin.figures.share", { n, pct: Math.round((100 * n) / d.reported) }) : n,
    },
    {
      title: t("casesAdmin.figures.overdue"),
      dataIndex: "overdue",
      align: "right",
      width: 110,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t("casesAdmin.figures.hoursToReport"),
      dataIndex: "hoursToReport",
      align: "right",
      width: 160,
      render: (h: number | null) => (h === null ? none : h.toFixed(1)),
    },
    {
      title: t("casesAdmin.figures.meanScore"),
      dataIndex: "meanScore",
      align: "right",
      width: 120,
      render: (s: number | null) => (s === null ? none : s.toFixed(2)),
    },
  ];
  return (
    <>
      {result.error && (
        <Alert type="error" showIcon title={result.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Figures>
        rowKey="departmentId"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("casesAdmin.whistles.empty")} />
          ),
        }}
      />
    </>
  );
}
