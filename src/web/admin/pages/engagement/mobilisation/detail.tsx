import { ArrowLeftOutlined, UsergroupAddOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { api } from "../../../../common/api.ts";
import { useFormatTime } from "../../cases/time.tsx";
import { Failed, Loading } from "../../status.tsx";
import { ChooseModal } from "./choose.tsx";
import { MOBILISATION_KEY, type MobilisationDetail, useWords } from "./data.ts";

type Member = MobilisationDetail["members"][number];

/** One call-up: its task and place, who was called and who reported when and where, 增加人员 and 解散. */
export function MobilisationDetailPage() {
  const { t } = useTranslation();
  const w = useWords();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const format = useFormatTime();
  const [params, setParams] = useSearchParams();
  const choosing = params.get("choose") === "1";
  const setChoosing = (on: boolean) => setParams(on ? { choose: "1" } : {}, { replace: true });
  const [dissolving, setDissolving] = useState(false);
  const result = useQuery({
    queryKey: [...MOBILISATION_KEY, "detail", id],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/mobilisations/{id}", { path: { id }, signal }),
  });
  if (result.error) return <Failed error={result.error} retry={() => void result.refetch()} />;
  const m = result.data;
  if (!m) return <Loading />;
  const can = (a: MobilisationDetail["allowedActions"][number]) => m.allowedActions.includes(a);
  const columns = [
    {
      title: w("detail.name"),
      dataIndex: "name",
      render: (name: string, r: Member) => (
        <Space size={4}>
          {name}
          {r.leader && <Tag color="gold">{w("detail.leader")}</Tag>}
        </Space>
      ),
    },
    { title: w("detail.phone"), dataIndex: "phone", width: 130 },
    {
      title: w("detail.notifiedAt"),
      dataIndex: "notifiedAt",
      width: 170,
      render: (at: string | null) => format(at),
    },
    {
      title: w("detail.reportedAt"),
      dataIndex: "reportedAt",
      width: 170,
      render: (at: string | null) =>
        at ? <Tag color="green">{format(at)}</Tag> : <Tag color="orange">{w("detail.notReported")}</Tag>,
    },
    {
      title: w("detail.reportedWhere"),
      dataIndex: "reportedLocation",
      width: 170,
      render: (p: Member["reportedLocation"]) =>
        p ? (
          <a href={`https://uri.amap.com/marker?position=${p.lng},${p.lat}`} target="_blank" rel="noreferrer">
            {p.lat.toFixed(5)}, {p.lng.toFixed(5)}
          </a>
        ) : (
          t("common.none")
        ),
    },
    {
      title: w("detail.note"),
      dataIndex: "reportedNote",
      render: (n: string | null) => n ?? t("common.none"),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/engagement/mobilisation")}>
        {w("detail.back")}
      </Button>
      <Card
        title={
          <Space wrap>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="mobilisation-name">
              {m.name}
            </Typography.Text>
            <Tag color="red">{w(`kind.${m.kind}`)}</Tag>
            <Tag color={m.status === "active" ? "red" : "default"} data-testid="mobilisation-status">
              {w(`status.${m.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            {can("call") && (
              <Button icon={<UsergroupAddOutlined />} onClick={() => setChoosing(true)}>
                {w("detail.addMembers")}
              </Button>
            )}
            {can("dissolve") && (
              <Button danger onClick={() => setDissolving(true)}>
                {w("detail.dissolve")}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={w("detail.purpose")} span={2}>
            {m.purpose}
          </Descriptions.Item>
          <Descriptions.Item label={w("detail.node")}>{m.node?.name ?? t("common.none")}</Descriptions.Item>
          <Descriptions.Item label={w("detail.place")}>{m.place ?? t("common.none")}</Descriptions.Item>
          <Descriptions.Item label={w("detail.raisedAt")}>{format(m.raisedAt)}</Descriptions.Item>
          {m.dissolvedAt && (
            <Descriptions.Item label={w("detail.dissolvedAt")}>{format(m.dissolvedAt)}</Descriptions.Item>
          )}
          {m.dissolveNote && (
            <Descriptions.Item label={w("detail.dissolveNote")} span={2}>
              {m.dissolveNote}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={w("detail.members")}
        extra={
          <span data-testid="mobilisation-summary">
            {w("detail.summary", { called: m.called, reported: m.reported })}
          </span>
        }
      >
        <Table<Member>
          rowKey="memberId"
          size="middle"
          columns={columns}
          dataSource={m.members}
          pagination={m.members.length > 20 ? { pageSize: 20 } : false}
          onRow={() => ({ "data-testid": "called-row" }) as object}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w("detail.noMembers")} />,
          }}
        />
      </Card>
      {can("call") && <ChooseModal id={id} open={choosing} onClose={() => setChoosing(false)} />}
      <DissolveModal id={id} open={dissolving} onClose={() => setDissolving(false)} />
    </Space>
  );
}

function DissolveModal({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const w = (key: string) => t(`engagementMobilisation.detail.${key}` as "engagementMobilisation.title");
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const dissolve = useMutation({
    mutationFn: (note: string) =>
      api.post("/api/v1/engagement/mobilisations/{id}/dissolve", { note }, { path: { id } }),
    onSuccess: () => {
      void message.success(w("dissolved"));
      onClose();
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: MOBILISATION_KEY }),
  });
  return (
    <Modal
      open={open}
      title={w("dissolveTitle")}
      okText={w("dissolve")}
      okButtonProps={{ danger: true }}
      confirmLoading={dissolve.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => dissolve.mutate(v.note.trim()))}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={w("dissolveNote")}
          rules={[{ required: true, whitespace: true, message: " " }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
