import { type TObject, Type } from "@sinclair/typebox";
import { type Access, principalOf } from "../../platform/auth/index.ts";
import { FileId } from "../../platform/files/index.ts";
import { exportable, listOrExport } from "../../platform/http/export.ts";
import { Paged, PageQuery } from "../../platform/http/paging.ts";
import { type App, Enum, Nullable, responses, Uuid } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { listOrderCategories } from "./categories.ts";
import { revealRequester } from "./contact.ts";
import { grab } from "./grab.ts";
import { publishOrder } from "./publish.ts";
import { HallItem, OrderCategory, OrderDetail, OrderItem, StatsRow, Stepped } from "./schemas.ts";
import { getOrder, hall, listOrders, myOrders } from "./service.ts";
import { orderSheet } from "./sheets.ts";
import { orderStats, STATS_BY } from "./stats.ts";
import { type StepAction, type StepInput, takeStep } from "./steps.ts";
import { AUDIENCES, ORDER_STATUSES } from "./tables.ts";

const tags = ["orders"];
const signedIn = { access: "authenticated" as const };
const publisher = { access: { permission: "orders.publish" as const } };
const grabber = { access: { permission: "orders.grab" as const } };
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
/** A phone's location: both or neither. */
const where = { lat: Type.Optional(Lat), lng: Type.Optional(Lng) };
const bothOrNeither = { dependencies: { lat: ["lng"], lng: ["lat"] } };
const Note = Type.String({ minLength: 1, maxLength: 2000 });
const IdOrCode = Type.Object(
  { idOrCode: Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9-]+$" }) },
  { additionalProperties: false },
);
const atOf = (q: { lat?: number; lng?: number }) =>
  q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : undefined;
// A phone may press 抢单 or 已到达 without a body.
const emptyBody = async (req: { body: unknown }) => {
  req.body ??= {};
};

