import { PhoneOutlined } from "@ant-design/icons";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Button, Dialog, ErrorBlock, Tabs, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { wishesZhCN } from "../../../../shared/locales/wishes.zh-CN.ts";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { FilterChip } from "../../filter-chip.tsx";
import { MoreButton } from "../../more-button.tsx";
import { PageBar } from "../../page-bar.tsx";
import { BottomSheet, NoteSheet, TEXT_BOX } from "../cases/note-sheet.tsx";
import { Loading } from "../status.tsx";
import { WishCard } from "./wish-card.tsx";
import { type MyWish, useWishStep, WISHES_KEY } from "./wish-data.ts";

const PAGE_SIZE = 20;
const WISH_STATUSES = Object.keys(wishesZhCN.status) as Array<keyof typeof wishesZhCN.status>;
type As = "wisher" | "claimer";

/**
 * 我的心愿: the wishes I made (confirm one that came true, withdraw one not yet claimed) and, for a
 * party member, those I claimed (the wisher's contact, report it fulfilled, or give it back).
 */
export function MyWishesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const member = !!user?.roles.some((r) => r.role === "partyMember");
  const as: As = member && params.get("as") === "claimer" ? "claimer" : "wisher";
  // From a to-do: only the wishes in one state (claimed: to fulfil; fulfilled: to confirm).
  const status = WISH_STATUSES.find((s) => s === params.get("status"));
  const list = useInfiniteQuery({
    queryKey: [...WISHES_KEY, "mine", as, status ?? "all"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/wishes/mine", {
        query: { as, status: status ? [status] : undefined, page: pageParam, pageSize: PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageBar title={t("wishes.mine.title")} back="/wishes" />
      {member && (
        <Tabs
          activeKey={as}
          onChange={(key) => setParams(key === "claimer" ? { as: "claimer" } : {}, { replace: true })}
          style={{ background: "#fff" }}
        >
          {(["wisher", "claimer"] as const).map((key) => (
            <Tabs.Tab
              key={key}
              title={<span style={{ fontSize: 18 }}>{t(`wishes.mine.tabs.${key}`)}</span>}
            />
          ))}
        </Tabs>
      )}
      <FilterChip label={status && t(`wishes.status.${status}`)} />
      {list.error ? (
        <ErrorBlock status="disconnected" title={list.error.message} description="" />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t(as === "claimer" ? "wishes.mine.emptyClaimer" : "wishes.mine.emptyWisher")}
          description=""
          style={{ padding: "32px 0" }}
        />
      ) : (
        items.map((w) => (
          <WishCard
            key={w.id}
            w={{
              ...w,
              communityName: w.community?.name ?? null,
              claimerName: w.claimerUnitName ?? w.claimerName,
            }}
          >
            <Notes w={w} />
            {as === "claimer" && w.status === "claimed" && <WisherContact id={w.id} />}
            <Actions w={w} />
          </WishCard>
        ))
      )}
      <MoreButton list={list} />
      <div style={{ padding: 16 }}>
        <Button block size="large" color="primary" fill="outline" onClick={() => navigate("/wishes/new")}>
          {t("wishes.wall.post")}
        </Button>
      </div>
    </>
  );
}

function Notes({ w }: { w: MyWish }) {
  const { t } = useTranslation();
  const line = (text: string) => <div style={{ fontSize: 16, marginTop: 8, lineHeight: 1.5 }}>{text}</div>;
  return (
    <>
      {w.reviewNote && w.status === "rejected" && line(t("wishes.mine.reviewNote", { note: w.reviewNote }))}
      {w.fulfilNote && line(t("wishes.mine.fulfilNote", { note: w.fulfilNote }))}
    </>
  );
}

/** The claimer's way to the wisher: the name and phone, fetched (and logged) only when asked for. */
function WisherContact({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detail = useQuery({
    queryKey: [...WISHES_KEY, "detail", id],
    queryFn: ({ signal }) => api.get("/api/v1/wishes/{idOrCode}", { path: { idOrCode: id }, signal }),
    enabled: open,
  });
  if (!open)
    return (
      <Button
        fill="none"
        color="primary"
        style={{ marginTop: 8, paddingLeft: 0, fontSize: 17 }}
        onClick={() => setOpen(true)}
      >
        <PhoneOutlined /> {t("wishes.mine.contact")}
      </Button>
    );
  const d = detail.data;
  if (!d) return <div style={{ marginTop: 8 }}>{detail.error?.message ?? "…"}</div>;
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        marginTop: 8,
        fontSize: 17,
      }}
    >
      <span data-testid="wisher-contact">
        {t("wishes.mine.contactOf", { name: d.wisherName, phone: d.wisherPhone ?? "" })}
      </span>
      {d.wisherPhone && (
        <a
          className="call-button"
          href={`tel:${d.wisherPhone}`}
          style={{ fontSize: 16, padding: "6px 14px" }}
        >
          {t("wishes.mine.call")}
        </a>
      )}
    </div>
  );
}

