import { useQuery } from "@tanstack/react-query";
import { Button, ErrorBlock, List, Selector, Tabs } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api, apiUrl } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";

type Audience = "resident" | "member" | "merchant";

/** This month in China, 2026-12 (the phone may sit in another zone). */
const chinaMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** 积分明细: a month's opening balance, each posting with the balance after it, the closing balance. */
export function StatementPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useQuery({
    queryKey: ["points", "me"],
    queryFn: ({ signal }) => api.get("/api/v1/points/me", { signal }),
  });
  const audiences = (me.data?.items ?? []).map((h) => h.audience);
  const audience = (params.get("audience") as Audience | null) ?? audiences[0];
  const month = params.get("month") ?? chinaMonth();
  const statement = useQuery({
    queryKey: ["points", "statement", audience, month],
    enabled: !!audience,
    queryFn: ({ signal }) => api.get("/api/v1/points/me/statement", { query: { audience, month }, signal }),
  });
  const set = (next: Record<string, string>) => setParams({ audience: audience ?? "", month, ...next });
  const s = statement.data;
  const months = [...new Set([chinaMonth(), ...(s?.months ?? [])])].sort().reverse();
  return (
    <>
      <PageBar title={t("pointsLedger.statement.title")} back="/points" />
      {audiences.length > 1 && (
        <Tabs activeKey={audience} onChange={(key) => set({ audience: key })}>
          {audiences.map((a) => (
            <Tabs.Tab key={a} title={t(`pointsLedger.kinds.${a}`)} />
          ))}
        </Tabs>
      )}
      {me.data && audiences.length === 0 ? (
        <ErrorBlock status="empty" title={t("pointsLedger.me.none")} description="" />
      ) : statement.error ? (
        <ErrorBlock status="default" title={statement.error.message} description="" />
      ) : !s ? (
        <Loading />
      ) : (
        <>
          <Section title={t("pointsLedger.statement.month")}>
            <div style={{ padding: "0 16px 12px", overflowX: "auto" }}>
              <Selector
                columns={3}
                value={[month]}
                options={months
                  .slice(0, 12)
                  .map((m) => ({ value: m, label: `${m.slice(0, 4)}年${Number(m.slice(5))}月` }))}
                onChange={(v) => v[0] && set({ month: v[0] })}
              />
            </div>
          </Section>
          <Section title={`${Number(month.slice(5))}月`}>
            <List>
              <List.Item extra={<b style={{ fontSize: 18 }}>{s.opening}</b>}>
                <span style={{ fontSize: 17 }}>{t("pointsLedger.statement.opening")}</span>
              </List.Item>
              {s.items.length === 0 && (
                <List.Item>
                  <span style={{ color: "#999" }}>{t("pointsLedger.statement.empty")}</span>
                </List.Item>
              )}
              {s.items.map((l) => (
                <List.Item
                  key={l.id}
                  data-testid="statement-line"
                  description={`${l.date} · ${t("pointsLedger.statement.balanceAfter", { balance: l.balanceAfter })}`}
                  extra={
                    <span
                      style={{ fontSize: 20, fontWeight: 600, color: l.amount > 0 ? "#389e0d" : "#cf1322" }}
                    >
                      {l.amount > 0 ? `+${l.amount}` : `−${-l.amount}`}
                    </span>
                  }
                >
                  <span style={{ fontSize: 17 }}>{l.what || t(`pointsLedger.postingKinds.${l.kind}`)}</span>
                </List.Item>
              ))}
              <List.Item extra={<b style={{ fontSize: 18 }}>{s.closing}</b>}>
                <span style={{ fontSize: 17 }}>{t("pointsLedger.statement.closing")}</span>
              </List.Item>
            </List>
            <div style={{ padding: 16 }}>
              <Button
                block
                size="large"
                onClick={() => {
                  window.location.href = apiUrl("/api/v1/points/me/statement.xlsx", { audience, month });
                }}
              >
                {t("pointsLedger.statement.export")}
              </Button>
            </div>
          </Section>
        </>
      )}
    </>
  );
}
