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
 * 网格待办: the open cases of the worker's grid (the server scopes the list), the overdue ones
 * first under their own red heading, then the rest by deadline.
 */
export function GridInboxPage() {
  const { t } = useTranslation();
  const open = (overdue: boolean) => (page: number, pageSize: number, signal: AbortSignal) =>
    api.get("/api/v1/cases", {
      query: { open: true, overdue, sort: "resolveDueAt", page, pageSize },
      signal,
    });
  return (
    <>
      <PageBar title={t("nav.gridInbox")} back="/" />
      <PagedCases
        id={["inbox", "overdue"]}
        show="deadline"
        title={t("casesMobile.list.overdue")}
        fetchPage={open(true)}
      />
      <PagedCases
        id={["inbox", "due"]}
        show="deadline"
        title={t("casesMobile.list.due")}
        empty={t("casesMobile.list.inboxEmpty")}
        fetchPage={open(false)}
      />
    </>
  );
}
