import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, DatePicker, Form, Input, InputNumber, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { FormModalButton } from "../../components/form-modal.tsx";
import { TerritoryPicker } from "../cases/territory-picker.tsx";
import { MODES, type Mode, useTeamOptions, VOLUNTEERING_KEY } from "./volunteering-data.ts";

interface Values {
  title: string;
  mode: Mode;
  nodeId: string;
  teamId?: string;
  place: string;
  time: [Dayjs, Dayjs];
  capacity: number;
  slotMinutes?: number;
  description?: string;
}

/** 发布活动: the scheduling mode first (it decides what else is asked), then what, where, when and how many. */
export function PublishButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const client = useQueryClient();
  const teams = useTeamOptions();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch("mode", form);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/activities", {
        title: v.title.trim(),
        mode: v.mode,
        nodeId: v.nodeId,
        teamId: v.teamId || undefined,
        place: v.place.trim(),
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        capacity: v.capacity,
        slotMinutes: v.mode === "byAppointment" ? v.slotMinutes : undefined,
        description: v.description?.trim() || undefined,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
      message.success(t("volunteering.admin.publishOk"));
      setOpen(false);
      form.resetFields();
    },
  });
  const required = (text: string) => [{ required: true, message: text }];
  const f = (key: "title" | "place" | "description" | "team" | "mode" | "node" | "time") =>
    t(`volunteering.fields.${key}`);

  return (
    <FormModalButton
      label={t("volunteering.admin.publish")}
      title={t("volunteering.admin.publishTitle")}
      open={open}
      setOpen={setOpen}
      form={form}
      initialValues={{ mode: "fixedTime", capacity: 10, slotMinutes: 30, nodeId: user?.roles[0]?.nodeId }}
      submission={submit}
    >
      <Form.Item name="mode" label={f("mode")} extra={mode && t(`volunteering.modeHints.${mode}`)}>
        <Radio.Group
          optionType="button"
          options={MODES.map((m) => ({ value: m, label: t(`volunteering.modes.${m}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={f("title")}
        rules={[
          {
            required: true,
            whitespace: true,
            min: 2,
            message: t("volunteering.admin.form.titleRequired"),
          },
        ]}
      >
        <Input maxLength={60} placeholder={t("volunteering.admin.form.titlePlaceholder")} />
      </Form.Item>
      <Form.Item name="nodeId" label={f("node")} rules={required(t("volunteering.admin.form.nodeRequired"))}>
        <TerritoryPicker />
      </Form.Item>
      <Form.Item name="teamId" label={f("team")}>
        <Select allowClear placeholder={t("volunteering.admin.form.noTeam")} options={teams} />
      </Form.Item>
      <Form.Item
        name="place"
        label={f("place")}
        rules={[
          {
            required: true,
            whitespace: true,
            min: 2,
            message: t("volunteering.admin.form.placeRequired"),
          },
        ]}
      >
        <Input maxLength={100} placeholder={t("volunteering.admin.form.placePlaceholder")} />
      </Form.Item>
      <Form.Item
        name="time"
        label={f("time")}
        rules={required(t("volunteering.admin.form.timeRequired"))}
        extra={mode === "afterHours" ? t("volunteering.admin.form.afterHoursHint") : undefined}
      >
        <DatePicker.RangePicker showTime={{ format: "HH:mm", minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="capacity"
        label={
          mode === "byAppointment"
            ? t("volunteering.fields.capacityPerSlot")
            : t("volunteering.fields.capacity")
        }
        rules={required(t("volunteering.admin.form.capacityRequired"))}
      >
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
      {mode === "byAppointment" && (
        <Form.Item
          name="slotMinutes"
          label={t("volunteering.fields.slotMinutes")}
          rules={required(t("volunteering.admin.form.slotMinutesRequired"))}
        >
          <InputNumber min={10} max={480} step={10} precision={0} />
        </Form.Item>
      )}
      <Form.Item name="description" label={f("description")}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          placeholder={t("volunteering.admin.form.descriptionPlaceholder")}
        />
      </Form.Item>
    </FormModalButton>
  );
}
