import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorBlock, List } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { MoreButton } from "../../more-button.tsx";
import { Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { CASES_KEY, type CaseItem, useCategoryName } from "./case-data.ts";
import { OverdueTag, StatusTag, useFormatTime } from "./case-labels.tsx";

const PAGE_SIZE = 20;

/**
 * Cases as large tappable rows: kind and status first, what happened, then the code and either
 * when it was submitted (the reporter's list) or its deadline and place (the handlers' lists).
 */
export function CaseCards({ items, show }: { items: CaseItem[]; show: "submitted" | "deadline" }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const time = useFormatTime();
  return (
    <List>
      {items.map((c) => (
        <List.Item key={c.id} arrow onClick={() => navigate(`/cases/${c.code}`)} data-testid="case-item">
          <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
            <span style={{ fontSize: 18, fontWeight: 600 }}>
              {categoryName(c.categoryCode, c.categoryName)}
            </span>
            <StatusTag status={c.status} />
            <OverdueTag overdue={c.overdue} />
          </div>
          <div
            style={{
              fontSize: 17,
              margin: "4px 0",
              display: "-webkit-box",
              WebkitLineClamp: 2,
              WebkitBoxOrient: "vertical",
              overflow: "hidden",
            }}
          >
            {c.description}
          </div>
          <div style={{ fontSize: 15, color: "var(--adm-color-text-secondary)" }}>
            <span style={{ fontFamily: "monospace" }}>{c.code}</span>
            {show === "submitted" ? (
              <> · {t("casesMobile.list.submittedAt", { time: time(c.createdAt) })}</>
            ) : (
              <>
                {(c.gridName || c.address) && <> · {c.address ?? c.gridName}</>}
                <div
                  style={{
                    color: c.overdue ? "var(--adm-color-danger)" : undefined,
                    fontWeight: c.overdue ? 600 : 400,
                  }}
                >
                  {t("casesMobile.list.deadline", { time: time(c.resolveDueAt) })}
                </div>
              </>
            )}
          </div>
        </List.Item>
      ))}
    </List>
  );
}

type Page = { items: CaseItem[]; total: number };

/**
 * A paged list of cases (twenty at a time, "load more" below), titled or not. Empty, it says
 * `empty`, or without that is left out altogether.
 */
export function PagedCases({
  id,
  fetchPage,
  show,
  title,
  empty,
}: {
  /** What makes this list's query key unique among the case lists. */
  id: readonly unknown[];
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page>;
  show: "submitted" | "deadline";
  title?: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  const cases = useInfiniteQuery({
    queryKey: [...CASES_KEY, "list", ...id],
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, PAGE_SIZE, signal),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  if (cases.error) return <ErrorBlock status="disconnected" title={cases.error.message} description="" />;
  if (!cases.data) return <Loading />;
  const items = cases.data.pages.flatMap((p) => p.items);
  const total = cases.data.pages[0]?.total ?? 0;
  if (items.length === 0 && !empty) return null;
  const list = (
    <>
      {items.length === 0 ? (
        <ErrorBlock status="empty" title={empty} description="" style={{ padding: "24px 0" }} />
      ) : (
        <CaseCards items={items} show={show} />
      )}
      <MoreButton list={cases} />
    </>
  );
  return title ? (
    <Section title={title} extra={t("casesMobile.list.total", { count: total })}>
      {list}
    </Section>
  ) : (
    list
  );
}
