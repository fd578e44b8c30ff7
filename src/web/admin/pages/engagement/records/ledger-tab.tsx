import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Empty, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { api, apiUrl } from "../../../../common/api.ts";
import { currentLanguage } from "../../../../common/i18n.ts";
import { LoadFailed } from "../../status.tsx";
import { type LedgerRow, RECORD_KINDS, RECORDS_KEY } from "./data.ts";
import { type UnitQuarter, UnitQuarterPicker } from "./unit-quarter.tsx";

/** The ledger of a unit for a quarter, as the query asks for it (shared with the cards tab). */
export function useLedger(v: UnitQuarter) {
  const query = v.unitId ? { unitId: v.unitId, year: v.year, quarter: v.quarter } : undefined;
  return useQuery({
    queryKey: [...RECORDS_KEY, "ledger", query],
    queryFn: ({ signal }) =>
      api.get("/api/v1/engagement/ledger", { query: query as NonNullable<typeof query>, signal }),
    enabled: !!query,
  });
}

/** 单位台账: per member of the unit, the quarter's approved services by kind, hours, 六个一 done. */
export function LedgerTab({ value, onChange }: { value: UnitQuarter; onChange: (v: UnitQuarter) => void }) {
  const { t } = useTranslation();
  const ledger = useLedger(value);
  const columns: TableColumnsType<LedgerRow> = [
    { title: t("engagementRecords.columns.member"), dataIndex: "memberName", width: 90, fixed: "left" },
    { title: t("engagementRecords.columns.services"), dataIndex: "services", width: 90 },
    ...RECORD_KINDS.map((k) => ({
      title: t(`engagementRecords.kind.${k}`),
      key: k,
      width: 96,
      render: (_: unknown, r: LedgerRow) => r.byKind[k] ?? 0,
    })),
    { title: t("engagementRecords.columns.hours"), dataIndex: "hours", width: 100 },
    {
      title: t("engagementRecords.columns.sixOnes"),
      dataIndex: "sixOnesDone",
      width: 100,
      render: (n: number) => `${n}/6`,
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <UnitQuarterPicker value={value} onChange={onChange} />
        {value.unitId && (
          <Button
            icon={<DownloadOutlined />}
            download
            href={apiUrl("/api/v1/engagement/ledger", {
              unitId: value.unitId,
              year: value.year,
              quarter: value.quarter,
              format: "xlsx",
              lang: currentLanguage(),
            })}
          >
            {t("export.excel")}
          </Button>
        )}
      </Space>
      {ledger.error && <LoadFailed error={ledger.error} retry={() => void ledger.refetch()} />}
      <Table<LedgerRow>
        rowKey="memberId"
        size="middle"
        columns={columns}
        dataSource={ledger.data?.items}
        loading={ledger.isFetching}
        scroll={{ x: 1100 }}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(value.unitId ? "engagementRecords.emptyLedger" : "engagementRecords.pickUnit")}
            />
          ),
        }}
      />
    </Space>
  );
}
