import type { ResponseOf } from "../../../../common/api.ts";

export const UNIT_KEY = ["engagement", "unit-phone"] as const;

export type Member = ResponseOf<"/api/v1/engagement/progress", "get">["items"][number];
export type RotaDay = ResponseOf<"/api/v1/engagement/rota", "get">["items"][number];
export type Card = ResponseOf<"/api/v1/engagement/feedback-cards", "get">["items"][number];

/** Report-in as the unit says it: 已报到 once the community approved, 未报到 with none yet. */
export type Standing = NonNullable<Member["status"]> | "none";
export const standingOf = (m: Member): Standing => m.status ?? "none";
export const STANDING_COLOR = {
  approved: "success",
  pending: "warning",
  returned: "danger",
  none: "default",
} as const;

/** The unit issues a letter for a member with none yet, or again after the community returned it. */
export const needsLetter = (m: Member): boolean => !m.status || m.status === "returned";

export const letterUrl = (reportInId: string) => `/api/v1/engagement/report-ins/${reportInId}/letter.pdf`;
export const cardUrl = (id: string) => `/api/v1/engagement/feedback-cards/${id}.pdf`;

/** This quarter in China: the cards the community sends are per quarter. */
export function chinaQuarter(now = new Date()): { year: number; quarter: number } {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return { year: china.getUTCFullYear(), quarter: Math.floor(china.getUTCMonth() / 3) + 1 };
}
