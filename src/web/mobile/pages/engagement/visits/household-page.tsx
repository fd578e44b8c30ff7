import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Button, Dialog, ErrorBlock, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { api } from "../../../../common/api.ts";
import { MoreButton } from "../../../more-button.tsx";
import { PageBar, Section } from "../../../page-bar.tsx";
import { PhotoStrip } from "../../cases/photos.tsx";
import { Loading } from "../../status.tsx";
import { VisitedTag } from "./households-page.tsx";
import { useProblemToCase, VISITS_KEY, type Visit } from "./visit-data.ts";

const PAGE_SIZE = 10;

/** One of my households: 记走访, and what I wrote on each visit, problems with their cases. */
export function HouseholdVisitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const homes = useQuery({
    queryKey: [...VISITS_KEY, "households"],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/my-households", { signal }),
  });
  const home = homes.data?.items.find((h) => h.householdId === id);
  const history = useInfiniteQuery({
    queryKey: [...VISITS_KEY, "history", id],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/engagement/visits", {
        query: { mine: true, householdId: id, page: pageParam, pageSize: PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const visits = history.data?.pages.flatMap((p) => p.items) ?? [];
  const error = homes.error ?? history.error;
  return (
    <>
      <PageBar title={t("engagementVisits.mobile.history")} back="/engagement/households" />
      {error ? (
        <ErrorBlock status="disconnected" title={error.message} description="" />
      ) : !home || !history.data ? (
        <Loading />
      ) : (
        <>
          <div style={{ padding: 16, background: "#fff" }}>
            <div style={{ fontSize: 20, fontWeight: 600, marginBottom: 8 }}>{home.address}</div>
            <VisitedTag visited={home.visitedThisQuarter} />
            <Button
              block
              color="primary"
              size="large"
              style={{ marginTop: 16, height: 52, fontSize: 19 }}
              onClick={() => navigate(`/engagement/households/${id}/visit`)}
            >
              {t("engagementVisits.mobile.logVisit")}
            </Button>
          </div>
          {visits.length === 0 ? (
            <ErrorBlock status="empty" title={t("engagementVisits.mobile.noHistory")} description="" />
          ) : (
            visits.map((v) => <VisitCard key={v.id} v={v} />)
          )}
          <MoreButton list={history} />
        </>
      )}
    </>
  );
}

function VisitCard({ v }: { v: Visit }) {
  const { t, i18n } = useTranslation();
  return (
    <Section
      title={new Date(v.visitedAt).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" })}
    >
      <div style={{ padding: "0 16px 14px" }}>
        <div style={{ fontSize: 17, lineHeight: 1.6, whiteSpace: "pre-wrap" }}>{v.note}</div>
        <PhotoStrip photos={v.photos} />
        {v.problems.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <div style={{ fontSize: 16, fontWeight: 600 }}>{t("engagementVisits.mobile.problems")}</div>
            {v.problems.map((p) => (
              <Problem key={p.index} visitId={v.id} p={p} />
            ))}
          </div>
        )}
      </div>
    </Section>
  );
}

/** A problem, and its case: the code once made, else the button that makes it. */
function Problem({ visitId, p }: { visitId: string; p: Visit["problems"][number] }) {
  const { t } = useTranslation();
  const toCase = useProblemToCase();
  const make = async () => {
    if (!(await Dialog.confirm({ content: t("engagementVisits.mobile.confirmCase") }))) return;
    toCase.mutate(
      { visitId, index: p.index },
      {
        onSuccess: (made) =>
          Toast.show({
            icon: "success",
            content: t("engagementVisits.mobile.caseMade", { code: made.caseCode }),
          }),
        onError: (err) => Toast.show({ icon: "fail", content: err.message }),
      },
    );
  };
  return (
    <div
      data-testid="visit-problem"
      style={{
        display: "flex",
        alignItems: "center",
        gap: 8,
        padding: "8px 0",
        borderBottom: "1px solid #f0f0f0",
      }}
    >
      <span style={{ flex: 1, fontSize: 17 }}>{p.text}</span>
      {p.caseCode ? (
        <span style={{ fontSize: 16, color: "var(--adm-color-success)" }} data-testid="case-code">
          {t("engagementVisits.mobile.caseCode", { code: p.caseCode })}
        </span>
      ) : (
        <Button size="small" color="primary" fill="outline" loading={toCase.isPending} onClick={make}>
          {t("engagementVisits.mobile.toCase")}
        </Button>
      )}
    </div>
  );
}
