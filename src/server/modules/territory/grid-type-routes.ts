import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { type App, responses } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { createGridType, listGridTypes, updateGridType } from "./grid-types.ts";

const tags = ["territory"];
const GridType = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
const Name = Type.String({ minLength: 1, maxLength: 30 });
const NameEn = Type.String({ maxLength: 60 });
const SortOrder = Type.Integer({ minimum: 0, maximum: 10_000 });

/** 网格类型: the four built-in ones and those a district adds (its administrators, territory.write). */
export function gridTypeRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/territory/grid-types",
    {
      config: { access: { permission: "territory.read" } },
      schema: {
        tags,
        summary: "The grid types in use (all=true: deactivated ones too)",
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: responses({ 200: Type.Array(GridType) }),
      },
    },
    (req) => listGridTypes(db, req.query.all ?? false),
  );

  app.post(
    "/territory/grid-types",
    {
      config: { access: { permission: "territory.write" } },
      schema: {
        tags,
        summary: "Add a grid type (district administrators)",
        body: Type.Object(
          {
            code: Type.String({ minLength: 2, maxLength: 40, pattern: "^[A-Za-z][A-Za-z0-9]*$" }),
            name: Name,
            nameEn: NameEn,
            sortOrder: Type.Optional(SortOrder),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: GridType }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createGridType(db, principalOf(req), req.actor, req.body)),
  );

  app.patch(
    "/territory/grid-types/:code",
    {
      config: { access: { permission: "territory.write" } },
      schema: {
        tags,
        summary: "Rename, reorder, deactivate or reactivate a grid type (district administrators)",
        params: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 40 }) },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            name: Type.Optional(Name),
            nameEn: Type.Optional(NameEn),
            sortOrder: Type.Optional(SortOrder),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: GridType }),
      },
    },
    (req) => updateGridType(db, principalOf(req), req.actor, req.params.code, req.body),
  );
}
