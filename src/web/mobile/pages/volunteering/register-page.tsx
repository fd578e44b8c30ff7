import { Button, ErrorBlock, Selector, Toast } from "antd-mobile";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api, type BodyOf } from "../../../common/api.ts";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { useMyVolunteering, useSkills, useVolunteeringStep } from "./volunteering-data.ts";

type SkillBody = BodyOf<"/api/v1/volunteering/me", "post">;

/**
 * 注册志愿者 (or, once registered, 修改特长): the skills he offers, from the fixed list. Name and
 * place come from his account, so there is nothing else to fill in.
 */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const back = params.get("back")?.startsWith("/volunteering")
    ? (params.get("back") as string)
    : "/volunteering";
  const me = useMyVolunteering();
  const skills = useSkills();
  const registered = me.data?.volunteer;
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (registered) setChosen(registered.skills);
  }, [registered]);
  const save = useVolunteeringStep((body: SkillBody) =>
    registered ? api.patch("/api/v1/volunteering/me", body) : api.post("/api/v1/volunteering/me", body),
  );

  const body = () => {
    if (me.error) return <ErrorBlock status="disconnected" title={me.error.message} description="" />;
    if (!me.data || !skills.data) return <Loading />;
    if (!registered && !me.data.canRegister)
      return <ErrorBlock status="empty" title={t("volunteeringMobile.register.notAllowed")} description="" />;
    const submit = () =>
      save.mutate(
        { skills: chosen as SkillBody["skills"] },
        {
          onSuccess: () => {
            Toast.show({
              icon: "success",
              content: registered
                ? t("volunteeringMobile.record.saved")
                : t("volunteeringMobile.register.done"),
            });
            navigate(back, { replace: true });
          },
          onError: (err) => Toast.show({ icon: "fail", content: err.message, duration: 4000 }),
        },
      );
    return (
      <section style={{ background: "#fff", padding: 16 }}>
        <h2 style={{ margin: "0 0 4px", fontSize: 19 }}>{t("volunteeringMobile.register.skills")}</h2>
        <p style={{ margin: "0 0 12px", fontSize: 16, color: "var(--adm-color-text-secondary)" }}>
          {t("volunteeringMobile.register.skillsHint")}
        </p>
        <Selector
          multiple
          columns={3}
          value={chosen}
          onChange={setChosen}
          options={skills.data.map((s) => ({
            value: s.code,
            label: <span style={{ fontSize: 17 }}>{i18n.language === "en" ? s.nameEn : s.name}</span>,
          }))}
        />
        <Button
          block
          color="primary"
          size="large"
          loading={save.isPending}
          onClick={submit}
          style={{ marginTop: 20 }}
        >
          {registered ? t("volunteeringMobile.record.editSkills") : t("volunteeringMobile.register.submit")}
        </Button>
      </section>
    );
  };
  return (
    <>
      <PageBar
        title={
          registered ? t("volunteeringMobile.record.editSkills") : t("volunteeringMobile.register.title")
        }
      />
      {body()}
    </>
  );
}
