import type { ResponseOf } from "../../../../common/api.ts";

export const RECORD_KEY = ["engagement", "my-record"] as const;

export type MyRecord = ResponseOf<"/api/v1/engagement/me/records", "get">["items"][number];
export type MySuggestion = ResponseOf<"/api/v1/engagement/suggestions", "get">["items"][number];

/** "2026-4": the quarter a service day lies in, to group the list. */
export const quarterKey = (day: string) =>
  `${day.slice(0, 4)}-${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** Today in China, YYYY-MM-DD (the phone may sit in another zone). */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
