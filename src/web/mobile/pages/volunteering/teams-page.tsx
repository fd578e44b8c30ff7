import { useQuery } from "@tanstack/react-query";
import { Button, Dialog, ErrorBlock, List, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { useSkillName, useVolunteeringStep, VOLUNTEERING_KEY } from "./volunteering-data.ts";

/** 加入服务队: the teams of my community, each with its speciality and members; join or leave. */
export function TeamsPage() {
  const { t } = useTranslation();
  const skillName = useSkillName();
  const teams = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "teams"],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/teams", { query: { pageSize: 100 }, signal }),
  });
  const join = useVolunteeringStep((id: string) =>
    api.post("/api/v1/volunteering/teams/{id}/join", undefined, { path: { id } }),
  );
  const leave = useVolunteeringStep((id: string) =>
    api.post("/api/v1/volunteering/teams/{id}/leave", undefined, { path: { id } }),
  );
  const failed = (err: Error) => Toast.show({ icon: "fail", content: err.message, duration: 4000 });

  const toggle = async (id: string, name: string, joined: boolean) => {
    if (!joined) return join.mutate(id, { onError: failed });
    const ok = await Dialog.confirm({
      content: <div style={{ fontSize: 18 }}>{t("volunteeringMobile.teams.leaveConfirm", { name })}</div>,
      confirmText: t("volunteeringMobile.teams.leave"),
      cancelText: t("user.cancel"),
    });
    if (ok) leave.mutate(id, { onError: failed });
  };

  const body = () => {
    if (teams.error) return <ErrorBlock status="disconnected" title={teams.error.message} description="" />;
    if (!teams.data) return <Loading />;
    if (teams.data.items.length === 0)
      return <ErrorBlock status="empty" title={t("volunteeringMobile.teams.empty")} description="" />;
    return (
      <List>
        {teams.data.items.map((team) => (
          <List.Item
            key={team.id}
            extra={
              <Button
                size="middle"
                color={team.joined ? "default" : "primary"}
                loading={
                  (join.isPending && join.variables === team.id) ||
                  (leave.isPending && leave.variables === team.id)
                }
                onClick={() => void toggle(team.id, team.name, team.joined)}
              >
                {team.joined ? t("volunteeringMobile.teams.leave") : t("volunteeringMobile.teams.join")}
              </Button>
            }
            description={
              <span style={{ fontSize: 15 }}>
                {skillName(team.speciality)} ·{" "}
                {t("volunteeringMobile.teams.members", { count: team.members })}
                {team.joined && <> · {t("volunteeringMobile.teams.joined")}</>}
              </span>
            }
          >
            <div style={{ fontSize: 18, fontWeight: 600 }}>{team.name}</div>
            {team.description && <div style={{ fontSize: 16 }}>{team.description}</div>}
          </List.Item>
        ))}
      </List>
    );
  };
  return (
    <>
      <PageBar title={t("volunteeringMobile.teams.title")} />
      {body()}
    </>
  );
}
