import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Dialog, ErrorBlock, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError, api } from "../../../common/api.ts";
import { MoreButton } from "../../more-button.tsx";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { type Offer, SHOP_KEY } from "./shop-data.ts";

const PAGE_SIZE = 20;

/**
 * 积分超市: what the caller's community, street and district offer for his points, in stock first;
 * each card with its photo, price, what is left and where to collect it, and a redeem button that
 * first says what it costs and what will be left.
 */
export function ShopPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: [...SHOP_KEY, "offers"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/points/shop", { query: { page: pageParam, pageSize: PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const redeem = useMutation({
    mutationFn: (o: Offer) =>
      api.post("/api/v1/points/redemptions", { itemId: o.id, audience: o.payWith ?? undefined }),
    onSettled: () => client.invalidateQueries({ queryKey: ["points"] }),
  });
  const balances = list.data?.pages[0]?.balances ?? [];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const balanceOf = (o: Offer) => balances.find((b) => b.audience === o.payWith)?.balance ?? 0;

  const ask = async (o: Offer) => {
    const audience = o.payWith ?? "resident";
    const ok = await Dialog.confirm({
      title: t("pointsShop.phone.confirmTitle"),
      content: (
        <div style={{ fontSize: 18, lineHeight: 1.6 }}>
          {t("pointsShop.phone.confirmText", {
            name: o.name,
            price: o.price,
            audience: t(`pointsShop.audiences.${audience}`),
            after: balanceOf(o) - o.price,
          })}
        </div>
      ),
      confirmText: t("pointsShop.phone.confirm"),
      cancelText: t("pointsShop.phone.cancel"),
    });
    if (!ok) return;
    redeem.mutate(o, {
      onSuccess: (r) => {
        Toast.show({ icon: "success", content: t("pointsShop.phone.done") });
        navigate(`/points/redemptions?new=${r.id}`);
      },
      onError: (err) => Toast.show({ content: err instanceof ApiError ? err.message : String(err) }),
    });
  };

  return (
    <>
      <PageBar title={t("pointsShop.title")} back="/" />
      <div style={{ display: "flex", gap: 12, padding: "12px 16px", background: "#fff", flexWrap: "wrap" }}>
        {list.data && balances.length === 0 && (
          <span style={{ fontSize: 17 }}>{t("pointsShop.phone.noBalance")}</span>
        )}
        {balances.map((b) => (
          <div key={b.audience} data-testid={`balance-${b.audience}`} style={{ fontSize: 17 }}>
            {t("pointsShop.phone.balance", { name: t(`pointsShop.audiences.${b.audience}`) })}{" "}
            <b style={{ fontSize: 22, color: "var(--adm-color-primary)" }}>{b.balance}</b>
          </div>
        ))}
        <Button size="small" fill="none" color="primary" onClick={() => navigate("/points/redemptions")}>
          {t("pointsShop.mine")}
        </Button>
      </div>
      {list.error ? (
        <ErrorBlock status="disconnected" title={list.error.message} description="" />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("pointsShop.phone.empty")} description="" />
      ) : (
        items.map((o) => <OfferCard key={o.id} o={o} busy={redeem.isPending} onRedeem={() => void ask(o)} />)
      )}
      <MoreButton list={list} />
    </>
  );
}

function OfferCard({ o, busy, onRedeem }: { o: Offer; busy: boolean; onRedeem: () => void }) {
  const { t } = useTranslation();
  const soldOut = o.stock === 0;
  return (
    <article
      data-testid="shop-item"
      aria-disabled={soldOut}
      style={{
        display: "flex",
        gap: 12,
        margin: "12px 12px 0",
        padding: 12,
        borderRadius: 12,
        background: "#fff",
        opacity: soldOut ? 0.5 : 1,
      }}
    >
      <div
        style={{
          flex: "0 0 96px",
          height: 96,
          borderRadius: 8,
          background: "#f5f5f5",
          overflow: "hidden",
        }}
      >
        {o.photo && (
          <img src={o.photo.url} alt={o.name} style={{ width: "100%", height: "100%", objectFit: "cover" }} />
        )}
      </div>
      <div style={{ flex: 1, minWidth: 0, display: "flex", flexDirection: "column", gap: 4 }}>
        <h3 style={{ margin: 0, fontSize: 19 }}>
          {o.name}{" "}
          <Tag color={o.kind === "service" ? "primary" : "default"} style={{ fontSize: 13 }}>
            {t(`pointsShop.kinds.${o.kind}`)}
          </Tag>
        </h3>
        {o.description && <div style={{ fontSize: 15, color: "#666" }}>{o.description}</div>}
        <div style={{ fontSize: 15, color: "#666" }}>
          {t("pointsShop.phone.pickUpAt", { shop: o.merchant?.name ?? t("pointsShop.phone.communityHall") })}
        </div>
        <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 8 }}>
          <span>
            <b style={{ fontSize: 20, color: "#d4380d" }}>
              {t("pointsShop.phone.points", { points: o.price })}
            </b>
            <span style={{ fontSize: 15, marginLeft: 8 }}>
              {soldOut ? t("pointsShop.phone.soldOut") : t("pointsShop.phone.stockLeft", { stock: o.stock })}
            </span>
          </span>
          <Button
            color="primary"
            size="middle"
            disabled={!o.affordable || busy}
            onClick={onRedeem}
            style={{ fontSize: 17 }}
          >
            {soldOut
              ? t("pointsShop.phone.soldOut")
              : o.affordable
                ? t("pointsShop.phone.redeem")
                : t("pointsShop.phone.notEnough")}
          </Button>
        </div>
      </div>
    </article>
  );
}
