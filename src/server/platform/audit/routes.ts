import { Type } from "@sinclair/typebox";
import type { Db } from "../db/index.ts";
import { exportable, listOrExport } from "../http/export.ts";
import { Paged, PageQuery } from "../http/paging.ts";
import { type App, responses, Uuid } from "../http/types.ts";
import { listAudit } from "./audit.ts";
import type { EntityNamers } from "./names.ts";
import { auditSheet } from "./sheet.ts";

const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: "date-time" }),
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  entityName: Type.Union([Type.String(), Type.Null()], {
    description: "the entity as people know it: a case's code, an order's title, a person's masked name",
  }),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export function auditRoutes(app: App, db: Db, namers: EntityNamers = {}) {
  app.get(
    "/audit",
    {
      config: { access: { permission: "audit.read" } },
      schema: exportable({
        tags: ["audit"],
        summary: "The audit log, newest first (district administrator)",
        querystring: Type.Object(
          {
            actorId: Type.Optional(Uuid),
            action: Type.Optional(Type.String({ maxLength: 100 })),
            entity: Type.Optional(Type.String({ maxLength: 100 })),
            entityId: Type.Optional(Type.String({ maxLength: 100 })),
            from: Type.Optional(Type.String({ format: "date-time" })),
            to: Type.Optional(Type.String({ format: "date-time" })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Entry) }),
      }),
    },
    (req, reply) =>
      listOrExport(req, reply, auditSheet, (paging) => listAudit(db, { ...req.query, ...paging }, namers)),
  );
}
