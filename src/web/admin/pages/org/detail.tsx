import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { can } from "../../../common/roles.ts";
import { fetchNode } from "../../../common/territory.ts";
import { PartyMembersTable } from "../people/members-table.tsx";
import { isOrgWriter, useOrgKinds } from "./kinds.ts";
import { OrgActions } from "./org-forms.tsx";
import { PartTimeMembers } from "./part-time.tsx";

/** One organisation: what it is, where, its 兼职委员 from units, and its members. */
export function OrgDetail({ id, onChanged }: { id: string; onChanged: (id?: string) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const kinds = useOrgKinds();
  const editable = isOrgWriter(user);
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
        {o && editable && (
          <div style={{ marginBottom: 12 }}>
            <OrgActions
              org={o}
              node={node.data ? { value: node.data.id, label: node.data.name } : undefined}
              onChanged={onChanged}
            />
          </div>
        )}
        {o && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: "kind",
                label: t("org.kind"),
                children: <Tag color="red">{kinds.label(o.kind)}</Tag>,
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
      {o && <PartTimeMembers org={o} editable={editable} />}
      {o && people && (
        <Card title={t("org.members")}>
          <PartyMembersTable orgId={o.id} compact emptyText={t("org.noMembers")} />
        </Card>
      )}
    </Space>
  );
}
