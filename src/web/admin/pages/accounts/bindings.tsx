import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { failureText } from "../../../common/sms-code.ts";
import { SettingsPage } from "../settings/shared.tsx";

type Binding = ResponseOf<"/api/v1/accounts/bindings", "get">["items"][number];
type Status = Binding["status"];
const KEY = ["accounts", "bindings"] as const;
const PAGE_SIZE = 20;
const STATUS_COLORS: Record<Status, string> = { pending: "orange", confirmed: "green", rejected: "default" };

/** 待确认绑定: residents' requests to be bound to a household, confirmed by picking it or turned down. */
export function BindingsPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status>("pending");
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState<Binding | null>(null);
  const [rejecting, setRejecting] = useState<Binding | null>(null);
  const list = useQuery({
    queryKey: [...KEY, status, page],
    queryFn: ({ signal }) =>
      api.get("/api/v1/accounts/bindings", { query: { status, page, pageSize: PAGE_SIZE }, signal }),
  });
  const b = (
    key:
      | Status
      | "name"
      | "phone"
      | "address"
      | "community"
      | "createdAt"
      | "status"
      | "reason"
      | "actions"
      | "confirm"
      | "reject",
  ) => t(`accounts.bindings.${key}`);
  const columns: TableColumnsType<Binding> = [
    { title: b("name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
    { title: b("phone"), dataIndex: "phone", width: 130 },
    { title: b("address"), dataIndex: "address", render: (a: string) => a || t("common.none") },
    { title: b("community"), dataIndex: "community" },
    {
      title: b("createdAt"),
      dataIndex: "createdAt",
      width: 170,
      render: (at: string) => new Date(at).toLocaleString(i18n.language, { hour12: false }),
    },
    {
      title: status === "rejected" ? b("reason") : b("status"),
      render: (_, r) =>
        r.status === "rejected" ? r.reason : <Tag color={STATUS_COLORS[r.status]}>{b(r.status)}</Tag>,
    },
    ...(status === "pending"
      ? [
          {
            title: b("actions"),
            width: 180,
            render: (_: unknown, r: Binding) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setConfirming(r)}>
                  {b("confirm")}
                </Button>
                <Button type="link" size="small" danger onClick={() => setRejecting(r)}>
                  {b("reject")}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <SettingsPage title={t("accounts.bindings.title")} intro={t("accounts.bindings.intro")}>
      <Segmented<Status>
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={(["pending", "confirmed", "rejected"] as const).map((s) => ({ value: s, label: b(s) }))}
      />
      {list.error && <Alert type="error" showIcon title={failureText(list.error, t("errors.network"))} />}
      <Table<Binding>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={{ emptyText: status === "pending" ? t("accounts.bindings.empty") : undefined }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (count) => t("accounts.bindings.total", { count }),
        }}
      />
      <ConfirmDialog binding={confirming} onClose={() => setConfirming(null)} />
      <RejectDialog binding={rejecting} onClose={() => setRejecting(null)} />
    </SettingsPage>
  );
}

/** The decision on one request, after which the list is fetched again. */
function useDecision(binding: Binding | null, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: { householdId: string } | { reason: string }) => {
      const path = { id: binding?.id ?? "" };
      return "householdId" in decision
        ? api.post("/api/v1/accounts/bindings/{id}/confirm", decision, { path })
        : api.post("/api/v1/accounts/bindings/{id}/reject", decision, { path });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      message.success(t("accounts.bindings.done"));
      onDone();
    },
  });
}

function ConfirmDialog({ binding, onClose }: { binding: Binding | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [householdId, setHouseholdId] = useState<string | undefined>();
  const close = () => {
    decide.reset();
    setHouseholdId(undefined);
    setQ("");
    onClose();
  };
  const decide = useDecision(binding, close);
  // The address he gave is the first search; the worker narrows it as he types.
  const search = q || binding?.address || "";
  const households = useQuery({
    queryKey: ["people", "households", "pick", search],
    queryFn: ({ signal }) =>
      api.get("/api/v1/people/households", {
        query: { q: search || undefined, page: 1, pageSize: 30 },
        signal,
      }),
    enabled: !!binding,
  });
  return (
    <Modal
      open={!!binding}
      title={binding ? t("accounts.bindings.confirmTitle", { name: binding.name }) : ""}
      onCancel={close}
      okText={t("accounts.bindings.confirm")}
      okButtonProps={{ disabled: !householdId }}
      confirmLoading={decide.isPending}
      onOk={() => householdId && decide.mutate({ householdId })}
    >
      {decide.error && (
        <Alert
          type="error"
          showIcon
          title={failureText(decide.error, t("errors.network"))}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t("accounts.bindings.household")} htmlFor="binding-household">
          <Select
            id="binding-household"
            showSearch={{ filterOption: false, onSearch: setQ }}
            value={householdId}
            onChange={setHouseholdId}
            loading={households.isFetching}
            placeholder={t("accounts.bindings.householdSearch")}
            options={(households.data?.items ?? []).map((h) => ({
              value: h.id,
              label: h.head ? `${h.address}（${h.head}）` : h.address,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RejectDialog({ binding, onClose }: { binding: Binding | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const close = () => {
    decide.reset();
    setReason("");
    onClose();
  };
  const decide = useDecision(binding, close);
  return (
    <Modal
      open={!!binding}
      title={binding ? t("accounts.bindings.rejectTitle", { name: binding.name }) : ""}
      onCancel={close}
      okText={t("accounts.bindings.reject")}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      confirmLoading={decide.isPending}
      onOk={() => decide.mutate({ reason: reason.trim() })}
    >
      {decide.error && (
        <Alert
          type="error"
          showIcon
          title={failureText(decide.error, t("errors.network"))}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form layout="vertical">
        <Form.Item
          label={t("accounts.bindings.reason")}
          htmlFor="binding-reason"
          extra={t("accounts.bindings.reasonRequired")}
        >
          <Input.TextArea
            id="binding-reason"
            rows={3}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t("accounts.bindings.reasonPlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
