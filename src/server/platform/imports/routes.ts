import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import { principalOf } from "../auth/index.ts";
import { multipartScope, receiveFilePart } from "../files/index.ts";
import { Paged, PageQuery } from "../http/paging.ts";
import { type App, Enum, ErrorBody, IdParams, Nullable, responses, Uuid } from "../http/types.ts";
import { attachment, XLSX_TYPE } from "../xlsx/index.ts";
import { getJob, listJobs } from "./jobs-table.ts";
import {
  confirmImport,
  createImport,
  type ImportService,
  importKinds,
  importReport,
  importTemplate,
  presentJob,
} from "./service.ts";
import { IMPORT_STATUSES } from "./tables.ts";

const tags = ["imports"];
const signedIn = { access: "authenticated" as const };
const Label = Type.Object({ "zh-CN": Type.String(), en: Type.String() });
const Kind = Type.Object({
  kind: Type.String(),
  label: Label,
  source: Enum(["sheet", "geojson"] as const),
  template: Type.Boolean({ description: "an .xlsx template exists (sheets)" }),
  columns: Type.Array(
    Type.Object({
      header: Type.String(),
      required: Type.Boolean(),
      note: Nullable(Type.String()),
      values: Nullable(Type.Array(Type.String())),
    }),
  ),
});
const Problem = Type.Object({
  row: Type.Integer({ description: "the sheet's row number, or the feature's position (1-based)" }),
  column: Type.Optional(Type.String({ description: "the column's header as in the file" })),
  reason: Type.String(),
});
const Job = Type.Object({
  id: Uuid,
  kind: Type.String(),
  status: Enum(IMPORT_STATUSES),
  filename: Type.String(),
  rowsTotal: Type.Integer(),
  rowsChecked: Type.Integer(),
  rowsWritten: Type.Integer(),
  errorCount: Type.Integer(),
  problems: Type.Array(Problem, { description: "the first problems; all of them are in report.xlsx" }),
  hasReport: Type.Boolean({
    description: "a rejected file's report is there (kept 24 hours, for its uploader)",
  }),
  summary: Type.Record(Type.String(), Type.Integer(), { description: "done: created, updated, unchanged" }),
  message: Nullable(Type.String({ description: "why a job failed as a whole" })),
  createdByName: Nullable(Type.String()),
  mine: Type.Boolean(),
  canConfirm: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
  updatedAt: Type.String({ format: "date-time" }),
  finishedAt: Nullable(Type.String({ format: "date-time" })),
});
const Xlsx = {
  200: {
    description: "an .xlsx workbook",
    content: { [XLSX_TYPE]: { schema: Type.String({ format: "binary" }) } },
  },
  "4xx": ErrorBody,
};

const sendWorkbook = (reply: FastifyReply, bytes: unknown, name: string, ascii: string) =>
  reply
    .type(XLSX_TYPE)
    .header("content-disposition", attachment(name, ascii))
    .header("cache-control", "no-store")
    // Bytes or a stream, sent as they are; the binary schema only documents them.
    .send(bytes as string);

/**
 * Spreadsheet and GeoJSON imports: upload → a job checks every row → the uploader reads the row
 * report and confirms → a job writes the whole file in one transaction. Jobs are seen by their
 * uploader and by staff whose scope covers him.
 */
export function importRoutes(app: App, service: ImportService) {
  const { db } = service;

  app.get(
    "/imports/kinds",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "What the caller may import, with each kind's columns",
        response: responses({ 200: Type.Array(Kind) }),
      },
    },
    (req) => importKinds(service, principalOf(req)),
  );

  app.get(
    "/imports/templates/:kind",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "The .xlsx template of a kind (/imports/templates/residents.xlsx): Chinese headers, required ones marked *, an example row, drop-down lists, instructions",
        params: Type.Object(
          { kind: Type.String({ pattern: "^[A-Za-z]+\\.xlsx$", maxLength: 60 }) },
          { additionalProperties: false },
        ),
        response: Xlsx,
      },
    },
    async (req, reply) => {
      const kind = req.params.kind.replace(/\.xlsx$/, "");
      const bytes = await importTemplate(service, principalOf(req), kind);
      return sendWorkbook(reply, bytes, `导入模板-${kind}.xlsx`, `${kind}-template.xlsx`);
    },
  );

  multipartScope(app, (scope) => {
    scope.post(
      "/imports",
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            "Upload a file to import (kind before the file in the form, or ?kind=): .xlsx/.csv for sheets, .geojson for gridPolygons; 202 with the job, checked in the background",
          consumes: ["multipart/form-data"],
          querystring: Type.Object(
            { kind: Type.Optional(Type.String({ maxLength: 40 })) },
            { additionalProperties: false },
          ),
          // Documents the form; multipart bodies are streamed, so this is not validated (validation.ts).
          body: {
            content: {
              "multipart/form-data": {
                schema: Type.Object(
                  {
                    kind: Type.String({ description: "residents, partyMembers, staff, grids, gridPolygons" }),
                    file: Type.String({ format: "binary" }),
                  },
                  { additionalProperties: false },
                ),
              },
            },
          },
          response: { 202: Job, "4xx": ErrorBody },
        },
      },
      async (req, reply) => {
        const upload = await receiveFilePart(req, async (part) => {
          const field = part.fields.kind as { value?: unknown } | undefined;
          return {
            bytes: await part.toBuffer(),
            filename: part.filename ?? "",
            mimetype: part.mimetype ?? "",
            kind: typeof field?.value === "string" ? field.value : undefined,
          };
        });
        const principal = principalOf(req);
        const job = await createImport(service, principal, req.actor, {
          ...upload,
          kind: upload.kind ?? req.query.kind,
        });
        return reply.status(202).send(presentJob(job, principal));
      },
    );
  });

  app.get(
    "/imports",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Recent imports: the caller's own and, for staff, those of the people in their scope",
        querystring: Type.Object(
          { mine: Type.Optional(Type.Boolean()), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Job) }),
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { items, total } = await listJobs(db, principal, service.importers, req.query);
      return { items: items.map((j) => presentJob(j, principal, false)), total };
    },
  );

  app.get(
    "/imports/:id",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "An import's status and progress (rows checked, rows written) and its first problems",
        params: IdParams,
        response: responses({ 200: Job }),
      },
    },
    async (req) => {
      const principal = principalOf(req);
      return presentJob(await getJob(db, principal, service.importers, req.params.id), principal);
    },
  );

  app.get(
    "/imports/:id/report.xlsx",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "A rejected file's report, for its uploader, kept 24 hours: its rows with an added 错误说明 column (GeoJSON: the problems)",
        params: IdParams,
        response: Xlsx,
      },
    },
    async (req, reply) => {
      const { job, bytes } = await importReport(service, principalOf(req), req.params.id);
      const base = job.filename.replace(/\.[^.]*$/, "");
      return sendWorkbook(reply, bytes, `导入报告-${base}.xlsx`, `import-report-${job.id}.xlsx`);
    },
  );

  app.post(
    "/imports/:id/confirm",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Write a checked file (no problems) in one transaction, as a background job; 409 with details.status otherwise",
        params: IdParams,
        response: responses({ 202: Job }),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const job = await confirmImport(service, principal, req.params.id);
      return reply.status(202).send(presentJob(job, principal));
    },
  );
}
