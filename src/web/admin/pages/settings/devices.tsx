import { CopyOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";
import { api, type ResponseOf } from "../../../common/api.ts";
import { HouseholdSelect } from "../../components/place-fields.tsx";
import { useListParams } from "../list-params.ts";
import { EditModal, LoadError, SettingsPage } from "./shared.tsx";

type Device = ResponseOf<"/api/v1/devices", "get">["items"][number];
type Registered = ResponseOf<"/api/v1/devices", "post">;
interface Values {
  deviceId: string;
  householdId: string;
  label: string;
}
const KEY = ["devices"];

/** What the installer writes into the device: where to call, and the secret to call with. */
function InstallSheet({ device, onClose }: { device: Registered | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const v = (key: keyof typeof settingsZhCN.devices) => t(`settings.devices.${key}`);
  if (!device) return null;
  const url = `${window.location.origin}/api/v1/devices/${encodeURIComponent(device.deviceId)}/calls`;
  const header = `X-Device-Secret: ${device.secret}`;
  const copy = (text: string) =>
    void navigator.clipboard?.writeText(text).then(() => message.success(v("copied")));
  const mono = { fontFamily: "monospace", wordBreak: "break-all" as const };
  return (
    <Modal
      open
      title={v("installTitle")}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {v("done")}
        </Button>
      }
      width={640}
    >
      <Typography.Paragraph type="warning">{v("installHint")}</Typography.Paragraph>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={v("serial")}>{device.deviceId}</Descriptions.Item>
        <Descriptions.Item label={v("callUrl")}>
          <Space align="start">
            <span style={mono}>POST {url}</span>
            <Button size="small" icon={<CopyOutlined />} aria-label={v("copy")} onClick={() => copy(url)} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={v("header")}>
          <Space align="start">
            <span style={mono}>{header}</span>
            <Button
              size="small"
              icon={<CopyOutlined />}
              aria-label={v("copy")}
              onClick={() => copy(header)}
            />
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}

/** 一键通设备: register a device to a household, rename it, retire it. */
export function DevicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useListParams([]);
  const { page, pageSize } = list;
  // The household picked as a filter stays on the page (its address shows in the picker).
  const [householdId, setHouseholdId] = useState<string>();
  const query = { page, pageSize, householdId };
  const devices = useQuery({
    queryKey: [...KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/devices", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const [registering, setRegistering] = useState(false);
  const [installed, setInstalled] = useState<Registered | null>(null);
  const [renaming, setRenaming] = useState<Device | null>(null);
  const v = (key: keyof typeof settingsZhCN.devices) => t(`settings.devices.${key}`);

  const register = useMutation({
    mutationFn: (body: Values) =>
      api.post("/api/v1/devices", {
        deviceId: body.deviceId.trim(),
        householdId: body.householdId,
        label: body.label.trim(),
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: KEY });
      message.success(v("registered"));
      setRegistering(false);
      setInstalled(created);
    },
  });
  const rename = useMutation({
    mutationFn: (body: { label: string }) =>
      api.patch(
        "/api/v1/devices/{deviceId}",
        { label: body.label.trim() },
        { path: { deviceId: renaming?.deviceId ?? "" } },
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      message.success(t("settings.common.saved"));
      setRenaming(null);
    },
  });
  const retire = useMutation({
    mutationFn: (d: Device) => api.delete("/api/v1/devices/{deviceId}", { path: { deviceId: d.deviceId } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      message.success(v("retired"));
    },
    onError: (e) => message.error(e.message),
  });
  const blank = useMemo(() => ({}), []);
  const renameValues = useMemo(() => ({ label: renaming?.label ?? "" }), [renaming]);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : v("never"));

  const columns: TableColumnsType<Device> = [
    { title: v("label"), dataIndex: "label", render: (l: string) => <strong>{l}</strong> },
    { title: v("serial"), dataIndex: "deviceId", width: 160 },
    { title: v("address"), dataIndex: "address", render: (a: string | null) => a ?? "—" },
    { title: v("lastCall"), dataIndex: "lastCallAt", width: 170, render: when },
    {
      title: t("settings.common.actions"),
      width: 130,
      fixed: "right",
      render: (_, r) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setRenaming(r)}>
            {v("rename")}
          </Button>
          <Popconfirm title={v("retireConfirm")} onConfirm={() => retire.mutate(r)}>
            <Button type="link" size="small" danger>
              {v("retire")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <SettingsPage
      title={v("title")}
      intro={v("intro")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
          {v("add")}
        </Button>
      }
    >
      <div style={{ maxWidth: 360 }}>
        <HouseholdSelect
          value={householdId}
          onChange={(id) => {
            setHouseholdId(id);
            list.setFilters({});
          }}
        />
      </div>
      <LoadError error={devices.error} />
      <Table<Device>
        rowKey="deviceId"
        size="middle"
        columns={columns}
        dataSource={devices.data?.items}
        loading={devices.isFetching}
        scroll={{ x: 820 }}
        pagination={list.pagination(devices.data?.total, (count) => t("settings.common.total", { count }))}
      />
      <EditModal<Values>
        open={registering}
        title={v("addTitle")}
        values={blank}
        onClose={() => setRegistering(false)}
        submission={register}
      >
        <Form.Item
          name="deviceId"
          label={v("serial")}
          extra={v("serialHint")}
          rules={[{ required: true, pattern: /^[A-Za-z0-9-]{4,40}$/, message: v("serialRequired") }]}
        >
          <Input maxLength={40} style={{ fontFamily: "monospace" }} />
        </Form.Item>
        <Form.Item
          name="householdId"
          label={v("household")}
          rules={[{ required: true, message: v("householdRequired") }]}
        >
          <HouseholdSelect />
        </Form.Item>
        <Form.Item
          name="label"
          label={v("label")}
          rules={[{ required: true, whitespace: true, message: v("labelRequired") }]}
        >
          <Input maxLength={50} placeholder={v("labelHint")} />
        </Form.Item>
      </EditModal>
      <EditModal<{ label: string }>
        open={renaming !== null}
        title={v("renameTitle")}
        values={renameValues}
        onClose={() => setRenaming(null)}
        submission={rename}
      >
        <Form.Item
          name="label"
          label={v("label")}
          rules={[{ required: true, whitespace: true, message: v("labelRequired") }]}
        >
          <Input maxLength={50} placeholder={v("labelHint")} />
        </Form.Item>
      </EditModal>
      <InstallSheet device={installed} onClose={() => setInstalled(null)} />
    </SettingsPage>
  );
}
