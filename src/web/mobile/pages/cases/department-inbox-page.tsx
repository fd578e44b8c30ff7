import { useQuery } from "@tanstack/react-query";
import { Button, Dialog, ErrorBlock, Tag, Toast } from "antd-mobile";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { CASES_KEY, casesIn, useWhistleStep, WHISTLES_KEY, type Whistle } from "./case-data.ts";
import { OverdueTag, useFormatTime } from "./case-labels.tsx";
import { CaseCards } from "./case-list.tsx";
import { NoteSheet } from "./note-sheet.tsx";

/** The whistles still to act on: to accept (报到), then to report back on; earliest deadline first. */
async function openWhistles(signal: AbortSignal): Promise<Whistle[]> {
  const pages = await Promise.all(
    (["pending", "accepted"] as const).map((status) =>
      api.get("/api/v1/whistles", { query: { status, pageSize: 200 }, signal }),
    ),
  );
  return pages.flatMap((p) => p.items).sort((a, b) => a.deadline.localeCompare(b.deadline));
}

function WhistleCard({ w, onReport }: { w: Whistle; onReport: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const time = useFormatTime();
  const step = useWhistleStep();
  const accept = async () => {
    const ok = await Dialog.confirm({
      content: (
        <div style={{ fontSize: 18, textAlign: "center" }}>{t("casesMobile.whistles.confirmAccept")}</div>
      ),
      confirmText: t("casesMobile.whistles.accept"),
      cancelText: t("user.cancel"),
    });
    if (!ok) return;
    step.mutate(
      { id: w.id, step: "accept" },
      {
        onSuccess: () => Toast.show({ icon: "success", content: t("casesMobile.whistles.accepted") }),
        onError: (err) => Toast.show({ icon: "fail", content: err.message, duration: 4000 }),
      },
    );
  };
  return (
    <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }} data-testid="whistle-item">
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <Tag color="primary" fill="outline" style={{ fontSize: 15 }}>
          {t(`cases.whistleStatus.${w.status}`)}
        </Tag>
        <OverdueTag overdue={w.overdue} />
        <button
          type="button"
          onClick={() => navigate(`/cases/${w.caseCode}`)}
          style={{
            border: 0,
            background: "none",
            padding: 0,
            fontSize: 16,
            fontFamily: "monospace",
            color: "#1668dc",
          }}
        >
          {w.caseCode}
        </button>
      </div>
      <div style={{ fontSize: 18, fontWeight: 600, margin: "6px 0 2px" }}>{w.request}</div>
      <div style={{ fontSize: 16 }}>{w.description}</div>
      {w.address && <div style={{ fontSize: 15, color: "var(--adm-color-text-secondary)" }}>{w.address}</div>}
      <div
        style={{
          fontSize: 16,
          color: w.overdue ? "var(--adm-color-danger)" : "var(--adm-color-text-secondary)",
        }}
      >
        {t("casesMobile.whistles.deadline", { time: time(w.deadline) })}
      </div>
      <Button
        block
        color="primary"
        size="large"
        loading={step.isPending}
        onClick={w.status === "pending" ? () => void accept() : onReport}
        style={{ height: 52, marginTop: 10 }}
      >
        {w.status === "pending" ? t("casesMobile.whistles.accept") : t("casesMobile.whistles.report")}
      </Button>
    </div>
  );
}

/** 部门待办: the community's whistles to the department, and the cases the street assigned to it. */
export function DepartmentInboxPage() {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState<Whistle | null>(null);
  const report = useWhistleStep();
  const whistles = useQuery({
    queryKey: [...WHISTLES_KEY, "open"],
    queryFn: ({ signal }) => openWhistles(signal),
  });
  const assigned = useQuery({
    queryKey: [...CASES_KEY, "department"],
    queryFn: ({ signal }) => casesIn(["departmentClaim", "departmentHandling"], signal),
  });

  const section = <T,>(
    q: { error: Error | null; data: T[] | undefined },
    empty: string,
    render: (items: T[]) => ReactNode,
  ) => {
    if (q.error) return <ErrorBlock status="disconnected" title={q.error.message} description="" />;
    if (!q.data) return <Loading />;
    if (q.data.length === 0)
      return <ErrorBlock status="empty" title={empty} description="" style={{ padding: "16px 0" }} />;
    return render(q.data);
  };

  return (
    <>
      <PageBar title={t("nav.departmentInbox")} back="/" />
      <Section
        title={t("casesMobile.whistles.title")}
        extra={whistles.data && t("casesMobile.list.total", { count: whistles.data.length })}
      >
        {section(whistles, t("casesMobile.whistles.empty"), (items) =>
          items.map((w) => <WhistleCard key={w.id} w={w} onReport={() => setReporting(w)} />),
        )}
      </Section>
      <Section
        title={t("casesMobile.list.assigned")}
        extra={assigned.data && t("casesMobile.list.total", { count: assigned.data.length })}
      >
        {section(assigned, t("casesMobile.list.assignedEmpty"), (items) => (
          <CaseCards items={items} show="deadline" />
        ))}
      </Section>
      {reporting && (
        <NoteSheet
          open
          title={t("casesMobile.whistles.report")}
          label={t("casesMobile.whistles.reportNote")}
          placeholder={t("casesMobile.whistles.reportPlaceholder")}
          withPhotos
          pending={report.isPending}
          error={report.error?.message}
          onSubmit={(note, photos) =>
            report.mutate(
              { id: reporting.id, step: "report", note, photos },
              {
                onSuccess: () => {
                  setReporting(null);
                  Toast.show({ icon: "success", content: t("casesMobile.whistles.reported") });
                },
              },
            )
          }
          onClose={() => {
            report.reset();
            setReporting(null);
          }}
        />
      )}
    </>
  );
}
