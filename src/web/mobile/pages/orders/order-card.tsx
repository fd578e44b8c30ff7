import { Button, List } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useFormatTime } from "../cases/case-labels.tsx";
import { distanceText, type HallItem, type OrderItem } from "./order-data.ts";
import { OrderStatusTag } from "./order-labels.tsx";

type Item = OrderItem & { distanceMeters?: number | null };

/**
 * An order as a large tappable row: service and status, what is needed, where and how far, and
 * (in the hall) the big 抢单 button.
 */
export function OrderCard({
  o,
  onGrab,
  grabbing,
}: {
  o: Item | HallItem;
  onGrab?: () => void;
  grabbing?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const time = useFormatTime();
  const category = i18n.language === "en" ? o.categoryNameEn : o.categoryName;
  const held = o.status === "grabbed" && o.onSiteDueAt;
  return (
    <List.Item onClick={() => navigate(`/orders/${o.code}`)} arrow={!onGrab} data-testid="order-item">
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <span style={{ fontSize: 16, color: "var(--adm-color-text-secondary)" }}>{category}</span>
        <OrderStatusTag status={o.status} />
        {typeof o.distanceMeters === "number" && (
          <span style={{ fontSize: 16, color: "var(--party-red)", fontWeight: 600 }}>
            {t("orders.mobile.hall.distance", { distance: distanceText(t, o.distanceMeters) })}
          </span>
        )}
      </div>
      <div style={{ fontSize: 19, fontWeight: 600, margin: "4px 0" }}>{o.title}</div>
      {o.description && o.description !== o.title && (
        <div
          style={{
            fontSize: 17,
            display: "-webkit-box",
            WebkitLineClamp: 2,
            WebkitBoxOrient: "vertical",
            overflow: "hidden",
          }}
        >
          {o.description}
        </div>
      )}
      <div style={{ fontSize: 15, color: "var(--adm-color-text-secondary)", marginTop: 4 }}>
        {o.address ?? o.nodeName}
        {o.maxDistanceMeters !== null && (
          <> · {t("orders.mobile.hall.limit", { distance: distanceText(t, o.maxDistanceMeters) })}</>
        )}
      </div>
      {held && (
        <div style={{ fontSize: 16, color: "var(--adm-color-warning)", fontWeight: 600 }}>
          {t("orders.mobile.hall.due", { time: time(o.onSiteDueAt as string) })}
        </div>
      )}
      {onGrab && (
        <Button
          block
          color="primary"
          size="large"
          loading={grabbing}
          onClick={(e) => {
            e.stopPropagation();
            onGrab();
          }}
          style={{ marginTop: 10, height: 52, fontSize: 19 }}
        >
          {t("orders.action.grab")}
        </Button>
      )}
    </List.Item>
  );
}
