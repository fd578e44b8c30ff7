import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, InputNumber, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { ordersZhCN } from "../../../../shared/locales/orders.zh-CN.ts";
import { api, type BodyOf } from "../../../common/api.ts";
import type { LatLng } from "../../../common/grid-map-style.tsx";
import { isValidMobile } from "../../../common/identifiers.ts";
import { FormModalButton } from "../../components/form-modal.tsx";
import { PlaceFields } from "../../components/place-fields.tsx";
import { ORDERS_KEY, useOrderCategories } from "./order-data.ts";

type NewOrder = BodyOf<"/api/v1/orders", "post">;
type Audience = NonNullable<NewOrder["audience"]>;
const AUDIENCES: readonly Audience[] = ["both", "members", "volunteers"];

interface Values {
  categoryCode: string;
  title: string;
  description?: string;
  where: "household" | "map";
  householdId?: string;
  location?: LatLng;
  address?: string;
  audience: Audience;
  maxDistanceMeters?: number;
  requesterName?: string;
  requesterPhone?: string;
}

/** 社区派单: staff publish a service request as an order, then open it. */
export function PublishButton() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const categories = useOrderCategories();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();

  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/orders", {
        categoryCode: v.categoryCode,
        title: v.title.trim(),
        description: v.description?.trim() || undefined,
        address: v.address?.trim() || undefined,
        audience: v.audience,
        maxDistanceMeters: v.maxDistanceMeters ?? undefined,
        requesterName: v.requesterName?.trim() || undefined,
        requesterPhone: v.requesterPhone?.trim() || undefined,
        ...(v.where === "household" ? { householdId: v.householdId } : { location: v.location }),
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ORDERS_KEY });
      message.success(t("orders.admin.publish.created", { code: created.code }));
      setOpen(false);
      form.resetFields();
      navigate(`/orders/${created.code}`);
    },
  });
  const p = (key: keyof typeof ordersZhCN.admin.publish) => t(`orders.admin.publish.${key}`);

  return (
    <FormModalButton
      label={p("open")}
      title={p("title")}
      okText={p("submit")}
      open={open}
      setOpen={setOpen}
      form={form}
      initialValues={{ where: "household", audience: "both", categoryCode: "errand" }}
      submission={submit}
    >
      <Form.Item
        name="categoryCode"
        label={t("orders.fields.category")}
        rules={[{ required: true, message: p("categoryRequired") }]}
      >
        <Select
          loading={categories.isPending}
          options={categories.data?.map((c) => ({
            value: c.code,
            label: `${i18n.language === "en" ? c.nameEn : c.name}（${t("orders.units.minutes", { count: c.onSiteMinutes })}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("orders.fields.title")}
        rules={[{ required: true, whitespace: true, min: 2, message: p("titleRequired") }]}
      >
        <Input maxLength={100} placeholder={p("titlePlaceholder")} />
      </Form.Item>
      <Form.Item name="description" label={t("orders.fields.description")}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={p("descriptionPlaceholder")} />
      </Form.Item>
      <PlaceFields
        texts={{
          where: p("where"),
          byHousehold: p("household"),
          byMap: p("map"),
          householdRequired: p("placeRequired"),
          mapRequired: p("placeRequired"),
        }}
      />
      <Form.Item name="address" label={t("orders.fields.address")}>
        <Input maxLength={200} placeholder={p("addressPlaceholder")} />
      </Form.Item>
      <Form.Item name="audience" label={t("orders.fields.audience")} extra={p("audienceHint")}>
        <Radio.Group
          optionType="button"
          options={AUDIENCES.map((a) => ({ value: a, label: t(`orders.audience.${a}`) }))}
        />
      </Form.Item>
      <Form.Item name="maxDistanceMeters" label={t("orders.fields.maxDistance")} extra={p("maxDistanceHint")}>
        <InputNumber min={50} max={50_000} step={100} suffix="m" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="requesterName" label={p("requesterName")}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="requesterPhone"
        label={p("requesterPhone")}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              if (v?.trim() && !isValidMobile(v)) throw new Error(p("phoneInvalid"));
            },
          },
        ]}
      >
        <Input maxLength={20} inputMode="tel" autoComplete="off" />
      </Form.Item>
    </FormModalButton>
  );
}
