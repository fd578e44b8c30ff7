import type { QueryOf, ResponseOf } from "../../../../common/api.ts";

export const UNITS_KEY = ["engagement", "units"] as const;

export type Pairing = ResponseOf<"/api/v1/engagement/pairings", "get">["items"][number];
export type PairingQuery = NonNullable<QueryOf<"/api/v1/engagement/pairings", "get">>;
export type ReportIn = ResponseOf<"/api/v1/engagement/report-ins", "get">["items"][number];
export type ReportInQuery = NonNullable<QueryOf<"/api/v1/engagement/report-ins", "get">>;
export type ReportInStatus = ReportIn["status"];
export type Progress = ResponseOf<"/api/v1/engagement/progress", "get">["items"][number];
export type RotaDay = ResponseOf<"/api/v1/engagement/rota", "get">["items"][number];

export const SIX_FIXES = ["post", "duty", "time", "task", "assessment", "reward"] as const;
export const REPORT_IN_STATUSES: readonly ReportInStatus[] = ["pending", "approved", "returned"];
export const STATUS_COLOR = { pending: "orange", approved: "green", returned: "red" } as const;
