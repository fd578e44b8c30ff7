import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { accountsZhCN } from "../../../../shared/locales/accounts.zh-CN.ts";
import { PERMISSIONS, ROLE_LEVELS, ROLES, type Role, roleGrants } from "../../../../shared/roles.ts";
import { api, type ResponseOf } from "../../../common/api.ts";
import type { User } from "../../../common/auth.tsx";
import { can, roleLabel } from "../../../common/roles.ts";
import { failureText, useAuthRules } from "../../../common/sms-code.ts";
import { UnitSelect } from "../engagement/units/unit-select.tsx";
import { NodeSelect } from "./node-select.tsx";

export type Account = ResponseOf<"/api/v1/accounts", "get">["items"][number];
export const ACCOUNTS_KEY = ["accounts"] as const;

interface Values {
  name: string;
  phone?: string;
  password?: string;
  roles: Array<{ role?: Role; nodeId?: string }>;
  departmentId?: string;
  unitId?: string;
}

const DEPTH: readonly string[] = [
  "district",
  "street",
  "community",
  "grid",
  "microgrid",
  "compound",
  "building",
];
const depthOf = (level: string) => DEPTH.indexOf(level);

/**
 * The roles the user may give: he holds every permission of the role himself, and the role sits at
 * or below the highest node he manages accounts at. The server has the final word.
 */
export function grantableRoles(user: User): Role[] {
  const managing = user.roles.filter((r) => can({ ...user, roles: [r] }, "accounts.manage"));
  const top = Math.min(...managing.map((r) => depthOf(r.nodeLevel ?? "")).filter((d) => d >= 0));
  return ROLES.filter(
    (role) =>
      role !== "resident" &&
      PERMISSIONS.every((p) => !roleGrants(role, p) || can(user, p)) &&
      ROLE_LEVELS[role].some((l) => depthOf(l) >= top),
  );
}

