import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorBlock, List } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { deadlineWords, holderText, lateLabel } from "../../../common/case-deadline.ts";
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
export function CaseCards({
  items,
  show,
  holder = false,
}: {
  items: CaseItem[];
  show: "submitted" | "deadline";
  /** Say who holds each case (社区办理中 · 红旗社区): the cases followed, not one's own. */
  holder?: boolean;
}) {
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
            <OverdueTag overdue={c.overdue} label={lateLabel(t, c)} />
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
                {holder && c.holder && <div data-testid="case-holder">{holderText(t, c.holder)}</div>}
                <DeadlineLine c={c} />
              </>
            )}
          </div>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * The deadline the case runs against now, named (响应 or 办结) with its time: "响应已超时 2 小时 ·
 * 12月7日 10:00", red once passed; a case no longer open shows its resolution deadline plainly.
 */
function DeadlineLine({ c }: { c: CaseItem }) {
  const { t } = useTranslation();
  const time = useFormatTime();
  const d = deadlineWords(t, c);
  if (!d) return <div>{t("casesMobile.list.deadline", { time: time(c.resolveDueAt) })}</div>;
  return (
    <div
      style={{ color: d.late ? "var(--adm-color-danger)" : undefined, fontWeight: d.late ? 600 : 400 }}
      data-testid="case-deadline"
    >
      {d.text} · {time(new Date(d.dueAt).toISOString())}
    </div>
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
  holder,
}: {
  /** What makes this list's query key unique among the case lists. */
  id: readonly unknown[];
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page>;
  show: "submitted" | "deadline";
  holder?: boolean;
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
        <CaseCards items={items} show={show} holder={holder} />
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
