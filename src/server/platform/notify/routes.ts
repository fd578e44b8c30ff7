import { Type } from "@sinclair/typebox";
import { principalOf } from "../auth/index.ts";
import type { Database } from "../db/index.ts";
import { PageQuery } from "../http/paging.ts";
import { type App, ErrorBody, IdParams, Nullable, responses, Uuid } from "../http/types.ts";
import { listNotices, markAllRead, markRead } from "./notify.ts";
import { preferencesOf, setPreferences } from "./preferences.ts";
import { NoticeStreams } from "./stream.ts";

const tags = ["notifications"];
const signedIn = { access: "authenticated" as const };

const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  /** The page it leads to: "/admin/…" for staff, "/mobile/…" on the phone. */
  link: Nullable(Type.String()),
  entity: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: "date-time" }),
  readAt: Nullable(Type.String({ format: "date-time" })),
});

const Preferences = Type.Object(
  { smsNotices: Type.Boolean({ description: "Also send my notices by SMS (in-app always)" }) },
  { additionalProperties: false },
);

/** The caller's own in-app notices (站内消息), live over server-sent events, and how he gets them. */
export function notifyRoutes(app: App, database: Database) {
  const { db } = database;
  const streams = new NoticeStreams(database);
  // Open streams end first, so closing the server does not wait for them.
  app.addHook("preClose", async () => {
    await streams.close();
  });

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
            unread: Type.Integer({ minimum: 0 }),
          }),
        }),
      },
    },
    (req) => listNotices(db, principalOf(req).userId, req.query),
  );

  app.get(
    "/notifications/stream",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "My notifications, live (server-sent events)",
        description:
          "An `event: notices` with `{unread, latest}` at once and whenever a notice of mine is stored or read " +
          "(on any server of the district); a `: ping` comment every 25 s.",
        // Declared as what it is: an endless stream, not a JSON answer (the scope walk reads lists).
        response: {
          200: {
            description: "server-sent events",
            content: { "text/event-stream": { schema: Type.String() } },
          },
          "4xx": ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const out = await streams.open(principalOf(req).userId, (stop) => reply.raw.on("close", stop));
      return reply
        .header("content-type", "text/event-stream; charset=utf-8")
        .header("cache-control", "no-cache, no-transform")
        .header("x-accel-buffering", "no")
        .send(out as unknown as string);
    },
  );

  app.post(
    "/notifications/:id/read",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Mark one of my notifications read",
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await markRead(db, principalOf(req).userId, req.params.id);
      return reply.status(204).send(null);
    },
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

  app.get(
    "/me/preferences",
    {
      config: signedIn,
      schema: { tags, summary: "How I get my notices", response: responses({ 200: Preferences }) },
    },
    (req) => preferencesOf(db, principalOf(req).userId),
  );

  app.patch(
    "/me/preferences",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Change how I get my notices (短信提醒)",
        body: Type.Partial(Preferences),
        response: responses({ 200: Preferences }),
      },
    },
    (req) => setPreferences(db, req.actor, principalOf(req).userId, req.body),
  );
}
