import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { principalOf } from "../../../platform/auth/index.ts";
import { multipartScope, receiveFilePart } from "../../../platform/files/index.ts";
import { type App, Enum, ErrorBody, Nullable, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { notASpreadsheet, XLSX_TYPE as XLSX_MIME } from "../../../platform/xlsx/index.ts";
import { listCategories } from "../catalog.ts";
import { importHotline } from "./service.ts";
import { MAX_IMPORT_ROWS, readSheet, sheetKind, templateWorkbook } from "./sheets.ts";

const tags = ["cases"];
const importer = { access: { permission: "cases.import" as const } };
/** Room for the multipart envelope around the file: part headers, boundaries, a few small fields. */
const _ENVELOPE_BYTES = 64 * 1024;

const Text = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
// Every field is optional here: a record missing one is reported on its row, not refused whole.
const HotlineRecord = Type.Object(
  {
    recordId: Text(64),
    calledAt: Text(40),
    callerName: Text(50),
    callerPhone: Text(40),
    requestType: Text(20),
    category: Text(100),
    content: Text(4000),
    address: Text(200),
    handlingUnit: Text(100),
    deadline: Text(40),
    urgency: Text(20),
    followUp: Type.Optional(Nullable(Type.Union([Type.String({ maxLength: 10 }), Type.Boolean()]))),
  },
  { additionalProperties: false },
);

const Report = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  unchanged: Type.Integer(),
  ready: Type.Optional(Type.Integer({ description: "check=true: the rows that would become cases" })),
  errors: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: "1-based index in the batch, or the spreadsheet's row number" }),
      recordId: Nullable(Type.String()),
      status: Enum(["created", "unchanged", "ready", "error"] as const),
      caseId: Type.Optional(Uuid),
      code: Type.Optional(Type.String()),
      error: Type.Optional(
        Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
      ),
    }),
  ),
});

/** The uploaded sheet's bytes and name. */
const receiveSheet = (req: FastifyRequest) =>
  receiveFilePart(req, async (part) => ({
    bytes: await part.toBuffer(),
    filename: part.filename ?? "",
    mimetype: part.mimetype ?? "",
  }));

/** 12345 work orders in: a JSON batch, or a spreadsheet as the hotline centre exports it. */
export function hotlineRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/cases/import",
    {
      config: importer,
      schema: {
        tags,
        summary:
          "Import 12345 hotline work orders: one case per record, idempotent by record id (工单编号); a report per row",
        body: Type.Object(
          { records: Type.Array(HotlineRecord, { minItems: 1, maxItems: MAX_IMPORT_ROWS }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Report }),
      },
    },
    (req) =>
      importHotline(
        db,
        principalOf(req),
        req.actor,
        req.body.records.map((record, i) => ({ row: i + 1, record })),
        "json",
      ),
  );

  app.get(
    "/cases/import/template.xlsx",
    {
      config: importer,
      schema: {
        tags,
        summary: "The import template: the Chinese headers, an example row and the accepted values",
        response: {
          200: {
            description: "an .xlsx workbook",
            content: { [XLSX_MIME]: { schema: Type.String({ format: "binary" }) } },
          },
          "4xx": ErrorBody,
        },
      },
    },
    async (_req, reply) => {
      const bytes = await templateWorkbook((await listCategories(db)).map((c) => c.name));
      return (
        reply
          .type(XLSX_MIME)
          .header(
            "content-disposition",
            `attachment; filename="hotline-template.xlsx"; filename*=UTF-8''${encodeURIComponent("12345工单导入模板.xlsx")}`,
          )
          // Bytes are sent as they are; the binary schema only documents them.
          .send(bytes as unknown as string)
      );
    },
  );

  multipartScope(app, (scope) => {
    scope.post(
      "/cases/import/file",
      {
        config: importer,
        schema: {
          tags,
          summary:
            "Import 12345 work orders from an .xlsx or .csv file (at most 10 MB, 1000 rows); the header row is found below any title rows",
          consumes: ["multipart/form-data"],
          querystring: Type.Object(
            {
              check: Type.Optional(
                Type.Boolean({ description: "only check every row (status ready or error); write nothing" }),
              ),
            },
            { additionalProperties: false },
          ),
          // Documents the form; multipart bodies are streamed, so this is not validated (validation.ts).
          body: {
            content: {
              "multipart/form-data": {
                schema: Type.Object(
                  { file: Type.String({ format: "binary", description: "the .xlsx or .csv file" }) },
                  { additionalProperties: false },
                ),
              },
            },
          },
          response: { 200: Report, "4xx": ErrorBody },
        },
      },
      async (req) => {
        const { bytes, filename, mimetype } = await receiveSheet(req);
        const kind = sheetKind(bytes, filename, mimetype);
        if (!kind) throw notASpreadsheet(filename);
        const records = await readSheet(bytes, kind);
        return importHotline(db, principalOf(req), req.actor, records, `${kind}:${filename.slice(0, 100)}`, {
          check: req.query.check ?? false,
        });
      },
    );
  });
}
