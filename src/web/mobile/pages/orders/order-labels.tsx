import { Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import type { OrderStatus } from "./order-data.ts";

const COLOURS: Record<OrderStatus, string> = {
  open: "danger",
  grabbed: "warning",
  onSite: "primary",
  completed: "success",
  rated: "default",
  cancelled: "default",
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} style={{ fontSize: 15, padding: "3px 8px" }} data-testid="order-status">
      {t(`orders.status.${status}`)}
    </Tag>
  );
}

/** An event's action; one the web does not know yet shows as itself. */
export function useActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation();
  return (action) =>
    i18n.exists(`orders.action.${action}`) ? t(`orders.action.${action}` as "orders.action.grab") : action;
}
