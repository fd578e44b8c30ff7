import { Button, ErrorBlock, List, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import {
  hoursText,
  useFormatMoment,
  useMyVolunteering,
  useSkillName,
  useTimeRange,
  type Volunteer,
} from "./volunteering-data.ts";
import { ActivityStatusTag, ModeTag, StageTag } from "./volunteering-labels.tsx";

function Totals({ v }: { v: Volunteer }) {
  const { t } = useTranslation();
  return (
    <header
      style={{
        background: "linear-gradient(160deg, var(--party-red) 0%, #a3121a 100%)",
        color: "#fff",
        padding: "24px 20px",
      }}
    >
      <div style={{ fontSize: 17, opacity: 0.92 }}>{t("volunteeringMobile.record.totalHours")}</div>
      <div style={{ fontSize: 44, fontWeight: 700, lineHeight: 1.2 }} data-testid="total-hours">
        {hoursText(v.hours)}
        <span style={{ fontSize: 20, fontWeight: 400, marginLeft: 6 }}>
          {t("volunteeringMobile.record.hoursUnit")}
        </span>
      </div>
      <div style={{ fontSize: 17, opacity: 0.92 }}>
        {t("volunteeringMobile.record.served", { count: v.served })}
      </div>
    </header>
  );
}

/** 我的志愿记录: total hours, my teams and skills, and every activity with attendance and hours. */
export function RecordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyVolunteering();
  const skillName = useSkillName();
  const range = useTimeRange();
  const moment = useFormatMoment();

  const body = () => {
    if (me.error) return <ErrorBlock status="disconnected" title={me.error.message} description="" />;
    if (!me.data) return <Loading />;
    const v = me.data.volunteer;
    if (!v)
      return (
        <div style={{ padding: 16 }}>
          <ErrorBlock status="empty" title={t("volunteeringMobile.list.registerHint")} description="" />
          {me.data.canRegister && (
            <Button block color="primary" size="large" onClick={() => navigate("/volunteering/register")}>
              {t("volunteeringMobile.list.register")}
            </Button>
          )}
        </div>
      );
    return (
      <>
        <Totals v={v} />
        <Section
          title={t("volunteeringMobile.record.teams")}
          extra={
            <Button size="small" fill="none" color="primary" onClick={() => navigate("/volunteering/teams")}>
              {t("volunteeringMobile.record.joinTeams")}
            </Button>
          }
        >
          <p style={{ margin: 0, padding: "4px 16px 12px", fontSize: 17 }}>
            {v.teams.length > 0
              ? v.teams.map((x) => x.name).join("、")
              : t("volunteeringMobile.record.noTeams")}
          </p>
        </Section>
        <Section
          title={t("volunteeringMobile.record.skills")}
          extra={
            <Button
              size="small"
              fill="none"
              color="primary"
              onClick={() => navigate("/volunteering/register?back=/volunteering/record")}
            >
              {t("volunteeringMobile.record.editSkills")}
            </Button>
          }
        >
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8, padding: "4px 16px 12px" }}>
            {v.skills.map((s) => (
              <Tag key={s} color="primary" fill="outline" style={{ fontSize: 15, padding: "3px 8px" }}>
                {skillName(s)}
              </Tag>
            ))}
          </div>
        </Section>
        <Section title={t("volunteeringMobile.record.history")}>
          {v.record.length === 0 ? (
            <ErrorBlock status="empty" title={t("volunteeringMobile.record.empty")} description="" />
          ) : (
            <List>
              {v.record.map((r) => (
                <List.Item
                  key={r.signupId}
                  arrow
                  onClick={() => navigate(`/volunteering/activities/${r.activity.id}`)}
                  data-testid="record-item"
                >
                  <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
                    <span style={{ fontSize: 18, fontWeight: 600 }}>{r.activity.title}</span>
                    <ModeTag mode={r.activity.mode} />
                    <ActivityStatusTag status={r.activity.status} />
                  </div>
                  <div style={{ fontSize: 16, color: "var(--adm-color-text-secondary)" }}>
                    {range(r.activity.startsAt, r.activity.endsAt)}
                    {r.activity.teamName && <> · {r.activity.teamName}</>}
                  </div>
                  <div
                    style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8, marginTop: 4 }}
                  >
                    <StageTag stage={r.stage} position={r.position} over={r.activity.status !== "open"} />
                    {r.checkedInAt && (
                      <span style={{ fontSize: 15 }}>
                        {t("volunteeringMobile.record.checkedIn", { time: moment(r.checkedInAt) })}
                      </span>
                    )}
                    {r.checkedOutAt && (
                      <span style={{ fontSize: 15 }}>
                        {t("volunteeringMobile.record.checkedOut", { time: moment(r.checkedOutAt) })}
                      </span>
                    )}
                    {r.stage === "checkedOut" && (
                      <strong style={{ color: "var(--party-red)" }} data-testid="record-hours">
                        {t("volunteering.hoursValue", { hours: hoursText(r.hours) })}
                      </strong>
                    )}
                  </div>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </>
    );
  };
  return (
    <>
      <PageBar title={t("volunteeringMobile.record.title")} />
      {body()}
    </>
  );
}
