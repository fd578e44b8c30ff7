import { Type } from "@sinclair/typebox";
import { principalOf, ROLES } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, Nullable, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { piiAccessSheet } from "../sheets.ts";
import { listPiiAccess, myPiiAccess } from "./service.ts";

const Posts = Type.Array(Type.Object({ role: Enum(ROLES), nodeName: Type.String() }));
const Field = Type.String({ description: "what was read: idNumber or phone" });
const At = Type.String({ format: "date-time" });

const Read = Type.Object({
  id: Type.Integer(),
  at: At,
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  actorRoles: Posts,
  residentId: Uuid,
  residentName: Type.String({ description: "masked: 张*" }),
  field: Field,
  purpose: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});

const MyRead = Type.Object({
  id: Type.Integer(),
  at: At,
  field: Field,
  purpose: Nullable(Type.String()),
  // Null: the system's own work.
  reader: Nullable(Type.Object({ name: Type.String(), roles: Posts })),
});

export function accessLogRoutes(app: App, { db, pii: vault }: ModuleContext) {
  app.get(
    "/audit/pii-access",
    {
      config: { access: { permission: "audit.piiAccess" } },
      schema: exportable({
        tags: ["audit"],
        summary: "Who read residents' whole ID numbers and phones (reveals, exports), newest first",
        description:
          "The residents of the caller's scope only. q finds the person as the residents list does (name, phone, whole ID number).",
        querystring: Type.Object(
          {
            residentId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            actorId: Type.Optional(Uuid),
            from: Type.Optional(At),
            to: Type.Optional(At),
            underId: Type.Optional(Uuid),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Read) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, piiAccessSheet, (paging) =>
        listPiiAccess(db, vault, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/me/pii-access",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["people"],
        summary: "Who read my whole ID number or phone, when and why (the records with my mobile number)",
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: Paged(MyRead) }),
      },
    },
    (req) => myPiiAccess(db, principalOf(req), req.query),
  );
}
