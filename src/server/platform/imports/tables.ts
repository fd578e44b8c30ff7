import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const IMPORT_STATUSES = [
  "checking",
  "checked",
  "rejected",
  "writing",
  "done",
  "failed",
  "expired",
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One row-level problem found while checking a sheet: where it is and why. */
export interface RowProblem {
  row: number;
  column?: string;
  reason: string;
}

/**
 * A spreadsheet (or GeoJSON) import: checked as a job, shown as a row report, written on
 * confirmation in one transaction. The page polls it for progress and can leave and come back.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Which importer: residents, partyMembers, staff, grids, gridPolygons … */
    kind: text("kind").notNull(),
    status: text("status").$type<ImportStatus>().notNull(),
    /** The uploaded file (platform/files, sealed), deleted once the job no longer needs it. */
    fileId: text("file_id").notNull(),
    filename: text("filename").notNull(),
    rowsTotal: integer("rows_total").notNull().default(0),
    rowsChecked: integer("rows_checked").notNull().default(0),
    rowsWritten: integer("rows_written").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    /** The first problems, for the page; the whole list is in the report file. */
    problems: jsonb("problems").$type<RowProblem[]>().notNull().default([]),
    /** The sheet back with an error column (.xlsx, sealed), when there were problems; kept 24 h. */
    reportFileId: text("report_file_id"),
    /** What the write did: created, updated, unchanged counts. */
    summary: jsonb("summary").$type<Record<string, number>>().notNull().default({}),
    /** Why a job failed as a whole (unreadable file, a fault of ours). */
    message: text("message"),
    /** The importer's principal at upload time: scope is checked as it was then. */
    principal: jsonb("principal").notNull(),
    createdBy: uuid("created_by"),
    createdByName: text("created_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("import_jobs_creator_idx").on(t.createdBy, t.createdAt)],
);
