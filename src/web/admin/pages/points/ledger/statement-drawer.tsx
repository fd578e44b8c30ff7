import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Descriptions, Drawer, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { currentLanguage } from "../../../../common/i18n.ts";
import { LoadFailed } from "../../status.tsx";

const chinaMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** A holder's month as he sees it on his phone: opening, each posting with the balance after, closing. */
export function StatementDrawer({
  account,
  onClose,
}: {
  account: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(chinaMonth());
  const statement = useQuery({
    queryKey: ["points", "accounts", account.id, "statement", month],
    queryFn: ({ signal }) =>
      api.get("/api/v1/points/accounts/{accountId}/statement", {
        path: { accountId: account.id },
        query: { month },
        signal,
      }),
  });
  const s = statement.data;
  const months = [...new Set([chinaMonth(), ...(s?.months ?? [])])].sort().reverse();
  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={t("pointsLedger.admin.statementOf", { name: account.name })}
      extra={
        <Space>
          <Select
            style={{ width: 120 }}
            value={month}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: m }))}
          />
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/points/accounts/${account.id}/statement.xlsx?${new URLSearchParams({
              month,
              lang: currentLanguage(),
            })}`}
          >
            {t("pointsLedger.statement.export")}
          </Button>
        </Space>
      }
    >
      {statement.error && <LoadFailed error={statement.error} retry={() => void statement.refetch()} />}
      {s && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("pointsLedger.statement.opening")}>{s.opening}</Descriptions.Item>
            <Descriptions.Item label={t("pointsLedger.statement.closing")}>{s.closing}</Descriptions.Item>
            <Descriptions.Item label={t("pointsLedger.statement.added")}>+{s.added}</Descriptions.Item>
            <Descriptions.Item label={t("pointsLedger.statement.deducted")}>−{s.deducted}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.items}
            locale={{ emptyText: t("pointsLedger.statement.empty") }}
            columns={[
              { title: t("pointsLedger.statement.date"), dataIndex: "date", width: 110 },
              {
                title: t("pointsLedger.statement.what"),
                dataIndex: "what",
                render: (what: string, r) => what || t(`pointsLedger.postingKinds.${r.kind}`),
              },
              {
                title: t("pointsLedger.sheet.amount"),
                dataIndex: "amount",
                width: 80,
                align: "right",
                render: (a: number) => (
                  <span style={{ color: a > 0 ? "#389e0d" : "#cf1322" }}>{a > 0 ? `+${a}` : `−${-a}`}</span>
                ),
              },
              {
                title: t("pointsLedger.statement.balance"),
                dataIndex: "balanceAfter",
                width: 80,
                align: "right",
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
