import type { ResponseOf } from "../../../common/api.ts";

// The points shop's API as the phone pages use it: types, the query key, times.

export type Offer = ResponseOf<"/api/v1/points/shop", "get">["items"][number];
export type Redemption = ResponseOf<"/api/v1/points/redemptions/mine", "get">["items"][number];
export type Audience = Offer["audiences"][number];

/** Every shop query starts with this key, so one invalidation refreshes the shelves and my lists. */
export const SHOP_KEY = ["points", "shop"] as const;

/** "12月8日 14:05" in the reader's language. */
export const whenOf = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language, {
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });

/** "ABCD-EFGH": the code in two halves, easier to read out and type. */
export const groupedCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** Tag colours that stay the same wherever a status is shown. */
export const STATUS_COLOURS: Record<Redemption["status"], string> = {
  reserved: "warning",
  delivered: "success",
  cancelled: "default",
};
