import { ClockCircleOutlined } from "@ant-design/icons";
import { Card, Space, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../common/auth.tsx";
import { useListParams } from "../list-params.ts";
import { CodeSelect } from "../people/filters.tsx";
import { GenerateButton } from "./generate.tsx";
import { REPORT_KINDS, REPORT_SUBJECTS, type ReportItem, type ReportQuery } from "./report-period.ts";
import { subjectTypesOf } from "./report-subjects.ts";
import { ReportsTable } from "./reports-table.tsx";

const FILTERS = ["kind", "subject"] as const;
const ALL = "all";

/** 统计报表: the monthly and quarterly reports of the user's communities and departments, to download or make. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useListParams(FILTERS);
  const kind = REPORT_KINDS.find((k) => k === list.filters.kind);
  const subject = REPORT_SUBJECTS.find((s) => s === list.filters.subject);
  if (!user) return null;
  const types = subjectTypesOf(user);
  const query: ReportQuery = { page: list.page, pageSize: list.pageSize, kind, subjectType: subject };

  // A report made under a filter that hides it: drop that filter, so the new row shows at once.
  const show = (r: ReportItem) =>
    list.setFilters({
      kind: kind && kind !== r.kind ? undefined : kind,
      subject: subject && subject !== r.subjectType ? undefined : subject,
    });

  return (
    <Card title={t("nav.reports")} extra={<GenerateButton user={user} onCreated={show} />}>
      <Tabs
        activeKey={kind ?? ALL}
        onChange={(key) => list.setFilter("kind", key === ALL ? undefined : key)}
        items={[
          { key: ALL, label: t("reports.list.all") },
          ...REPORT_KINDS.map((k) => ({ key: k, label: t(`reports.kind.${k}`) })),
        ]}
      />
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12 }}>
          {types.length > 1 && (
            <CodeSelect
              value={subject}
              codes={types}
              label={t("reports.list.subject")}
              allLabel={t("reports.list.allSubjects")}
              optionLabel={(s) => t(`reports.subject.${s}`)}
              onChange={(s) => list.setFilter("subject", s)}
              width={140}
            />
          )}
          <Typography.Text type="secondary">
            <ClockCircleOutlined style={{ marginInlineEnd: 6 }} />
            {t("reports.list.schedule")}
          </Typography.Text>
        </div>
        <ReportsTable
          query={query}
          pagination={(total) => list.pagination(total, (count) => t("reports.list.total", { count }))}
        />
      </Space>
    </Card>
  );
}
