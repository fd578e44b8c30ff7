import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { FileId } from "../../../platform/files/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, ErrorBody, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { attachment } from "../../../platform/xlsx/index.ts";
import { MENU_ITEMS, REPORT_IN_STATUSES } from "../tables.ts";
import { letterPdf } from "./letter.ts";
import { progress } from "./progress.ts";
import { listReportIns, myEngagement } from "./report-in-views.ts";
import { chooseMenu, decideReportIn, submitReportIn } from "./report-ins.ts";
import { Moved, MyEngagement, ProgressItem, ReportIn, Sentence } from "./schemas.ts";
import { reportInSheet } from "./sheets.ts";
import { viewerOf } from "./unit-staff.ts";

const tags = ["engagement"];
const manage = { access: { permission: "engagement.manage" as const } };
const signedIn = { access: "authenticated" as const };
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/** 双报到: members report in where they live (or their unit does it for them), the community reviews. */
export function reportInRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/report-ins",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Report in for this year: the member with his letter's photo, or his unit's staff (memberId), who issue the letter here",
        description:
          "The member must be in service and his unit paired with the community he lives in (422 NOT_IN_SERVICE, UNIT_NOT_PAIRED). A returned report-in is sent again; a pending or approved one is 409 REPORT_IN_EXISTS.",
        body: Body({ letterFileId: Type.Optional(FileId), memberId: Type.Optional(Uuid) }),
        response: responses({ 201: Moved }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitReportIn(db, principalOf(req), req.actor, req.body ?? {})),
  );

  app.get(
    "/engagement/report-ins",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary:
          "Report-ins of the caller's scope (community staff) or of his unit (unit staff); pending first",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Enum(REPORT_IN_STATUSES), { maxItems: 3 })),
            year: Type.Optional(Year),
            communityId: Type.Optional(Uuid),
            unitId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(ReportIn) }),
      }),
    },
    async (req, reply) => {
      const viewer = await viewerOf(db, principalOf(req));
      return listOrExport(req, reply, reportInSheet, (paging) =>
        listReportIns(db, viewer, { ...req.query, ...paging }),
      );
    },
  );

  app.post(
    "/engagement/report-ins/:id/approve",
    {
      config: manage,
      schema: {
        tags,
        summary: "The community takes the member in; he is told",
        params: IdParams,
        response: responses({ 200: Moved }),
      },
    },
    (req) => decideReportIn(db, principalOf(req), req.actor, req.params.id, "approve"),
  );

  app.post(
    "/engagement/report-ins/:id/return",
    {
      config: manage,
      schema: {
        tags,
        summary: "The community returns the report-in with a reason; he may submit again",
        params: IdParams,
        body: Body({ reason: Sentence(500) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => decideReportIn(db, principalOf(req), req.actor, req.params.id, "return", req.body.reason),
  );

  app.put(
    "/engagement/report-ins/:id/menu",
    {
      config: { access: { permission: "engagement.serve" as const } },
      schema: {
        tags,
        summary: "The member, once approved, chooses his 1+X items (at least one)",
        params: IdParams,
        body: Body({ items: Type.Array(Enum(MENU_ITEMS), { minItems: 1, maxItems: MENU_ITEMS.length }) }),
        response: responses({ 200: Moved }),
      },
    },
    (req) => chooseMenu(db, principalOf(req), req.actor, req.params.id, req.body.items),
  );

  app.get(
    "/engagement/report-ins/:id/letter.pdf",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "The 介绍信 (机关在职党员下基层介绍信) as PDF: for the member, his unit's staff and the community",
        params: IdParams,
        response: {
          200: {
            description: "the letter",
            content: { "application/pdf": { schema: Type.String({ format: "binary" }) } },
          },
          "4xx": ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const { bytes, name } = await letterPdf(db, principalOf(req), req.params.id);
      return (
        reply
          .type("application/pdf")
          .header("content-disposition", attachment(name, "letter.pdf").replace("attachment", "inline"))
          .header("cache-control", "no-store")
          // Bytes; the schema's binary string only documents them.
          .send(bytes as unknown as string)
      );
    },
  );

  app.get(
    "/engagement/me",
    {
      config: { access: { permission: "engagement.serve" as const } },
      schema: {
        tags,
        summary:
          "The calling member's 双报到 at a glance: his unit, the community and pairing, this year's report-in and 六个一",
        response: responses({ 200: MyEngagement }),
      },
    },
    (req) => myEngagement(db, principalOf(req)),
  );

  app.get(
    "/engagement/progress",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Per member of a year: report-in, 1+X menu, 六个一 done, approved services and hours (community scope or own unit)",
        querystring: Type.Object(
          {
            year: Type.Optional(Year),
            communityId: Type.Optional(Uuid),
            unitId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({ year: Type.Integer(), items: Type.Array(ProgressItem), total: Type.Integer() }),
        }),
      },
    },
    async (req) => progress(db, await viewerOf(db, principalOf(req)), req.query),
  );
}
