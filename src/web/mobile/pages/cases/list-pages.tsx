import { Button } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { CASE_STATUSES } from "../../../../shared/flows/cases.ts";
import { api } from "../../../common/api.ts";
import { FilterChip } from "../../filter-chip.tsx";
import { PageBar } from "../../page-bar.tsx";
import { PagedCases } from "./case-list.tsx";

/** 我的诉求: what I reported, newest first, each with where it stands; `?status=resolved`: those to rate. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = CASE_STATUSES.find((s) => s === params.get("status"));
  return (
    <>
      <PageBar title={t("nav.myCases")} back="/" />
      <FilterChip label={status && t(`cases.status.${status}`)} />
      <PagedCases
        id={["mine", status ?? "all"]}
        show="submitted"
        empty={t("casesMobile.list.mineEmpty")}
        fetchPage={(page, pageSize, signal) =>
          api.get("/api/v1/cases/mine", {
            query: { page, pageSize, status: status ? [status] : undefined },
            signal,
          })
        }
      />
      <div style={{ padding: 16 }}>
        <Button block size="large" color="primary" fill="outline" onClick={() => navigate("/cases/new")}>
          {t("nav.submitCase")}
        </Button>
      </div>
    </>
  );
}

/**
 * 网格待办, in two parts: 待我办理, the open cases he holds himself (the overdue ones first under
 * their own red heading, then the rest by deadline), each with a step for him to take; then
 * 跟踪中, the cases of his area the community, the street or a department holds, saying who.
 */
export function GridInboxPage() {
  const { t } = useTranslation();
  const list =
    (query: { holder: "me" | "others"; overdue?: boolean }) =>
    (page: number, pageSize: number, signal: AbortSignal) =>
      api.get("/api/v1/cases", {
        // The overdue ones longest overdue first (the server's order for them); the rest by deadline.
        query: {
          open: true,
          ...(query.overdue ? {} : { sort: "resolveDueAt" as const }),
          ...query,
          page,
          pageSize,
        },
        signal,
      });
  return (
    <>
      <PageBar title={t("nav.gridInbox")} back="/" />
      <PagedCases
        id={["inbox", "mine", "overdue"]}
        show="deadline"
        title={t("caseWork.inbox.mineOverdue")}
        fetchPage={list({ holder: "me", overdue: true })}
      />
      <PagedCases
        id={["inbox", "mine", "due"]}
        show="deadline"
        title={t("caseWork.inbox.mine")}
        empty={t("caseWork.inbox.mineEmpty")}
        fetchPage={list({ holder: "me", overdue: false })}
      />
      <PagedCases
        id={["inbox", "following"]}
        show="deadline"
        holder
        title={t("caseWork.inbox.following")}
        empty={t("caseWork.inbox.followingEmpty")}
        fetchPage={list({ holder: "others" })}
      />
    </>
  );
}
