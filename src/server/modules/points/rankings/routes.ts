import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { listEntries } from "./entries.ts";
import { EntryRow, Period, RankingDetail, RankingItem } from "./schemas.ts";
import { DEFAULT_SIZE, drawRanking, getRanking, listRankings, moveRanking, setCitation } from "./service.ts";
import { rankingEntrySheet } from "./sheets.ts";
import { RANKING_STATUSES, TITLE_KINDS } from "./tables.ts";

const tags = ["points"];
const manage = { access: { permission: "points.manage" as const } };
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });
const Filters = {
  kind: Type.Optional(Enum(TITLE_KINDS)),
  status: Type.Optional(Enum(RANKING_STATUSES)),
  period: Type.Optional(Period),
};

/** Rankings and titles (S4): drawn from the scores, approved by another, published to the walls. */
export function rankingRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/points/rankings",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Draw a ranking (明星党员, 美德商铺, 社区信得过经营户) of a community, street or the district from the scores now; a draft (409 RANKING_DRAFT_EXISTS while one exists)",
        body: Body({
          kind: Enum(TITLE_KINDS),
          period: Period,
          nodeId: Uuid,
          size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: DEFAULT_SIZE })),
        }),
        response: responses({ 201: RankingDetail }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await drawRanking(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/points/rankings",
    {
      config: manage,
      schema: {
        tags,
        summary: "Rankings drawn in the caller's scope, newest first",
        querystring: Type.Object(
          { ...Filters, underId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(RankingItem) }),
      },
    },
    (req) => listRankings(db, principalOf(req), req.query),
  );

  app.get(
    "/points/rankings/entries",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "Who stands on the rankings of the caller's scope (one ranking with rankingId), by rank",
        querystring: Type.Object(
          { ...Filters, rankingId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(EntryRow) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, rankingEntrySheet, (paging) =>
        listEntries(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/rankings/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "A ranking with its entries, names whole (staff)",
        params: IdParams,
        response: responses({ 200: RankingDetail }),
      },
    },
    (req) => getRanking(db, principalOf(req), req.params.id),
  );

  app.put(
    "/points/rankings/:id/entries/:holderId",
    {
      config: manage,
      schema: {
        tags,
        summary: "The citation the wall shows beside a name; a draft's only (409 ILLEGAL_TRANSITION after)",
        params: Type.Object({ id: Uuid, holderId: Uuid }, { additionalProperties: false }),
        body: Body({ citation: Type.String({ maxLength: 200 }) }),
        response: responses({ 200: RankingDetail }),
      },
    },
    (req) =>
      setCitation(db, principalOf(req), req.actor, req.params.id, req.params.holderId, req.body.citation),
  );

  app.post(
    "/points/rankings/:id/approve",
    {
      config: manage,
      schema: {
        tags,
        summary: "Approve a draft; someone other than who drew it (403 OWN_RANKING)",
        params: IdParams,
        response: responses({ 200: RankingDetail }),
      },
    },
    (req) => moveRanking(db, principalOf(req), req.actor, req.params.id, "approve"),
  );

  app.post(
    "/points/rankings/:id/publish",
    {
      config: manage,
      schema: {
        tags,
        summary: "Publish an approved ranking to the walls and the screen; the titled are told in the app",
        params: IdParams,
        response: responses({ 200: RankingDetail }),
      },
    },
    (req) => moveRanking(db, principalOf(req), req.actor, req.params.id, "publish"),
  );

  app.post(
    "/points/rankings/:id/withdraw",
    {
      config: manage,
      schema: {
        tags,
        summary: "Take a published ranking down with a reason; its titles end",
        params: IdParams,
        body: Body({ reason: Type.String({ minLength: 1, maxLength: 300 }) }),
        response: responses({ 200: RankingDetail }),
      },
    },
    (req) => moveRanking(db, principalOf(req), req.actor, req.params.id, "withdraw", req.body.reason),
  );
}
