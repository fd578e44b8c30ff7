import { Card, Col, Empty, Row, Space, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useAuth } from "../../../common/auth.tsx";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { SearchBox } from "../people/filters.tsx";
import { OrgDetail } from "./detail.tsx";
import { isDistrictOrgWriter, isOrgWriter } from "./kinds.ts";
import { KindsTable } from "./kinds-table.tsx";
import { NewTopOrgButton } from "./org-forms.tsx";
import { OrgSearchResults, OrgTree } from "./tree.tsx";
import { UnitsTable } from "./units.tsx";

/** 党组织: the organisation tree with each organisation's detail, and the partner units. */
export function OrgPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const kinds = isDistrictOrgWriter(user);
  const asked = params.get("tab");
  const tab = asked === "units" || (asked === "kinds" && kinds) ? asked : "tree";
  return (
    <Card styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "tree" ? {} : { tab: key })}
        destroyOnHidden
        items={[
          { key: "tree", label: t("org.tabs.tree"), children: <OrgBrowser /> },
          { key: "units", label: t("org.tabs.units"), children: <UnitsTable /> },
          ...(kinds ? [{ key: "kinds", label: t("orgAdmin.tabs.kinds"), children: <KindsTable /> }] : []),
        ]}
      />
    </Card>
  );
}

function OrgBrowser() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useListParams(["org", "oq"]);
  const { org, oq } = list.filters;
  const select = (id: string) => list.setFilter("org", id);
  // The tree keeps the branches it opened: after a change it is built again from the server.
  const [version, setVersion] = useState(0);
  const changed = (id?: string) => {
    setVersion((v) => v + 1);
    list.setFilter("org", id);
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xxl={7}>
        <Card
          size="small"
          title={t("org.tree")}
          extra={isOrgWriter(user) && <NewTopOrgButton onChanged={changed} />}
        >
          <Space orientation="vertical" size={12} style={{ width: "100%" }}>
            <SearchBox
              value={oq}
              placeholder={t("org.search")}
              width="100%"
              onSearch={(q) => list.setFilter("oq", q)}
            />
            {oq && <ExportButton path="/api/v1/org/orgs" query={{ q: oq }} />}
            <div style={{ maxHeight: "calc(100vh - 320px)", minHeight: 240, overflow: "auto" }}>
              {oq ? (
                <OrgSearchResults q={oq} selectedId={org} onSelect={select} />
              ) : (
                <OrgTree key={version} selectedId={org} onSelect={select} />
              )}
            </div>
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={15} xxl={17}>
        {org ? (
          <OrgDetail key={org} id={org} onChanged={changed} />
        ) : (
          <Card size="small">
            <Empty description={t("org.pick")} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
