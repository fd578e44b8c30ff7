import { DownloadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Drawer, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { currentLanguage } from "../../../../common/i18n.ts";
import { LoadFailed } from "../../status.tsx";
import { useAppraisalWords } from "./words.ts";

type Detail = ResponseOf<"/api/v1/points/appraisal-rounds/{id}", "get">;
type Member = Detail["members"][number];
const SIDES = ["self", "peer", "resident"] as const;

/** One round: each member's appraisals so far; closing (with a confirm) turns them into results and points. */
export function RoundDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const a = useAppraisalWords();
  const round = useQuery({
    queryKey: ["points", "appraisal-rounds", "one", id],
    queryFn: ({ signal }) => api.get("/api/v1/points/appraisal-rounds/{id}", { path: { id }, signal }),
  });
  const close = useMutation({
    mutationFn: () => api.post("/api/v1/points/appraisal-rounds/{id}/close", undefined, { path: { id } }),
    onSuccess: (detail) => {
      client.setQueryData(["points", "appraisal-rounds", "one", id], detail);
      void client.invalidateQueries({ queryKey: ["points", "appraisal-rounds"] });
    },
    onError: (e) => void message.error(e.message),
  });
  const r = round.data;
  const closed = r?.status === "closed";
  const w = r?.weights;
  const part = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(1));
  const columns: TableColumnsType<Member> = closed
    ? [
        { title: a("members"), dataIndex: "name", width: 100 },
        {
          title: `${a("record")} ${w?.record}%`,
          key: "record",
          align: "right",
          render: (_, m) => part(m.result?.record),
        },
        ...SIDES.map((s) => ({
          title: `${a(s)} ${w?.[s]}%`,
          key: s,
          align: "right" as const,
          render: (_: unknown, m: Member) => part(m.result?.[s]),
        })),
        {
          title: a("total"),
          key: "total",
          align: "right",
          render: (_, m) => <b>{part(m.result?.total)}</b>,
        },
        { title: a("points"), key: "points", align: "right", render: (_, m) => m.result?.points ?? "—" },
        {
          title: "",
          key: "note",
          render: (_, m) =>
            m.result?.vetoed ? (
              <Tag color="red">
                {a("vetoed")}：{m.result.vetoed}
              </Tag>
            ) : m.result && m.result.missing.length > 0 ? (
              <Typography.Text type="secondary">
                {a("missingSide", { sides: m.result.missing.map((s) => a(s)).join("、") })}
              </Typography.Text>
            ) : null,
        },
      ]
    : [
        { title: a("members"), dataIndex: "name" },
        ...SIDES.map((s) => ({
          title: a(s),
          key: s,
          width: 100,
          align: "right" as const,
          render: (_: unknown, m: Member) => m.counts[s],
        })),
      ];
  return (
    <Drawer
      open
      width={960}
      onClose={onClose}
      title={r?.title ?? a("title")}
      extra={
        r && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/points/appraisal-rounds/${id}/results.xlsx?lang=${currentLanguage()}`}
            >
              {a("export")}
            </Button>
            {!closed && (
              <Popconfirm
                title={a("closeConfirm")}
                onConfirm={() => close.mutate()}
                okButtonProps={{ danger: true }}
              >
                <Button type="primary" danger loading={close.isPending}>
                  {a("close")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {round.error && <LoadFailed error={round.error} retry={() => void round.refetch()} />}
      {r && (
        <>
          <Typography.Paragraph type="secondary">
            {r.node.name} · {a(`status.${r.status}`)} · {a("weights")}：{a("record")} {r.weights.record} ·{" "}
            {a("self")} {r.weights.self} · {a("peer")} {r.weights.peer} · {a("resident")} {r.weights.resident}
          </Typography.Paragraph>
          <Table<Member>
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={
              closed
                ? [...r.members].sort((x, y) => (y.result?.total ?? 0) - (x.result?.total ?? 0))
                : r.members
            }
            pagination={{ pageSize: 50, showSizeChanger: false }}
          />
        </>
      )}
    </Drawer>
  );
}
