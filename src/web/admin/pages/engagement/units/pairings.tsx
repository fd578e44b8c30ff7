import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { failureText } from "../../../../common/sms-code.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { NodeSelect } from "../../accounts/node-select.tsx";
import { LoadFailed } from "../../status.tsx";
import { type Pairing, type PairingQuery, SIX_FIXES, UNITS_KEY } from "./data.ts";
import { UnitSelect } from "./unit-select.tsx";

type SixFix = (typeof SIX_FIXES)[number];
interface Values {
  unitId?: string;
  communityId?: string;
  period?: [Dayjs, Dayjs];
  commitments: Record<SixFix, string>;
}

const DAY = "YYYY-MM-DD";

/** 结对协议: the pairings of the area (or the unit), live first; 新建 / 编辑 in a drawer with the 六定. */
export function PairingsTab({
  manage,
  paging,
  pagination,
}: {
  manage: boolean;
  paging: { page: number; pageSize: number };
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [active, setActive] = useState<"all" | "live" | "ended">("live");
  const [editing, setEditing] = useState<Pairing | null | undefined>(undefined);
  const query: PairingQuery = { ...paging, active: active === "all" ? undefined : active === "live" };
  const result = useQuery({
    queryKey: [...UNITS_KEY, "pairings", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/pairings", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const end = useMutation({
    mutationFn: (id: string) => api.post("/api/v1/engagement/pairings/{id}/end", undefined, { path: { id } }),
    onSuccess: () => {
      message.success(t("engagementUnits.pairings.ended"));
      void client.invalidateQueries({ queryKey: UNITS_KEY });
    },
    onError: (err) => message.error(err.message),
  });
  const c = (key: "unit") => t(`engagementUnits.columns.${key}`);
  const columns: TableColumnsType<Pairing> = [
    { title: c("unit"), dataIndex: ["unit", "name"], width: 240 },
    { title: t("engagementUnits.columns.community"), dataIndex: ["community", "name"], width: 130 },
    {
      title: t("engagementUnits.columns.period"),
      key: "period",
      width: 200,
      render: (_, p) => `${p.startsOn} ~ ${p.endsOn}`,
    },
    {
      title: t("engagementUnits.columns.state"),
      key: "state",
      width: 90,
      render: (_, p) =>
        p.live ? (
          <Tag color="green">{t("engagementUnits.columns.live")}</Tag>
        ) : (
          <Tag>{t(p.endedAt ? "engagementUnits.columns.ended" : "engagementUnits.columns.expired")}</Tag>
        ),
    },
    {
      title: t("engagementUnits.pairings.commitments"),
      key: "commitments",
      render: (_, p) => (
        <div style={{ fontSize: 13, lineHeight: 1.6 }}>
          {SIX_FIXES.map((k) => (
            <div key={k}>
              <b>{t(`engagementUnits.sixFixes.${k}`)}</b>：{p.commitments[k]}
            </div>
          ))}
        </div>
      ),
    },
    ...(manage
      ? [
          {
            title: t("engagementUnits.columns.actions"),
            key: "actions",
            width: 150,
            render: (_: unknown, p: Pairing) =>
              !p.endedAt && (
                <Space>
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t("engagementUnits.pairings.edit")}
                  </Button>
                  <Popconfirm
                    title={t("engagementUnits.pairings.endConfirm")}
                    onConfirm={() => end.mutate(p.id)}
                  >
                    <Button size="small" danger>
                      {t("engagementUnits.pairings.end")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Segmented
          value={active}
          onChange={(v) => setActive(v as typeof active)}
          options={[
            { value: "live", label: t("engagementUnits.pairings.filterLive") },
            { value: "ended", label: t("engagementUnits.pairings.filterEnded") },
            { value: "all", label: t("engagementUnits.pairings.filterAll") },
          ]}
        />
        <Space>
          <ExportButton path="/api/v1/engagement/pairings" query={query} />
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t("engagementUnits.pairings.add")}
            </Button>
          )}
        </Space>
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Pairing>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("engagementUnits.pairings.empty")} />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
      <PairingDrawer pairing={editing} onClose={() => setEditing(undefined)} />
    </Space>
  );
}

/** 新建结对协议 / 编辑结对协议: unit and community (new only), the agreement's dates and its 六定. */
function PairingDrawer({ pairing, onClose }: { pairing: Pairing | null | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const open = pairing !== undefined;
  const creating = pairing === null;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (pairing)
      form.setFieldsValue({
        period: [dayjs(pairing.startsOn), dayjs(pairing.endsOn)],
        commitments: pairing.commitments,
      });
  }, [open, pairing, form]);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const [from, to] = v.period as [Dayjs, Dayjs];
      const commitments = Object.fromEntries(
        SIX_FIXES.map((k) => [k, (v.commitments[k] ?? "").trim()]),
      ) as Record<SixFix, string>;
      const dates = { startsOn: from.format(DAY), endsOn: to.format(DAY) };
      if (pairing)
        await api.patch(
          "/api/v1/engagement/pairings/{id}",
          { ...dates, commitments },
          { path: { id: pairing.id } },
        );
      else
        await api.post("/api/v1/engagement/pairings", {
          unitId: v.unitId as string,
          communityId: v.communityId as string,
          ...dates,
          commitments,
        });
    },
    onSuccess: () => {
      message.success(t(creating ? "engagementUnits.pairings.created" : "engagementUnits.pairings.saved"));
      void client.invalidateQueries({ queryKey: UNITS_KEY });
      onClose();
    },
  });
  const required = [{ required: true, whitespace: true, message: t("engagementUnits.pairings.required") }];
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Drawer
      open={open}
      width={560}
      destroyOnHidden
      onClose={close}
      title={t(creating ? "engagementUnits.pairings.addTitle" : "engagementUnits.pairings.editTitle")}
      extra={
        <Space>
          <Button onClick={close}>{t("engagementUnits.review.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t("engagementUnits.review.submit")}
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
        {pairing ? (
          <Form.Item label={t("engagementUnits.columns.unit")}>
            {pairing.unit.name} · {pairing.community.name}
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="unitId"
              label={t("engagementUnits.columns.unit")}
              rules={[{ required: true, message: t("engagementUnits.pairings.required") }]}
            >
              <UnitSelect />
            </Form.Item>
            <Form.Item
              name="communityId"
              label={t("engagementUnits.columns.community")}
              rules={[{ required: true, message: t("engagementUnits.pairings.required") }]}
            >
              <NodeSelect levels={["community"]} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="period"
          label={t("engagementUnits.columns.period")}
          rules={[{ required: true, message: t("engagementUnits.pairings.required") }]}
        >
          <DatePicker.RangePicker style={{ width: "100%" }} />
        </Form.Item>
        {SIX_FIXES.map((k) => (
          <Form.Item
            key={k}
            name={["commitments", k]}
            label={t(`engagementUnits.sixFixes.${k}`)}
            rules={required}
          >
            <Input.TextArea rows={2} maxLength={300} placeholder={t(`engagementUnits.sixFixHints.${k}`)} />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}
