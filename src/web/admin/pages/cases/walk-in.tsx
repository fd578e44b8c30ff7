import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { casesZhCN } from "../../../../shared/locales/cases.zh-CN.ts";
import { api, type BodyOf } from "../../../common/api.ts";
import type { LatLng } from "../../../common/grid-map-style.tsx";
import { isValidMobile } from "../../../common/identifiers.ts";
import { FormModalButton } from "../../components/form-modal.tsx";
import { PlaceFields } from "../../components/place-fields.tsx";
import { useCategories } from "./categories.ts";

type NewCase = BodyOf<"/api/v1/cases", "post">;
type RequestType = NonNullable<NewCase["requestType"]>;
type Urgency = NonNullable<NewCase["urgency"]>;
const REQUEST_TYPES = Object.keys(casesZhCN.requestType) as RequestType[];
const URGENCIES = Object.keys(casesZhCN.urgency) as Urgency[];

interface Values {
  categoryCode: string;
  requestType: RequestType;
  urgency: Urgency;
  description: string;
  reporterName: string;
  reporterPhone: string;
  where: "household" | "map";
  householdId?: string;
  location?: LatLng;
  address?: string;
}

/** 一窗受理: staff enter the request of a visitor at the service hall, then open the new case. */
export function WalkInButton() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const categories = useCategories();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const where = Form.useWatch("where", form);

  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/cases", {
        channel: "walkIn",
        categoryCode: v.categoryCode,
        requestType: v.requestType,
        urgency: v.urgency,
        description: v.description.trim(),
        reporterName: v.reporterName.trim(),
        reporterPhone: v.reporterPhone.trim(),
        address: v.address?.trim() || undefined,
        ...(v.where === "household" ? { householdId: v.householdId } : { location: v.location }),
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ["cases"] });
      message.success(t("casesAdmin.walkIn.created", { code: created.code }));
      if (created.suggestedMasterId) message.info(t("casesAdmin.walkIn.duplicate"));
      setOpen(false);
      form.resetFields();
      navigate(`/cases/${created.code}`);
    },
  });
  const required = (text: string) => [{ required: true, whitespace: true, message: text }];

  return (
    <FormModalButton
      label={t("casesAdmin.walkIn.open")}
      title={t("casesAdmin.walkIn.title")}
      okText={t("casesAdmin.walkIn.submit")}
      open={open}
      setOpen={setOpen}
      form={form}
      initialValues={{ requestType: "help", urgency: "normal", where: "household" }}
      submission={submit}
    >
      <Form.Item
        name="categoryCode"
        label={t("casesAdmin.walkIn.category")}
        rules={[{ required: true, message: t("casesAdmin.walkIn.categoryRequired") }]}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          loading={categories.isPending}
          placeholder={t("casesAdmin.walkIn.categoryPlaceholder")}
          options={categories.data?.map((c) => ({
            value: c.code,
            label: i18n.language === "en" && c.nameEn ? c.nameEn : c.name,
          }))}
        />
      </Form.Item>
      <Form.Item name="requestType" label={t("casesAdmin.fields.requestType")}>
        <Radio.Group
          optionType="button"
          options={REQUEST_TYPES.map((r) => ({ value: r, label: t(`cases.requestType.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="urgency" label={t("casesAdmin.fields.urgency")}>
        <Radio.Group options={URGENCIES.map((u) => ({ value: u, label: t(`cases.urgency.${u}`) }))} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t("casesAdmin.fields.description")}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              if ((v ?? "").trim().length < 2) throw new Error(t("casesAdmin.walkIn.descriptionRequired"));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          placeholder={t("casesAdmin.walkIn.descriptionPlaceholder")}
        />
      </Form.Item>
      <Form.Item
        name="reporterName"
        label={t("casesAdmin.walkIn.reporterName")}
        rules={required(t("casesAdmin.walkIn.reporterNameRequired"))}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="reporterPhone"
        label={t("casesAdmin.walkIn.reporterPhone")}
        extra={t("casesAdmin.walkIn.reporterPhoneHint")}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              if (!v?.trim()) throw new Error(t("casesAdmin.walkIn.reporterPhoneRequired"));
              if (!isValidMobile(v)) throw new Error(t("validation.phoneInvalid"));
            },
          },
        ]}
      >
        <Input maxLength={20} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <PlaceFields
        texts={{
          where: t("casesAdmin.walkIn.location"),
          byHousehold: t("casesAdmin.walkIn.byHousehold"),
          byMap: t("casesAdmin.walkIn.byMap"),
          householdRequired: t("casesAdmin.walkIn.householdRequired"),
          mapRequired: t("casesAdmin.walkIn.pointRequired"),
          household: t("casesAdmin.walkIn.household"),
        }}
      />
      <Form.Item
        name="address"
        label={t("casesAdmin.fields.address")}
        extra={where === "map" ? undefined : t("casesAdmin.walkIn.addressHint")}
      >
        <Input maxLength={200} placeholder={t("casesAdmin.walkIn.addressPlaceholder")} />
      </Form.Item>
    </FormModalButton>
  );
}
