import { Type } from "@sinclair/typebox";
import { principalOf } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { PageQuery } from "../http/paging.ts";
import { type App, IdParams, Nullable, responses, Uuid } from "../http/types.ts";
import { listNotices, markAllRead, markRead } from "./notify.ts";

const tags = ["notifications"];
const signedIn = { access: "authenticated" as const };

const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  entity: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: "date-time" }),
  readAt: Nullable(Type.String({ format: "date-time" })),
});

/** The caller's own in-app notices (站内消息). */
export function notifyRoutes(app: App, db: Db) {
  app.get(
    "/notifications",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "My notifications, newest first, with the number unread",
        querystring: Type.Object(
          { unread: Type.Optional(Type.Boolean()), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            items: Type.Array(Notification),
            total: Type.Integer({ minimum: 0 }),
            unreadCount: Type.Integer({ minimum: 0 }),
          }),
        }),
      },
    },
    (req) => listNotices(db, principalOf(req).userId, req.query),
  );

  app.post(
    "/notifications/:id/read",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Mark one of my notifications read",
        params: IdParams,
        response: responses({ 200: Type.Object({ id: Uuid, readAt: Type.String({ format: "date-time" }) }) }),
      },
    },
    (req) => markRead(db, principalOf(req).userId, req.params.id),
  );

  app.post(
    "/notifications/read-all",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Mark all my notifications read",
        response: responses({ 200: Type.Object({ updated: Type.Integer({ minimum: 0 }) }) }),
      },
    },
    (req) => markAllRead(db, principalOf(req).userId),
  );
}
