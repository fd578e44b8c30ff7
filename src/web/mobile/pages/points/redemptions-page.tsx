import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Dialog, ErrorBlock, Tag, Toast } from "antd-mobile";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError, api } from "../../../common/api.ts";
import { MoreButton } from "../../more-button.tsx";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { groupedCode, type Redemption, SHOP_KEY, STATUS_COLOURS, whenOf } from "./shop-data.ts";

const PAGE_SIZE = 20;

/** The code as a QR image, drawn here (level M survives glare and a cracked screen). */
function CodeQr({ code }: { code: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(code, { width: 320, margin: 2, errorCorrectionLevel: "M" }).then((url) => {
      if (live) setImage(url);
    });
    return () => {
      live = false;
    };
  }, [code]);
  if (!image) return <div style={{ width: 240, height: 240 }} />;
  return (
    <img
      src={image}
      alt={code}
      data-testid="redemption-qr"
      style={{ width: "min(70vw, 260px)", height: "auto", imageRendering: "pixelated" }}
    />
  );
}

/**
 * 我的兑换: newest first; each one still to collect shows a large QR code and its code in big
 * letters to show at the shop, and can be cancelled (the points come back).
 */
export function RedemptionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: [...SHOP_KEY, "mine"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/points/redemptions/mine", { query: { page: pageParam, pageSize: PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api.post("/api/v1/points/redemptions/{id}/cancel", {}, { path: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: ["points"] }),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const ask = async (r: Redemption) => {
    const ok = await Dialog.confirm({
      content: <div style={{ fontSize: 18 }}>{t("pointsShop.phone.cancelConfirm")}</div>,
      confirmText: t("pointsShop.phone.cancelRedemption"),
      cancelText: t("pointsShop.phone.cancel"),
    });
    if (!ok) return;
    cancel.mutate(r.id, {
      onSuccess: () => Toast.show({ icon: "success", content: t("pointsShop.phone.cancelled") }),
      onError: (err) => Toast.show({ content: err instanceof ApiError ? err.message : String(err) }),
    });
  };

  const when = (r: Redemption) =>
    r.deliveredAt
      ? t("pointsShop.phone.deliveredAt", { at: whenOf(r.deliveredAt, i18n.language) })
      : r.cancelledAt
        ? t("pointsShop.phone.cancelledAt", { at: whenOf(r.cancelledAt, i18n.language) })
        : t("pointsShop.phone.redeemedAt", { at: whenOf(r.createdAt, i18n.language) });

  return (
    <>
      <PageBar title={t("pointsShop.mine")} back="/points/shop" />
      {list.error ? (
        <ErrorBlock status="disconnected" title={list.error.message} description="" />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("pointsShop.phone.myEmpty")} description="" />
      ) : (
        items.map((r) => (
          <article
            key={r.id}
            data-testid="my-redemption"
            style={{ margin: "12px 12px 0", padding: 16, borderRadius: 12, background: "#fff" }}
          >
            <header
              style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}
            >
              <h3 style={{ margin: 0, fontSize: 19 }}>
                {r.item.name}
                {r.quantity > 1 ? ` ×${r.quantity}` : ""}
              </h3>
              <Tag color={STATUS_COLOURS[r.status]} style={{ fontSize: 16 }} data-testid="redemption-status">
                {t(`pointsShop.status.${r.status}`)}
              </Tag>
            </header>
            <div style={{ fontSize: 16, color: "#666", marginTop: 4 }}>
              {t("pointsShop.phone.points", { points: r.points })} ·{" "}
              {t("pointsShop.phone.pickUpAt", {
                shop: r.merchant
                  ? `${r.merchant.name}（${r.merchant.address}）`
                  : t("pointsShop.phone.communityHall"),
              })}
            </div>
            <div style={{ fontSize: 15, color: "#999", marginTop: 2 }}>{when(r)}</div>
            {r.status === "reserved" && r.code && (
              <div
                style={{
                  display: "flex",
                  flexDirection: "column",
                  alignItems: "center",
                  gap: 6,
                  marginTop: 12,
                }}
              >
                <CodeQr code={r.code} />
                <div style={{ fontSize: 16 }}>{t("pointsShop.phone.codeLabel")}</div>
                <div
                  data-testid="redemption-code"
                  style={{ fontFamily: "monospace", fontSize: 34, fontWeight: 700, letterSpacing: 4 }}
                >
                  {groupedCode(r.code)}
                </div>
                <div style={{ fontSize: 15, color: "#666" }}>{t("pointsShop.phone.showCode")}</div>
                <Button
                  fill="outline"
                  size="large"
                  loading={cancel.isPending && cancel.variables === r.id}
                  onClick={() => void ask(r)}
                  style={{ marginTop: 8 }}
                >
                  {t("pointsShop.phone.cancelRedemption")}
                </Button>
              </div>
            )}
          </article>
        ))
      )}
      <MoreButton list={list} />
      <div style={{ padding: 16 }}>
        <Button block size="large" color="primary" fill="outline" onClick={() => navigate("/points/shop")}>
          {t("pointsShop.phone.goShop")}
        </Button>
      </div>
    </>
  );
}
