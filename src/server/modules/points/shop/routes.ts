import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { createItem, listItems, updateItem } from "./items.ts";
import { listOffers } from "./offers.ts";
import { itemFields, Offers, ShopItem } from "./schemas.ts";
import { itemSheet } from "./sheets.ts";
import { ITEM_KINDS } from "./tables.ts";

const tags = ["points"];
const manage = { access: { permission: "points.manage" as const } };
const Id = Type.Object({ id: Uuid });

/** The points shop (积分超市, S3): its items for staff, and what a holder may buy. */
export function shopRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/points/shop/items",
    {
      config: manage,
      schema: {
        tags,
        summary: "Put an item in the points shop: goods, or a service at a 便民店, at a node in scope",
        body: Type.Object(itemFields, { additionalProperties: false }),
        response: responses({ 201: Id }),
      },
    },
    async (req, reply) => reply.status(201).send(await createItem(db, principalOf(req), req.actor, req.body)),
  );

  app.put(
    "/points/shop/items/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change an item: stock is set to the figure given; active=false takes it off the shelves",
        params: IdParams,
        body: Type.Object(
          { ...itemFields, active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Id }),
      },
    },
    (req) => updateItem(db, principalOf(req), req.actor, req.params.id, req.body),
  );

  app.get(
    "/points/shop/items",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "The points shop's items in the caller's scope, by name",
        querystring: Type.Object(
          {
            kind: Type.Optional(Enum(ITEM_KINDS)),
            merchantId: Type.Optional(Uuid),
            active: Type.Optional(Type.Boolean()),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(ShopItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, itemSheet, (paging) =>
        listItems(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/points/shop",
    {
      config: { access: { permission: "points.earn" as const } },
      schema: {
        tags,
        summary:
          "积分超市: the active items of the caller's community, street and district that his points may pay for, in stock first; with his balances",
        querystring: Type.Object(
          { kind: Type.Optional(Enum(ITEM_KINDS)), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Offers }),
      },
    },
    (req) => listOffers(db, principalOf(req), req.query),
  );
}
