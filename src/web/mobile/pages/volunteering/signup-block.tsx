import { Button, Dialog, NoticeBar, Selector, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { Section } from "../../page-bar.tsx";
import { QrSheet } from "./qr-sheet.tsx";
import {
  type ActivityDetail,
  hoursText,
  type MySignup,
  useFormatMoment,
  useMyVolunteering,
  useTimeRange,
  useVolunteeringStep,
} from "./volunteering-data.ts";
import { StageTag } from "./volunteering-labels.tsx";

const HINT = { margin: "8px 16px", fontSize: 17 } as const;

/** By appointment: the slots with their places; a full one can still be joined on its waiting list. */
function SlotPicker({
  a,
  value,
  onChange,
}: {
  a: ActivityDetail;
  value: string | null;
  onChange: (v: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language, { hour: "2-digit", minute: "2-digit", hour12: false });
  return (
    <Section title={t("volunteeringMobile.detail.slots")}>
      <div style={{ padding: "4px 16px 12px" }}>
        <Selector
          columns={2}
          value={value ? [value] : []}
          onChange={(v) => v[0] && onChange(v[0])}
          options={a.slots.map((s) => ({
            value: s.startsAt,
            disabled: !s.open,
            label: (
              <div style={{ fontSize: 17, lineHeight: 1.4 }}>
                <div>
                  {time(s.startsAt)}–{time(s.endsAt)}
                </div>
                <div style={{ fontSize: 15 }}>
                  {!s.open
                    ? t("volunteeringMobile.detail.slotOver")
                    : s.placesLeft > 0
                      ? t("volunteeringMobile.detail.slotLeft", { count: s.placesLeft })
                      : t("volunteeringMobile.detail.slotFull")}
                </div>
              </div>
            ),
          }))}
        />
      </div>
    </Section>
  );
}

/** Where I stand: the stage, my slot, attendance times and hours; my QR once I have a place. */
function Mine({
  a,
  s,
  onWithdraw,
  busy,
}: {
  a: ActivityDetail;
  s: MySignup;
  onWithdraw: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const moment = useFormatMoment();
  const range = useTimeRange();
  const [showQr, setShowQr] = useState(false);
  const slotEnd =
    s.slotStartsAt && a.slotMinutes ? new Date(Date.parse(s.slotStartsAt) + a.slotMinutes * 60_000) : null;
  const when =
    s.slotStartsAt && slotEnd ? range(s.slotStartsAt, slotEnd.toISOString()) : range(a.startsAt, a.endsAt);
  return (
    <Section
      title={t("volunteeringMobile.detail.myStage")}
      extra={<StageTag stage={s.stage} position={s.position} over={a.status !== "open"} />}
    >
      {s.stage === "waiting" && s.position && (
        <NoticeBar
          wrap
          color="alert"
          content={t("volunteeringMobile.detail.waitingAt", { position: s.position })}
        />
      )}
      {s.slotStartsAt && <p style={HINT}>{t("volunteeringMobile.detail.mySlot", { slot: when })}</p>}
      {s.checkedInAt && (
        <p style={HINT}>{t("volunteeringMobile.record.checkedIn", { time: moment(s.checkedInAt) })}</p>
      )}
      {s.checkedOutAt && (
        <p style={HINT}>
          {t("volunteeringMobile.record.checkedOut", { time: moment(s.checkedOutAt) })} ·{" "}
          <strong>{t("volunteeringMobile.detail.hours", { hours: hoursText(s.hours) })}</strong>
        </p>
      )}
      <div style={{ display: "flex", flexDirection: "column", gap: 12, padding: 16 }}>
        {s.checkinCode && s.checkinToken && s.stage !== "checkedOut" && (
          <>
            <Button block color="primary" size="large" onClick={() => setShowQr(true)}>
              {t("volunteeringMobile.detail.myQr")}
            </Button>
            <QrSheet
              visible={showQr}
              onClose={() => setShowQr(false)}
              code={s.checkinCode}
              token={s.checkinToken}
              title={a.title}
              when={when}
            />
          </>
        )}
        {(s.stage === "confirmed" || s.stage === "waiting") && a.status === "open" && (
          <Button block size="large" loading={busy} onClick={onWithdraw}>
            {t("volunteeringMobile.detail.cancel")}
          </Button>
        )}
      </div>
    </Section>
  );
}

/** The sign-up part of an activity's page: register first, choose a slot, sign up, withdraw, show my QR. */
export function SignupBlock({ a }: { a: ActivityDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyVolunteering().data;
  const [slot, setSlot] = useState<string | null>(null);
  const signUp = useVolunteeringStep((slotStartsAt: string | null) =>
    api.post("/api/v1/activities/{id}/signups", slotStartsAt ? { slotStartsAt } : {}, { path: { id: a.id } }),
  );
  const withdraw = useVolunteeringStep(() =>
    api.delete("/api/v1/activities/{id}/signups/mine", { path: { id: a.id } }),
  );
  const failed = (err: Error) => Toast.show({ icon: "fail", content: err.message, duration: 4000 });

  if (a.mySignup) {
    const confirmWithdraw = async () => {
      const ok = await Dialog.confirm({
        content: <div style={{ fontSize: 18 }}>{t("volunteeringMobile.detail.cancelConfirm")}</div>,
        confirmText: t("volunteeringMobile.detail.cancel"),
        cancelText: t("user.cancel"),
      });
      if (ok)
        withdraw.mutate(undefined, {
          onSuccess: () => Toast.show({ icon: "success", content: t("volunteeringMobile.detail.cancelled") }),
          onError: failed,
        });
    };
    return <Mine a={a} s={a.mySignup} onWithdraw={() => void confirmWithdraw()} busy={withdraw.isPending} />;
  }
  if (a.status !== "open") return <NoticeBar wrap content={t("volunteeringMobile.detail.closed")} />;
  if (me && !me.volunteer)
    return (
      <div style={{ padding: 16 }}>
        <p style={{ margin: "0 0 12px" }}>
          {me.canRegister
            ? t("volunteeringMobile.detail.notRegistered")
            : t("volunteeringMobile.register.notAllowed")}
        </p>
        {me.canRegister && (
          <Button
            block
            color="primary"
            size="large"
            onClick={() => navigate(`/volunteering/register?back=/volunteering/activities/${a.id}`)}
          >
            {t("volunteeringMobile.list.register")}
          </Button>
        )}
      </div>
    );

  const byAppointment = a.mode === "byAppointment";
  const chosen = a.slots.find((s) => s.startsAt === slot);
  const full = byAppointment ? chosen?.placesLeft === 0 : a.placesLeft === 0;
  const submit = () =>
    signUp.mutate(byAppointment ? slot : null, {
      onSuccess: (r) => {
        if (r.status === "confirmed")
          Toast.show({ icon: "success", content: t("volunteeringMobile.detail.confirmed") });
        else
          void Dialog.alert({
            content: (
              <div style={{ fontSize: 18 }}>
                {t("volunteeringMobile.detail.waitingAt", { position: r.position })}
              </div>
            ),
            confirmText: t("volunteeringMobile.qr.close"),
          });
      },
      onError: failed,
    });
  return (
    <>
      {byAppointment && <SlotPicker a={a} value={slot} onChange={setSlot} />}
      <div style={{ padding: 16 }}>
        <Button
          block
          color="primary"
          size="large"
          disabled={byAppointment && !chosen}
          loading={signUp.isPending}
          onClick={submit}
        >
          {byAppointment && !chosen
            ? t("volunteeringMobile.detail.pickSlot")
            : byAppointment && !full
              ? t("volunteeringMobile.detail.book")
              : full
                ? t("volunteeringMobile.detail.signUpWaiting")
                : t("volunteeringMobile.detail.signUp")}
        </Button>
      </div>
    </>
  );
}
