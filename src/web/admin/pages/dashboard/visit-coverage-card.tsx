import { Card, Progress, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { rateOf, useCoverage } from "../engagement/visits/coverage-table.tsx";

/** 本季度走访覆盖率 of the area on view: a glance, and the way to the table per community and member. */
export function VisitCoverageCard({ node }: { node?: string }) {
  const { t } = useTranslation();
  const coverage = useCoverage({ underId: node });
  const d = coverage.data;
  // No pairings here (or no answer): nothing worth a card.
  if (!d || d.assigned === 0) return null;
  const link = node ? `/engagement/visits?underId=${node}` : "/engagement/visits";
  return (
    <Card size="small" title={t("engagementVisits.admin.card")} data-testid="visit-coverage-card">
      <Space size={24} align="center" wrap>
        <Progress type="circle" size={72} percent={rateOf(d.visited, d.assigned) ?? 0} />
        <Space orientation="vertical" size={4}>
          <Typography.Text>
            {t("engagementVisits.admin.cardHint", {
              visited: String(d.visited),
              assigned: String(d.assigned),
            })}
          </Typography.Text>
          <Link to={link}>{t("engagementVisits.admin.cardLink")}</Link>
        </Space>
      </Space>
    </Card>
  );
}
