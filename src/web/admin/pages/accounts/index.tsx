import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ROLES, type Role } from "../../../../shared/roles.ts";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { roleLabel } from "../../../common/roles.ts";
import { failureText } from "../../../common/sms-code.ts";
import { SettingsPage } from "../settings/shared.tsx";
import { ACCOUNTS_KEY, type Account, AccountDrawer, strongPassword } from "./account-drawer.tsx";

const PAGE_SIZE = 20;

/** 账号管理: search, open, edit, deactivate and reactivate accounts, give temporary passwords. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { user } = useAuth();
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<boolean | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Account | null | undefined>(undefined);
  const [resetting, setResetting] = useState<Account | null>(null);
  const list = useQuery({
    queryKey: [...ACCOUNTS_KEY, "list", q, role, active, page],
    queryFn: ({ signal }) =>
      api.get("/api/v1/accounts", {
        query: { q: q.trim() || undefined, role, active, page, pageSize: PAGE_SIZE },
        signal,
      }),
  });
  const setActiveState = useMutation({
    mutationFn: (v: { account: Account; active: boolean }) =>
      api.patch("/api/v1/accounts/{id}", { active: v.active }, { path: { id: v.account.id } }),
    onSuccess: (_, v) => {
      void client.invalidateQueries({ queryKey: ACCOUNTS_KEY });
      message.success(t(v.active ? "accounts.admin.reactivated" : "accounts.admin.deactivated"));
    },
    onError: (error) => message.error(failureText(error, t("errors.network"))),
  });
  if (!user) return null;

  const toggle = (account: Account) =>
    modal.confirm({
      title: t(account.active ? "accounts.admin.deactivate" : "accounts.admin.reactivate"),
      content: t(account.active ? "accounts.admin.deactivateConfirm" : "accounts.admin.reactivateConfirm", {
        name: account.name,
      }),
      okText: t(account.active ? "accounts.admin.deactivate" : "accounts.admin.reactivate"),
      okButtonProps: { danger: account.active },
      cancelText: t("accounts.admin.cancel"),
      onOk: () => setActiveState.mutateAsync({ account, active: !account.active }),
    });

  const columns: TableColumnsType<Account> = [
    { title: t("accounts.admin.name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
    { title: t("accounts.admin.phone"), dataIndex: "phone", width: 130 },
    {
      title: t("accounts.admin.roles"),
      render: (_, a) =>
        a.roles.length === 0 ? (
          <Typography.Text type="secondary">{t("accounts.admin.noRoles")}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            {a.roles.map((r) => (
              <span key={`${r.role}-${r.nodeId}`}>
                {t("user.roleAt", { role: roleLabel(t, r.role), node: r.nodeName })}
              </span>
            ))}
          </Space>
        ),
    },
    {
      title: t("accounts.admin.state"),
      width: 150,
      render: (_, a) => (
        <Space size={4} wrap>
          {a.active ? (
            <Tag color="green">{t("accounts.admin.active")}</Tag>
          ) : (
            <Tag>{t("accounts.admin.inactive")}</Tag>
          )}
          {a.active && a.mustChangePassword && <Tag color="orange">{t("accounts.admin.mustChange")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("accounts.admin.actions"),
      width: 220,
      render: (_, a) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(a)}>
            {t("accounts.admin.edit")}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(a)} disabled={!a.active}>
            {t("accounts.admin.resetPassword")}
          </Button>
          <Button type="link" size="small" danger={a.active} onClick={() => toggle(a)}>
            {t(a.active ? "accounts.admin.deactivate" : "accounts.admin.reactivate")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <SettingsPage
      title={t("accounts.admin.title")}
      intro={t("accounts.admin.intro")}
      extra={
        <Space>
          <Link to="/accounts/bindings">{t("accounts.admin.bindingsLink")}</Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t("accounts.admin.add")}
          </Button>
        </Space>
      }
    >
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t("accounts.admin.search")}
          aria-label={t("accounts.admin.search")}
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select<Role | "">
          value={role ?? ""}
          style={{ width: 160 }}
          aria-label={t("accounts.admin.role")}
          onChange={(v) => {
            setRole(v || undefined);
            setPage(1);
          }}
          options={[
            { value: "", label: t("accounts.admin.allRoles") },
            ...ROLES.map((r) => ({ value: r, label: roleLabel(t, r) })),
          ]}
        />
        <Select<"" | "yes" | "no">
          value={active === undefined ? "" : active ? "yes" : "no"}
          style={{ width: 130 }}
          aria-label={t("accounts.admin.state")}
          onChange={(v) => {
            setActive(v === "" ? undefined : v === "yes");
            setPage(1);
          }}
          options={[
            { value: "", label: t("accounts.admin.allStates") },
            { value: "yes", label: t("accounts.admin.active") },
            { value: "no", label: t("accounts.admin.inactive") },
          ]}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={failureText(list.error, t("errors.network"))} />}
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (count) => t("accounts.admin.total", { count }),
        }}
      />
      <AccountDrawer user={user} account={editing} onClose={() => setEditing(undefined)} />
      <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />
    </SettingsPage>
  );
}

/** 重置密码: a new temporary password, shown once to copy; the person's sessions end. */
function ResetPasswordDialog({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [password, setPassword] = useState(strongPassword);
  const reset = useMutation({
    mutationFn: (id: string) => api.post("/api/v1/accounts/{id}/password", { password }, { path: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
  const close = () => {
    reset.reset();
    setPassword(strongPassword());
    onClose();
  };
  return (
    <Modal
      open={!!account}
      title={account ? t("accounts.admin.resetTitle", { name: account.name }) : ""}
      onCancel={close}
      okText={reset.isSuccess ? t("accounts.admin.save") : t("accounts.admin.resetPassword")}
      cancelButtonProps={{ style: reset.isSuccess ? { display: "none" } : undefined }}
      confirmLoading={reset.isPending}
      onOk={() => (reset.isSuccess ? close() : account && reset.mutate(account.id))}
    >
      <Typography.Paragraph type="secondary">{t("accounts.admin.resetHint")}</Typography.Paragraph>
      {reset.error && <Alert type="error" showIcon title={failureText(reset.error, t("errors.network"))} />}
      <Alert
        type={reset.isSuccess ? "success" : "info"}
        showIcon
        title={reset.isSuccess ? t("accounts.admin.resetDone") : t("accounts.admin.password")}
        description={
          <Typography.Text copyable={{ text: password }} strong style={{ fontSize: 18 }}>
            {password}
          </Typography.Text>
        }
      />
    </Modal>
  );
}
