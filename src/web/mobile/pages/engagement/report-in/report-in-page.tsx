import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, ErrorBlock, type ImageUploadItem, List, NoticeBar, Selector, Tag, Toast } from "antd-mobile";
import { CheckCircleFill, ClockCircleOutline } from "antd-mobile-icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { PageBar, Section } from "../../../page-bar.tsx";
import { PhotoUploader, photoIds } from "../../cases/photos.tsx";
import { Loading } from "../../status.tsx";

type Mine = ResponseOf<"/api/v1/engagement/me", "get">;
type ReportIn = NonNullable<Mine["reportIn"]>;
type MenuItem = ReportIn["menu"][number];

const ME_KEY = ["engagement", "me"] as const;
const MENU: readonly MenuItem[] = ["partyActivity", "pairing", "volunteering", "wish", "suggestion"];
const STATUS_COLOR = { pending: "warning", approved: "success", returned: "danger" } as const;
const BIG = { fontSize: 18 };

/**
 * 在职党员报到: my unit and the community I report to, the letter (a photo, or issued by my unit),
 * the community's answer, then my 1+X choices and this year's 六个一 — all from GET /engagement/me.
 */
export function ReportInPage() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => api.get("/api/v1/engagement/me", { signal }),
  });
  const d = mine.data;
  return (
    <>
      <PageBar title={t("engagementUnits.mobile.title")} back="/" />
      {mine.error ? (
        <ErrorBlock status="disconnected" title={mine.error.message} description="" />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          <List>
            <List.Item extra={<span style={BIG}>{d.unit?.name ?? t("engagementUnits.mobile.noUnit")}</span>}>
              <span style={BIG}>{t("engagementUnits.mobile.myUnit")}</span>
            </List.Item>
            <List.Item extra={<span style={BIG}>{d.community?.name ?? "—"}</span>}>
              <span style={BIG}>{t("engagementUnits.mobile.community")}</span>
            </List.Item>
          </List>
          {d.blocked && (
            <NoticeBar wrap color="alert" content={t(`engagementUnits.mobile.blocked.${d.blocked}`)} />
          )}
          {d.reportIn && d.reportIn.status !== "returned" ? (
            <Status r={d.reportIn} />
          ) : (
            !d.blocked && <Submit returned={d.reportIn} />
          )}
          {d.reportIn?.status === "approved" && <Menu r={d.reportIn} />}
          <SixOnes d={d} />
        </>
      )}
    </>
  );
}

function Status({ r }: { r: ReportIn }) {
  const { t } = useTranslation();
  return (
    <Section
      title={t("engagementUnits.mobile.status")}
      extra={
        <Tag
          color={STATUS_COLOR[r.status]}
          style={{ fontSize: 16, padding: "3px 8px" }}
          data-testid="report-status"
        >
          {t(`engagementUnits.status.${r.status}`)}
        </Tag>
      }
    >
      <div style={{ padding: "4px 16px 14px", fontSize: 17, lineHeight: 1.6 }}>
        {r.letterIssuedAt && <div>{t("engagementUnits.mobile.issuedByUnit")}</div>}
        {r.status === "pending" && <div>{t("engagementUnits.mobile.pendingHint")}</div>}
        <a href={r.letterUrl} target="_blank" rel="noreferrer">
          {t("engagementUnits.mobile.letterPdf")}
        </a>
      </div>
    </Section>
  );
}

/** The letter's photo and the button; after a return, the reason and 重新提交. */
function Submit({ returned }: { returned: ReportIn | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api.post("/api/v1/engagement/report-ins", { letterFileId: photoIds(photos)[0] as string }),
    onSuccess: async () => {
      Toast.show({ icon: "success", content: t("engagementUnits.mobile.submitted") });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (err) => Toast.show({ content: err.message, duration: 4000 }),
  });
  return (
    <Section title={t("engagementUnits.mobile.letterTitle")}>
      <div style={{ padding: "0 16px 16px" }}>
        {returned && (
          <NoticeBar
            wrap
            color="error"
            style={{ marginBottom: 12, fontSize: 16 }}
            content={t("engagementUnits.mobile.returnedBecause", { reason: returned.returnReason ?? "" })}
          />
        )}
        <p style={{ margin: "0 0 10px", fontSize: 16, color: "var(--adm-color-text-secondary)" }}>
          {t("engagementUnits.mobile.letterHint")}
        </p>
        <PhotoUploader max={1} value={photos} onChange={setPhotos} onBusyChange={setBusy} />
        <Button
          block
          color="primary"
          size="large"
          style={{ marginTop: 16 }}
          disabled={photos.length === 0 || busy}
          loading={send.isPending}
          onClick={() => send.mutate()}
        >
          {t(returned ? "engagementUnits.mobile.resubmit" : "engagementUnits.mobile.submit")}
        </Button>
      </div>
    </Section>
  );
}

/** 1+X: what the member will do in the community, at least one. */
function Menu({ r }: { r: ReportIn }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<MenuItem[]>(r.menu);
  useEffect(() => setChosen(r.menu), [r.menu]);
  const save = useMutation({
    mutationFn: () =>
      api.put("/api/v1/engagement/report-ins/{id}/menu", { items: chosen }, { path: { id: r.id } }),
    onSuccess: async () => {
      Toast.show({ icon: "success", content: t("engagementUnits.mobile.menuSaved") });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (err) => Toast.show({ content: err.message, duration: 4000 }),
  });
  return (
    <Section title={t("engagementUnits.mobile.menuTitle")} extra={t("engagementUnits.mobile.menuHint")}>
      <div style={{ padding: "0 16px 16px" }}>
        <Selector
          multiple
          columns={1}
          value={chosen}
          onChange={setChosen}
          options={MENU.map((m) => ({
            value: m,
            label: <span style={{ fontSize: 17 }}>{t(`engagementUnits.menu.${m}`)}</span>,
          }))}
          style={{ "--padding": "12px 10px", "--border-radius": "10px" }}
        />
        <Button
          block
          color="primary"
          size="large"
          style={{ marginTop: 14 }}
          disabled={chosen.length === 0}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {t("engagementUnits.mobile.menuSave")}
        </Button>
      </div>
    </Section>
  );
}

/** 六个一: this year's checklist, ticked as services land in the member's record. */
function SixOnes({ d }: { d: Mine }) {
  const { t } = useTranslation();
  return (
    <Section title={t("engagementUnits.mobile.sixOnesTitle", { year: String(d.year) })}>
      <List>
        {d.sixOnes.map((s) => (
          <List.Item
            key={s.item}
            prefix={
              s.done ? (
                <CheckCircleFill color="var(--adm-color-success)" fontSize={22} />
              ) : (
                <ClockCircleOutline color="var(--adm-color-weak)" fontSize={22} />
              )
            }
            extra={
              <span style={{ fontSize: 15 }}>
                {s.done
                  ? (s.doneOn ?? t("engagementUnits.mobile.done"))
                  : t("engagementUnits.mobile.notDone")}
              </span>
            }
          >
            <span style={BIG}>{t(`engagementUnits.sixOnes.${s.item}`)}</span>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
