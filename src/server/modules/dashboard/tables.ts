import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../platform/db/path-index.ts";

/** 月报 and 季报. */
export const REPORT_KINDS = ["monthly", "quarterly"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A report is about one area (a community, a street, the district: its territory) or one department (its whistles). */
export const REPORT_SUBJECTS = ["community", "street", "district", "department"] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];

export const REPORT_STATUSES = ["pending", "ready", "failed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** D2 periodic reports: one row per subject and period, its .xlsx and PDF in platform/files. */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ReportKind>().notNull(),
    subjectType: text("subject_type").$type<ReportSubject>().notNull(),
    subjectId: uuid("subject_id").notNull(),
    subjectName: text("subject_name").notNull(),
    /** The community's path, or the district's for a department: who may read it. */
    territoryPath: text("territory_path").notNull(),
    /** First day of the period, and the first day after it (China days). */
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    status: text("status").$type<ReportStatus>().notNull().default("pending"),
    xlsxFileId: text("xlsx_file_id"),
    pdfFileId: text("pdf_file_id"),
    error: text("error"),
    requestedBy: uuid("requested_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    generatedAt: timestamp("generated_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("reports_subject_period_unique").on(t.kind, t.subjectType, t.subjectId, t.periodStart),
    index("reports_period_idx").on(t.periodStart, t.createdAt),
    pathIndex("reports_territory_idx", t.territoryPath),
  ],
);
