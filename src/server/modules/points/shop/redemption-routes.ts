import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { cancelRedemption, deliver, lookupCode } from "./handover.ts";
import { redeem } from "./redeem.ts";
import { getRedemption, listRedemptions, myRedemptions } from "./redemptions.ts";
import { PAYING_AUDIENCES, RedemptionDetail, RedemptionItem } from "./schemas.ts";
import { redemptionSheet } from "./sheets.ts";
import { REDEMPTION_STATUSES } from "./tables.ts";

const tags = ["points"];
const earn = { access: { permission: "points.earn" as const } };
/** The shop's merchant, staff in scope or the owner: decided per redemption by the service. */
const anyone = { access: "authenticated" as const };
const Code = Type.String({
  minLength: 1,
  maxLength: 40,
  description: "the 8-character code, typed or scanned",
});
const Created = Type.Object({
  id: Uuid,
  code: Type.String(),
  status: Type.Literal("reserved"),
  points: Type.Integer(),
  stockLeft: Type.Integer(),
});

/** Redemptions (兑换): taking points and stock, the shop's scan, cancelling. */
export function redemptionRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/points/redemptions",
    {
      config: earn,
      schema: {
        tags,
        summary:
          "Redeem an item: stock and points are taken in one transaction (409 OUT_OF_STOCK, 409 INSUFFICIENT_POINTS); answers the pick-up code",
        body: Type.Object(
          {
            itemId: Uuid,
            quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, default: 1 })),
            audience: Type.Optional(Enum(PAYING_AUDIENCES)),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Created }),
      },
    },
    async (req, reply) => reply.status(201).send(await redeem(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/points/redemptions/mine",
    {
      config: earn,
      schema: {
        tags,
        summary: "我的兑换: the caller's redemptions, newest first, with their pick-up codes",
        querystring: Type.Object(
          { status: Type.Optional(Enum(REDEMPTION_STATUSES)), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(RedemptionItem) }),
      },
    },
    (req) => myRedemptions(db, principalOf(req), req.query),
  );

  app.get(
    "/points/redemptions",
    {
      config: anyone,
      schema: exportable({
        tags,
        summary:
          "Redemptions: staff (points.manage) see their area's, a merchant his shop's (names masked); newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Enum(REDEMPTION_STATUSES)),
            itemId: Type.Optional(Uuid),
            merchantId: Type.Optional(Uuid),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(RedemptionItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, redemptionSheet, (paging) =>
        listRedemptions(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/redemptions/lookup",
    {
      config: anyone,
      schema: {
        tags,
        summary:
          "What a code is for and for whom (masked), before the shop confirms; another shop's code → 403 NOT_YOUR_SHOP",
        querystring: Type.Object({ code: Code }, { additionalProperties: false }),
        response: responses({ 200: RedemptionItem }),
      },
    },
    (req) => lookupCode(db, principalOf(req), req.query.code),
  );

  app.post(
    "/points/redemptions/deliver",
    {
      config: anyone,
      schema: {
        tags,
        summary:
          "核销: the item's shop (or staff in scope, for goods without a shop) confirms the handover; a second scan → 409 with when",
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: responses({ 200: RedemptionItem }),
      },
    },
    (req) => deliver(db, principalOf(req), req.actor, req.body.code),
  );

  app.get(
    "/points/redemptions/:id",
    {
      config: anyone,
      schema: {
        tags,
        summary: "One redemption: its owner (with the code as a QR image), its shop, staff in scope",
        params: IdParams,
        response: responses({ 200: RedemptionDetail }),
      },
    },
    (req) => getRedemption(db, principalOf(req), req.params.id),
  );

  app.post(
    "/points/redemptions/:id/cancel",
    {
      config: anyone,
      schema: {
        tags,
        summary:
          "Cancel while not yet delivered: the owner, or staff in scope with a reason; points and stock come back",
        params: IdParams,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({ id: Uuid, status: Type.Literal("cancelled") }),
        }),
      },
    },
    (req) => cancelRedemption(db, principalOf(req), req.actor, req.params.id, req.body.reason),
  );
}
