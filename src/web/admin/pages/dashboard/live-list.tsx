import { Card, Empty, Skeleton, Typography, theme } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { caseDeadline } from "../../../../shared/flows/deadlines.ts";
import { CASE_STATUSES, type CaseStatus, StatusTag } from "../cases/case-labels.tsx";
import { durationText } from "../cases/time.tsx";
import { LoadFailed } from "../status.tsx";
import { type LiveCase, useLive } from "./data.ts";

type Tab = "overdue" | "latest";

/**
 * How long a case has been late: from the deadline it missed first (the response one while nobody
 * has taken it up), never from a resolution deadline still ahead.
 */
const lateness = (c: LiveCase, now: number) => {
  const d = isStatus(c.status) ? caseDeadline({ ...c, status: c.status }, now) : null;
  return d ? -d.leftMs : now - Date.parse(c.resolveDueAt);
};
const isStatus = (s: string): s is CaseStatus => CASE_STATUSES.includes(s as CaseStatus);

function LiveRow({ c, overdue }: { c: LiveCase; overdue: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = Date.now();
  return (
    <Link
      to={`/cases/${c.code}`}
      style={{
        display: "flex",
        gap: 12,
        alignItems: "center",
        padding: "10px 20px",
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        color: "inherit",
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
          {isStatus(c.status) && <StatusTag status={c.status} />}
          <Typography.Text ellipsis style={{ flex: 1 }}>
            {c.description}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[c.code, c.categoryName, c.placeName].filter(Boolean).join(" · ")}
        </Typography.Text>
      </div>
      <Typography.Text
        type={overdue ? "danger" : "secondary"}
        style={{ fontSize: 12, whiteSpace: "nowrap", flex: "none" }}
      >
        {overdue
          ? t("dashboard.live.overdueFor", { time: durationText(t, lateness(c, now)) })
          : t("dashboard.live.ago", { time: durationText(t, now - Date.parse(c.createdAt)) })}
      </Typography.Text>
    </Link>
  );
}

/** 诉求动态: the area's longest overdue cases and its newest, now; each opens the case. */
export function LiveList({ node }: { node: string | undefined }) {
  const { t } = useTranslation();
  const live = useLive(node);
  const [picked, setPicked] = useState<Tab>();
  // The overdue ones first, while there are any.
  const tab: Tab = picked ?? (live.data && live.data.overdue.length === 0 ? "latest" : "overdue");
  const items = live.data?.[tab] ?? [];
  const all = `/cases?${new URLSearchParams({
    ...(node ? { underId: node } : {}),
    ...(tab === "overdue" ? { overdue: "1" } : {}),
  })}`;
  return (
    <Card
      title={t("dashboard.live.title")}
      extra={<Link to={all}>{t("dashboard.live.all")}</Link>}
      tabList={[
        { key: "overdue", label: t("dashboard.live.overdue") },
        { key: "latest", label: t("dashboard.live.latest") },
      ]}
      activeTabKey={tab}
      onTabChange={(key) => setPicked(key === "latest" ? "latest" : "overdue")}
      style={{ height: "100%" }}
      styles={{ body: { padding: 0 } }}
    >
      {live.error ? (
        <LoadFailed error={live.error} retry={() => void live.refetch()} style={{ margin: 16 }} />
      ) : !live.data ? (
        <Skeleton active paragraph={{ rows: 6 }} style={{ padding: 20 }} />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(tab === "overdue" ? "dashboard.live.noOverdue" : "dashboard.live.noLatest")}
          style={{ padding: 24 }}
        />
      ) : (
        items.map((c) => <LiveRow key={c.id} c={c} overdue={tab === "overdue"} />)
      )}
    </Card>
  );
}