export function ordersRoutes(app: App, { db, queue }: ModuleContext) {
  app.get(
    "/orders/categories",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Kinds of service with their on-site deadline and the volunteer skill they ask for",
        response: responses({ 200: Type.Array(OrderCategory) }),
      },
    },
    () => listOrderCategories(db),
  );

  app.post(
    "/orders",
    {
      config: publisher,
      schema: {
        tags,
        summary:
          "Publish an order (社区派单) to the members and volunteers of an area, or publish an open case as one",
        body: Type.Object(
          {
            caseId: Type.Optional(Uuid),
            categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            title: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            location: Type.Optional(Type.Object({ lat: Lat, lng: Lng }, { additionalProperties: false })),
            householdId: Type.Optional(Uuid),
            nodeId: Type.Optional(Uuid),
            address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            audience: Type.Optional(Enum(AUDIENCES)),
            audienceNodeId: Type.Optional(Uuid),
            teamId: Type.Optional(Uuid),
            maxDistanceMeters: Type.Optional(Type.Integer({ minimum: 50, maximum: 50_000 })),
            requesterName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            requesterPhone: Type.Optional(Type.String({ minLength: 11, maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Stepped }),
      },
    },
    async (req, reply) => {
      const published = await publishOrder(db, principalOf(req), req.actor, req.body);
      return reply.status(201).send(published);
    },
  );

  app.get(
    "/orders",
    {
      config: publisher,
      schema: exportable({
        tags,
        summary: "Orders in the caller's scope, filtered, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Enum(ORDER_STATUSES), { maxItems: 6 })),
            categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            underId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            from: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
            to: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(OrderItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, orderSheet, (paging) =>
        listOrders(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.get(
    "/orders/hall",
    {
      config: grabber,
      schema: {
        tags,
        summary:
          "抢单大厅: open orders the caller may grab, nearest first (with the phone's location), and those he holds",
        querystring: Type.Object(where, { additionalProperties: false, ...bothOrNeither }),
        response: responses({
          200: Type.Object({ taken: Type.Array(HallItem), open: Type.Array(HallItem) }),
        }),
      },
    },
    (req) => hall(db, principalOf(req), atOf(req.query)),
  );

  app.get(
    "/orders/mine",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "我的订单: taken by me (default), or requested for me",
        querystring: Type.Object(
          { as: Type.Optional(Enum(["taker", "requester"] as const)), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(OrderItem) }),
      },
    },
    (req) => myOrders(db, principalOf(req), req.query),
  );

  app.get(
    "/orders/stats",
    {
      config: publisher,
      schema: {
        tags,
        summary:
          "Per community, grid or service: published, grabbed, completed, missed; minutes to grab and to arrive; mean rating",
        querystring: Type.Object(
          {
            by: Type.Optional(Enum(STATS_BY)),
            underId: Type.Optional(Uuid),
            from: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
            to: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({ by: Enum(STATS_BY), items: Type.Array(StatsRow) }),
        }),
      },
    },
    (req) => orderStats(db, principalOf(req), req.query),
  );

  app.get(
    "/orders/:idOrCode",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "An order by id or code, with its timeline and the caller's allowed actions",
        params: IdOrCode,
        response: responses({ 200: OrderDetail }),
      },
    },
    (req) => getOrder(db, principalOf(req), req.params.idOrCode),
  );

  app.post(
    "/orders/:idOrCode/grab",
    {
      config: grabber,
      preValidation: emptyBody,
      schema: {
        tags,
        summary: "抢单: the first eligible grab wins; others get 409 ORDER_TAKEN with the current status",
        params: IdOrCode,
        body: Type.Object(where, { additionalProperties: false, ...bothOrNeither }),
        response: responses({ 200: Type.Object({ ...Stepped.properties, onSiteDueAt: Type.String() }) }),
      },
    },
    (req) => grab(db, queue, principalOf(req), req.actor, req.params.idOrCode, atOf(req.body)),
  );

  app.post(
    "/orders/:idOrCode/reveal-requester",
    {
      config: { ...grabber, scope: "reveal" },
      preValidation: emptyBody,
      schema: {
        tags,
        summary:
          "The requester's name and phone for the taker while the order is his, to call him (logged: 办理联系)",
        params: IdOrCode,
        body: Type.Object({}, { additionalProperties: false }),
        response: responses({
          200: Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) }),
        }),
      },
    },
    (req) => revealRequester(db, principalOf(req), req.actor, req.params.idOrCode),
  );

  for (const { action, summary, body, access } of STEPS)
    app.post(
      `/orders/:idOrCode/${action}`,
      {
        config: { access },
        preValidation: emptyBody,
        schema: { tags, summary, params: IdOrCode, body, response: responses({ 200: Stepped }) },
      },
      (req) => {
        const input = req.body as Omit<StepInput, "at"> & { lat?: number; lng?: number };
        const { lat: _, lng: __, ...rest } = input;
        return takeStep(db, principalOf(req), req.actor, req.params.idOrCode, action, {
          ...rest,
          at: atOf(input),
        });
      },
    );
}

/** The steps after the grab: who may call each (the service checks it is his step), and its body. */
const STEPS: Array<{ action: StepAction; summary: string; body: TObject; access: Access }> = [
  {
    action: "release",
    summary: "The taker gives the order up: back to the pool",
    body: Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false }),
    access: grabber.access,
  },
  {
    action: "arrive",
    summary: "The taker is on site, before the on-site deadline (after it: 409 ON_SITE_OVERDUE)",
    body: Type.Object(where, { additionalProperties: false, ...bothOrNeither }),
    access: grabber.access,
  },
  {
    action: "complete",
    summary: "The taker has done the service: a note and photos; a case it came from is resolved",
    body: Type.Object(
      {
        note: Note,
        photos: Type.Array(FileId, { minItems: 1, maxItems: 9, description: "ids from POST /api/v1/files" }),
      },
      { additionalProperties: false },
    ),
    access: grabber.access,
  },
  {
    action: "rate",
    summary: "The resident rates the service, or the community records a phone callback (回访)",
    body: Type.Object(
      {
        score: Type.Integer({ minimum: 1, maximum: 5 }),
        comment: Type.Optional(Type.String({ maxLength: 500 })),
      },
      { additionalProperties: false },
    ),
    access: "authenticated",
  },
  {
    action: "cancel",
    summary: "The publisher withdraws an open or taken order",
    body: Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false }),
    access: publisher.access,
  },
];
