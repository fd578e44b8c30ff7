import { DeleteOutlined, LinkOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { can } from "../../../common/roles.ts";
import { HouseholdSelect } from "../../components/place-fields.tsx";
import { type Option, SearchSelect } from "../org/pickers.tsx";

type Who = "member" | "liaison";
type Kind = "baobao" | "oneLeadsN";
interface Paired {
  householdId: string;
  address: string;
  kind?: Kind;
  since?: string;
}

const page = { page: 1, pageSize: 20 };
const searchMembers = async (q: string, signal: AbortSignal): Promise<Option[]> =>
  (
    await api.get("/api/v1/people/party-members", { query: { ...page, ...(q ? { q } : {}) }, signal })
  ).items.map((m) => ({
    value: m.id,
    label: m.phone ? `${m.name}（${m.phone}）` : m.name,
  }));
const searchLiaisons = async (q: string, signal: AbortSignal): Promise<Option[]> =>
  (
    await api.get("/api/v1/people/staff", {
      query: { ...page, ...(q ? { q } : {}), role: "liaison" },
      signal,
    })
  ).items.map((s) => ({
    value: s.id,
    label: `${s.name}（${s.phone}）`,
  }));

async function fetchPaired(who: Who, id: string, signal: AbortSignal): Promise<Paired[]> {
  if (who === "member")
    return (await api.get("/api/v1/people/party-members/{id}/households", { path: { id }, signal })).items;
  return (await api.get("/api/v1/people/staff/{id}/households", { path: { id }, signal })).items;
}

/** 结对包户: pick a party member or a liaison, see his households, pair more by searching addresses. */
export function PairingPanel() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const editable = !!user && can(user, "people.write");
  const [who, setWho] = useState<Who>("member");
  const [personId, setPersonId] = useState<string | undefined>();
  const [householdId, setHouseholdId] = useState<string | undefined>();
  const [kind, setKind] = useState<Kind>("baobao");
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ["people", "pairing", who, personId];
  const paired = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchPaired(who, personId ?? "", signal),
    enabled: !!personId,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["people"] });
  const add = useMutation({
    mutationFn: async () => {
      const id = personId ?? "";
      const target = householdId ?? "";
      if (who === "member")
        await api.post(
          "/api/v1/people/party-members/{id}/households",
          { householdId: target, kind },
          { path: { id } },
        );
      else await api.post("/api/v1/people/staff/{id}/households", { householdId: target }, { path: { id } });
    },
    onSuccess: async () => {
      setHouseholdId(undefined);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (target: string) => {
      const path = { id: personId ?? "", householdId: target };
      if (who === "member")
        await api.delete("/api/v1/people/party-members/{id}/households/{householdId}", { path });
      else await api.delete("/api/v1/people/staff/{id}/households/{householdId}", { path });
    },
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });
  const kinds: Kind[] = ["baobao", "oneLeadsN"];
  const columns: TableColumnsType<Paired> = [
    { title: t("people.address"), dataIndex: "address", ellipsis: { showTitle: true } },
    ...(who === "member"
      ? [
          {
            title: t("orgAdmin.pairing.kind"),
            dataIndex: "kind",
            width: 120,
            render: (k: Kind) => (
              <Tag color={k === "baobao" ? "red" : "blue"}>{t(`orgAdmin.pairing.kinds.${k}`)}</Tag>
            ),
          },
        ]
      : []),
    ...(editable
      ? [
          {
            title: "",
            key: "remove",
            width: 90,
            render: (_: unknown, p: Paired) => (
              <Popconfirm
                title={t("orgAdmin.pairing.removeConfirm", { address: p.address })}
                okText={t("orgAdmin.pairing.remove")}
                cancelText={t("orgAdmin.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(p.householdId).catch(() => {})}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                  {t("orgAdmin.pairing.remove")}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t("orgAdmin.pairing.hint")}
      </Typography.Paragraph>
      <Space wrap>
        <Segmented<Who>
          value={who}
          onChange={(v) => {
            setWho(v);
            setPersonId(undefined);
          }}
          options={[
            { value: "member", label: t("orgAdmin.pairing.member") },
            { value: "liaison", label: t("orgAdmin.pairing.liaison") },
          ]}
        />
        <div style={{ width: 300, maxWidth: "80vw" }}>
          <SearchSelect
            key={who}
            queryKey={who}
            eager
            search={who === "member" ? searchMembers : searchLiaisons}
            value={personId}
            onChange={setPersonId}
            placeholder={
              who === "member" ? t("orgAdmin.pairing.pickMember") : t("orgAdmin.pairing.pickLiaison")
            }
          />
        </div>
      </Space>
      {!personId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("orgAdmin.pairing.pickFirst")} />
      ) : (
        <Card
          size="small"
          title={t("orgAdmin.pairing.households")}
          extra={paired.data && t("orgAdmin.pairing.total", { count: paired.data.length })}
        >
          {editable && (
            <Space wrap style={{ marginBottom: 12 }}>
              <div style={{ width: 340, maxWidth: "80vw" }}>
                <HouseholdSelect value={householdId} onChange={setHouseholdId} />
              </div>
              {who === "member" && (
                <Select<Kind>
                  value={kind}
                  onChange={setKind}
                  style={{ width: 130 }}
                  aria-label={t("orgAdmin.pairing.kind")}
                  options={kinds.map((k) => ({ value: k, label: t(`orgAdmin.pairing.kinds.${k}`) }))}
                />
              )}
              <Button
                type="primary"
                icon={<LinkOutlined />}
                disabled={!householdId}
                loading={add.isPending}
                onClick={() => add.mutate()}
              >
                {t("orgAdmin.pairing.addHousehold")}
              </Button>
            </Space>
          )}
          {add.error && (
            <Alert type="error" showIcon title={add.error.message} style={{ marginBottom: 12 }} />
          )}
          {paired.error && <Alert type="error" showIcon title={paired.error.message} />}
          <Table<Paired>
            rowKey="householdId"
            size="small"
            columns={columns}
            dataSource={paired.data}
            loading={paired.isFetching}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 480 }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t("orgAdmin.pairing.noHouseholds")}
                />
              ),
            }}
          />
        </Card>
      )}
    </Space>
  );
}
