import { useQuery } from "@tanstack/react-query";
import { ErrorBlock, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../common/auth.tsx";
import { LazyGridMap as GridMap } from "../../../common/grid-map-lazy.tsx";
import { useGridTypeLabel } from "../../../common/grid-types.ts";
import { nodeOfRole } from "../../../common/roles.ts";
import { fetchNode, ownArea } from "../../../common/territory.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { HouseholdList } from "./households.tsx";
import { StaffList } from "./staff.tsx";

/** 我的网格: a grid worker's own grid — where it is, who works it, who lives in it. */
export function MyGridPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const gridId = user ? nodeOfRole(user, "gridWorker")?.nodeId : undefined;
  const grid = useQuery({
    queryKey: ["territory", "node", gridId],
    queryFn: ({ signal }) => fetchNode(gridId ?? "", signal),
    enabled: !!gridId,
  });
  const gridTypeLabel = useGridTypeLabel();

  const body = () => {
    if (!gridId) return <ErrorBlock status="empty" title={t("mobile.grid.noGrid")} description="" />;
    if (grid.error) return <ErrorBlock status="disconnected" title={grid.error.message} description="" />;
    if (!grid.data) return <Loading />;
    const g = grid.data;
    const area = ownArea(g);
    const type = gridTypeLabel(g.gridType);
    const community = g.ancestors.find((a) => a.level === "community");
    return (
      <>
        <section style={{ background: "#fff", padding: "16px 16px 12px" }}>
          <h2 style={{ margin: 0, fontSize: 24, fontWeight: 600 }}>{g.name}</h2>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 8 }}>
            {type && (
              <Tag color="danger" fill="outline" style={{ fontSize: 15 }}>
                {type}
              </Tag>
            )}
            {community && (
              <Tag color="default" fill="outline" style={{ fontSize: 15 }}>
                {community.name}
              </Tag>
            )}
          </div>
          <dl
            style={{ margin: "10px 0 0", display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 12px" }}
          >
            <dt style={{ color: "var(--adm-color-text-secondary)" }}>{t("mobile.grid.code")}</dt>
            <dd style={{ margin: 0, fontFamily: "monospace", fontSize: 18 }}>{g.code}</dd>
            {g.unitCode && (
              <>
                <dt style={{ color: "var(--adm-color-text-secondary)" }}>{t("mobile.grid.unitCode")}</dt>
                <dd style={{ margin: 0, fontFamily: "monospace", fontSize: 18 }}>{g.unitCode}</dd>
              </>
            )}
          </dl>
        </section>
        {area && (
          <Section title={t("mobile.grid.area")}>
            <div style={{ padding: "0 12px 12px" }}>
              <GridMap data={area} labels large roam={false} height={300} />
            </div>
          </Section>
        )}
        <StaffList gridId={g.id} />
        <HouseholdList gridId={g.id} area={community?.name} />
      </>
    );
  };

  return (
    <>
      <PageBar title={t("nav.myGrid")} back="/" />
      {body()}
    </>
  );
}
