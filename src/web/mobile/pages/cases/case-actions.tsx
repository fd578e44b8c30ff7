import { Button, Dialog, Toast } from "antd-mobile";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { transitionFor } from "../../../../shared/flows/cases.ts";
import { Section } from "../../page-bar.tsx";
import { type CaseAction, type CaseDetail, type TransitionBody, useTransition } from "./case-data.ts";
import { actionLabel } from "./case-labels.tsx";
import { NoteSheet } from "./note-sheet.tsx";

/** The steps a phone offers, in the order of their buttons; rating has its own block. */
const ON_PHONE = [
  "receive",
  "claim",
  "resolve",
  "dispatch",
  "escalate",
  "return",
  "merge",
  "reopen",
  "withdraw",
] as const satisfies readonly CaseAction[];
type PhoneAction = (typeof ON_PHONE)[number];
type NoteAction = "resolve" | "escalate" | "return" | "reopen";

/** The steps taken forward: the first one shown is the main button. */
const MAIN: readonly PhoneAction[] = ["receive", "claim", "resolve"];

const onPhone = (a: CaseAction): a is PhoneAction => (ON_PHONE as readonly string[]).includes(a);

/** Whether the flow table asks for a note for this step from this status (server: flow.ts). */
function needsNote(action: CaseAction, status: CaseDetail["status"]): action is NoteAction {
  return transitionFor(action, status)?.needs?.includes("note") ?? false;
}

function confirmText(t: TFunction, action: PhoneAction, c: CaseDetail): string {
  switch (action) {
    case "merge":
      return t("casesMobile.actions.confirmMerge", { code: c.suggestedMaster?.code ?? "" });
    case "withdraw":
      return t("casesMobile.actions.confirmWithdraw");
    case "claim":
      return t("casesMobile.actions.confirmClaim");
    case "dispatch":
      return t("casesMobile.actions.confirmDispatch");
    default:
      return t("casesMobile.actions.confirmReceive");
  }
}

/**
 * The buttons of the steps the caller may take now (the server's allowedActions). Steps that need
 * a department picked (吹哨, 派给部门) are left to the desk pages.
 */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const step = useTransition(c.id);
  const [noting, setNoting] = useState<NoteAction | null>(null);
  const mergeable = !!c.suggestedMaster && c.suggestedMaster.id !== c.id;
  const actions = ON_PHONE.filter((a) => c.allowedActions.includes(a) && (a !== "merge" || mergeable));
  const atDesk = c.allowedActions.some((a) => !onPhone(a) && a !== "rate");
  if (actions.length === 0 && !atDesk) return null;

  const take = (body: TransitionBody, action: PhoneAction) =>
    step.mutate(body, {
      onSuccess: () => {
        setNoting(null);
        Toast.show({ icon: "success", content: t(`casesMobile.actions.done.${action}`) });
      },
      onError: (err) => {
        if (!noting) Toast.show({ icon: "fail", content: err.message, duration: 4000 });
      },
    });

  const press = async (action: PhoneAction) => {
    step.reset();
    if (needsNote(action, c.status)) return setNoting(action);
    const ok = await Dialog.confirm({
      content: <div style={{ fontSize: 18, textAlign: "center" }}>{confirmText(t, action, c)}</div>,
      confirmText: t("casesMobile.actions.confirm"),
      cancelText: t("user.cancel"),
    });
    if (!ok) return;
    take(action === "merge" ? { action, masterId: c.suggestedMaster?.id } : { action }, action);
  };

  const label = (a: PhoneAction) =>
    a === "merge"
      ? t("casesMobile.actions.mergeInto", { code: c.suggestedMaster?.code ?? "" })
      : actionLabel(t, a);

  return (
    <Section title={t("casesMobile.detail.actions")}>
      <div style={{ display: "flex", flexDirection: "column", gap: 12, padding: "4px 16px 16px" }}>
        {actions.map((a, i) => (
          <Button
            key={a}
            block
            size="large"
            color={a === "withdraw" ? "danger" : i === 0 && MAIN.includes(a) ? "primary" : "default"}
            fill={a === "withdraw" ? "outline" : "solid"}
            loading={step.isPending && step.variables?.action === a}
            onClick={() => void press(a)}
            style={{ height: 54, fontSize: 19 }}
          >
            {label(a)}
          </Button>
        ))}
        {atDesk && (
          <div style={{ fontSize: 15, color: "var(--adm-color-text-secondary)" }}>
            {t("casesMobile.actions.atDesk")}
          </div>
        )}
      </div>
      {noting && (
        <NoteSheet
          open
          title={actionLabel(t, noting)}
          label={t(`casesMobile.actions.note.${noting}`)}
          placeholder={t(`casesMobile.actions.placeholder.${noting}`)}
          withPhotos={noting === "resolve"}
          pending={step.isPending}
          error={step.error?.message}
          onSubmit={(note, photos) =>
            take({ action: noting, note, ...(photos.length > 0 ? { photos } : {}) }, noting)
          }
          onClose={() => setNoting(null)}
        />
      )}
    </Section>
  );
}