/** A strong temporary password: letters and digits, none of the look-alikes (0/O, 1/l/I). */
export function strongPassword(): string {
  const letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = letters + digits;
  const pick = (set: string) => set.charAt((crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % set.length);
  const chars = [pick(letters), pick(digits), ...Array.from({ length: 8 }, () => pick(all))];
  return chars.sort(() => (crypto.getRandomValues(new Uint8Array(1))[0] ?? 128) - 128).join("");
}

/** 新建账号 / 编辑账号: name, phone (new only), temporary password, roles bound to nodes, department. */
export function AccountDrawer({
  user,
  account,
  onClose,
}: {
  user: User;
  /** undefined: closed; null: a new account. */
  account: Account | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const rules = useAuthRules();
  const [form] = Form.useForm<Values>();
  const [shown, setShown] = useState<string | null>(null);
  const creating = account === null;
  const open = account !== undefined;
  const offered = grantableRoles(user);
  const chosen = Form.useWatch("roles", form) ?? [];
  const isDepartment = chosen.some((r) => r?.role === "departmentStaff");
  const isUnitStaff = chosen.some((r) => r?.role === "unitStaff");
  const departments = useQuery({
    queryKey: ["cases", "departments"],
    queryFn: ({ signal }) => api.get("/api/v1/cases/departments", { signal }),
    enabled: open && isDepartment,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setShown(null);
    form.setFieldsValue(
      account
        ? { name: account.name, roles: account.roles.map((r) => ({ role: r.role, nodeId: r.nodeId })) }
        : { roles: [{}] },
    );
  }, [open, account, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const roles = v.roles.map((r) => ({ role: r.role as Role, nodeId: r.nodeId as string }));
      const departmentId = isDepartment ? v.departmentId : undefined;
      const unitId = isUnitStaff ? v.unitId : undefined;
      if (creating)
        await api.post("/api/v1/accounts", {
          name: v.name.trim(),
          phone: (v.phone ?? "").trim(),
          roles,
          ...(v.password ? { password: v.password } : {}),
          ...(departmentId ? { departmentId } : {}),
          ...(unitId ? { unitId } : {}),
        });
      else if (account)
        await api.patch(
          "/api/v1/accounts/{id}",
          {
            name: v.name.trim(),
            roles,
            ...(departmentId ? { departmentId } : {}),
            ...(unitId ? { unitId } : {}),
          },
          { path: { id: account.id } },
        );
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ACCOUNTS_KEY });
      message.success(t(creating ? "accounts.admin.created" : "accounts.admin.saved"));
      onClose();
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const a = (key: keyof typeof accountsZhCN.admin) => t(`accounts.admin.${key}`);

  return (
    <Drawer
      open={open}
      width={520}
      title={account ? t("accounts.admin.editTitle", { name: account.name }) : a("addTitle")}
      onClose={close}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{a("cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {a("save")}
          </Button>
        </Space>
      }
    >
      {save.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failureText(save.error, t("errors.network"))}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={a("name")}
          rules={[{ required: true, whitespace: true, message: a("nameRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {creating && (
          <>
            <Form.Item
              name="phone"
              label={a("phone")}
              rules={[{ required: true, message: t("validation.phoneRequired") }, rules.phone]}
            >
              <Input inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Form.Item label={a("password")} extra={a("passwordHint")}>
              <Space.Compact style={{ width: "100%" }}>
                <Form.Item name="password" noStyle rules={[rules.strong]}>
                  <Input aria-label={a("password")} autoComplete="off" />
                </Form.Item>
                <Button
                  onClick={() => {
                    const password = strongPassword();
                    form.setFieldValue("password", password);
                    void form.validateFields(["password"]);
                    setShown(password);
                  }}
                >
                  {a("generate")}
                </Button>
              </Space.Compact>
            </Form.Item>
            {shown && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={
                  <Typography.Text copyable={{ text: shown }}>
                    {t("accounts.admin.passwordOnce", { password: shown })}
                  </Typography.Text>
                }
              />
            )}
          </>
        )}
        <Typography.Title level={5}>{a("rolesList")}</Typography.Title>
        <Form.List
          name="roles"
          rules={[
            {
              validator: async (_, roles?: unknown[]) => {
                if (!roles?.length) throw new Error(a("rolesRequired"));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => {
                const role = chosen[i]?.role;
                const current = account?.roles.find((r) => r.nodeId === chosen[i]?.nodeId);
                return (
                  <div key={field.key} style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
                    <Form.Item
                      name={[field.name, "role"]}
                      label={a("role")}
                      style={{ width: 170 }}
                      rules={[{ required: true, message: a("roleRequired") }]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: "label" }}
                        options={[...new Set([...offered, ...(role ? [role] : [])])].map((r) => ({
                          value: r,
                          label: roleLabel(t, r),
                        }))}
                        onChange={() => form.setFieldValue(["roles", field.name, "nodeId"], undefined)}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "nodeId"]}
                      label={a("node")}
                      style={{ flex: 1, minWidth: 0 }}
                      rules={[{ required: true, message: a("nodeRequired") }]}
                    >
                      <NodeSelect
                        levels={role ? ROLE_LEVELS[role] : []}
                        known={current ? { id: current.nodeId, name: current.nodeName } : undefined}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={a("removeRole")}
                      title={a("removeRole")}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </div>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {a("addRole")}
              </Button>
            </>
          )}
        </Form.List>
        {isDepartment && (
          <Form.Item
            name="departmentId"
            label={a("department")}
            style={{ marginTop: 16 }}
            rules={[{ required: creating, message: a("departmentRequired") }]}
          >
            <Select
              loading={departments.isFetching}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        {isUnitStaff && (
          <Form.Item
            name="unitId"
            label={a("unit")}
            style={{ marginTop: 16 }}
            extra={creating ? undefined : a("unitKeep")}
            rules={[{ required: creating, message: a("unitRequired") }]}
          >
            <UnitSelect />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
