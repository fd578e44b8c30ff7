import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Dialog, ErrorBlock, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { ApiError, api, type ResponseOf } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Failed, Loading } from "../status.tsx";

type Mine = ResponseOf<"/api/v1/points/credit/consents/mine", "get">;
type Holder = Mine["items"][number];
const KEY = ["points", "credit", "mine"];

/** One of the caller's holders (as a resident, as a shop): what is shared, and consent or withdraw. */
function HolderCard({ holder, bank }: { holder: Holder; bank: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const live = holder.consents[0];
  const done = (words: string) => {
    void client.invalidateQueries({ queryKey: KEY });
    Toast.show({ icon: "success", content: words });
  };
  const failed = (e: Error) => Toast.show({ content: e instanceof ApiError ? e.message : String(e) });
  const grant = useMutation({
    mutationFn: () => api.post("/api/v1/points/credit/consents/mine", { audience: holder.audience, bank }),
    onSuccess: () => done(t("pointsRankings.credit.mobile.done")),
    onError: failed,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      api.post("/api/v1/points/credit/consents/{id}/withdraw", undefined, { path: { id } }),
    onSuccess: () => done(t("pointsRankings.credit.mobile.undone")),
    onError: failed,
  });
  const ask = async () => {
    const ok = await Dialog.confirm({
      content: (
        <div style={{ fontSize: 18 }}>
          {live
            ? t("pointsRankings.credit.mobile.withdrawConfirm")
            : t("pointsRankings.credit.mobile.grantConfirm", { bank })}
        </div>
      ),
      confirmText: live
        ? t("pointsRankings.credit.mobile.withdraw")
        : t("pointsRankings.credit.mobile.grant"),
      cancelText: t("mobile.back"),
    });
    if (!ok) return;
    if (live) withdraw.mutate(live.id);
    else grant.mutate();
  };
  const shared =
    holder.audience === "resident"
      ? t("pointsRankings.credit.mobile.sharedResident")
      : t("pointsRankings.credit.mobile.sharedMerchant");
  return (
    <Section title={`${holder.name}（${t(`pointsRankings.credit.audience.${holder.audience}`)}）`}>
      <div style={{ padding: "4px 16px 16px", fontSize: 17, lineHeight: 1.6 }}>
        <div style={{ color: "#666" }}>{t("pointsRankings.credit.mobile.shared")}</div>
        <div>{shared}</div>
        <div style={{ color: "#666", marginTop: 4 }}>{t("pointsRankings.credit.mobile.notShared")}</div>
        {live && (
          <div data-testid="credit-granted" style={{ marginTop: 12, color: "#389e0d", fontWeight: 600 }}>
            {t("pointsRankings.credit.mobile.granted", {
              bank: live.bank,
              date: new Date(live.givenAt).toLocaleDateString(i18n.language),
            })}
          </div>
        )}
        <Button
          block
          size="large"
          color={live ? "default" : "primary"}
          style={{ marginTop: 16 }}
          loading={grant.isPending || withdraw.isPending}
          onClick={() => void ask()}
        >
          {live ? t("pointsRankings.credit.mobile.withdraw") : t("pointsRankings.credit.mobile.grant")}
        </Button>
      </div>
    </Section>
  );
}

/** 信用授权 on the phone: in plain words what the bank would see, and a consent given or withdrawn. */
export function CreditPage() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get("/api/v1/points/credit/consents/mine", { signal }),
  });
  const bank = mine.data?.bank ?? t("pointsRankings.credit.bankDefault");
  return (
    <>
      <PageBar title={t("pointsRankings.credit.mobile.title")} back="/points" />
      {mine.error ? (
        <Failed error={mine.error} retry={() => void mine.refetch()} />
      ) : !mine.data ? (
        <Loading />
      ) : mine.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t("pointsRankings.credit.mobile.none")} description="" />
      ) : (
        <>
          <div style={{ padding: "12px 16px 0", fontSize: 17, lineHeight: 1.6 }}>
            {t("pointsRankings.credit.mobile.intro")}
          </div>
          {mine.data.items.map((h) => (
            <HolderCard key={h.audience} holder={h} bank={h.consents[0]?.bank ?? bank} />
          ))}
        </>
      )}
    </>
  );
}
