import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { FileId } from "../../../platform/files/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { createPairing, endPairing, listPairings, updatePairing } from "./pairings.ts";
import { generateRota, listRota } from "./rota.ts";
import { Commitments, Day, Pairing, RotaDay } from "./schemas.ts";
import { pairingSheet } from "./sheets.ts";
import { viewerOf } from "./unit-staff.ts";

const tags = ["engagement"];
const manage = { access: { permission: "engagement.manage" as const } };
const signedIn = { access: "authenticated" as const };
const Body = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });

/** 结对共建: the units' agreements with communities (六定), and the Saturday rota made from them. */
export function pairingRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/pairings",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Pair a work unit (valid 统一社会信用代码) with a community of the caller's scope, under an agreement with its 六定",
        description: "One pairing of a unit with a community at a time: another is 409 PAIRING_EXISTS.",
        body: Body({
          unitId: Uuid,
          communityId: Uuid,
          startsOn: Day,
          endsOn: Day,
          commitments: Commitments,
          agreementFileId: Type.Optional(FileId),
        }),
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPairing(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/engagement/pairings",
    {
      config: signedIn,
      schema: exportable({
        tags,
        summary: "Pairings of the caller's scope (community staff) or of his unit (unit staff); live first",
        querystring: Type.Object(
          {
            communityId: Type.Optional(Uuid),
            unitId: Type.Optional(Uuid),
            active: Type.Optional(Type.Boolean({ description: "true: live now; false: ended or expired" })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Pairing) }),
      }),
    },
    async (req, reply) => {
      const viewer = await viewerOf(db, principalOf(req));
      return listOrExport(req, reply, pairingSheet, (paging) =>
        listPairings(db, viewer, { ...req.query, ...paging }),
      );
    },
  );

  app.patch(
    "/engagement/pairings/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a live pairing's dates, any of its 六定, or its scanned agreement",
        params: IdParams,
        body: Body({
          startsOn: Type.Optional(Day),
          endsOn: Type.Optional(Day),
          commitments: Type.Optional(Type.Partial(Commitments)),
          agreementFileId: Type.Optional(FileId),
        }),
        response: responses({ 200: Pairing }),
      },
    },
    (req) => updatePairing(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.post(
    "/engagement/pairings/:id/end",
    {
      config: manage,
      schema: {
        tags,
        summary: "End a pairing: its members no longer report in there; the unit may pair again",
        params: IdParams,
        response: responses({ 200: Pairing }),
      },
    },
    (req) => endPairing(db, principalOf(req), req.actor, req.params.id),
  );

  app.post(
    "/engagement/rota",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "周六报到: give the community's Saturdays from a day on to its live-paired units in turn (again: the same rota)",
        body: Body({ communityId: Uuid, from: Day, weeks: Type.Integer({ minimum: 1, maximum: 26 }) }),
        response: responses({ 200: Paged(RotaDay) }),
      },
    },
    (req) => generateRota(db, principalOf(req), req.actor, req.body),
  );

  app.get(
    "/engagement/rota",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Rota days of the caller's scope (community staff) or of his unit (unit staff), by date",
        querystring: Type.Object(
          {
            communityId: Type.Optional(Uuid),
            unitId: Type.Optional(Uuid),
            from: Type.Optional(Day),
            to: Type.Optional(Day),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(RotaDay) }),
      },
    },
    async (req) => listRota(db, await viewerOf(db, principalOf(req)), req.query),
  );
}
