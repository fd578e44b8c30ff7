import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Dialog, List, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { letterUrl, type Member, needsLetter, STANDING_COLOR, standingOf, UNIT_KEY } from "./unit-data.ts";

const LINE = { fontSize: 16, lineHeight: 1.6 } as const;
const ACTION = { minHeight: 44, fontSize: 17 } as const;
// The letter is a PDF the phone opens itself: a link, drawn as a button of the same size.
const LINK = {
  ...ACTION,
  display: "inline-flex",
  alignItems: "center",
  padding: "0 16px",
  border: "1px solid var(--adm-color-border)",
  borderRadius: 4,
  color: "var(--adm-color-text)",
} as const;

/**
 * One member of the unit: his report-in standing, community, 1+X, 六个一 and services; the letter to
 * open once there is one, or 开具介绍信 when the unit still has to report him in.
 */
export function MemberItem({ m }: { m: Member }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const standing = standingOf(m);
  const issue = useMutation({
    mutationFn: () => api.post("/api/v1/engagement/report-ins", { memberId: m.member.id }),
    onSuccess: async () => {
      Toast.show({ icon: "success", content: t("engagementUnits.phone.issued") });
      await client.invalidateQueries({ queryKey: UNIT_KEY });
    },
    onError: (err) => Toast.show({ content: err.message, duration: 4000 }),
  });
  const confirm = async () => {
    const ok = await Dialog.confirm({
      content: (
        <div style={{ fontSize: 17 }}>{t("engagementUnits.phone.issueConfirm", { name: m.member.name })}</div>
      ),
      confirmText: t("engagementUnits.phone.issue"),
      cancelText: t("engagementUnits.review.cancel"),
    });
    if (ok) issue.mutate();
  };
  const menu = m.menu.map((item) => t(`engagementUnits.menu.${item}`)).join("、");
  return (
    <List.Item
      data-testid="unit-member"
      title={
        <span style={{ display: "flex", alignItems: "center", gap: 8, fontSize: 18, color: "#333" }}>
          <b>{m.member.name}</b>
          <Tag color={STANDING_COLOR[standing]} style={{ fontSize: 15, padding: "2px 8px" }}>
            {t(`engagementUnits.phone.status.${standing}`)}
          </Tag>
        </span>
      }
      description={
        <div style={LINE}>
          <div>
            {m.community
              ? t("engagementUnits.phone.community", { name: m.community.name })
              : t("engagementUnits.phone.noCommunity")}
          </div>
          {m.status === "approved" && (
            <>
              <div>
                {menu ? t("engagementUnits.phone.menu", { items: menu }) : t("engagementUnits.phone.noMenu")}
              </div>
              <div>
                {t("engagementUnits.phone.sixOnes", { count: m.sixOnesDone })}
                {"　"}
                {t("engagementUnits.phone.services", { count: m.records, hours: String(m.hours) })}
              </div>
            </>
          )}
          <div style={{ display: "flex", gap: 8, marginTop: 8 }}>
            {m.reportInId && m.status !== "returned" && (
              <a href={letterUrl(m.reportInId)} target="_blank" rel="noreferrer" style={LINK}>
                {t("engagementUnits.phone.letter")}
              </a>
            )}
            {needsLetter(m) && (
              <Button
                size="middle"
                color="primary"
                style={ACTION}
                loading={issue.isPending}
                onClick={confirm}
              >
                {t("engagementUnits.phone.issue")}
              </Button>
            )}
          </div>
        </div>
      }
    />
  );
}
