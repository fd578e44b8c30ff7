import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ErrorBlock, List } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { todayInChina } from "../../../../common/china-day.ts";
import { MoreButton } from "../../../more-button.tsx";
import { PageBar, Section } from "../../../page-bar.tsx";
import { Loading } from "../../status.tsx";
import { MemberItem } from "./member-item.tsx";
import { cardUrl, chinaQuarter, UNIT_KEY } from "./unit-data.ts";

const PAGE_SIZE = 20;
const ROTA_DAYS = 8;
const BIG = { fontSize: 17 } as const;

/**
 * 本单位, for a paired unit's staff: his in-service members and their report-in (开具介绍信 for
 * those not reported in), the unit's coming Saturdays, and this quarter's cards from the community.
 */
export function UnitPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageBar title={t("engagementUnits.phone.title")} back="/" />
      <Members />
      <Rota />
      <Cards />
    </>
  );
}

function Empty({ text }: { text: string }) {
  return <ErrorBlock status="empty" title={text} description="" style={{ padding: "20px 0" }} />;
}

function Failed({ error }: { error: Error }) {
  return <ErrorBlock status="disconnected" title={error.message} description="" />;
}

function Members() {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: [...UNIT_KEY, "members"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/engagement/progress", { query: { page: pageParam, pageSize: PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  return (
    <Section
      title={t("engagementUnits.phone.members")}
      extra={total !== undefined && t("engagementUnits.phone.summary", { total: String(total) })}
    >
      {list.error ? (
        <Failed error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty text={t("engagementUnits.phone.noMembers")} />
      ) : (
        <>
          <List>
            {items.map((m) => (
              <MemberItem key={m.member.id} m={m} />
            ))}
          </List>
          <MoreButton list={list} />
        </>
      )}
    </Section>
  );
}

/** 周六报到安排: the unit's Saturdays from today on, and the community it goes to. */
function Rota() {
  const { t, i18n } = useTranslation();
  const from = todayInChina(new Date());
  const rota = useQuery({
    queryKey: [...UNIT_KEY, "rota", from],
    queryFn: ({ signal }) =>
      api.get("/api/v1/engagement/rota", { query: { from, pageSize: ROTA_DAYS }, signal }),
  });
  const day = (d: string) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString(i18n.language, {
      timeZone: "UTC",
      month: "long",
      day: "numeric",
      weekday: "short",
    });
  const items = rota.data?.items ?? [];
  return (
    <Section title={t("engagementUnits.phone.rota")}>
      {rota.error ? (
        <Failed error={rota.error} />
      ) : !rota.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty text={t("engagementUnits.phone.noRota")} />
      ) : (
        <List>
          {items.map((r) => (
            <List.Item key={`${r.day}-${r.pairingId}`} extra={<span style={BIG}>{r.community.name}</span>}>
              <span style={BIG} data-testid="rota-day">
                {day(r.day)}
              </span>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

/** 反馈卡: the cards the community has sent the unit this quarter, each a PDF to open. */
function Cards() {
  const { t } = useTranslation();
  const { year, quarter } = chinaQuarter();
  const cards = useQuery({
    queryKey: [...UNIT_KEY, "cards", year, quarter],
    queryFn: ({ signal }) =>
      api.get("/api/v1/engagement/feedback-cards", { query: { year, quarter }, signal }),
  });
  // A card still being written is the community's own: the unit reads those sent.
  const items = cards.data?.items.filter((c) => c.sentAt) ?? [];
  return (
    <Section title={t("engagementUnits.phone.cards", { year: String(year), quarter: String(quarter) })}>
      {cards.error ? (
        <Failed error={cards.error} />
      ) : !cards.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty text={t("engagementUnits.phone.noCards")} />
      ) : (
        <List>
          {items.map((c) => (
            <List.Item
              key={c.id}
              description={<span style={{ fontSize: 16 }}>{c.comment}</span>}
              extra={
                <a href={cardUrl(c.id)} target="_blank" rel="noreferrer" style={BIG}>
                  {t("engagementUnits.phone.openCard")}
                </a>
              }
            >
              <span style={BIG}>
                {c.memberName}　{t(`engagementRecords.grade.${c.grade}`)}
              </span>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
