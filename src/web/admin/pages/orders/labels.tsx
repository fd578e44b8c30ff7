import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { OrderStatus } from "./order-data.ts";

const COLOURS: Record<OrderStatus, string> = {
  open: "red",
  grabbed: "orange",
  onSite: "blue",
  completed: "green",
  rated: "default",
  cancelled: "default",
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="order-status">
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
