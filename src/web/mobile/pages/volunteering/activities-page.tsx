import { useInfiniteQuery } from "@tanstack/react-query";
import { Button, ErrorBlock, List } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { MoreButton } from "../../more-button.tsx";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import {
  type ActivityItem,
  hoursText,
  useMyVolunteering,
  useTimeRange,
  VOLUNTEERING_KEY,
} from "./volunteering-data.ts";
import { ActivityStatusTag, ModeTag, StageTag } from "./volunteering-labels.tsx";

const PAGE_SIZE = 20;

function PlacesLine({ a }: { a: ActivityItem }) {
  const { t } = useTranslation();
  const [text, colour] =
    a.status !== "open"
      ? [t("volunteeringMobile.list.over"), "var(--adm-color-text-secondary)"]
      : a.placesLeft > 0
        ? [t("volunteeringMobile.list.placesLeft", { count: a.placesLeft }), "#389e0d"]
        : [t("volunteeringMobile.list.full"), "#d46b08"];
  return <span style={{ color: colour, fontWeight: 600 }}>{text}</span>;
}

/** Activities as large tappable rows: what, how, when, where, places, and where I stand. */
export function ActivityCards({ items }: { items: ActivityItem[] }) {
  const navigate = useNavigate();
  const range = useTimeRange();
  return (
    <List>
      {items.map((a) => (
        <List.Item
          key={a.id}
          arrow
          onClick={() => navigate(`/volunteering/activities/${a.id}`)}
          data-testid="activity-item"
        >
          <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
            <span style={{ fontSize: 18, fontWeight: 600 }}>{a.title}</span>
            <ModeTag mode={a.mode} />
            <ActivityStatusTag status={a.status} />
            {a.mySignup && <StageTag stage={a.mySignup.stage} position={a.mySignup.position} />}
          </div>
          <div style={{ fontSize: 16, margin: "4px 0", color: "var(--adm-color-text-secondary)" }}>
            <div>{range(a.startsAt, a.endsAt)}</div>
            <div>{a.place}</div>
          </div>
          <PlacesLine a={a} />
        </List.Item>
      ))}
    </List>
  );
}

/** What a visitor who has not registered sees above the list: why and how to become a volunteer. */
function RegisterCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section style={{ background: "#fff", padding: 16, marginBottom: 12 }}>
      <p style={{ margin: "0 0 12px", fontSize: 17 }}>{t("volunteeringMobile.list.registerHint")}</p>
      <Button block color="primary" size="large" onClick={() => navigate("/volunteering/register")}>
        {t("volunteeringMobile.list.register")}
      </Button>
    </section>
  );
}

/** 志愿活动: the upcoming activities of my area, soonest first, and the way to my record. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyVolunteering().data;
  const list = useInfiniteQuery({
    queryKey: [...VOLUNTEERING_KEY, "activities", "upcoming"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/activities", { query: { page: pageParam, pageSize: PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageBar title={t("nav.activities")} back="/" />
      {me && !me.volunteer && me.canRegister && <RegisterCard />}
      {me?.volunteer && (
        <button
          type="button"
          onClick={() => navigate("/volunteering/record")}
          style={{
            display: "flex",
            justifyContent: "space-between",
            alignItems: "center",
            width: "100%",
            border: 0,
            background: "#fdf2f2",
            padding: "14px 16px",
            fontSize: 17,
          }}
        >
          <span>{t("volunteeringMobile.list.record")}</span>
          <strong style={{ color: "var(--party-red)" }}>
            {hoursText(me.volunteer.hours)} {t("volunteeringMobile.record.hoursUnit")}
          </strong>
        </button>
      )}
      {list.error ? (
        <ErrorBlock status="disconnected" title={list.error.message} description="" />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("volunteeringMobile.list.empty")} description="" />
      ) : (
        <ActivityCards items={items} />
      )}
      <MoreButton list={list} />
    </>
  );
}
