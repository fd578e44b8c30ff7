import { Button, Dialog, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../page-bar.tsx";
import { NoteSheet } from "../cases/note-sheet.tsx";
import { RatingForm } from "../cases/rate-block.tsx";
import {
  navigateUrl,
  type OrderDetail,
  type StepBody,
  useOrderStep,
  usePhoneLocation,
} from "./order-data.ts";

const BIG = { height: 54, fontSize: 19 } as const;

/**
 * The taker's buttons (导航, 已到达, 完成服务 with photos, 放弃), the 抢单 button for someone who
 * may still grab it, and the rating for the person it served: drawn from the server's allowedActions.
 */
export function OrderActions({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const step = useOrderStep(o.id);
  const { at } = usePhoneLocation();
  const [completing, setCompleting] = useState(false);
  const [photoMissing, setPhotoMissing] = useState(false);
  const can = (a: OrderDetail["allowedActions"][number]) => o.allowedActions.includes(a);
  const held = can("arrive") || can("complete");
  const route = held ? navigateUrl(o) : null;
  if (!can("grab") && !held && !can("release")) return can("rate") ? <RateBlock o={o} /> : null;

  const take = (body: StepBody) =>
    step.mutate(body, {
      onSuccess: () => {
        setCompleting(false);
        Toast.show({ icon: "success", content: t(`orders.mobile.detail.done.${body.action}`) });
      },
      onError: (err) => {
        if (body.action !== "complete") Toast.show({ icon: "fail", content: err.message, duration: 4000 });
      },
    });
  const confirmed = async (text: string) =>
    Dialog.confirm({
      content: <div style={{ fontSize: 18, textAlign: "center" }}>{text}</div>,
      confirmText: t("orders.mobile.detail.confirm"),
      cancelText: t("user.cancel"),
    });

  return (
    <Section title={t("casesMobile.detail.actions")}>
      <div style={{ display: "flex", flexDirection: "column", gap: 12, padding: "4px 16px 16px" }}>
        {can("grab") && (
          <Button
            block
            color="primary"
            size="large"
            style={BIG}
            loading={step.isPending}
            onClick={() => take({ action: "grab", at })}
          >
            {t("orders.action.grab")}
          </Button>
        )}
        {route && (
          <a
            className="call-button"
            href={route}
            target="_blank"
            rel="noreferrer"
            style={{ ...BIG, width: "100%" }}
          >
            {t("orders.mobile.detail.navigate")}
          </a>
        )}
        {can("arrive") && (
          <Button
            block
            color="primary"
            size="large"
            style={BIG}
            loading={step.isPending && step.variables?.action === "arrive"}
            onClick={async () => {
              if (await confirmed(t("orders.mobile.detail.arriveConfirm"))) take({ action: "arrive", at });
            }}
          >
            {t("orders.action.arrive")}
          </Button>
        )}
        {can("complete") && (
          <Button
            block
            color="primary"
            size="large"
            style={BIG}
            onClick={() => {
              step.reset();
              setPhotoMissing(false);
              setCompleting(true);
            }}
          >
            {t("orders.action.complete")}
          </Button>
        )}
        {can("release") && (
          <Button
            block
            color="danger"
            fill="outline"
            size="large"
            style={BIG}
            onClick={async () => {
              if (await confirmed(t("orders.mobile.detail.releaseConfirm"))) take({ action: "release" });
            }}
          >
            {t("orders.action.release")}
          </Button>
        )}
      </div>
      {completing && (
        <NoteSheet
          open
          title={t("orders.mobile.detail.completeTitle")}
          label={t("orders.mobile.detail.completeNote")}
          placeholder={t("orders.mobile.detail.completePlaceholder")}
          withPhotos
          pending={step.isPending}
          error={photoMissing ? t("orders.mobile.detail.photosRequired") : step.error?.message}
          onSubmit={(note, photos) => {
            if (photos.length === 0) return setPhotoMissing(true);
            setPhotoMissing(false);
            take({ action: "complete", note, photos });
          }}
          onClose={() => setCompleting(false)}
        />
      )}
    </Section>
  );
}

/** 评单 by the person served: stars and a few words. */
function RateBlock({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const rate = useOrderStep(o.id);
  return (
    <RatingForm
      title={t("orders.mobile.detail.rateTitle")}
      submitText={t("orders.mobile.detail.rateSubmit")}
      submission={rate}
      onSubmit={(score, comment) =>
        rate.mutate(
          { action: "rate", score, comment },
          { onSuccess: () => Toast.show({ icon: "success", content: t("orders.mobile.detail.done.rate") }) },
        )
      }
    />
  );
}
