import { Type } from "@sinclair/typebox";
import { type App, Nullable, responses } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { createOrderCategory, removeOrderCategory, updateOrderCategory } from "./category-edit.ts";
import { OrderCategory } from "./schemas.ts";

const tags = ["orders"];
// The district's reference data: the same permission as the case categories.
const configure = { access: { permission: "cases.configure" as const } };
const CodeParams = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
const fields = {
  name: Type.String({ minLength: 1, maxLength: 30 }),
  nameEn: Type.String({ maxLength: 60 }),
  onSiteMinutes: Type.Integer({ minimum: 5, maximum: 7 * 24 * 60 }),
  skill: Nullable(Type.String({ maxLength: 20 })),
  sortOrder: Type.Integer({ minimum: 0, maximum: 10_000 }),
};
const OrderCategoryFull = Type.Composite([OrderCategory, Type.Object({ sortOrder: Type.Integer() })]);

/** 服务类别 of the orders (抢单), edited from the settings pages. */
export function orderCategoryRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/orders/categories",
    {
      config: configure,
      schema: {
        tags,
        summary: "Add a kind of service: its on-site deadline and the volunteer skill it asks for",
        body: Type.Object(
          {
            code: Type.String({ minLength: 2, maxLength: 40, pattern: "^[A-Za-z]+$" }),
            ...fields,
            skill: Type.Optional(fields.skill),
            sortOrder: Type.Optional(fields.sortOrder),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: OrderCategoryFull }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await createOrderCategory(db, req.actor, {
        ...b,
        nameEn: b.nameEn || b.name,
        skill: b.skill ?? null,
      });
      return reply.status(201).send(row);
    },
  );

  app.patch(
    "/orders/categories/:code",
    {
      config: configure,
      schema: {
        tags,
        summary: "Change a kind of service; orders published before keep their deadlines",
        params: CodeParams,
        body: Type.Partial(Type.Object(fields, { additionalProperties: false }), {
          additionalProperties: false,
          minProperties: 1,
        }),
        response: responses({ 200: OrderCategoryFull }),
      },
    },
    (req) => updateOrderCategory(db, req.actor, req.params.code, req.body),
  );

  app.delete(
    "/orders/categories/:code",
    {
      config: configure,
      schema: {
        tags,
        summary: "Remove a kind of service no order was published in (409 when in use)",
        params: CodeParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await removeOrderCategory(db, req.actor, req.params.code);
      return reply.status(204).send(null);
    },
  );
}
