import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { can, principalOf } from "../../../platform/auth/index.ts";
import { forbidden } from "../../../platform/errors.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, ErrorBody, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { XLSX_TYPE } from "../../../platform/xlsx/index.ts";
import { appraise, myRounds } from "./appraise.ts";
import { closeRound } from "./close.ts";
import { createRound, getRound, listRounds } from "./rounds.ts";
import { Appraised, MyRounds, NewAppraisal, NewRound, Period, RoundDetail, RoundItem } from "./schemas.ts";
import { sendResultsXlsx } from "./sheets.ts";
import { ROUND_STATUSES } from "./tables.ts";

const tags = ["points"];
const manage = { access: { permission: "points.manage" as const } };

/** Appraising is a resident's or a party member's (points.earn); the server decides his side. */
function earner(req: FastifyRequest) {
  const principal = principalOf(req);
  if (!can(principal, "points.earn")) throw forbidden();
  return principal;
}

/** Half-yearly appraisal rounds (民主评议) and the period's score (S2). */
export function appraisalRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/points/appraisal-rounds",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Open a community's half-year appraisal round (weights record/self/peer/resident in %, default 60/10/15/15)",
        body: NewRound,
        response: responses({ 201: RoundItem }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createRound(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/points/appraisal-rounds",
    {
      config: manage,
      schema: {
        tags,
        summary: "The appraisal rounds of the caller's scope, newest period first",
        querystring: Type.Object(
          {
            status: Type.Optional(Enum(ROUND_STATUSES)),
            period: Type.Optional(Period),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(RoundItem) }),
      },
    },
    (req) => listRounds(db, principalOf(req), req.query),
  );

  app.get(
    "/points/appraisal-rounds/mine",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The open rounds the caller can appraise in (as a member or as a resident) and whom",
        response: responses({ 200: MyRounds }),
      },
    },
    (req) => myRounds(db, earner(req)),
  );

  app.get(
    "/points/appraisal-rounds/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "A round: its community's members with the appraisals per side so far; results when closed",
        params: IdParams,
        response: responses({ 200: RoundDetail }),
      },
    },
    (req) => getRound(db, principalOf(req), req.params.id),
  );

  app.get(
    "/points/appraisal-rounds/:id/results.xlsx",
    {
      config: manage,
      schema: {
        tags,
        summary: "A round's members, parts, weights and points as a spreadsheet",
        params: IdParams,
        querystring: Type.Object(
          { lang: Type.Optional(Enum(["zh-CN", "en"] as const)) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: "民主评议结果 (.xlsx)",
            content: { [XLSX_TYPE]: { schema: Type.String({ format: "binary" }) } },
          },
          "4xx": ErrorBody,
        },
      },
    },
    async (req, reply) => sendResultsXlsx(req, reply, await getRound(db, principalOf(req), req.params.id)),
  );

  app.post(
    "/points/appraisal-rounds/:id/appraisals",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Appraise a member 0–100: self, peer or resident as the caller is; one per rater (a household for residents)",
        params: IdParams,
        body: NewAppraisal,
        response: responses({ 201: Appraised }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await appraise(db, earner(req), req.actor, req.params.id, req.body)),
  );

  app.post(
    "/points/appraisal-rounds/:id/close",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Close a round: each member's record and appraisals combined, results stored, points credited",
        params: IdParams,
        response: responses({ 200: RoundDetail }),
      },
    },
    (req) => closeRound(db, principalOf(req), req.actor, req.params.id),
  );
}
