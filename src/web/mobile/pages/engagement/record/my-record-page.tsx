import { useQuery } from "@tanstack/react-query";
import { ErrorBlock, List, ProgressBar, Tag } from "antd-mobile";
import { CheckCircleFill } from "antd-mobile-icons";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { PageBar, Section } from "../../../page-bar.tsx";
import { Loading } from "../../status.tsx";
import { EntryForm } from "./entry-form.tsx";
import { chinaToday, type MyRecord, quarterKey, RECORD_KEY } from "./record-data.ts";
import { SuggestionBox } from "./suggestion-box.tsx";

const STATUS_COLOR = { pending: "warning", approved: "success", rejected: "danger" } as const;
const BIG = { fontSize: 17 };

/**
 * 我的纪实: my services by quarter (this one first) with hours, this year's 六个一, the 补录 form
 * (an entry shows 待审核 until the community approves it), and my suggestions with answers.
 */
export function MyRecordPage() {
  const { t } = useTranslation();
  const records = useQuery({
    queryKey: [...RECORD_KEY, "records"],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/me/records", { query: { pageSize: 200 }, signal }),
  });
  return (
    <>
      <PageBar title={t("engagementRecords.mobileTitle")} back="/" />
      {records.error ? (
        <ErrorBlock status="empty" title={t("engagementRecords.mobile.notMember")} description="" />
      ) : !records.data ? (
        <Loading />
      ) : (
        <>
          <SixOnes />
          <Quarters items={records.data.items} />
          <EntryForm />
          <SuggestionBox />
        </>
      )}
    </>
  );
}

function SixOnes() {
  const { t } = useTranslation();
  const six = useQuery({
    queryKey: [...RECORD_KEY, "six-ones"],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/six-ones", { query: {}, signal }),
  });
  if (!six.data) return null;
  const d = six.data;
  return (
    <Section
      title={t("engagementRecords.mobile.sixOnes", { year: String(d.year) })}
      extra={
        <span data-testid="six-ones-progress">
          {t("engagementRecords.mobile.progress", { done: String(d.done) })}
        </span>
      }
    >
      <div style={{ padding: "0 16px 8px" }}>
        <ProgressBar percent={(d.done / 6) * 100} />
      </div>
      <List>
        {d.items.map((i) => (
          <List.Item
            key={i.item}
            extra={i.done ? <CheckCircleFill color="var(--adm-color-success)" fontSize={20} /> : null}
            description={i.doneOn ?? undefined}
          >
            <span style={BIG}>{t(`engagementRecords.sixOne.${i.item}`)}</span>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

function Quarters({ items }: { items: MyRecord[] }) {
  const { t } = useTranslation();
  const current = quarterKey(chinaToday());
  const groups = new Map<string, MyRecord[]>([[current, []]]);
  for (const r of items) {
    const key = quarterKey(r.servedOn);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return (
    <>
      {[...groups.entries()].map(([key, rows]) => {
        const [year, quarter] = key.split("-");
        const counted = rows.filter((r) => r.status === "approved");
        const hours = counted.reduce((sum, r) => sum + (r.hours ?? 0), 0);
        return (
          <Section
            key={key}
            title={
              key === current
                ? t("engagementRecords.mobile.thisQuarter")
                : t("engagementRecords.quarterLabel", { year: year ?? "", quarter: quarter ?? "" })
            }
            extra={t("engagementRecords.mobile.hoursTotal", {
              n: String(counted.length),
              hours: String(Math.round(hours * 10) / 10),
            })}
          >
            {rows.length === 0 ? (
              <div style={{ padding: "4px 16px 14px", color: "#999" }}>
                {t("engagementRecords.mobile.noRecords")}
              </div>
            ) : (
              <List>
                {rows.map((r) => (
                  <List.Item
                    key={r.id}
                    data-testid="my-record"
                    description={`${r.servedOn} · ${t(`engagementRecords.kind.${r.kind}`)}${
                      r.hours ? ` · ${r.hours} 小时` : ""
                    }${r.rejectReason ? ` · ${r.rejectReason}` : ""}`}
                    extra={
                      <Tag color={STATUS_COLOR[r.status]}>{t(`engagementRecords.status.${r.status}`)}</Tag>
                    }
                  >
                    <span style={BIG}>{r.title}</span>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        );
      })}
    </>
  );
}
