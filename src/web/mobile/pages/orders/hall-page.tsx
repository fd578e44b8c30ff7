import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorBlock, List, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError, api } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { OrderCard } from "./order-card.tsx";
import { ORDERS_KEY, type Spot, usePhoneLocation } from "./order-data.ts";

/**
 * 抢单大厅: the orders the member (or volunteer) may grab, nearest first once the phone knows where
 * it is, and above them the ones he holds. A grab that loses the race says so and refreshes.
 */
export function OrderHallPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { at, state } = usePhoneLocation();
  const hall = useQuery({
    queryKey: [...ORDERS_KEY, "hall", at?.lat, at?.lng],
    queryFn: ({ signal }) => api.get("/api/v1/orders/hall", { query: at ?? {}, signal }),
    // Wait for the location (or its refusal): one list, sorted once.
    enabled: state !== "locating",
  });
  const grab = useMutation({
    mutationFn: ({ code, where }: { code: string; where?: Spot }) =>
      api.post("/api/v1/orders/{idOrCode}/grab", { ...where }, { path: { idOrCode: code } }),
    onSuccess: (done, { code }) => {
      const minutes = hall.data?.open.find((o) => o.code === code)?.onSiteMinutes ?? 30;
      Toast.show({ icon: "success", content: t("orders.mobile.hall.grabbed", { minutes }), duration: 2500 });
      navigate(`/orders/${done.code}`);
    },
    onError: (err) => {
      const taken = err instanceof ApiError && err.code === "ORDER_TAKEN";
      Toast.show({
        icon: "fail",
        content: taken ? t("orders.mobile.hall.taken") : err.message,
        duration: 3500,
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: ORDERS_KEY }),
  });

  const body = () => {
    if (hall.error) return <ErrorBlock status="disconnected" title={hall.error.message} description="" />;
    if (!hall.data) return <Loading />;
    const { taken, open } = hall.data;
    return (
      <>
        {taken.length > 0 && (
          <Section title={t("orders.mobile.hall.mine")}>
            <List>
              {taken.map((o) => (
                <OrderCard key={o.id} o={o} />
              ))}
            </List>
          </Section>
        )}
        <Section title={t("orders.mobile.hall.pool")}>
          {open.length === 0 ? (
            <ErrorBlock
              status="empty"
              title={t("orders.mobile.hall.empty")}
              description={t("orders.mobile.hall.emptyHint")}
              style={{ padding: "24px 0" }}
            />
          ) : (
            <List>
              {open.map((o) => (
                <OrderCard
                  key={o.id}
                  o={o}
                  grabbing={grab.isPending && grab.variables?.code === o.code}
                  onGrab={() => grab.mutate({ code: o.code, where: at })}
                />
              ))}
            </List>
          )}
        </Section>
      </>
    );
  };

  return (
    <>
      <PageBar title={t("orders.mobile.hall.title")} back="/" />
      {state !== "found" && (
        <div style={{ padding: "8px 16px", fontSize: 15, color: "var(--adm-color-text-secondary)" }}>
          {t(state === "locating" ? "orders.mobile.hall.locating" : "orders.mobile.hall.noLocation")}
        </div>
      )}
      {body()}
    </>
  );
}
