import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { api, type ResponseOf } from "../../../common/api.ts";

// The order API as the mobile pages use it: types, query keys, the calls they share.

export type HallItem = ResponseOf<"/api/v1/orders/hall", "get">["open"][number];
export type OrderItem = ResponseOf<"/api/v1/orders/mine", "get">["items"][number];
export type OrderDetail = ResponseOf<"/api/v1/orders/{idOrCode}", "get">;
export type OrderStatus = OrderDetail["status"];
export interface Spot {
  lat: number;
  lng: number;
}

/** Every order query starts with this key, so one invalidation refreshes the hall, lists and details. */
export const ORDERS_KEY = ["orders"] as const;

export function useOrder(idOrCode: string) {
  return useQuery({
    queryKey: [...ORDERS_KEY, "detail", idOrCode],
    queryFn: ({ signal }) => api.get("/api/v1/orders/{idOrCode}", { path: { idOrCode }, signal }),
  });
}

export type StepBody =
  | { action: "grab" | "arrive"; at?: Spot }
  | { action: "release"; note?: string }
  | { action: "complete"; note: string; photos: string[] }
  | { action: "rate"; score: number; comment?: string };

/** A step on one order by the phone's user; the hall, lists and the order are fetched again afterwards. */
export function useOrderStep(idOrCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: StepBody) => {
      const path = { path: { idOrCode } };
      switch (step.action) {
        case "grab":
          return api.post("/api/v1/orders/{idOrCode}/grab", { ...step.at }, path);
        case "arrive":
          return api.post("/api/v1/orders/{idOrCode}/arrive", { ...step.at }, path);
        case "release":
          return api.post("/api/v1/orders/{idOrCode}/release", step.note ? { note: step.note } : {}, path);
        case "complete":
          return api.post(
            "/api/v1/orders/{idOrCode}/complete",
            { note: step.note, photos: step.photos },
            path,
          );
        case "rate":
          return api.post(
            "/api/v1/orders/{idOrCode}/rate",
            { score: step.score, ...(step.comment ? { comment: step.comment } : {}) },
            path,
          );
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: ORDERS_KEY }),
  });
}

/**
 * The phone's position, asked for once: the hall sorts by it and a distance-limited order needs
 * it. "none" when the browser cannot or may not tell (the hall then sorts by time).
 */
export function usePhoneLocation(): { at?: Spot; state: "locating" | "found" | "none" } {
  const [found, setFound] = useState<{ at?: Spot; state: "locating" | "found" | "none" }>({
    state: "locating",
  });
  useEffect(() => {
    if (!("geolocation" in navigator)) return setFound({ state: "none" });
    let live = true;
    navigator.geolocation.getCurrentPosition(
      (p) => live && setFound({ at: { lat: p.coords.latitude, lng: p.coords.longitude }, state: "found" }),
      () => live && setFound({ state: "none" }),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
    return () => {
      live = false;
    };
  }, []);
  return found;
}

/** Amap's marker page: opens the phone's map app (or the web map) with the route to the place. */
export function navigateUrl(o: { lat: number | null; lng: number | null; title: string }): string | null {
  if (o.lat === null || o.lng === null) return null;
  return `https://uri.amap.com/marker?position=${o.lng},${o.lat}&name=${encodeURIComponent(o.title)}`;
}

/** "350 米", "1.2 公里". */
export function distanceText(t: TFunction, metres: number): string {
  return metres < 1000
    ? t("orders.units.meters", { count: metres })
    : t("orders.units.kilometers", { count: Number((metres / 1000).toFixed(1)) });
}