/** The buttons of the steps the server allows me now on this wish. */
function Actions({ w }: { w: MyWish }) {
  const { t } = useTranslation();
  const step = useWishStep();
  const [sheet, setSheet] = useState<"confirm" | "fulfil" | null>(null);
  const [thanks, setThanks] = useState("");
  const done = () => {
    setSheet(null);
    Toast.show({ icon: "success", content: t("wishes.mine.done") });
  };
  const fail = (err: Error) => Toast.show({ icon: "fail", content: err.message, duration: 4000 });
  const ask = async (action: "release" | "withdraw") => {
    const ok = await Dialog.confirm({
      content: <div style={{ fontSize: 18, textAlign: "center" }}>{t(`wishes.mine.${action}Confirm`)}</div>,
      confirmText: t("wishes.mine.submit"),
      cancelText: t("user.cancel"),
    });
    if (ok) step.mutate({ id: w.id, step: { action } }, { onSuccess: done, onError: fail });
  };
  const allowed = (a: MyWish["allowedActions"][number]) => w.allowedActions.includes(a);
  if (
    !["confirm", "fulfil", "release", "withdraw"].some((a) => allowed(a as MyWish["allowedActions"][number]))
  )
    return null;
  const big = { height: 48, fontSize: 18 };
  return (
    <div style={{ display: "flex", gap: 12, marginTop: 12 }}>
      {allowed("confirm") && (
        <Button block color="primary" style={big} onClick={() => setSheet("confirm")}>
          {t("wishes.mine.confirm")}
        </Button>
      )}
      {allowed("fulfil") && (
        <Button block color="primary" style={big} onClick={() => setSheet("fulfil")}>
          {t("wishes.mine.fulfil")}
        </Button>
      )}
      {allowed("release") && (
        <Button block style={big} onClick={() => void ask("release")}>
          {t("wishes.mine.release")}
        </Button>
      )}
      {allowed("withdraw") && (
        <Button block style={big} onClick={() => void ask("withdraw")}>
          {t("wishes.mine.withdraw")}
        </Button>
      )}
      <NoteSheet
        open={sheet === "fulfil"}
        title={t("wishes.mine.fulfilTitle")}
        label={t("wishes.mine.fulfilLabel")}
        placeholder={t("wishes.mine.fulfilPlaceholder")}
        withPhotos
        pending={step.isPending}
        error={step.error?.message}
        onSubmit={(note, photos) =>
          step.mutate({ id: w.id, step: { action: "fulfil", note, photos } }, { onSuccess: done })
        }
        onClose={() => setSheet(null)}
      />
      <BottomSheet
        open={sheet === "confirm"}
        label={t("wishes.mine.confirmTitle")}
        onClose={() => setSheet(null)}
      >
        <h2 style={{ margin: "0 0 12px", fontSize: 21 }}>{t("wishes.mine.confirmTitle")}</h2>
        <div style={{ fontSize: 18, marginBottom: 6 }}>{t("wishes.mine.thanks")}</div>
        <TextArea
          value={thanks}
          onChange={setThanks}
          placeholder={t("wishes.mine.thanksPlaceholder")}
          rows={3}
          maxLength={500}
          style={TEXT_BOX}
        />
        <Button
          block
          color="primary"
          size="large"
          loading={step.isPending}
          style={{ marginTop: 16, height: 52 }}
          onClick={() =>
            step.mutate(
              { id: w.id, step: { action: "confirm", thanks: thanks.trim() || undefined } },
              { onSuccess: done, onError: fail },
            )
          }
        >
          {t("wishes.mine.confirm")}
        </Button>
      </BottomSheet>
    </div>
  );
}
