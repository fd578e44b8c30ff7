import { Type } from "@sinclair/typebox";
import { principalOf } from "../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../platform/http/export.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { getOrg, listOrgs, listUnits } from "./service.ts";
import { orgSheet, unitSheet } from "./sheets.ts";
import { UNIT_KINDS } from "./tables.ts";

const tags = ["org"];
const read = { access: { permission: "org.read" as const } };

export const Org = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  kind: Type.String({ description: "an organisation kind's code (GET /org/kinds names it)" }),
  name: Type.String(),
  nodeId: Uuid,
  unitId: Nullable(Uuid),
});
export const Unit = Type.Object({
  id: Uuid,
  kind: Enum(UNIT_KINDS),
  name: Type.String(),
  uscc: Nullable(Type.String()),
  nodeId: Uuid,
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
});

export function orgRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/org/orgs",
    {
      config: read,
      schema: exportable({
        tags,
        summary:
          "Party organisations: children of parentId, the tops of the caller's part of the tree, or a search",
        querystring: Type.Object(
          {
            parentId: Type.Optional(Uuid),
            kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Type.Composite([Org, Type.Object({ children: Type.Integer() })])) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, orgSheet, (paging) =>
        listOrgs(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/org/orgs/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A party organisation with its part-time members (兼职委员)",
        params: IdParams,
        response: responses({
          200: Type.Composite([
            Org,
            Type.Object({
              partTimeMembers: Type.Array(
                Type.Object({
                  id: Uuid,
                  name: Type.String(),
                  phone: Nullable(Type.String()),
                  position: Type.String(),
                  unitId: Uuid,
                  unitName: Type.String(),
                  unitKind: Enum(UNIT_KINDS),
                }),
              ),
            }),
          ]),
        }),
      },
    },
    (req) => getOrg(db, principalOf(req), req.params.id),
  );

  app.get(
    "/org/units",
    {
      config: read,
      schema: exportable({
        tags,
        summary: "Units, property companies and owners' committees in scope",
        querystring: Type.Object(
          {
            kind: Type.Optional(Enum(UNIT_KINDS)),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Unit) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, unitSheet, (paging) =>
        listUnits(db, principal, { ...req.query, ...paging }),
      );
    },
  );
}
