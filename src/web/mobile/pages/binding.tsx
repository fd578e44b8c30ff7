import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, List, Picker, Result } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { accountsZhCN } from "../../../shared/locales/accounts.zh-CN.ts";
import { api } from "../../common/api.ts";
import { isValidIdNumber } from "../../common/identifiers.ts";
import { ME_KEY } from "../../common/query.ts";
import { failureText } from "../../common/sms-code.ts";
import { PageBar } from "../page-bar.tsx";
import { Loading } from "./status.tsx";

const KEY = ["me", "household-binding"] as const;

function useMyBinding() {
  return useQuery({
    queryKey: KEY,
    queryFn: async ({ signal }) => (await api.get("/api/v1/me/household-binding", { signal })).binding,
  });
}

/** 我的 → 绑定家庭, with where his request stands. */
export function BindingItem() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const binding = useMyBinding().data;
  const b = (key: keyof typeof accountsZhCN.binding) => t(`accounts.binding.${key}`);
  const state =
    binding?.status === "pending"
      ? b("pending")
      : binding?.status === "rejected"
        ? t("accounts.binding.rejected", { reason: binding.reason ?? "" })
        : b("cardHint");
  return (
    <List.Item arrow onClick={() => navigate("/me/binding")} description={state}>
      <span style={{ fontSize: 18, fontWeight: 600 }}>{b("card")}</span>
    </List.Item>
  );
}

interface Values {
  name: string;
  idNumber?: string;
  communityId?: string[];
  address?: string;
}

/**
 * 绑定家庭: name, 身份证 number (optional: with it the register is checked at once), community,
 * address. Then: bound, or waiting for the community, or turned down with the reason and a resubmit.
 */
export function BindingPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const binding = useMyBinding();
  const [again, setAgain] = useState(false);
  const [picking, setPicking] = useState(false);
  const [form] = Form.useForm();
  const communities = useQuery({
    queryKey: ["public", "communities"],
    queryFn: ({ signal }) => api.get("/api/v1/public/communities", { signal }),
    staleTime: 10 * 60_000,
  });
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/me/household-binding", {
        name: v.name.trim(),
        communityId: v.communityId?.[0] ?? "",
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      }),
    onSuccess: async (done) => {
      setAgain(false);
      await client.invalidateQueries({ queryKey: KEY });
      // Bound at once: he is a resident of his household now.
      if (done.status === "confirmed") await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const b = (key: keyof typeof accountsZhCN.binding) => t(`accounts.binding.${key}`);
  if (binding.isPending) return <Loading />;
  const current = binding.data;
  const options = [(communities.data ?? []).map((c) => ({ value: c.id, label: `${c.street} · ${c.name}` }))];
  const at = current ? new Date(current.createdAt).toLocaleString(i18n.language, { hour12: false }) : "";

  if (current && !again && current.status !== "rejected")
    return (
      <>
        <PageBar title={b("title")} back="/me" />
        <Result
          status={current.status === "confirmed" ? "success" : "waiting"}
          title={
            <span style={{ fontSize: 22 }}>
              {current.status === "confirmed" ? b("confirmed") : b("pending")}
            </span>
          }
          description={
            <span style={{ fontSize: 16 }}>
              {[current.name, current.address].filter(Boolean).join(" · ")}
              <br />
              {t("accounts.binding.submittedAt", { time: at })}
            </span>
          }
        />
      </>
    );

  return (
    <>
      <PageBar title={b("title")} back="/me" />
      {current?.status === "rejected" && (
        <div role="alert" style={{ background: "#fff1f0", color: "#a8071a", fontSize: 17, padding: 16 }}>
          {t("accounts.binding.rejected", { reason: current.reason ?? "" })}
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMarkStyle="none"
        className="boxed-inputs"
        initialValues={current ? { name: current.name, address: current.address } : undefined}
        onFinish={(v: Values) => submit.mutate(v)}
        onValuesChange={() => submit.reset()}
        footer={
          <>
            {submit.error && (
              <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 17, marginBottom: 16 }}>
                {failureText(submit.error, t("errors.network"))}
              </div>
            )}
            <Button
              block
              type="submit"
              color="primary"
              size="large"
              loading={submit.isPending}
              style={{ height: 52 }}
            >
              {current?.status === "rejected" ? b("resubmit") : b("submit")}
            </Button>
          </>
        }
      >
        <Form.Item
          name="name"
          label={b("name")}
          rules={[{ required: true, whitespace: true, message: b("nameRequired") }]}
        >
          <Input placeholder={b("namePlaceholder")} maxLength={50} clearable />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={b("idNumber")}
          rules={[
            {
              validator: async (_, value?: string) => {
                if (value?.trim() && !isValidIdNumber(value.trim())) throw new Error(b("idNumberInvalid"));
              },
            },
          ]}
        >
          <Input placeholder={b("idNumberPlaceholder")} maxLength={18} clearable />
        </Form.Item>
        <Form.Item
          name="communityId"
          label={b("community")}
          trigger="onConfirm"
          onClick={() => setPicking(true)}
          rules={[{ required: true, type: "array", min: 1, message: b("communityRequired") }]}
        >
          <Picker
            columns={options}
            visible={picking}
            onClose={() => setPicking(false)}
            loading={communities.isFetching}
            title={b("community")}
          >
            {(items) => (
              <span style={{ fontSize: 17, color: items[0] ? undefined : "#999" }}>
                {items[0]?.label ?? b("communityPick")}
              </span>
            )}
          </Picker>
        </Form.Item>
        <Form.Item name="address" label={b("address")}>
          <Input placeholder={b("addressPlaceholder")} maxLength={200} clearable />
        </Form.Item>
      </Form>
    </>
  );
}
