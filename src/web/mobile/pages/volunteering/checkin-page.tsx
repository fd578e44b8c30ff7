import { useQuery } from "@tanstack/react-query";
import { Button, ErrorBlock, Input, Selector } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { ResultBanner } from "../../result-banner.tsx";
import { Loading } from "../status.tsx";
import { Scanner } from "./scanner.tsx";
import { hoursText, useTimeRange, useVolunteeringStep, VOLUNTEERING_KEY } from "./volunteering-data.ts";

type Action = "checkIn" | "checkOut";
/** An organiser scans for activities starting within a day, and checks out up to half a day after the end. */
const DAY_MS = 24 * 3_600_000;
const LATE_MS = 12 * 3_600_000;

/** How many of the activity's places have checked in and out: the organiser's running count. */
function Roster({ id }: { id: string }) {
  const { t } = useTranslation();
  const roster = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "roster", id],
    queryFn: ({ signal }) =>
      api.get("/api/v1/activity-signups", {
        query: { activityId: id, status: "confirmed", pageSize: 200 },
        signal,
      }),
  });
  if (!roster.data) return null;
  const stages = roster.data.items.map((s) => s.stage);
  return (
    <p style={{ margin: 0, padding: "4px 16px 12px", fontSize: 16 }} data-testid="checkin-roster">
      {t("volunteeringMobile.checkin.roster", {
        in: stages.filter((s) => s === "checkedIn").length,
        out: stages.filter((s) => s === "checkedOut").length,
        total: roster.data.total,
      })}
    </p>
  );
}

/**
 * 签到扫码 for the organiser: pick today's activity and check-in or check-out, then scan each
 * volunteer's QR code, or type the code under it when the camera cannot read it.
 */
export function CheckinPage() {
  const { t } = useTranslation();
  const range = useTimeRange();
  const [picked, setPicked] = useState<string | null>(null);
  const [action, setAction] = useState<Action>("checkIn");
  const [typed, setTyped] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const activities = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "activities", "managed"],
    queryFn: ({ signal }) => {
      const now = Date.now();
      const query = {
        managed: true,
        when: "all" as const,
        from: new Date(now - DAY_MS).toISOString(),
        to: new Date(now + DAY_MS).toISOString(),
        pageSize: 100,
      };
      return api.get("/api/v1/activities", { query, signal });
    },
  });
  const attend = useVolunteeringStep((body: { id: string; code: string; action: Action }) =>
    api.post(
      "/api/v1/activities/{id}/attendance",
      { code: body.code, action: body.action },
      { path: { id: body.id } },
    ),
  );

  const soon = (activities.data?.items ?? [])
    .filter((a) => a.status !== "cancelled" && Date.parse(a.endsAt) > Date.now() - LATE_MS)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const id = picked ?? soon[0]?.id ?? null;

  const submit = (code: string) => {
    if (!id || !code.trim()) return;
    attend.mutate(
      { id, code: code.trim(), action },
      {
        onSuccess: (r) => {
          setTyped("");
          setResult({
            ok: true,
            text:
              action === "checkIn"
                ? t("volunteeringMobile.checkin.checkedIn", { name: r.volunteerName })
                : t("volunteeringMobile.checkin.checkedOut", {
                    name: r.volunteerName,
                    hours: hoursText(r.hours),
                  }),
          });
        },
        onError: (err) => setResult({ ok: false, text: err instanceof ApiError ? err.message : String(err) }),
      },
    );
  };

  const body = () => {
    if (activities.error)
      return <ErrorBlock status="disconnected" title={activities.error.message} description="" />;
    if (!activities.data) return <Loading />;
    if (!id)
      return <ErrorBlock status="empty" title={t("volunteeringMobile.checkin.noActivity")} description="" />;
    return (
      <>
        <Section title={t("volunteeringMobile.checkin.activity")}>
          <div style={{ padding: "4px 16px 12px" }}>
            <Selector
              columns={1}
              value={[id]}
              onChange={(v) => v[0] && setPicked(v[0])}
              options={soon.map((a) => ({
                value: a.id,
                label: (
                  <div style={{ textAlign: "left", fontSize: 17 }}>
                    <div style={{ fontWeight: 600 }}>{a.title}</div>
                    <div style={{ fontSize: 15 }}>{range(a.startsAt, a.endsAt)}</div>
                  </div>
                ),
              }))}
            />
          </div>
          <Roster id={id} />
        </Section>
        <Section title={t("volunteeringMobile.checkin.action")}>
          <div style={{ padding: "4px 16px 12px" }}>
            <Selector
              columns={2}
              value={[action]}
              onChange={(v) => v[0] && setAction(v[0])}
              options={(["checkIn", "checkOut"] as const).map((a) => ({
                value: a,
                label: <span style={{ fontSize: 18 }}>{t(`volunteeringMobile.checkin.${a}`)}</span>,
              }))}
            />
          </div>
        </Section>
        {result && <ResultBanner result={result} testId="checkin-result" />}
        <Section title={t("volunteeringMobile.checkin.scan")}>
          <div style={{ padding: "4px 16px 16px" }}>
            <Scanner onCode={submit} />
          </div>
        </Section>
        <Section title={t("volunteeringMobile.checkin.manual")}>
          <div style={{ display: "flex", gap: 8, padding: "4px 16px 16px" }}>
            <Input
              value={typed}
              onChange={setTyped}
              placeholder={t("volunteeringMobile.checkin.manualPlaceholder")}
              maxLength={80}
              autoComplete="off"
              style={{
                "--font-size": "20px",
                flex: 1,
                border: "1px solid #d9d9d9",
                borderRadius: 8,
                padding: "8px 12px",
              }}
              onEnterPress={() => submit(typed)}
            />
            <Button color="primary" size="large" loading={attend.isPending} onClick={() => submit(typed)}>
              {t("volunteeringMobile.checkin.submit")}
            </Button>
          </div>
        </Section>
      </>
    );
  };
  return (
    <>
      <PageBar title={t("nav.volunteerCheckin")} back="/" />
      {body()}
    </>
  );
}
