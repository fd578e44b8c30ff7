import { Button, Rate, TextArea, Toast } from "antd-mobile";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { LOW_RATING } from "../../../../shared/flows/cases.ts";
import { Section } from "../../page-bar.tsx";
import { type CaseDetail, useTransition } from "./case-data.ts";
import { TEXT_BOX } from "./note-sheet.tsx";

const MAX_COMMENT = 500;
const LEVELS = ["veryBad", "bad", "fair", "good", "veryGood"] as const;
const STAR_STYLE = { "--star-size": "40px", "--active-color": "#fa8c16", "--inactive-color": "#d9d9d9" };

/** "5 星 · 非常满意" */
function ScoreText({ score }: { score: number }) {
  const { t } = useTranslation();
  const level = LEVELS[score - 1];
  if (!level) return null;
  return (
    <span style={{ fontSize: 18 }}>
      {t("casesMobile.rate.stars", { count: score })} · {t(`casesMobile.rate.levels.${level}`)}
    </span>
  );
}

/** 群众评单: the reporter scores the result (≤ 2 stars sends it back to the community), or sees his score. */
export function RateBlock({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const rate = useTransition(c.id);

  if (!c.allowedActions.includes("rate")) {
    if (c.rating === null) return null;
    return (
      <Section title={t("casesMobile.rate.given")}>
        <div style={{ padding: "4px 16px 16px" }}>
          <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap" }}>
            <Rate readOnly value={c.rating} style={{ ...STAR_STYLE, "--star-size": "28px" }} />
            <ScoreText score={c.rating} />
          </div>
          {c.ratingComment && <p style={{ margin: "8px 0 0", fontSize: 17 }}>{c.ratingComment}</p>}
        </div>
      </Section>
    );
  }

  return (
    <RatingForm
      title={t("casesMobile.rate.title")}
      hint={t("casesMobile.rate.hint")}
      submitText={t("casesMobile.rate.submit")}
      submission={rate}
      beside={(score) => <ScoreText score={score} />}
      below={(score) =>
        score > 0 &&
        score <= LOW_RATING && (
          <p style={{ margin: "8px 0 0", fontSize: 16, color: "#ad4e00" }}>{t("casesMobile.rate.low")}</p>
        )
      }
      onSubmit={(score, comment) =>
        rate.mutate(
          { action: "rate", score, ...(comment ? { comment } : {}) },
          { onSuccess: () => Toast.show({ icon: "success", content: t("casesMobile.rate.thanks") }) },
        )
      }
    />
  );
}

/**
 * 评单 by the person served (a case's reporter, an order's requester): stars, required, and a few
 * words, optional. `beside` and `below` say what the chosen score means where a flow has more to say.
 */
export function RatingForm({
  title,
  hint,
  submitText,
  submission,
  beside,
  below,
  onSubmit,
}: {
  title: string;
  hint?: string;
  submitText: string;
  submission: { isPending: boolean; error: Error | null };
  beside?: (score: number) => ReactNode;
  below?: (score: number) => ReactNode;
  /** The comment trimmed, undefined when empty. */
  onSubmit: (score: number, comment: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (score < 1) return setMissing(true);
    onSubmit(score, comment.trim() || undefined);
  };
  return (
    <Section title={title}>
      <div style={{ padding: "4px 16px 16px" }}>
        {hint && <p style={{ margin: "0 0 10px", fontSize: 17 }}>{hint}</p>}
        <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap", minHeight: 48 }}>
          <Rate
            value={score}
            onChange={(v) => {
              setScore(v);
              setMissing(false);
            }}
            allowClear={false}
            style={STAR_STYLE}
            aria-label={title}
          />
          {beside?.(score)}
        </div>
        {below?.(score)}
        <TextArea
          value={comment}
          onChange={setComment}
          placeholder={t("casesMobile.rate.comment")}
          rows={3}
          maxLength={MAX_COMMENT}
          showCount
          style={{ ...TEXT_BOX, marginTop: 12 }}
        />
        {(missing || submission.error) && (
          <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 17, marginTop: 10 }}>
            {missing ? t("casesMobile.rate.required") : submission.error?.message}
          </div>
        )}
        <Button
          block
          color="primary"
          size="large"
          loading={submission.isPending}
          onClick={submit}
          style={{ height: 54, fontSize: 19, marginTop: 16 }}
        >
          {submitText}
        </Button>
      </div>
    </Section>
  );
}
