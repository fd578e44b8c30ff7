import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { LoadFailed } from "../../status.tsx";

const n = (v: number) => v.toLocaleString("zh-CN");

/**
 * 账目核对: the server sums every posting of the district and compares with the balances; the
 * card says it in words ("账目平衡：发放 12,345 分 = 居民手中 10,000 + 已兑换 2,345") and lists the
 * accounts that do not match, if any.
 */
export function CheckCard() {
  const { t } = useTranslation();
  const check = useQuery({
    queryKey: ["points", "ledger", "check"],
    queryFn: ({ signal }) => api.get("/api/v1/points/ledger/check", { signal }),
  });
  const c = check.data;
  return (
    <Card
      title={t("pointsLedger.admin.checkTitle")}
      extra={
        <Button icon={<ReloadOutlined />} loading={check.isFetching} onClick={() => void check.refetch()}>
          {t("pointsLedger.admin.recheck")}
        </Button>
      }
    >
      {check.error && <LoadFailed error={check.error} retry={() => void check.refetch()} />}
      {c && (
        <>
          <Alert
            data-testid="ledger-check"
            type={c.ok ? "success" : "error"}
            showIcon
            icon={c.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
            message={
              <span style={{ fontSize: 16 }}>
                {c.sumOfBalances === 0
                  ? t("pointsLedger.admin.balanced", {
                      issued: n(c.issued),
                      held: n(c.held),
                      spent: n(c.spent),
                    })
                  : t("pointsLedger.admin.unbalanced", { sum: n(c.sumOfBalances) })}
                {c.mismatched > 0 && `；${t("pointsLedger.admin.mismatched", { count: c.mismatched })}`}
              </span>
            }
            description={
              <Typography.Text type="secondary">
                {t("pointsLedger.admin.counts", { postings: n(c.postings), accounts: n(c.accounts) })}
              </Typography.Text>
            }
          />
          {c.accountsWrong.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.accountsWrong}
              columns={[
                {
                  title: t("pointsLedger.sheet.name"),
                  dataIndex: "name",
                  render: (name: string, r) => name || t(`pointsLedger.accountKinds.${r.kind}`),
                },
                {
                  title: t("pointsLedger.sheet.kind"),
                  dataIndex: "audience",
                  render: (a: "resident" | "member" | "merchant") => t(`pointsLedger.kinds.${a}`),
                },
                { title: t("pointsLedger.admin.storedBalance"), dataIndex: "balance", align: "right" },
                { title: t("pointsLedger.admin.fromPostings"), dataIndex: "fromPostings", align: "right" },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
