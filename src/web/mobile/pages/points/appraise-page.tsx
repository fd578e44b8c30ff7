import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, ErrorBlock, Grid, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";

type Round = ResponseOf<"/api/v1/points/appraisal-rounds/mine", "get">["items"][number];
type Member = Round["members"][number];

/** The four words an old man taps, never a bare number: 好 95 / 较好 85 / 一般 70 / 差 50. */
const GRADES = [
  { key: "good", score: 95, color: "success" },
  { key: "fairlyGood", score: 85, color: "primary" },
  { key: "fair", score: 70, color: "warning" },
  { key: "poor", score: 50, color: "danger" },
] as const;
const gradeOf = (score: number) =>
  GRADES.reduce((best, g) => (Math.abs(g.score - score) < Math.abs(best.score - score) ? g : best));
const KEY = ["points", "appraisal", "mine"];

/**
 * 民主评议 on the phone: the open rounds the caller takes part in and the members to appraise —
 * a party member himself (自评) and the others (互评), a resident each member once for his
 * household (群众测评) — each with four large word buttons.
 */
export function AppraisePage() {
  const { t } = useTranslation();
  const rounds = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get("/api/v1/points/appraisal-rounds/mine", { signal }),
  });
  return (
    <>
      <PageBar title={t("pointsLedger.appraisal.mineTitle")} back="/points" />
      {rounds.error ? (
        <ErrorBlock status="default" title={rounds.error.message} description="" />
      ) : !rounds.data ? (
        <Loading />
      ) : rounds.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t("pointsLedger.appraisal.mineEmpty")} description="" />
      ) : (
        rounds.data.items.map((r) => <RoundBlock key={r.id} round={r} />)
      )}
    </>
  );
}

function RoundBlock({ round }: { round: Round }) {
  const { t } = useTranslation();
  return (
    <Section title={round.title}>
      <div style={{ padding: "0 16px 8px", color: "#666", fontSize: 15 }}>
        {t("pointsLedger.appraisal.yourRole", {
          kind: t(
            round.as === "member" ? "pointsLedger.appraisal.asMember" : "pointsLedger.appraisal.asResident",
          ),
        })}
      </div>
      {round.members.map((m) => (
        <MemberRow key={m.memberId} roundId={round.id} member={m} />
      ))}
    </Section>
  );
}

function MemberRow({ roundId, member }: { roundId: string; member: Member }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (score: number) =>
      api.post(
        "/api/v1/points/appraisal-rounds/{id}/appraisals",
        { memberId: member.memberId, score },
        { path: { id: roundId } },
      ),
    onSuccess: () => {
      Toast.show({ icon: "success", content: t("pointsLedger.appraisal.thanks") });
      void client.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => Toast.show({ content: e.message }),
  });
  const done = member.score !== null ? gradeOf(member.score) : null;
  return (
    <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }} data-testid="appraise-member">
      <div style={{ fontSize: 19, fontWeight: 600, marginBottom: 10 }}>
        {member.name}
        {member.raterKind === "self" && t("pointsLedger.appraisal.yourself")}
        {done && (
          <Tag color={done.color} style={{ marginLeft: 8, fontSize: 15 }}>
            {t("pointsLedger.appraisal.done", { grade: t(`pointsLedger.appraisal.grades.${done.key}`) })}
          </Tag>
        )}
      </div>
      {!done && (
        <Grid columns={4} gap={8}>
          {GRADES.map((g) => (
            <Grid.Item key={g.key}>
              <Button
                block
                color={g.color}
                fill="outline"
                loading={send.isPending && send.variables === g.score}
                disabled={send.isPending}
                style={{ height: 56, fontSize: 20 }}
                onClick={() => send.mutate(g.score)}
              >
                {t(`pointsLedger.appraisal.grades.${g.key}`)}
              </Button>
            </Grid.Item>
          ))}
        </Grid>
      )}
    </div>
  );
}
