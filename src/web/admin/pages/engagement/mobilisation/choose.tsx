import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Checkbox, Input, Modal, Select, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { type Candidate, MOBILISATION_KEY, useWords } from "./data.ts";

const PAGE_SIZE = 10;

/**
 * 选择召集党员: the members living in the call-up's area, nearest first, by skill and whether they
 * are free; the ticked ones (and the leader among them) are called and told at once.
 */
export function ChooseModal({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useWords();
  const w = (key: string, o?: Record<string, number>) => words(`choose.${key}`, o);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [skill, setSkill] = useState<string>();
  const [underId, setUnderId] = useState<string>();
  const [available, setAvailable] = useState(true);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Candidate[]>([]);
  const [leaderId, setLeaderId] = useState<string>();
  const query = { skill, underId, available, page, pageSize: PAGE_SIZE };
  const result = useQuery({
    queryKey: [...MOBILISATION_KEY, "candidates", id, query],
    queryFn: ({ signal }) =>
      api.get("/api/v1/engagement/mobilisations/{id}/candidates", { path: { id }, query, signal }),
    placeholderData: keepPreviousData,
    enabled: open,
  });
  const call = useMutation({
    mutationFn: () =>
      api.post(
        "/api/v1/engagement/mobilisations/{id}/members",
        { memberIds: picked.map((p) => p.id), leaderId },
        { path: { id } },
      ),
    onSuccess: (r) => {
      void message.success(w("notified", { n: r.called }));
      setPicked([]);
      setLeaderId(undefined);
      onClose();
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: MOBILISATION_KEY }),
  });
  const columns: TableColumnsType<Candidate> = [
    { title: w("name"), dataIndex: "name", width: 110 },
    { title: t("engagementMobilisation.detail.phone"), dataIndex: "phone", width: 130 },
    {
      title: w("category"),
      dataIndex: "category",
      width: 110,
      render: (c: string) => t(`people.categories.${c}` as "common.none", { defaultValue: c }),
    },
    {
      title: w("skills"),
      dataIndex: "skills",
      render: (skills: string[], c) => (
        <Space size={4} wrap>
          {skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
          {c.busy && <Tag color="orange">{w("busy")}</Tag>}
        </Space>
      ),
    },
    {
      title: w("distance"),
      dataIndex: "distance",
      width: 90,
      render: (d: number | null) =>
        d === null ? t("common.none") : d < 1000 ? `${d} 米` : `${(d / 1000).toFixed(1)} 公里`,
    },
  ];
  return (
    <Modal
      open={open}
      title={w("title")}
      width={900}
      okText={w("notify")}
      okButtonProps={{ danger: true, disabled: picked.length === 0 }}
      confirmLoading={call.isPending}
      onCancel={onClose}
      onOk={() => (picked.length ? call.mutate() : void message.warning(w("none")))}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Space wrap size={12}>
          <Input.Search
            allowClear
            placeholder={w("skillHint")}
            style={{ width: 220 }}
            onSearch={(v) => {
              setSkill(v.trim() || undefined);
              setPage(1);
            }}
            aria-label={w("skill")}
          />
          <TerritoryPicker
            value={underId}
            onChange={(v) => {
              setUnderId(v);
              setPage(1);
            }}
          />
          <Checkbox checked={available} onChange={(e) => setAvailable(e.target.checked)}>
            {w("available")}
          </Checkbox>
        </Space>
        <Table<Candidate>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={result.data?.items}
          loading={result.isFetching}
          rowSelection={{
            selectedRowKeys: picked.map((p) => p.id),
            preserveSelectedRowKeys: true,
            getCheckboxProps: (c) => ({ disabled: c.called }),
            onChange: (_keys, rows) => {
              const next = rows.filter(Boolean);
              setPicked(next);
              if (leaderId && !next.some((p) => p.id === leaderId)) setLeaderId(undefined);
            },
          }}
          onRow={(c) => ({ "data-testid": "candidate-row", "data-phone": c.phone }) as object}
          locale={{ emptyText: w("empty") }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: result.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
        <Space>
          <span>{w("leader")}</span>
          <Select
            allowClear
            style={{ width: 200 }}
            value={leaderId}
            onChange={setLeaderId}
            options={picked.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Space>
      </Space>
    </Modal>
  );
}
