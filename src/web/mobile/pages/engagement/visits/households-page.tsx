import { useQuery } from "@tanstack/react-query";
import { ErrorBlock, List, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../../common/api.ts";
import { PageBar } from "../../../page-bar.tsx";
import { Loading } from "../../status.tsx";
import { type MyHousehold, VISITS_KEY } from "./visit-data.ts";

/** 我的包联户: the households I am paired with, which of them I have visited this quarter. */
export function MyHouseholdsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const homes = useQuery({
    queryKey: [...VISITS_KEY, "households"],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/my-households", { signal }),
  });
  const d = homes.data;
  return (
    <>
      <PageBar title={t("nav.myHouseholds")} back="/" />
      {homes.error ? (
        <ErrorBlock status="disconnected" title={homes.error.message} description="" />
      ) : !d ? (
        <Loading />
      ) : d.items.length === 0 ? (
        <ErrorBlock status="empty" title={t("engagementVisits.mobile.empty")} description="" />
      ) : (
        <>
          <div style={{ padding: "14px 16px 4px", fontSize: 17 }} data-testid="visit-progress">
            {t("engagementVisits.quarter", { year: String(d.year), quarter: String(d.quarter) })}
            {"　"}
            {t("engagementVisits.mobile.progress", {
              visited: String(d.items.filter((h) => h.visitedThisQuarter).length),
              total: String(d.total),
            })}
          </div>
          <List>
            {d.items.map((h) => (
              <List.Item
                key={h.householdId}
                onClick={() => navigate(`/engagement/households/${h.householdId}`)}
                description={<LastVisit h={h} />}
                extra={<VisitedTag visited={h.visitedThisQuarter} />}
              >
                <span style={{ fontSize: 18 }}>{h.address}</span>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </>
  );
}

export function VisitedTag({ visited }: { visited: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={visited ? "success" : "warning"} fill="outline" style={{ fontSize: 15, padding: "2px 6px" }}>
      {t(visited ? "engagementVisits.mobile.visited" : "engagementVisits.mobile.notVisited")}
    </Tag>
  );
}

function LastVisit({ h }: { h: MyHousehold }) {
  const { t, i18n } = useTranslation();
  const kind = t(`engagementVisits.kind.${h.kind}`);
  const last = h.lastVisitedAt
    ? t("engagementVisits.mobile.lastVisit", {
        date: new Date(h.lastVisitedAt).toLocaleDateString(i18n.language),
      })
    : t("engagementVisits.mobile.never");
  return <span style={{ fontSize: 15 }}>{`${kind} · ${last}`}</span>;
}
