import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Statistic, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { can } from "../../../common/roles.ts";
import type { NodeDetail } from "../../../common/territory.ts";
import { HouseholdsTable } from "../people/households-table.tsx";
import { PartyMembersTable } from "../people/members-table.tsx";
import { StaffTable } from "../people/staff-table.tsx";
import { AreaMap } from "./area-map.tsx";

const TABS = ["overview", "staff", "households", "members"] as const;
type Tab = (typeof TABS)[number];

/** A grid's page: 概况, 网格力量, 住户, 党员; the open tab is in the address. */
export function GridTabs({ node }: { node: NodeDetail }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "overview";
  // departmentStaff may see the territory but not the people in it.
  const people = !!user && can(user, "people.read");
  const tabs = people ? TABS : (["overview"] as const);
  const children: Record<Tab, React.ReactNode> = {
    overview: <Overview node={node} people={people} />,
    staff: <StaffTable underId={node.id} whole />,
    households: (
      <HouseholdsTable underId={node.id} area={node.ancestors.find((a) => a.level === "community")?.name} />
    ),
    members: <PartyMembersTable underId={node.id} compact />,
  };
  return (
    <Card styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        activeKey={tab}
        // Each tab keeps its own filters and page: a new tab starts clean.
        onChange={(key) => setParams(key === "overview" ? {} : { tab: key })}
        destroyOnHidden
        items={tabs.map((key) => ({ key, label: t(`territory.tabs.${key}`), children: children[key] }))}
      />
    </Card>
  );
}

/** The number of rows a list would have, from a one-row page. */
function useTotal(key: string, fetch: (signal: AbortSignal) => Promise<{ total: number }>, enabled: boolean) {
  return useQuery({
    queryKey: ["territory", "total", key],
    queryFn: ({ signal }) => fetch(signal).then((r) => r.total),
    enabled,
  });
}

function Overview({ node, people }: { node: NodeDetail; people: boolean }) {
  const { t } = useTranslation();
  const query = { underId: node.id, page: 1, pageSize: 1 };
  const households = useTotal(
    `households:${node.id}`,
    (signal) => api.get("/api/v1/people/households", { query, signal }),
    people,
  );
  const residents = useTotal(
    `residents:${node.id}`,
    (signal) => api.get("/api/v1/people/residents", { query, signal }),
    people,
  );
  const members = useTotal(
    `members:${node.id}`,
    (signal) => api.get("/api/v1/people/party-members", { query, signal }),
    people,
  );
  const staff = useTotal(
    `staff:${node.id}`,
    (signal) => api.get("/api/v1/people/staff", { query, signal }),
    people,
  );
  const stats = [
    { key: "households", label: t("territory.stats.households"), q: households },
    { key: "residents", label: t("territory.stats.residents"), q: residents },
    { key: "members", label: t("territory.stats.members"), q: members },
    { key: "staff", label: t("territory.stats.staff"), q: staff },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t("territory.area")}>
          {node.geometry ? (
            <AreaMap node={node} height={380} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("territory.noArea")} />
          )}
        </Card>
      </Col>
      {people && (
        <Col xs={24} xl={10}>
          <Row gutter={[16, 16]}>
            {stats.map((s) => (
              <Col key={s.key} xs={12}>
                <Card size="small">
                  <Statistic title={s.label} value={s.q.data ?? "—"} loading={s.q.isPending} />
                </Card>
              </Col>
            ))}
          </Row>
        </Col>
      )}
    </Row>
  );
}
