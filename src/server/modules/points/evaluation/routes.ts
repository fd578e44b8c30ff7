import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { Month } from "../ledger/view-schemas.ts";
import { listInspections } from "./inspection-list.ts";
import { createInspection } from "./inspections.ts";
import {
  Indicators,
  InspectionItem,
  InspectionResult,
  MerchantDetail,
  MerchantItem,
  MyShop,
  NewInspectionBody,
} from "./schemas.ts";
import { inspectionSheet, merchantSheet } from "./sheets.ts";
import { listMerchants, merchantDetail, merchantIndicators, myShop } from "./shops.ts";

const tags = ["points"];
const inspect = { access: { permission: "points.inspect" as const } };

/** Shop inspections, the shops' scores for staff, and the merchant's own scores (S5). */
export function evaluationRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/points/inspections",
    {
      config: inspect,
      schema: {
        tags,
        summary:
          "Score a shop's indicators (商铺检查): each item posts to the shop's account; a deduction stops at its balance",
        body: NewInspectionBody,
        response: responses({ 200: InspectionResult, 201: InspectionResult }),
      },
    },
    async (req, reply) => {
      const result = await createInspection(db, principalOf(req), req.actor, req.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  app.get(
    "/points/inspections",
    {
      config: inspect,
      schema: exportable({
        tags,
        summary: "Inspections of shops in the caller's scope, newest first",
        querystring: Type.Object(
          {
            merchantId: Type.Optional(Uuid),
            mine: Type.Optional(Type.Boolean({ description: "only the caller's own" })),
            month: Type.Optional(Month),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(InspectionItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, inspectionSheet, (paging) =>
        listInspections(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/merchants",
    {
      config: inspect,
      schema: exportable({
        tags,
        summary:
          "Shops in the caller's scope with this year's score, stars and titles; q: a name, its pinyin or initials",
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(MerchantItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, merchantSheet, (paging) =>
        listMerchants(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/merchants/:id",
    {
      config: inspect,
      schema: {
        tags,
        summary: "A shop's score by first-level indicator, its recent inspections with photos and ratings",
        params: IdParams,
        response: responses({ 200: MerchantDetail }),
      },
    },
    (req) => merchantDetail(db, principalOf(req), req.params.id),
  );

  app.get(
    "/points/merchants/:id/indicators",
    {
      config: inspect,
      schema: {
        tags,
        summary:
          "The indicators an inspector may score at this shop (its active merchant rules), and its score",
        params: IdParams,
        response: responses({ 200: Indicators }),
      },
    },
    (req) => merchantIndicators(db, principalOf(req), req.params.id),
  );

  app.get(
    "/points/merchant/me",
    {
      config: { access: { permission: "points.merchant" as const } },
      schema: {
        tags,
        summary:
          "The merchant's own shop (by his phone): score, by indicator, the points it lost and why, ratings, QR code",
        response: responses({ 200: MyShop }),
      },
    },
    (req) => myShop(db, principalOf(req)),
  );
}
