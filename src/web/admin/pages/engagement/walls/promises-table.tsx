import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Image, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type QueryOf, type ResponseOf } from "../../../../common/api.ts";

type Query = QueryOf<"/api/v1/engagement/promises", "get">;
type Row = ResponseOf<"/api/v1/engagement/promises", "get">["items"][number];
export const WALLS_KEY = ["engagement", "walls"] as const;
const STATUS_COLOR = { pending: "gold", published: "green", returned: "default" } as const;

/** 承诺审核: promises of the year in the area, waiting ones first, with 上墙 / 退回 (or 撤下). */
export function PromisesTable({
  query,
  pagination,
}: {
  query: Query;
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [returning, setReturning] = useState<Row | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useQuery({
    queryKey: [...WALLS_KEY, "promises", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/promises", { query, signal }),
  });
  const done = (words: string) => {
    void message.success(words);
    void client.invalidateQueries({ queryKey: WALLS_KEY });
  };
  const publish = useMutation({
    mutationFn: (id: string) =>
      api.post("/api/v1/engagement/promises/{id}/publish", undefined, { path: { id } }),
    onSuccess: () => done(t("engagementWalls.promises.publishDone")),
    onError: (e) => void message.error(e.message),
  });
  const giveBack = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post("/api/v1/engagement/promises/{id}/return", { reason }, { path: { id } }),
    onSuccess: () => {
      setReturning(null);
      done(t("engagementWalls.promises.returnDone"));
    },
    onError: (e) => void message.error(e.message),
  });
  const p = "engagementWalls.promises";
  return (
    <>
      <Table<Row>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={pagination(list.data?.total)}
        locale={{ emptyText: t(`${p}.empty`) }}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t(`${p}.photo`),
            width: 80,
            render: (_, r) =>
              r.photo ? (
                <Image src={r.photo.url} width={56} height={56} style={{ objectFit: "cover" }} />
              ) : null,
          },
          { title: t(`${p}.member`), width: 90, render: (_, r) => r.member.name },
          { title: t(`${p}.community`), width: 120, render: (_, r) => r.community?.name },
          {
            title: t(`${p}.text`),
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <span>{r.text}</span>
                {r.returnReason && (
                  <Typography.Text type="secondary">
                    {t(`${p}.returnReason`, { reason: r.returnReason })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t(`${p}.status`),
            width: 110,
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLOR[r.status]}>{t(`engagementWalls.status.${r.status}`)}</Tag>
                {r.keptAt && <Tag color="red">{t("engagementWalls.kept")}</Tag>}
              </Space>
            ),
          },
          { title: t(`${p}.keptNote`), width: 200, render: (_, r) => r.keptNote },
          {
            title: t(`${p}.actions`),
            width: 150,
            render: (_, r) => (
              <Space size={8}>
                {r.allowedActions.includes("publish") && (
                  <Button
                    type="primary"
                    size="small"
                    loading={publish.isPending}
                    onClick={() => publish.mutate(r.id)}
                  >
                    {t(`${p}.publish`)}
                  </Button>
                )}
                {r.allowedActions.includes("return") && (
                  <Button danger size="small" onClick={() => setReturning(r)}>
                    {t(r.status === "published" ? `${p}.takeDown` : `${p}.return`)}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!returning}
        title={t(`${p}.returnTitle`)}
        confirmLoading={giveBack.isPending}
        destroyOnHidden
        onCancel={() => setReturning(null)}
        onOk={() =>
          void form
            .validateFields()
            .then((v) => returning && giveBack.mutate({ id: returning.id, reason: v.reason.trim() }))
        }
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t(`${p}.reason`)} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={300} showCount placeholder={t(`${p}.reasonPlaceholder`)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
