import { PassThrough } from "node:stream";
import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { principalOf } from "../../../platform/auth/index.ts";
import { ExportQuery, exportLocale, wantsXlsx } from "../../../platform/http/export.ts";
import { PageQuery } from "../../../platform/http/paging.ts";
import { type App, ErrorBody, Uuid } from "../../../platform/http/types.ts";
import { WORDS, type Words } from "../../../platform/i18n/words.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { attachment, type Column, chinaDay, writeXlsx, XLSX_TYPE } from "../../../platform/xlsx/index.ts";
import { Year } from "../walls/schemas.ts";
import { Ranking, UnitMembers } from "./schemas.ts";
import { assessment, unitMembers } from "./service.ts";
import { memberColumns, rankingColumns } from "./sheets.ts";

const tags = ["engagement"];
// Staff over their scope, or a unit's staff over his unit (the service tells them apart).
const staffOrUnit = { access: "authenticated" as const };

const asFile = <S extends object>(schema: S) => ({
  200: {
    description: "As JSON; with format=xlsx, as a spreadsheet (a download)",
    content: { "application/json": { schema }, [XLSX_TYPE]: { schema: Type.String({ format: "binary" }) } },
  },
  "4xx": ErrorBody,
});

/** Streams rows already computed as one .xlsx download named by the year (and the unit). */
function sendSheet<R>(
  req: FastifyRequest,
  reply: FastifyReply,
  name: (w: Words) => string,
  columns: (w: Words) => Column<R>[],
  rows: R[],
) {
  const w = WORDS[exportLocale(req)];
  const body = new PassThrough();
  writeXlsx(
    body,
    { name: name(w).slice(0, 31), columns: columns(w) },
    (async function* () {
      yield* rows;
    })(),
  ).catch((err) => {
    req.log.error({ err }, "assessment export failed");
    body.destroy(err as Error);
  });
  return reply
    .type(XLSX_TYPE)
    .header("content-disposition", attachment(`${name(w)}.xlsx`, `assessment-${chinaDay()}.xlsx`))
    .header("cache-control", "no-store")
    .send(body as unknown as string);
}

/** 共建考核 (P7): paired units scored and ranked for a year, and each unit's members. */
export function assessmentRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/engagement/assessment",
    {
      config: staffOrUnit,
      schema: {
        tags,
        summary:
          "Paired units scored for a year (reporting rate, services, wishes, feedback; weights given) and ranked in their community and the district; staff see their scope, unit staff their unit; format=xlsx downloads all rows",
        querystring: Type.Object(
          { year: Type.Optional(Year), underId: Type.Optional(Uuid), ...PageQuery, ...ExportQuery },
          { additionalProperties: false },
        ),
        response: asFile(Ranking),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (!wantsXlsx(req)) return assessment(db, principal, req.query);
      const all = await assessment(db, principal, { ...req.query, page: 1, pageSize: 100_000 });
      return sendSheet(
        req,
        reply,
        (w) => `${w.engagementWalls.assessment.file}-${all.year}`,
        rankingColumns,
        all.items,
      );
    },
  );

  app.get(
    "/engagement/assessment/units/:unitId",
    {
      config: staffOrUnit,
      schema: {
        tags,
        summary:
          "A paired unit's members and what each did in the year (staff: members living in their scope; the unit's staff: all); format=xlsx downloads them",
        params: Type.Object({ unitId: Uuid }, { additionalProperties: false }),
        querystring: Type.Object(
          { year: Type.Optional(Year), ...PageQuery, ...ExportQuery },
          { additionalProperties: false },
        ),
        response: asFile(UnitMembers),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (!wantsXlsx(req)) return unitMembers(db, principal, req.params.unitId, req.query);
      const all = await unitMembers(db, principal, req.params.unitId, {
        ...req.query,
        page: 1,
        pageSize: 100_000,
      });
      return sendSheet(
        req,
        reply,
        (w) => `${all.unit.name}-${w.engagementWalls.assessment.file}-${all.year}`,
        memberColumns,
        all.items,
      );
    },
  );
}
