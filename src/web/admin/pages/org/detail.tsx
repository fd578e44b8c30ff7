import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Empty, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, type ResponseOf } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { orgKindLabel, type UnitKind, unitKindLabel } from "../../../common/labels.ts";
import { can } from "../../../common/roles.ts";
import { fetchNode } from "../../../common/territory.ts";
import { PartyMembersTable } from "../people/members-table.tsx";
import { Masked } from "../people/residents-table.tsx";

type PartTimeMember = ResponseOf<"/api/v1/org/orgs/{id}", "get">["partTimeMembers"][number];

const UNIT_COLOURS: Record<UnitKind, string> = {
  unit: "blue",
  propertyCompany: "green",
  ownersCommittee: "gold",
};

/** One organisation: what it is, where, its 兼职委员 from units, and its members. */
export function OrgDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const territory = !!user && can(user, "territory.read");
  const people = !!user && can(user, "people.read");
  const org = useQuery({
    queryKey: ["org", "org", id],
    queryFn: ({ signal }) => api.get("/api/v1/org/orgs/{id}", { path: { id }, signal }),
  });
  const nodeId = org.data?.nodeId;
  const node = useQuery({
    queryKey: ["territory", "node", nodeId],
    queryFn: ({ signal }) => fetchNode(nodeId ?? "", signal),
    enabled: territory && !!nodeId,
  });

  if (org.error) return <Alert type="error" showIcon title={org.error.message} />;
  const o = org.data;
  const columns: TableColumnsType<PartTimeMember> = [
    { title: t("people.name"), dataIndex: "name", width: 84, render: (n: string) => <strong>{n}</strong> },
    { title: t("org.position"), dataIndex: "position", ellipsis: { showTitle: true } },
    { title: t("org.unitName"), dataIndex: "unitName", ellipsis: { showTitle: true } },
    {
      title: t("org.unitKind"),
      dataIndex: "unitKind",
      width: 130,
      render: (k: UnitKind) => <Tag color={UNIT_COLOURS[k]}>{unitKindLabel(t, k)}</Tag>,
    },
    {
      title: t("people.phone"),
      dataIndex: "phone",
      width: 130,
      render: (p: string | null) => <Masked value={p} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        loading={org.isPending}
        title={
          o && (
            <Typography.Text strong style={{ fontSize: 16 }}>
              {o.name}
            </Typography.Text>
          )
        }
      >
        {o && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: "kind",
                label: t("org.kind"),
                children: <Tag color="red">{orgKindLabel(t, o.kind)}</Tag>,
              },
              ...(territory
                ? [
                    {
                      key: "node",
                      label: t("org.node"),
                      children: node.data ? (
                        <Link to={`/territory/${node.data.id}`}>{node.data.name}</Link>
                      ) : (
                        "…"
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {o && (
        <Card
          title={t("org.partTime")}
          extra={<Typography.Text type="secondary">{t("org.partTimeHint")}</Typography.Text>}
        >
          <Table<PartTimeMember>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={o.partTimeMembers}
            pagination={false}
            scroll={{ x: 560 }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.noPartTime")} />,
            }}
          />
        </Card>
      )}
      {o && people && (
        <Card title={t("org.members")}>
          <PartyMembersTable orgId={o.id} compact emptyText={t("org.noMembers")} />
        </Card>
      )}
    </Space>
  );
}
