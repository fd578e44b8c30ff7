import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { notFound } from "../../../platform/errors.ts";
import { openStoredFile, sendStoredFile } from "../../../platform/files/index.ts";
import { PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, Nullable, responses, Time, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { attachment } from "../../../platform/xlsx/index.ts";
import { REPORT_KINDS, REPORT_STATUSES, REPORT_SUBJECTS } from "../tables.ts";
import { periodLabel } from "./gather.ts";
import { sendAskedReportJob } from "./jobs.ts";
import { getReport, listReports, presentReport, requestReport } from "./service.ts";

const tags = ["dashboard"];
const Day = Type.String({ format: "date" });
const Report = Type.Object({
  id: Uuid,
  kind: Enum(REPORT_KINDS),
  subjectType: Enum(REPORT_SUBJECTS),
  subjectId: Uuid,
  subjectName: Type.String(),
  periodStart: Day,
  periodEnd: Type.String({ format: "date", description: "The first day after the period" }),
  status: Enum(REPORT_STATUSES),
  error: Nullable(Type.String()),
  createdAt: Time,
  generatedAt: Nullable(Time),
  files: Nullable(Type.Object({ xlsx: Type.String(), pdf: Type.String() })),
});
const FORMATS = { xlsx: "xlsx", pdf: "pdf" } as const;

/** D2: monthly and quarterly reports, written by a job on the 1st and on demand, listed for download. */
export function reportRoutes(app: App, { db, config: { dataDir }, queue }: ModuleContext) {
  app.get(
    "/dashboard/reports",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Reports the caller may read: his territory's communities, his department's",
        querystring: Type.Object(
          {
            kind: Type.Optional(Enum(REPORT_KINDS)),
            subjectType: Type.Optional(Enum(REPORT_SUBJECTS)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(Report), total: Type.Integer() }) }),
      },
    },
    (req) => listReports(db, principalOf(req), req.query),
  );

  app.post(
    "/dashboard/reports",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Make (or make again) a community's or a department's report for a month or a quarter",
        body: Type.Object(
          {
            kind: Enum(REPORT_KINDS),
            period: Type.String({ maxLength: 7, description: "2026-11 for a month, 2026-Q4 for a quarter" }),
            subjectType: Enum(REPORT_SUBJECTS),
            subjectId: Uuid,
          },
          { additionalProperties: false },
        ),
        response: responses({ 202: Report }),
      },
    },
    async (req, reply) => {
      const row = await requestReport(db, principalOf(req), req.actor, req.body);
      if (queue) await sendAskedReportJob(queue, row.id);
      return reply.code(202).send(presentReport(row));
    },
  );

  app.get(
    "/dashboard/reports/:id/:format",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "A ready report's .xlsx or PDF",
        params: Type.Object(
          { id: Uuid, format: Enum(["xlsx", "pdf"] as const) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.String({ format: "binary" }) }),
      },
    },
    async (req, reply) => {
      const report = await getReport(db, principalOf(req), req.params.id);
      const fileId = req.params.format === "xlsx" ? report.xlsxFileId : report.pdfFileId;
      const file = report.status === "ready" && fileId ? await openStoredFile(db, dataDir, fileId) : null;
      if (!file) throw notFound("report file", req.params.id);
      const noun = report.kind === "monthly" ? "月报" : "季报";
      const name = `${report.subjectName}-${periodLabel(report)}-${noun}.${FORMATS[req.params.format]}`;
      reply.header(
        "content-disposition",
        attachment(name, `report-${report.periodStart}-${report.kind}.${FORMATS[req.params.format]}`),
      );
      return sendStoredFile(reply, file, "private, max-age=300");
    },
  );
}
