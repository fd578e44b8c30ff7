import { Card, Space, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../common/auth.tsx";
import { type Role, STAFF_ROLES } from "../../../common/roles.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { CaseFilters, useCaseListParams } from "./filters.tsx";
import { OpenCasesMap } from "./map.tsx";
import { CasesTable } from "./table.tsx";
import { WalkInButton } from "./walk-in.tsx";

/** The staff who may enter a visitor's request (the server's cases.intake). */
const INTAKE_ROLES: readonly Role[] = STAFF_ROLES.filter((r) => r !== "departmentStaff");

/** 诉求办理: the cases of the caller's scope as a list or on the map, one filter for both. */
export function CasesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { list, query } = useCaseListParams();
  const view = list.filters.view === "map" ? "map" : "table";
  const mayEnter = !!user?.roles.some((r) => INTAKE_ROLES.includes(r.role));
  return (
    <Card
      title={t("nav.cases")}
      extra={
        <Space wrap>
          <ExportButton path="/api/v1/cases" query={query} />
          {mayEnter && <WalkInButton />}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <CaseFilters list={list} />
        <Tabs
          activeKey={view}
          onChange={(key) => list.setFilter("view", key === "map" ? "map" : undefined)}
          destroyOnHidden
          items={[
            {
              key: "table",
              label: t("casesAdmin.list.tabs.table"),
              children: <CasesTable list={list} query={query} />,
            },
            { key: "map", label: t("casesAdmin.list.tabs.map"), children: <OpenCasesMap query={query} /> },
          ]}
        />
      </Space>
    </Card>
  );
}
