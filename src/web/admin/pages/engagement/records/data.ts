import type { QueryOf, ResponseOf } from "../../../../common/api.ts";

export const RECORDS_KEY = ["engagement", "records"] as const;

export type RecordItem = ResponseOf<"/api/v1/engagement/records", "get">["items"][number];
export type RecordQuery = NonNullable<QueryOf<"/api/v1/engagement/records", "get">>;
export type RecordStatus = RecordItem["status"];
export type RecordKind = RecordItem["kind"];
export type Suggestion = ResponseOf<"/api/v1/engagement/suggestions", "get">["items"][number];
export type Ledger = ResponseOf<"/api/v1/engagement/ledger", "get">;
export type LedgerRow = Ledger["items"][number];
export type Grade = NonNullable<LedgerRow["card"]>["grade"];

export const RECORD_STATUSES: readonly RecordStatus[] = ["pending", "approved", "rejected"];
export const RECORD_KINDS: readonly RecordKind[] = [
  "order",
  "wish",
  "volunteering",
  "visit",
  "suggestion",
  "partyActivity",
  "other",
];
export const GRADES: readonly Grade[] = ["excellent", "good", "fair", "poor"];
export const STATUS_COLOR = { pending: "orange", approved: "green", rejected: "red" } as const;

/** This quarter in China time: the ledger and the cards open on it. */
export function currentQuarter(now = new Date()): { year: number; quarter: number } {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return { year: china.getUTCFullYear(), quarter: Math.floor(china.getUTCMonth() / 3) + 1 };
}
